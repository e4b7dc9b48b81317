import { LocalDate } from '../../domain/time/local-date.value-object';

/**
 * The calendar date at `instant` in an IANA time zone. `Intl` is part of the language (no
 * import), and a date is all the organisation rules need (e.g. a worker's age).
 */
export function localDateAt(instant: Date, timeZone: string): LocalDate {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return LocalDate.of(part('year'), part('month'), part('day'));
}

/** Minutes since local midnight at `instant` in an IANA time zone (0 … 1439). */
export function localMinuteAt(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return part('hour') * 60 + part('minute');
}

const DAY_MILLIS = 24 * 3600 * 1000;

/**
 * The moment `days` calendar days before `instant` in an IANA time zone: the same wall-clock time
 * that many dates earlier. That is `days` × 24 h when no clock change lies between, an hour less
 * or more across one. Where the wall time is not shown exactly once:
 * - one the clock skipped (spring) gives the moment it jumped past it (02:30 → 03:00 summer time);
 * - one the clock showed twice (autumn) gives its first occurrence (summer time);
 * - while the clock repeats an hour after going back, the time counted back from is the latest it
 *   had shown (the end of that hour), so the result never moves back as `instant` moves on.
 * So an instant is at or after the result exactly when, by then, the zone's clock had shown a time
 * at or after (the clock's time at `instant`) − `days` dates.
 */
export function calendarDaysBefore(instant: Date, days: number, timeZone: string): Date {
  const millis = instant.getTime();
  if (!Number.isFinite(millis)) throw new RangeError('Invalid instant');
  return new Date(firstShowing(latestShownBy(millis, timeZone) - days * DAY_MILLIS, timeZone));
}

/** The latest wall-clock time (ms since the local epoch) the zone's clock has shown by `millis`. */
function latestShownBy(millis: number, timeZone: string): number {
  const offset = offsetAt(millis, timeZone);
  const dayBefore = offsetAt(millis - DAY_MILLIS, timeZone);
  if (dayBefore <= offset) return millis + offset;
  // The clock went back within the last day (one change a day at most): until it is past the
  // times it repeats, the latest it showed is the last moment before it went back.
  const change = firstWithOffsetOf(millis - DAY_MILLIS, millis, timeZone);
  return Math.max(millis + offset, change - 1 + dayBefore);
}

/** The first instant at which the zone's clock shows `wall` (ms since the local epoch) or later. */
function firstShowing(wall: number, timeZone: string): number {
  const before = offsetAt(wall - DAY_MILLIS, timeZone);
  const after = offsetAt(wall + DAY_MILLIS, timeZone);
  const shownAt = [before, after].filter((offset) => offsetAt(wall - offset, timeZone) === offset);
  // Shown once or twice: the earliest pass has the largest offset.
  if (shownAt.length > 0) return wall - Math.max(...shownAt);
  // Skipped: the clock jumped from before `wall` to after it where the offset changed.
  return firstWithOffsetOf(wall - after, wall - before, timeZone);
}

/** The first instant in (from, to] with the offset of `to` (one change in between), to the millisecond. */
function firstWithOffsetOf(from: number, to: number, timeZone: string): number {
  const target = offsetAt(to, timeZone);
  let [low, high] = [from, to];
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(middle, timeZone) === target) high = middle;
    else low = middle;
  }
  return high;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** What the zone's clock shows minus UTC at `millis`, in ms. */
function offsetAt(millis: number, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    const fields = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' } as const;
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', ...fields });
    offsetFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(millis));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const shown = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return shown - (millis - (((millis % 1000) + 1000) % 1000));
}
