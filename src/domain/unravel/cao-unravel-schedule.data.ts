import { WeekdayCode } from '../time/weekday.value-object';

/**
 * The JSON format of a CAO unravel schedule, after validation with every default filled in.
 * Plain data only (strings, numbers, arrays, objects): it is what issue-4 stores as JSON and what
 * a GraphQL input mirrors. `docs/unravel.md` describes every field.
 */

/** A weekday, or `HOLIDAY`: a date that is a counted public holiday is a HOLIDAY and no weekday. */
export type DaySelector = WeekdayCode | 'HOLIDAY';
export const DAY_SELECTORS: readonly DaySelector[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN', 'HOLIDAY'];

export type PercentageTable = Partial<Record<DaySelector, number>>;

export const NATIONAL_HOLIDAY_NAMES = [
  'NEW_YEARS_DAY',
  'GOOD_FRIDAY',
  'EASTER_SUNDAY',
  'EASTER_MONDAY',
  'KINGS_DAY',
  'LIBERATION_DAY',
  'ASCENSION_DAY',
  'WHIT_SUNDAY',
  'WHIT_MONDAY',
  'CHRISTMAS_DAY',
  'BOXING_DAY',
] as const;
export type NationalHolidayName = (typeof NATIONAL_HOLIDAY_NAMES)[number];

/** The days most CAOs count: all national days but Good Friday; Liberation Day has its own option. */
export const DEFAULT_NATIONAL_DAYS: readonly NationalHolidayName[] = NATIONAL_HOLIDAY_NAMES.filter(
  (name) => name !== 'GOOD_FRIDAY' && name !== 'LIBERATION_DAY',
);

export type LiberationDayRule = 'EVERY_YEAR' | 'EVERY_FIFTH_YEAR' | 'NEVER';
export type OrtOverlapRule = 'REFUSE' | 'HIGHEST' | 'ADD';
export type OvertimeWithOrtRule = 'ADD' | 'HIGHEST' | 'ORT_REPLACES_OVERTIME';
export type OvertimeBasis = 'DAY' | 'SHIFT';

export interface TimeWindowData {
  readonly days: readonly DaySelector[];
  /** `HH:MM`; `to` may be `24:00`; a `to` at or before `from` runs into the next date. */
  readonly from: string;
  readonly to: string;
}

export interface OrtWindowData extends TimeWindowData {
  readonly id: string;
  /** One percentage, or a table per day (then `days` are the table's keys). */
  readonly percentage: number | PercentageTable;
  readonly hourCode: string;
}

export interface TierWindowData extends TimeWindowData {
  readonly percentage: number;
  readonly hourCode: string;
}

export interface OvertimeTierData {
  /** `H:MM` worked (per day/shift, or per week) after which this tier starts. */
  readonly after: string;
  readonly percentage: number;
  readonly hourCode: string;
  /** Time windows where an overtime minute of this tier is worth another percentage. */
  readonly windows: readonly TierWindowData[];
}

export interface DailyOvertimeData {
  readonly id: string;
  /** The kinds of work day (by the date the shift starts) the rule applies to. */
  readonly days: readonly DaySelector[];
  readonly per: OvertimeBasis;
  readonly tiers: readonly OvertimeTierData[];
}

export interface WeeklyOvertimeData {
  readonly id: string;
  /** Only work days of these kinds count towards the weekly hours. */
  readonly countedDays: readonly DaySelector[];
  readonly tiers: readonly OvertimeTierData[];
}

export interface WeekdayOvertimeData {
  readonly id: string;
  readonly days: readonly DaySelector[];
  readonly percentage: number;
  readonly hourCode: string;
}

/**
 * When a shift (one block) gets a whole-shift surcharge: its worked minutes touch the window
 * (the default, and what every schedule without a condition means), more than `over` of its
 * worked minutes (real minutes) fall inside the window, or its start lies inside the window.
 */
export type ShiftConditionData =
  | { readonly kind: 'TOUCHES' }
  | { readonly kind: 'MINUTES_INSIDE'; readonly over: string }
  | { readonly kind: 'STARTS_INSIDE' };

export const SHIFT_CONDITION_KINDS = ['TOUCHES', 'MINUTES_INSIDE', 'STARTS_INSIDE'] as const;

export interface ShiftSurchargeData extends TimeWindowData {
  readonly id: string;
  readonly percentage: number;
  readonly hourCode: string;
  readonly condition: ShiftConditionData;
}

/** One step of a minimum break: a shift with more than `over` of working time has at least `atLeast` of break. */
export interface MinimumBreakTierData {
  /** `H:MM` of working time (the shift's span minus its break), strictly ascending. */
  readonly over: string;
  /** `H:MM` of break at least; never less than the step before. */
  readonly atLeast: string;
}

/** Minimum breaks by shift length (e.g. the Arbeidstijdenwet: over 5:30 at least 0:30, over 10:00 at least 0:45). */
export interface MinimumBreaksData {
  readonly id: string;
  readonly tiers: readonly MinimumBreakTierData[];
}

/** Minimum pay per call (BW 7:628a): a call (shift) of less than `minimum` is paid `minimum`. */
export interface MinimumPayPerCallData {
  readonly id: string;
  /** `H:MM`: 3:00 by the law; a CAO may say more. */
  readonly minimum: string;
  /** Hour code of the MINIMUM_PAY lines: the minutes paid but not worked. */
  readonly hourCode: string;
}

/**
 * The calendar of settlement periods: ISO weeks in blocks of `weeks` from week 1 of each ISO year
 * (a remainder of fewer weeks at the year's end joins the last block), or calendar months.
 */
export type SettlementCalendarData = { readonly kind: 'ISO_WEEKS'; readonly weeks: number } | { readonly kind: 'CALENDAR_MONTH' };

export const SETTLEMENT_CALENDAR_KINDS = ['ISO_WEEKS', 'CALENDAR_MONTH'] as const;

/** One step of overtime over a period: the minutes more than `over` above the period's normal hours. */
export interface SettlementTierData {
  /** `H:MM` above the period's normal hours where this step starts; the first is usually `0:00`. */
  readonly over: string;
  /** What an overtime minute is worth in all (at least 100): the line pays the part above 100 on top. */
  readonly percentage: number;
  /** Hour code of the PERIOD_OVERTIME lines of this step. */
  readonly hourCode: string;
}

/**
 * Overtime settled over a period of several weeks (e.g. road transport: four weeks): the NORMAL
 * minutes of the period's work days above its normal hours, settled on the period's last week.
 */
export interface SettlementPeriodData {
  readonly id: string;
  readonly calendar: SettlementCalendarData;
  /** `H:MM` per weekday (Monday to Friday) of the period: its normal hours are this times its weekdays. */
  readonly normalPerWeekday: string;
  readonly tiers: readonly SettlementTierData[];
}

/**
 * A fixed allowance paid per occurrence on a work day (the date its shift starts on), at most once
 * per rule per day: a meal allowance for `atLeast` of overtime on the day (OVERTIME_ON_DAY), a
 * split-shift allowance for a day of two or more blocks with a gap of more than `gapOver` between
 * two of them (SPLIT_SHIFT), or one per day worked on the given days (DAY_WORKED, e.g. SUN).
 */
export type AllowanceRuleData =
  | { readonly id: string; readonly hourCode: string; readonly kind: 'OVERTIME_ON_DAY'; readonly atLeast: string }
  | { readonly id: string; readonly hourCode: string; readonly kind: 'SPLIT_SHIFT'; readonly gapOver: string }
  | { readonly id: string; readonly hourCode: string; readonly kind: 'DAY_WORKED'; readonly days: readonly DaySelector[] };

export const ALLOWANCE_KINDS = ['OVERTIME_ON_DAY', 'SPLIT_SHIFT', 'DAY_WORKED'] as const;
export type AllowanceKind = (typeof ALLOWANCE_KINDS)[number];

export interface HolidayRulesData {
  readonly nationalDays: readonly NationalHolidayName[];
  readonly liberationDay: LiberationDayRule;
  readonly countOnWeekend: boolean;
  /** `MM-DD` (every year) or `YYYY-MM-DD` (once). They always count, also on a weekend. */
  readonly extraDays: readonly string[];
}

export type BreakPlacementData =
  | { readonly mode: 'END' }
  | { readonly mode: 'START' }
  | { readonly mode: 'AFTER_WORKED'; readonly after: string };

export interface ScheduleVersionData {
  readonly validFrom: string;
  readonly hourCodes: { readonly normal: string; readonly extra: string };
  readonly breakPlacement: BreakPlacementData;
  readonly holidays: HolidayRulesData;
  readonly ortOverlap: OrtOverlapRule;
  readonly overtimeWithOrt: OvertimeWithOrtRule;
  readonly ortWindows: readonly OrtWindowData[];
  readonly dailyOvertime: readonly DailyOvertimeData[];
  readonly weeklyOvertime: WeeklyOvertimeData | null;
  readonly weekdayOvertime: readonly WeekdayOvertimeData[];
  readonly shiftSurcharges: readonly ShiftSurchargeData[];
  /** Null when the version raises no break. */
  readonly minimumBreaks: MinimumBreaksData | null;
  /** Null when the version pays no minimum per call. */
  readonly minimumPayPerCall: MinimumPayPerCallData | null;
  /** Null when every week settles on its own (the weekly rules); not together with `weeklyOvertime`. */
  readonly settlementPeriod: SettlementPeriodData | null;
  /** Allowances counted per occurrence; empty when the version pays none. */
  readonly allowances: readonly AllowanceRuleData[];
}

export interface CaoUnravelScheduleData {
  readonly name: string;
  /** Where the rules come from (CAO, article, period): shown to schedule authors. */
  readonly source: string;
  readonly versions: readonly ScheduleVersionData[];
}
