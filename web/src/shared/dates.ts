import { currentLanguageTag } from '../i18n/i18n';

/*
 * Dates the shared components show, in the viewer's language (Intl). A LocalDate (YYYY-MM-DD) is a
 * calendar day: it is read and written in UTC so that no time zone shifts it.
 */

function calendarDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** A work day as a heading: "maandag 16 november". */
export function dayHeading(date: string): string {
  return new Intl.DateTimeFormat(currentLanguageTag(), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(calendarDay(date));
}

/** A date inside a week, short: "di 17 nov". */
export function shortDay(date: string): string {
  return new Intl.DateTimeFormat(currentLanguageTag(), { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(calendarDay(date));
}
