import i18next from 'i18next';

/* Dates and moments in the viewer's language (Intl), the week's own dates without a time zone. */

function language(): string {
  return i18next.resolvedLanguage ?? i18next.language ?? 'nl';
}

/** A LocalDate (YYYY-MM-DD) as the viewer reads it. */
export function formatDate(date: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(language(), { ...options, timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** A moment (DateTime) in the agency's time zone (the browser's when it is not known). */
export function formatMoment(moment: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(language(), { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(moment));
}

/** The number of an ISO week (2026-W48 → 48). */
export function weekNumber(week: string): number {
  return Number(week.slice(-2));
}
