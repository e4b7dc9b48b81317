import { ProblemCollector } from '../shared/domain-error';
import { cleanText } from '../shared/text';
import { EntryMode } from '../placement/placement.entity';
import { HourCode } from '../placement/hour-code.value-object';
import { HoursMinutes } from '../time/hours-minutes.value-object';
import { IsoWeek } from '../time/iso-week.value-object';
import { LocalDate } from '../time/local-date.value-object';
import { MINUTES_PER_DAY, TimeOfDay } from '../time/time-of-day.value-object';
import { TimeRange } from '../unravel/work-day.value-object';
import { DayEntry, HourCodeMinutes } from './day-entry.value-object';

/** A day as a client sends it: exactly one of `total`, `blocks` (with an optional break) or `hours`. */
export interface DayEntryInput {
  readonly date: string;
  readonly total?: string | null;
  readonly blocks?: readonly TimeRangeInput[] | null;
  readonly breakDuration?: string | null;
  readonly breaks?: readonly TimeRangeInput[] | null;
  readonly hours?: readonly { readonly hourCode: string; readonly hours: string }[] | null;
}

export interface TimeRangeInput {
  readonly start: string;
  readonly end: string;
}

/** What a placement allows for one week: its entry modes or its manual hour codes, and its period. */
export interface EntryRules {
  readonly week: IsoWeek;
  /** For a placement with a CAO schedule. */
  readonly entryModes: ReadonlySet<EntryMode>;
  /** For a placement without one: the codes filled by hand (then only `hours` is allowed). */
  readonly hourCodes: readonly HourCode[] | null;
  readonly startDate: LocalDate;
  readonly endDate: LocalDate | null;
  /** The weeks around this one, so that a shift across Sunday night is never counted in both. */
  readonly neighbours?: WeekNeighbours;
  /** The same worker's days of this week at their other placements: nobody works twice at once. */
  readonly otherWork?: readonly DayEntry[];
}

export interface WeekNeighbours {
  /** Minutes after Monday 00:00 that the previous week's Sunday shift still runs (0 when none). */
  readonly previousSpill: number;
  /** When work starts on the next week's Monday (minutes after 00:00), or null when there is none with times. */
  readonly nextStart: number | null;
}

/** What a week's days mean to the weeks around it: how far Sunday runs into Monday, when Monday starts. */
export function edgesOf(days: readonly DayEntry[], week: IsoWeek): WeekNeighbours {
  const sunday = days.find((d) => d.date.equals(week.sunday));
  const monday = days.find((d) => d.date.equals(week.monday));
  return { previousSpill: Math.max(0, (sunday?.lastEnd ?? 0) - MINUTES_PER_DAY), nextStart: monday?.firstStart ?? null };
}

export const MAX_DAYS = 7;

/**
 * Reads the days of one week as entered, against the placement's rules. Every problem is
 * reported at once by path (`days[2].blocks[0].end`, `days[4].total`); nothing is kept when any
 * is found. Days left out were not worked.
 */
export function parseWeekEntries(inputs: readonly DayEntryInput[], rules: EntryRules): DayEntry[] {
  const problems = new ProblemCollector();
  if (inputs.length > MAX_DAYS) {
    problems.add('days', 'TOO_MANY_DAYS', `A week has at most ${MAX_DAYS} days`, { max: MAX_DAYS });
    problems.throwIfAny();
  }
  const entries: (DayEntry | undefined)[] = inputs.map((input, i) => parseDay(problems, `days[${i}]`, input, rules));
  const byDate = new Map<number, number>();
  entries.forEach((entry, i) => {
    if (!entry) return;
    if (byDate.has(entry.date.epochDay)) {
      problems.add(`days[${i}].date`, 'DAY_DUPLICATE', `${entry.date} is given twice`, { date: entry.date.toString() });
    }
    byDate.set(entry.date.epochDay, i);
  });
  entries.forEach((entry, i) => {
    const next = entry && byDate.get(entry.date.epochDay + 1);
    const nextEntry = next === undefined ? undefined : entries[next];
    const nextStart = nextEntry?.firstStart;
    if (entry && nextStart !== undefined && nextStart !== null && entry.lastEnd - MINUTES_PER_DAY > nextStart) {
      problems.add(`days[${i}].blocks`, 'SHIFT_OVERLAPS_NEXT_DAY', `The shift of ${entry.date} runs into the work entered for ${nextEntry!.date}`, {
        date: entry.date.toString(),
      });
    }
  });
  if (rules.neighbours) checkNeighbours(problems, entries, rules.week, rules.neighbours);
  if (rules.otherWork && rules.otherWork.length > 0) checkOtherWork(problems, entries, rules.otherWork);
  problems.throwIfAny();
  return (entries as DayEntry[]).sort((a, b) => a.date.epochDay - b.date.epochDay);
}

/** A Monday that starts before last week's Sunday shift ended, or a Sunday shift that runs into next Monday's work. */
function checkNeighbours(problems: ProblemCollector, entries: readonly (DayEntry | undefined)[], week: IsoWeek, around: WeekNeighbours): void {
  entries.forEach((entry, i) => {
    if (!entry) return;
    const start = entry.firstStart;
    if (entry.date.equals(week.monday) && start !== null && start < around.previousSpill) {
      problems.add(`days[${i}].blocks`, 'SHIFT_OVERLAPS_PREVIOUS_DAY', `Work on ${entry.date} starts before the shift of the day before has ended`, {
        date: entry.date.toString(),
      });
    }
    if (entry.date.equals(week.sunday) && around.nextStart !== null && entry.lastEnd - MINUTES_PER_DAY > around.nextStart) {
      problems.add(`days[${i}].blocks`, 'SHIFT_OVERLAPS_NEXT_DAY', `The shift of ${entry.date} runs into the work entered for the next day`, {
        date: entry.date.toString(),
      });
    }
  });
}

/**
 * Against the worker's other placements: times may not overlap, and a date holds at most 24:00
 * of work in all (hours counted at two clients at once would be paid twice).
 */
function checkOtherWork(problems: ProblemCollector, entries: readonly (DayEntry | undefined)[], others: readonly DayEntry[]): void {
  const otherSpans = others.flatMap(absoluteSpans);
  entries.forEach((entry, i) => {
    if (!entry || entry.workedMinutes === 0) return;
    const params = { date: entry.date.toString() };
    if (absoluteSpans(entry).some(([start, end]) => otherSpans.some(([s, e]) => start < e && s < end))) {
      problems.add(`days[${i}].blocks`, 'OVERLAPS_OTHER_PLACEMENT', `On ${entry.date} these times overlap hours entered at another placement`, params);
      return;
    }
    const elsewhere = others.filter((o) => o.date.equals(entry.date)).reduce((sum, o) => sum + o.workedMinutes, 0);
    if (elsewhere + entry.workedMinutes > MINUTES_PER_DAY) {
      problems.add(`days[${i}]`, 'DAY_OVER_24_HOURS', `With the hours at another placement, ${entry.date} holds more than 24:00 of work`, params);
    }
  });
}

/** A day's blocks as minutes since the epoch (a night shift runs into the next date). */
function absoluteSpans(entry: DayEntry): [number, number][] {
  const base = entry.date.epochDay * MINUTES_PER_DAY;
  return (entry.workDay?.blocks ?? []).map((b) => [base + b.start, base + b.end]);
}

function parseDay(problems: ProblemCollector, path: string, input: DayEntryInput, rules: EntryRules): DayEntry | undefined {
  const date = problems.attempt(`${path}.date`, () => LocalDate.parse(input.date));
  if (date) checkDate(problems, `${path}.date`, date, rules);
  const given = (['total', 'blocks', 'hours'] as const).filter((field) => input[field] !== undefined && input[field] !== null);
  if (given.length !== 1) {
    problems.add(path, 'DAY_ENTRY_MODE', 'Give a day either a total, or times, or hours per hour code');
    return undefined;
  }
  const field = given[0];
  if (!modeAllowed(problems, `${path}.${field}`, field, rules)) return undefined;
  if (field !== 'blocks' && (has(input.breakDuration) || has(input.breaks))) {
    problems.add(`${path}.${has(input.breakDuration) ? 'breakDuration' : 'breaks'}`, 'BREAK_WITHOUT_TIMES', 'A break goes with start and end times');
    return undefined;
  }
  if (field === 'total') {
    const total = problems.attempt(`${path}.total`, () => HoursMinutes.parse(input.total as string));
    return date && total && DayEntry.total(date, total);
  }
  if (field === 'hours') return parseHours(problems, path, date, input, rules);
  const blocks = parseRanges(problems, `${path}.blocks`, input.blocks ?? []);
  const breaks = parseRanges(problems, `${path}.breaks`, input.breaks ?? []);
  const breakDuration = has(input.breakDuration) ? problems.attempt(`${path}.breakDuration`, () => HoursMinutes.parse(input.breakDuration as string)) : null;
  if (!date || !blocks || !breaks || breakDuration === undefined) return undefined;
  return problems.attempt(path, () => DayEntry.times(date, blocks, breakDuration, breaks));
}

function checkDate(problems: ProblemCollector, path: string, date: LocalDate, rules: EntryRules): void {
  if (!rules.week.contains(date)) {
    problems.add(path, 'DAY_OUTSIDE_WEEK', `${date} is not in week ${rules.week}`, { date: date.toString(), week: rules.week.toString() });
  } else if (date.isBefore(rules.startDate) || (rules.endDate !== null && date.isAfter(rules.endDate))) {
    problems.add(path, 'DAY_OUTSIDE_PLACEMENT', `${date} is outside the placement's period`, {
      date: date.toString(),
      start: rules.startDate.toString(),
      end: rules.endDate?.toString() ?? '',
    });
  }
}

function modeAllowed(problems: ProblemCollector, path: string, field: 'total' | 'blocks' | 'hours', rules: EntryRules): boolean {
  const mode = field === 'total' ? 'DAY_TOTAL' : field === 'blocks' ? 'TIMES' : 'HOUR_CODES';
  const allowed = rules.hourCodes !== null ? mode === 'HOUR_CODES' : mode !== 'HOUR_CODES' && rules.entryModes.has(mode);
  if (!allowed) {
    const modes = rules.hourCodes !== null ? 'HOUR_CODES' : [...rules.entryModes].join(', ');
    problems.add(path, 'ENTRY_MODE_NOT_ALLOWED', `This placement does not take hours as ${mode}; it takes ${modes}`, { mode, allowed: modes });
  }
  return allowed;
}

function parseHours(problems: ProblemCollector, path: string, date: LocalDate | undefined, input: DayEntryInput, rules: EntryRules): DayEntry | undefined {
  const codes = new Set((rules.hourCodes ?? []).map((c) => c.code));
  const list = input.hours ?? [];
  if (list.length > codes.size) {
    problems.add(`${path}.hours`, 'TOO_MANY_HOUR_CODES', `This placement has ${codes.size} hour codes`, { max: codes.size });
    return undefined;
  }
  const hours = list.map((h, j): HourCodeMinutes | undefined => {
    const typed = typeof h.hourCode === 'string' ? h.hourCode.trim().toUpperCase() : '';
    const given = problems.attempt(`${path}.hours[${j}].hourCode`, () => cleanText(typed));
    const code = given ?? '';
    if (given !== undefined && !codes.has(code)) {
      problems.add(`${path}.hours[${j}].hourCode`, 'HOUR_CODE_NOT_ON_PLACEMENT', `Hour code ${code.slice(0, 16)} is not one of this placement's`, {
        value: code.slice(0, 16),
        allowed: [...codes].join(', '),
      });
    }
    const duration = problems.attempt(`${path}.hours[${j}].hours`, () => HoursMinutes.parse(h.hours));
    return duration && codes.has(code) ? { hourCode: code, minutes: duration.totalMinutes } : undefined;
  });
  if (!date || hours.some((h) => h === undefined)) return undefined;
  return problems.attempt(path, () => DayEntry.hourCodes(date, hours as HourCodeMinutes[]));
}

export const MAX_BLOCKS = 8;

function parseRanges(problems: ProblemCollector, path: string, inputs: readonly TimeRangeInput[]): TimeRange[] | undefined {
  if (inputs.length > MAX_BLOCKS) {
    problems.add(path, 'TOO_MANY_BLOCKS', `A day has at most ${MAX_BLOCKS} blocks or breaks`, { max: MAX_BLOCKS });
    return undefined;
  }
  let ok = true;
  const ranges = inputs.map((r, i) => {
    const start = problems.attempt(`${path}[${i}].start`, () => TimeOfDay.parse(r.start));
    const end = problems.attempt(`${path}[${i}].end`, () => TimeOfDay.parseEnd(r.end));
    if (!start || !end) ok = false;
    return { start, end } as TimeRange;
  });
  return ok ? ranges : undefined;
}

function has(value: unknown): boolean {
  return value !== undefined && value !== null;
}
