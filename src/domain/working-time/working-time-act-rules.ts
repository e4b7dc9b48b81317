import { IsoWeek } from '../time/iso-week.value-object';
import { LocalDate } from '../time/local-date.value-object';

/**
 * The numbers of the Arbeidstijdenwet's standard rules (art. 5:7, 5:8, 5:3 and 1:7), as data: a
 * later law change is a new version with its own `validFrom`, and a week is judged by the version
 * in force on its Monday. Durations are minutes; "more than" a limit is a breach, "at" it is not.
 */
export interface WorkingTimeActVersion {
  /** `YYYY-MM-DD`: the first date this version is in force. */
  readonly validFrom: string;
  /** Working time per shift (dienst), breaks not counted. */
  readonly maxShiftMinutes: number;
  /** Working time per calendar week (Monday 00:00 to Sunday 24:00). */
  readonly maxWeekMinutes: number;
  /** Average working time per week over `averageWeeks` consecutive weeks. */
  readonly maxAverageWeekMinutes: number;
  readonly averageWeeks: number;
  /** Uninterrupted rest in the 24 hours from the start of a shift. */
  readonly minRestMinutes: number;
  /** The rest may be this short instead, once in every `shortenedRestDays` × 24 hours. */
  readonly shortenedRestMinutes: number;
  readonly shortenedRestDays: number;
  /**
   * A shift is work between two rests of at least this long (art. 1:7 "dienst": between two rests
   * of at least 8 hours); shorter gaps (a split shift, a second placement the same day) are inside it.
   */
  readonly shiftSeparatingRestMinutes: number;
  /** The night: local minutes from 00:00 (0 to 360 is 00:00–06:00). */
  readonly nightFromMinute: number;
  readonly nightToMinute: number;
  /** A night shift is a shift with more than this much work in the night. */
  readonly nightShiftMinNightMinutes: number;
  /** Working time per night shift. */
  readonly maxNightShiftMinutes: number;
  /** Night shifts in `nightShiftWeeks` consecutive weeks. */
  readonly maxNightShifts: number;
  readonly nightShiftWeeks: number;
}

/** The standard rules since the simplified Arbeidstijdenwet of 1 April 2007. */
export const WORKING_TIME_ACT_RULES: readonly WorkingTimeActVersion[] = Object.freeze([
  Object.freeze({
    validFrom: '2007-04-01',
    maxShiftMinutes: 12 * 60,
    maxWeekMinutes: 60 * 60,
    maxAverageWeekMinutes: 48 * 60,
    averageWeeks: 16,
    minRestMinutes: 11 * 60,
    shortenedRestMinutes: 8 * 60,
    shortenedRestDays: 7,
    shiftSeparatingRestMinutes: 8 * 60,
    nightFromMinute: 0,
    nightToMinute: 6 * 60,
    nightShiftMinNightMinutes: 60,
    maxNightShiftMinutes: 10 * 60,
    maxNightShifts: 36,
    nightShiftWeeks: 16,
  }),
]);

/** The version in force on `date`: the latest whose validFrom is not after it (null before the first). */
export function workingTimeRulesOn(date: LocalDate, versions: readonly WorkingTimeActVersion[] = WORKING_TIME_ACT_RULES): WorkingTimeActVersion | null {
  let found: WorkingTimeActVersion | null = null;
  for (const version of versions) {
    if (LocalDate.parse(version.validFrom).compare(date) <= 0 && (!found || version.validFrom > found.validFrom)) found = version;
  }
  return found;
}

/**
 * The dates whose hours the signals of `week` depend on: the longest window of weeks (with one week
 * more, for a shift that began on the Sunday before it), and the week after (the rest after the
 * week's last shift, a night shift into Monday).
 */
export function signalWindow(week: IsoWeek, versions: readonly WorkingTimeActVersion[] = WORKING_TIME_ACT_RULES): { from: LocalDate; to: LocalDate } {
  const weeks = Math.max(...versions.map((v) => Math.max(v.averageWeeks, v.nightShiftWeeks, Math.ceil(v.shortenedRestDays / 7) + 1)));
  return { from: week.monday.plusDays(-7 * weeks), to: week.sunday.plusDays(7) };
}
