import { LocalDate } from '../time/local-date.value-object';

/**
 * The rules of the Arbeidstijdenwet the signals check:
 * - SHIFT_HOURS: more working time in one shift than the limit (12:00);
 * - WEEK_HOURS: more in one calendar week than the limit (60:00);
 * - AVERAGE_WEEK_HOURS: more than the limit (48:00) per week on average over the 16 weeks that end
 *   with this one;
 * - DAILY_REST: less uninterrupted rest than 11:00 in the 24 hours from a shift's start (8:00 is
 *   allowed once in 7 × 24 hours);
 * - NIGHT_SHIFT_HOURS: more working time in a night shift than the limit (10:00);
 * - NIGHT_SHIFTS: more night shifts than the limit (36) in the 16 weeks that end with this one.
 */
export const WORKING_TIME_RULES = ['SHIFT_HOURS', 'WEEK_HOURS', 'AVERAGE_WEEK_HOURS', 'DAILY_REST', 'NIGHT_SHIFT_HOURS', 'NIGHT_SHIFTS'] as const;
export type WorkingTimeRule = (typeof WORKING_TIME_RULES)[number];

/** MINUTES: limit and actual are minutes of work or rest; SHIFTS: a number of night shifts. */
export type WorkingTimeUnit = 'MINUTES' | 'SHIFTS';

/**
 * One breach, never a refusal: the hours were saved as entered. `days` are the dates of the week
 * looked at (and, for a rest, the date of the shift after it) that the breach is about.
 */
export interface WorkingTimeSignal {
  readonly rule: WorkingTimeRule;
  readonly days: readonly LocalDate[];
  readonly unit: WorkingTimeUnit;
  /** The rule's number (for DAILY_REST: 11:00, or 8:00 when the rest was shorter than that). */
  readonly limit: number;
  /** What the worked hours come to: more than `limit`, or for DAILY_REST less. */
  readonly actual: number;
  /** For the rules over several weeks: the first and last date of the window. */
  readonly windowFrom: LocalDate | null;
  readonly windowTo: LocalDate | null;
  /** DAILY_REST between 8:00 and 11:00: the date of the shift before the earlier short rest in the same 7 × 24 hours. */
  readonly earlierShortRest: LocalDate | null;
  /** The version of the rules that judged it (its validFrom). */
  readonly rulesVersion: string;
}
