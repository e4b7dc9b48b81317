import { currentLanguageTag } from '../i18n/i18n';

/*
 * Dates and moments in the viewer's language (Intl): the server sends UTC moments and plain dates;
 * the agency works in Europe/Amsterdam, which is how staff read every moment.
 */
const ZONE = 'Europe/Amsterdam';

export function formatMoment(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(currentLanguageTag(), { dateStyle: 'medium', timeStyle: 'short', timeZone: ZONE }).format(new Date(iso));
}

/** A LocalDate (YYYY-MM-DD) with its weekday, e.g. "ma 16 nov". */
export function formatDay(date: string): string {
  return new Intl.DateTimeFormat(currentLanguageTag(), { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  return new Intl.DateTimeFormat(currentLanguageTag(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** The seven dates of a week from its Monday. */
export function datesOfWeek(weekStart: string): string[] {
  const start = new Date(`${weekStart}T00:00:00Z`).getTime();
  return Array.from({ length: 7 }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}
