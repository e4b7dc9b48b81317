import { LocalDate } from '../time/local-date.value-object';
import { NationalHolidayName } from './cao-unravel-schedule.data';

/**
 * What the engine needs from outside, as plain interfaces: the infrastructure provides them
 * (date-holidays for the national days, luxon for Europe/Amsterdam). Both answer per year so the
 * engine can keep the answers and ask once per year, not once per day.
 */
export interface NationalHoliday {
  readonly date: LocalDate;
  readonly name: NationalHolidayName;
}

export interface NationalHolidaySource {
  /** The Dutch national holidays of a calendar year (all of them; the schedule says which count). */
  nationalHolidays(year: number): readonly NationalHoliday[];
}

/**
 * A change of the wall clock on a local date. At local `atMinute` (minutes after midnight, e.g.
 * 120 for 02:00 in spring, 180 for 03:00 in autumn) the clock moves by `shiftMinutes` (+60 forward
 * in spring, -60 back in autumn).
 */
export interface ClockChange {
  readonly date: LocalDate;
  readonly atMinute: number;
  readonly shiftMinutes: number;
}

export interface TimeZoneRules {
  /** The clock changes in a calendar year, at most one per date. */
  clockChanges(year: number): readonly ClockChange[];
}

/** A zone whose clock never changes (for tests and for callers that count wall-clock time). */
export const NO_CLOCK_CHANGES: TimeZoneRules = { clockChanges: () => [] };

/** No national holidays at all. */
export const NO_NATIONAL_HOLIDAYS: NationalHolidaySource = { nationalHolidays: () => [] };
