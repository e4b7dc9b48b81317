import { HourCode } from '../placement/hour-code.value-object';
import { IsoWeek } from '../time/iso-week.value-object';
import { CaoUnravelSchedule } from '../unravel/cao-unravel-schedule';
import { ExplanationKey } from '../unravel/explanation-keys';
import { NationalHolidaySource, TimeZoneRules } from '../unravel/unravel-ports';
import { Explanation, LineKind, RuleReference, UnravelResult } from '../unravel/unravel-result';
import { ValidationError } from '../shared/domain-error';
import { unravel } from '../unravel/unravel.service';
import { WorkDay } from '../unravel/work-day.value-object';
import { DayEntry } from './day-entry.value-object';
import { PeriodSettlement } from './period-settlement.data';

/**
 * A line kind of the engine; MANUAL: hours a worker filled in per hour code by hand;
 * PERIOD_OVERTIME: overtime over a settlement period, on the period's last week (period-settlement.ts).
 */
export type BreakdownLineKind = LineKind | 'MANUAL' | 'PERIOD_OVERTIME';

/**
 * The hours of a week split into lines of hour code, kind, percentage and minutes: what the
 * preview shows and what a declaration keeps. Plain JSON data (dates as `YYYY-MM-DD`), so a
 * declaration stores it as it is and never computes it again.
 */
export interface BreakdownLine {
  readonly date: string;
  readonly hourCode: string;
  readonly kind: BreakdownLineKind;
  readonly percentage: number;
  readonly minutes: number;
  readonly from: string | null;
  readonly to: string | null;
  /** The schedule rule that made the line; null for MANUAL lines. */
  readonly rule: RuleReference | null;
  readonly explanation: Explanation;
}

export interface BreakdownDay {
  readonly date: string;
  readonly workedMinutes: number;
  /** The schedule version (its `validFrom`) the day was unravelled with; null for manual hours. */
  readonly scheduleVersion: string | null;
  readonly lines: readonly BreakdownLine[];
  readonly notApplied: readonly { readonly rule: RuleReference; readonly explanation: Explanation }[];
  /** What the schedule changed in what was entered (a break raised to its minimum); absent in declarations stored before. */
  readonly adjustments?: readonly { readonly rule: RuleReference; readonly explanation: Explanation }[];
  /** Allowances counted on this work day (a count, no minutes); absent in declarations stored before allowances existed. */
  readonly allowances?: readonly BreakdownAllowance[];
}

/** A fixed allowance counted on a work day: payroll exports it beside the minute lines, with its count. */
export interface BreakdownAllowance {
  readonly date: string;
  readonly hourCode: string;
  readonly kind: 'ALLOWANCE';
  readonly count: number;
  readonly rule: RuleReference;
  readonly explanation: Explanation;
}

export interface BreakdownAllowanceTotal {
  readonly hourCode: string;
  readonly count: number;
}

export interface BreakdownTotal {
  readonly hourCode: string;
  readonly kind: BreakdownLineKind;
  readonly percentage: number;
  readonly minutes: number;
}

export interface HoursBreakdown {
  readonly days: readonly BreakdownDay[];
  readonly totals: readonly BreakdownTotal[];
  readonly workedMinutes: number;
  /** The schedule and the versions of it that were used; null for manual hours. */
  readonly schedule: { readonly id: string; readonly name: string; readonly versions: readonly string[] } | null;
  /** The week's allowances per hour code; absent in declarations stored before allowances existed. */
  readonly allowanceTotals?: readonly BreakdownAllowanceTotal[];
  /** On the last week of a settlement period: the period settled, its lines are PERIOD_OVERTIME lines of the days. Absent otherwise. */
  readonly settlement?: PeriodSettlement | null;
}

/** Where the hour codes of a week come from, resolved: the schedule itself, or the manual codes. */
export type ResolvedHourSource =
  | { readonly kind: 'CAO_SCHEDULE'; readonly scheduleId: string; readonly schedule: CaoUnravelSchedule }
  | { readonly kind: 'MANUAL_HOUR_CODES'; readonly hourCodes: readonly HourCode[] };

export interface BreakdownInput {
  readonly week: IsoWeek;
  readonly entries: readonly DayEntry[];
  readonly source: ResolvedHourSource;
  readonly contractMinutes: number | null;
  readonly holidays: NationalHolidaySource;
  readonly timeZone: TimeZoneRules;
}

export const MANUAL_LINE_EXPLANATION = ExplanationKey.MANUAL;

/** Unravels the week with the schedule, or lists the manual hours as they were entered. */
export function breakDownWeek(input: BreakdownInput): HoursBreakdown {
  return input.source.kind === 'CAO_SCHEDULE' ? unravelled(input, input.source) : manual(input.entries, input.source.hourCodes);
}

function unravelled(input: BreakdownInput, source: { scheduleId: string; schedule: CaoUnravelSchedule }): HoursBreakdown {
  const result = unravelWeek(input, source.schedule);
  // JSON round trip: the engine's flyweight lines and value objects print themselves as plain data.
  const plain = JSON.parse(JSON.stringify(result)) as { days: BreakdownDay[]; totals: BreakdownTotal[]; workedMinutes: number; allowanceTotals: BreakdownAllowanceTotal[] };
  const versions = [...new Set(plain.days.map((d) => d.scheduleVersion as string))].sort();
  return {
    days: plain.days,
    totals: plain.totals,
    workedMinutes: plain.workedMinutes,
    schedule: { id: source.scheduleId, name: source.schedule.name, versions },
    allowanceTotals: plain.allowanceTotals,
  };
}

/**
 * Only the week totals of `breakDownWeek` with a schedule, from the same unravel of the same
 * entries: what comparing a week with its approved totals needs (issue 13, rule 7), without
 * turning every line into JSON (most of the time of a breakdown).
 */
export function breakDownWeekTotals(input: BreakdownInput): BreakdownTotal[] {
  if (input.source.kind !== 'CAO_SCHEDULE') throw new Error('only a week unravelled with a schedule has totals to compare');
  return unravelWeek(input, input.source.schedule).totals.map((t) => ({ hourCode: t.hourCode, kind: t.kind, percentage: t.percentage, minutes: t.minutes }));
}

function unravelWeek(input: BreakdownInput, schedule: CaoUnravelSchedule): UnravelResult {
  // Callers read the days against the placement first; a day of the other kind here is a bug, never hours to drop.
  if (input.entries.some((e) => e.kind === 'HOUR_CODES' && e.workedMinutes > 0)) throw new Error('hours per hour code cannot be unravelled');
  const days = input.entries.filter((e) => e.workDay !== null && e.workedMinutes > 0).map((e) => e.workDay as WorkDay);
  try {
    return unravel({
      week: input.week,
      days,
      schedule,
      holidays: input.holidays,
      contractMinutes: input.contractMinutes,
      timeZone: input.timeZone,
    });
  } catch (error) {
    throw error instanceof ValidationError ? atEnteredDay(error, input.entries) : error;
  }
}

/** The engine names a day by its place among the worked days; the caller knows it by its place in the week as entered. */
function atEnteredDay(error: ValidationError, entries: readonly DayEntry[]): ValidationError {
  return new ValidationError(
    error.problems.map((p) => {
      const index = entries.findIndex((e) => e.date.toString() === p.params?.date);
      return index < 0 ? p : { ...p, path: `days[${index}].date` };
    }),
  );
}

function manual(entries: readonly DayEntry[], hourCodes: readonly HourCode[]): HoursBreakdown {
  const byCode = new Map(hourCodes.map((c) => [c.code, c]));
  for (const entry of entries) {
    if (entry.kind !== 'HOUR_CODES' && entry.workedMinutes > 0) throw new Error('a day total or times cannot be split by manual hour codes');
    const unknown = entry.hours.find((h) => !byCode.has(h.hourCode));
    if (unknown) throw new Error(`hour code ${unknown.hourCode} is not one of the placement's`);
  }
  const totals = new Map<string, number>();
  const days = entries
    .filter((e) => e.workedMinutes > 0)
    .map((entry): BreakdownDay => {
      const lines = entry.hours.map((h): BreakdownLine => {
        const code = byCode.get(h.hourCode);
        const percentage = code?.percentage ?? 100;
        totals.set(h.hourCode, (totals.get(h.hourCode) ?? 0) + h.minutes);
        return {
          date: entry.date.toString(),
          hourCode: h.hourCode,
          kind: 'MANUAL',
          percentage,
          minutes: h.minutes,
          from: null,
          to: null,
          rule: null,
          explanation: { key: MANUAL_LINE_EXPLANATION, params: { hourCode: h.hourCode, percentage } },
        };
      });
      return { date: entry.date.toString(), workedMinutes: entry.workedMinutes, scheduleVersion: null, lines, notApplied: [], adjustments: [], allowances: [] };
    });
  return {
    days,
    totals: [...totals.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([hourCode, minutes]) => ({ hourCode, kind: 'MANUAL' as const, percentage: byCode.get(hourCode)?.percentage ?? 100, minutes })),
    workedMinutes: days.reduce((sum, d) => sum + d.workedMinutes, 0),
    schedule: null,
    allowanceTotals: [],
  };
}
