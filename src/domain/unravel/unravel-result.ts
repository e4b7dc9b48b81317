import { IsoWeek } from '../time/iso-week.value-object';
import { LocalDate } from '../time/local-date.value-object';

/**
 * What unravelling a week gives. Time lines (NORMAL, EXTRA, OVERTIME) hold every worked minute
 * exactly once; surcharge lines (ORT, SHIFT_SURCHARGE) come on top. So the pay of the week in
 * 100 %-hours is Σ minutes × percentage / 100 / 60 over all lines. Every value is plain data or a
 * value object that prints itself as JSON, so a result can be stored as it is.
 */
export type LineKind = 'NORMAL' | 'EXTRA' | 'OVERTIME' | 'ORT' | 'SHIFT_SURCHARGE' | 'MINIMUM_PAY';

export function isTimeKind(kind: string): boolean {
  return kind === 'NORMAL' || kind === 'EXTRA' || kind === 'OVERTIME';
}

/** Which rule of which schedule version made a line: `rule` is the rule's id in the schedule. */
export interface RuleReference {
  readonly scheduleVersion: string;
  readonly rule: string;
}

/** A message key of the `unravel` i18n namespace and its parameters. */
export interface Explanation {
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface UnravelLine {
  /** The date the minutes fall on: the day after the work day for the part of a shift past midnight. */
  readonly date: LocalDate;
  readonly hourCode: string;
  readonly kind: LineKind;
  readonly percentage: number;
  readonly minutes: number;
  /** Local wall-clock range `HH:MM` (`to` may be `24:00`), or null for a day entered as a total. */
  readonly from: string | null;
  readonly to: string | null;
  readonly rule: RuleReference;
  readonly explanation: Explanation;
}

/** A rule that could not be applied to a day, and why (e.g. it needs times, the day has a total). */
export interface UnravelNote {
  readonly rule: RuleReference;
  readonly explanation: Explanation;
}

/**
 * A fixed allowance counted on a work day (the date its shift starts on): no minutes, a count.
 * Each allowance rule gives at most one a day; only counts of 1 or more are listed.
 */
export interface UnravelAllowance {
  readonly date: LocalDate;
  readonly hourCode: string;
  readonly kind: 'ALLOWANCE';
  readonly count: number;
  readonly rule: RuleReference;
  readonly explanation: Explanation;
}

export interface UnravelAllowanceTotal {
  readonly hourCode: string;
  readonly count: number;
}

export interface UnravelDay {
  readonly date: LocalDate;
  readonly scheduleVersion: string;
  /** Real elapsed minutes worked, breaks excluded (a night when clocks change counts as it lasted). */
  readonly workedMinutes: number;
  readonly lines: readonly UnravelLine[];
  readonly notApplied: readonly UnravelNote[];
  /** Rules that changed what was entered (a break raised to the schedule's minimum), and how. */
  readonly adjustments: readonly UnravelNote[];
  /** Allowances counted on this work day (empty when none, always for a version without allowances). */
  readonly allowances: readonly UnravelAllowance[];
}

export interface UnravelTotal {
  readonly hourCode: string;
  readonly kind: LineKind;
  readonly percentage: number;
  readonly minutes: number;
}

export interface UnravelResult {
  readonly week: IsoWeek;
  readonly days: readonly UnravelDay[];
  /** Per hour code (and its kind and percentage), in order of hour code. */
  readonly totals: readonly UnravelTotal[];
  readonly workedMinutes: number;
  /** Allowances of the week per hour code, in order of hour code (empty when none). */
  readonly allowanceTotals: readonly UnravelAllowanceTotal[];
}

/** The pay of lines in 100 %-minutes (minutes × percentage / 100). */
export function payInPercentMinutes(lines: readonly { minutes: number; percentage: number }[]): number {
  let sum = 0;
  for (const line of lines) sum += line.minutes * line.percentage;
  return sum / 100;
}
