import { ValidationError } from '../shared/domain-error';
import { IsoWeek } from '../time/iso-week.value-object';
import { CaoUnravelSchedule } from './cao-unravel-schedule';
import { CompiledVersion } from './compiled-version';
import { HOLIDAY_KIND } from './day-kind';
import { DaySweep, SweepDay } from './day-sweep';
import { LineClass } from './line-class';
import { NationalHolidaySource, TimeZoneRules } from './unravel-ports';
import { LineKind, UnravelDay, UnravelLine, UnravelResult, UnravelTotal } from './unravel-result';
import { UnravelReason as R } from './unravel.errors';
import { WeekCalendar } from './week-calendar';
import { WorkDay } from './work-day.value-object';

export interface UnravelInput {
  readonly week: IsoWeek;
  /** The work days of the week, in any order, at most one per date. */
  readonly days: readonly WorkDay[];
  readonly schedule: CaoUnravelSchedule;
  readonly holidays: NationalHolidaySource;
  /** The placement's contract hours per week in minutes, or null when it has none. */
  readonly contractMinutes: number | null;
  readonly timeZone: TimeZoneRules;
}

const sweep = new DaySweep();

/**
 * Splits the worked time of one week into lines of hour code, kind, percentage and minutes,
 * after the CAO unravel schedule in force on each work day. Pure and deterministic: the same
 * input gives the same result. Throws a ValidationError for days outside the week, two entries
 * for one date, or a date before the schedule's first version.
 */
export function unravel(input: UnravelInput): UnravelResult {
  const days = checkedDays(input);
  const calendar = new WeekCalendar(input.week.monday, input.holidays, input.timeZone);
  const mondayEpoch = calendar.dates[1].epochDay;
  const extras = new Map<CompiledVersion, LineClass | null>();
  sweep.weekMinutes = 0;
  const result: UnravelDay[] = [];
  let workedTotal = 0;
  for (const day of days) {
    const version = input.schedule.compiledAt(day.date.epochDay) as CompiledVersion;
    const index = day.date.epochDay - mondayEpoch + 1;
    let extra = extras.get(version);
    if (extra === undefined) {
      extra = extraClass(version, input.contractMinutes);
      extras.set(version, extra);
    }
    const context: SweepDay = {
      version,
      kinds: [kindOf(version, calendar, index - 1), kindOf(version, calendar, index), kindOf(version, calendar, index + 1)],
      dates: [calendar.dates[index], calendar.dates[index + 1]],
      changeAt: [calendar.changes[index]?.atMinute ?? 0, calendar.changes[index + 1]?.atMinute ?? 0],
      changeShift: [calendar.changes[index]?.shiftMinutes ?? 0, calendar.changes[index + 1]?.shiftMinutes ?? 0],
      extra,
      contract: input.contractMinutes ?? 0,
    };
    const lines: UnravelLine[] = [];
    const worked = sweep.run(day, context, lines);
    workedTotal += worked;
    const notApplied = day.totalMinutes !== null && worked > 0 ? version.profile(context.kinds[0], context.kinds[1]).wholeDay.notApplied : [];
    result.push({ date: day.date, scheduleVersion: version.label, workedMinutes: worked, lines, notApplied });
  }
  return { week: input.week, days: result, totals: totalsOf(result), workedMinutes: workedTotal };
}

function kindOf(version: CompiledVersion, calendar: WeekCalendar, index: number): number {
  const date = calendar.dates[index];
  return version.holidays.counts(calendar.holidays[index], date) ? HOLIDAY_KIND : date.weekday.iso - 1;
}

/** Extra hours exist only between contract hours and a weekly threshold above them. */
function extraClass(version: CompiledVersion, contract: number | null): LineClass | null {
  const weekly = version.weekly;
  if (contract === null || weekly === null || contract >= weekly.tiers[0].after) return null;
  return version.extraLine(contract, weekly.tiers[0].after);
}

function checkedDays(input: UnravelInput): WorkDay[] {
  const days = [...input.days].sort((a, b) => a.date.epochDay - b.date.epochDay);
  if (input.contractMinutes !== null && (!Number.isInteger(input.contractMinutes) || input.contractMinutes < 0 || input.contractMinutes > 10080)) {
    throw ValidationError.of('contractMinutes', R.CONTRACT_HOURS_RANGE, 'Contract hours are between 0:00 and 168:00 a week');
  }
  days.forEach((day, i) => {
    const path = `days[${input.days.indexOf(day)}].date`;
    if (!input.week.contains(day.date)) {
      throw ValidationError.of(path, R.WORK_DAY_OUTSIDE_WEEK, `${day.date} is not in week ${input.week}`, { date: day.date.toString(), week: input.week.toString() });
    }
    if (i > 0 && days[i - 1].date.equals(day.date)) {
      throw ValidationError.of(path, R.WORK_DAY_DUPLICATE, `${day.date} is given twice`, { date: day.date.toString() });
    }
    if (!input.schedule.compiledAt(day.date.epochDay)) {
      throw ValidationError.of(path, R.NO_SCHEDULE_VERSION, `The schedule has no version in force on ${day.date}`, { date: day.date.toString() });
    }
  });
  return days;
}

function totalsOf(days: readonly UnravelDay[]): UnravelTotal[] {
  const totals: { hourCode: string; kind: LineKind; percentage: number; minutes: number }[] = [];
  for (const day of days) {
    for (const line of day.lines) {
      const found = totals.find((t) => t.hourCode === line.hourCode && t.kind === line.kind && t.percentage === line.percentage);
      if (found) found.minutes += line.minutes;
      else totals.push({ hourCode: line.hourCode, kind: line.kind, percentage: line.percentage, minutes: line.minutes });
    }
  }
  return totals.sort((a, b) => (a.hourCode < b.hourCode ? -1 : a.hourCode > b.hourCode ? 1 : a.percentage - b.percentage));
}
