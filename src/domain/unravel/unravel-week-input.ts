import { ProblemCollector } from '../shared/domain-error';
import { HoursMinutes } from '../time/hours-minutes.value-object';
import { IsoWeek } from '../time/iso-week.value-object';
import { LocalDate } from '../time/local-date.value-object';
import { TimeOfDay } from '../time/time-of-day.value-object';
import { WeekHours } from '../time/week-hours.value-object';
import { joinPath, readList, readObject, readParsed } from './raw-reader';
import { UnravelReason as R } from './unravel.errors';
import { BreakInput, TimeRange, WorkDay } from './work-day.value-object';

/** A week of work as the `npm run unravel` command (and tests) read it from JSON. */
export interface UnravelWeekInput {
  readonly week: IsoWeek;
  readonly contractMinutes: number | null;
  readonly days: readonly WorkDay[];
}

/**
 * Reads `{ week: "2026-W48", contractHours?: "24:00", days: [ … ] }`, where a day is
 * `{ date, total: "7:30" }` or `{ date, blocks: [{ start, end }], break?: "0:30" | breaks?: [{ start, end }] }`.
 * `description` is free text for people. Throws a ValidationError with every problem by path.
 */
export function parseUnravelWeek(raw: unknown): UnravelWeekInput {
  const c = new ProblemCollector();
  const o = readObject(c, '', raw, ['week', 'contractHours', 'days', 'description']);
  const week = o && readParsed(c, 'week', o.week, IsoWeek.parse);
  const contract = o && o.contractHours !== undefined && o.contractHours !== null ? readParsed(c, 'contractHours', o.contractHours, WeekHours.parse) : null;
  const days = (o ? readList(c, 'days', o.days, true) ?? [] : []).map((value, i) => parseWorkDay(c, joinPath('days', i), value));
  const seen = new Set<number>();
  days.forEach((day, i) => {
    if (!day) return;
    if (seen.has(day.date.epochDay)) c.add(`days[${i}].date`, R.WORK_DAY_DUPLICATE, `${day.date} is given twice`, { date: day.date.toString() });
    seen.add(day.date.epochDay);
    if (week && !week.contains(day.date)) {
      c.add(`days[${i}].date`, R.WORK_DAY_OUTSIDE_WEEK, `${day.date} is not in week ${week}`, { date: day.date.toString(), week: week.toString() });
    }
  });
  c.throwIfAny();
  return { week: week as IsoWeek, contractMinutes: contract ? contract.totalMinutes : null, days: days as WorkDay[] };
}

/** One work day from JSON; problems go to the collector under `path`. */
export function parseWorkDay(c: ProblemCollector, path: string, raw: unknown): WorkDay | undefined {
  const o = readObject(c, path, raw, ['date', 'total', 'blocks', 'break', 'breaks']);
  if (!o) return undefined;
  const date = readParsed(c, joinPath(path, 'date'), o.date, LocalDate.parse);
  const hasTotal = o.total !== undefined;
  const hasBlocks = o.blocks !== undefined;
  if (hasTotal === hasBlocks || (hasTotal && (o.break !== undefined || o.breaks !== undefined)) || (o.break !== undefined && o.breaks !== undefined)) {
    c.add(path, R.WORK_DAY_MODE, 'A day has either a total, or blocks with at most one of break and breaks');
    return undefined;
  }
  if (hasTotal) {
    const total = readParsed(c, joinPath(path, 'total'), o.total, HoursMinutes.parse);
    return date && total && WorkDay.ofTotal(date, total);
  }
  const blocks = readRanges(c, joinPath(path, 'blocks'), o.blocks);
  let breakInput: BreakInput | undefined;
  if (o.break !== undefined) {
    const duration = readParsed(c, joinPath(path, 'break'), o.break, HoursMinutes.parse);
    breakInput = duration && { duration };
  } else if (o.breaks !== undefined) {
    const times = readRanges(c, joinPath(path, 'breaks'), o.breaks);
    breakInput = times && { times };
  }
  if (!date || !blocks || (breakInput === undefined && (o.break !== undefined || o.breaks !== undefined))) return undefined;
  return c.attempt(path, () => WorkDay.ofBlocks(date, blocks, breakInput));
}

function readRanges(c: ProblemCollector, path: string, raw: unknown): TimeRange[] | undefined {
  const list = readList(c, path, raw, true);
  if (!list) return undefined;
  const ranges = list.map((value, i) => {
    const p = joinPath(path, i);
    const o = readObject(c, p, value, ['start', 'end']);
    const start = o && readParsed(c, joinPath(p, 'start'), o.start, TimeOfDay.parse);
    const end = o && readParsed(c, joinPath(p, 'end'), o.end, TimeOfDay.parseEnd);
    return start && end ? { start, end } : undefined;
  });
  return ranges.every((r) => r !== undefined) ? (ranges as TimeRange[]) : undefined;
}
