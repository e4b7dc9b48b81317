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
