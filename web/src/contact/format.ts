import { currentLanguageTag } from '../i18n/i18n';

/*
 * Dates and weeks of the contact's screens, in the viewer's language (Intl). A LocalDate
 * (YYYY-MM-DD) is a calendar day: it is read and written in UTC so that no time zone shifts it.
 */

function calendarDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function addDays(date: string, days: number): string {
  const d = calendarDay(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** `2026-W47` → 47. */
export function weekNumber(week: string): number {
  return Number(week.slice(week.indexOf('W') + 1));
}

/** `2026-W47` → 2026. */
export function weekYear(week: string): number {
  return Number(week.slice(0, 4));
}

/** Monday to Sunday of the week that starts on `weekStart`: "16 – 22 nov. 2026". */
export function weekRange(weekStart: string, weekEnd = addDays(weekStart, 6)): string {
  const format = new Intl.DateTimeFormat(currentLanguageTag(), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return format.formatRange(calendarDay(weekStart), calendarDay(weekEnd));
}


/** A moment in the agency's time zone (the browser's until it is known): "25 nov. 2026, 10:00". */
export function moment(instant: string, timeZone?: string): string {
  try {
    return new Intl.DateTimeFormat(currentLanguageTag(), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(instant));
  } catch {
    // a time zone this browser does not know: its own
    return new Intl.DateTimeFormat(currentLanguageTag(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
  }
}

/** A date: "2 nov. 2026". */
export function shortDate(date: string): string {
  return new Intl.DateTimeFormat(currentLanguageTag(), { dateStyle: 'medium', timeZone: 'UTC' }).format(calendarDay(date));
}
