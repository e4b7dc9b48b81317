import { RuleReference } from '../unravel/unravel-result';

/**
 * The data a settlement of a period keeps (issue 13, rule 1), stored with the period's last week
 * in its breakdown. Apart from period-settlement.ts so that the breakdown can name it without
 * importing the settlement's functions (which import the breakdown).
 */

/** What a settlement counted of one week of the period. */
export interface SettledWeek {
  readonly week: string;
  /** NORMAL minutes of the week's work days inside the period, from its approved hours (0 when none are approved). */
  readonly countedMinutes: number;
}

/** Stored with the period's last week: which weeks, how many hours in all, how many over. */
export interface PeriodSettlement {
  readonly rule: RuleReference;
  readonly from: string;
  readonly to: string;
  readonly weeks: readonly SettledWeek[];
  readonly normalMinutes: number;
  readonly countedMinutes: number;
  readonly overtimeMinutes: number;
}
