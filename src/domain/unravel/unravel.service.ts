import { ValidationError } from '../shared/domain-error';
import { IsoWeek } from '../time/iso-week.value-object';
import { allowanceTotalsOf, countAllowances } from './allowance-count';
import { CaoUnravelSchedule } from './cao-unravel-schedule';
import { CompiledVersion } from './compiled-version';
import { DaySweep, SweepDay } from './day-sweep';
import { LineClass } from './line-class';
import { NationalHolidaySource, TimeZoneRules } from './unravel-ports';
import { LineKind, UnravelAllowance, UnravelAllowanceTotal, UnravelDay, UnravelNote, UnravelResult, UnravelTotal } from './unravel-result';
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
const context = new SweepDay();

/**
 * Splits the worked time of one week into lines of hour code, kind, percentage and minutes,
 * after the CAO unravel schedule in force on each work day, and counts the allowances of each
 * work day beside them (they never change a minute line). Pure and deterministic: the same
 * input gives the same result. Throws a ValidationError for days outside the week, two entries
 * for one date, or a date before the schedule's first version.
 */
export function unravel(input: UnravelInput): UnravelResult {
  const days = checkedDays(input);
  const mondayEpoch = input.week.mondayEpoch;
  const calendar = WeekCalendar.of(mondayEpoch, input.holidays, input.timeZone);
  sweep.startWeek();
  const result = new Array<UnravelDay>(days.length);
  let workedTotal = 0;
  let lastVersion: CompiledVersion | null = null;
  let extra: LineClass | null = null;
  let counted = false;
  for (let d = 0; d < days.length; d++) {
    const day = days[d];
    const epochDay = day.epochDay;
    const version = input.schedule.compiledAt(epochDay);
    const index = epochDay - mondayEpoch + 1;
    if (index < 1 || index > 7) throw dayProblem(input, day, R.WORK_DAY_OUTSIDE_WEEK, `${day.date} is not in week ${input.week}`);
    if (d > 0 && days[d - 1].epochDay === epochDay) throw dayProblem(input, day, R.WORK_DAY_DUPLICATE, `${day.date} is given twice`);
    if (version === undefined) throw dayProblem(input, day, R.NO_SCHEDULE_VERSION, `The schedule has no version in force on ${day.date}`);
    const kinds = calendar.kinds(version);
    context.version = version;
    context.kinds[0] = kinds[index - 1];
    context.kinds[1] = kinds[index];
    context.kinds[2] = kinds[index + 1];
    context.dates[0] = calendar.dates[index];
    context.dates[1] = calendar.dates[index + 1];
    const change0 = calendar.changes[index];
    const change1 = calendar.changes[index + 1];
    context.changeAt[0] = change0 === null ? 0 : change0.atMinute;
    context.changeShift[0] = change0 === null ? 0 : change0.shiftMinutes;
    context.changeAt[1] = change1 === null ? 0 : change1.atMinute;
    context.changeShift[1] = change1 === null ? 0 : change1.shiftMinutes;
    if (version !== lastVersion) {
      extra = extraClass(version, input.contractMinutes);
      lastVersion = version;
    }
    context.extra = extra;
    context.contract = input.contractMinutes ?? 0;
    const worked = sweep.run(day, context);
    const lines = sweep.lines;
    workedTotal += worked;
    const notApplied = day.totalMinutes !== null && worked > 0 ? notesOfTotal(version, context.kinds[0], context.kinds[1], worked) : NONE;
    let allowances = NO_ALLOWANCES;
    if (version.allowances !== null) {
      allowances = countAllowances(version.allowances, { date: day.date, kind: context.kinds[1], workedMinutes: worked, lines, gaps: sweep.blockGaps(day) });
      counted = true;
    }
    result[d] = { date: day.date, scheduleVersion: version.label, workedMinutes: worked, lines, notApplied, adjustments: sweep.adjustments, allowances };
  }
  const allowanceTotals = counted ? allowanceTotalsOf(result) : NO_ALLOWANCE_TOTALS;
  return { week: input.week, days: result, totals: totalsOf(sweep.touched), workedMinutes: workedTotal, allowanceTotals };
}

const NONE: readonly UnravelNote[] = Object.freeze([]);
const NO_ALLOWANCES: readonly UnravelAllowance[] = Object.freeze([]);
const NO_ALLOWANCE_TOTALS: readonly UnravelAllowanceTotal[] = Object.freeze([]);

/** A total is taken as the working time after the break: a minimum break cannot be checked on it. */
function notesOfTotal(version: CompiledVersion, prev: number, kind: number, worked: number): readonly UnravelNote[] {
  const notes = version.profile(prev, kind).wholeDay.notApplied;
  const minimum = version.minimumBreaks;
  if (minimum === null || worked <= minimum.over[0]) return notes;
  return [...notes, version.breakNotChecked as UnravelNote];
}

/** Extra hours exist only between contract hours and a weekly threshold above them. */
function extraClass(version: CompiledVersion, contract: number | null): LineClass | null {
  const weekly = version.weekly;
  if (contract === null || weekly === null || contract >= weekly.tiers[0].after) return null;
  return version.extraLine(contract, weekly.tiers[0].after);
}

/** The days in date order; most callers give them in order already, so no copy then. */
function checkedDays(input: UnravelInput): readonly WorkDay[] {
  const contract = input.contractMinutes;
  if (contract !== null && (!Number.isInteger(contract) || contract < 0 || contract > 10080)) {
    throw ValidationError.of('contractMinutes', R.CONTRACT_HOURS_RANGE, 'Contract hours are between 0:00 and 168:00 a week');
  }
  let days = input.days;
  for (let i = 1; i < days.length; i++) {
    if (days[i].epochDay <= days[i - 1].epochDay) {
      days = [...days].sort((a, b) => a.epochDay - b.epochDay);
      break;
    }
  }
  return days;
}

function dayProblem(input: UnravelInput, day: WorkDay, reason: string, message: string): ValidationError {
  return ValidationError.of(`days[${input.days.indexOf(day)}].date`, reason, message, { date: day.date.toString(), week: input.week.toString() });
}

/** Week totals per hour code, kind and percentage, from the classes that got minutes. */
function totalsOf(classes: readonly LineClass[]): UnravelTotal[] {
  const totals: { hourCode: string; kind: LineKind; percentage: number; minutes: number }[] = [];
  const ids: number[] = [];
  for (let c = 0; c < classes.length; c++) {
    const cls = classes[c];
    const t = ids.indexOf(cls.totalId);
    if (t >= 0) totals[t].minutes += cls.weekMinutes;
    else {
      ids.push(cls.totalId);
      totals.push({ hourCode: cls.hourCode, kind: cls.kind, percentage: cls.percentage, minutes: cls.weekMinutes });
    }
  }
  // Insertion sort: a week has a handful of totals, and Array.sort with a comparator costs more.
  for (let i = 1; i < totals.length; i++) {
    const item = totals[i];
    let j = i - 1;
    while (j >= 0 && compareTotals(totals[j], item) > 0) {
      totals[j + 1] = totals[j];
      j--;
    }
    totals[j + 1] = item;
  }
  return totals;
}

function compareTotals(a: UnravelTotal, b: UnravelTotal): number {
  if (a.hourCode !== b.hourCode) return a.hourCode < b.hourCode ? -1 : 1;
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  return a.percentage - b.percentage;
}
