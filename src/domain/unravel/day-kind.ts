import { DaySelector } from './cao-unravel-schedule.data';

/**
 * A date is of one "day kind": its weekday (0 = Monday … 6 = Sunday), or 7 when it is a counted
 * public holiday. Rules select kinds, so a holiday replaces its weekday everywhere.
 */
export const HOLIDAY_KIND = 7;
export const KIND_COUNT = 8;
export const KIND_NAMES: readonly DaySelector[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN', 'HOLIDAY'];

export function kindOfSelector(selector: DaySelector): number {
  return KIND_NAMES.indexOf(selector);
}

/** A bit mask of kinds (bit k = kind k). */
export function kindMask(days: readonly DaySelector[]): number {
  let mask = 0;
  for (const day of days) mask |= 1 << kindOfSelector(day);
  return mask;
}

/**
 * The pairs (kind of the day before, kind of the day) that can occur: consecutive weekdays, or
 * anything next to a holiday. A window that runs past midnight reaches into the next date, so what
 * covers a date depends on both.
 */
export const POSSIBLE_PROFILES: readonly (readonly [number, number])[] = (() => {
  const pairs: [number, number][] = [];
  for (let prev = 0; prev < KIND_COUNT; prev++) {
    for (let kind = 0; kind < KIND_COUNT; kind++) {
      if (prev === HOLIDAY_KIND || kind === HOLIDAY_KIND || kind === (prev + 1) % 7) pairs.push([prev, kind]);
    }
  }
  return pairs;
})();

export function profileIndex(prev: number, kind: number): number {
  return prev * KIND_COUNT + kind;
}
