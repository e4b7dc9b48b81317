import { ValidationError } from '../shared/domain-error';
import { cleanText } from '../shared/text';
import { LocalDate } from '../time/local-date.value-object';
import { MINUTES_PER_DAY } from '../time/time-of-day.value-object';
import { DayEntry } from './day-entry.value-object';
import { reasonRequired, TimesheetReason as R } from './timesheet.errors';

/** The rules a week's transitions share: hours still to come, and the reasons people give. */
export const MAX_REASON_LENGTH = 1000;

/**
 * Hours still to come cannot be approved: a worked day after today, or (given the time) work
 * with times that has not ended yet, such as tonight's shift or one that ends this morning.
 */
export function refuseDaysToCome(days: readonly DayEntry[], today: LocalDate, nowMinute: number | undefined): void {
  const now = today.epochDay * MINUTES_PER_DAY + (nowMinute ?? MINUTES_PER_DAY);
  const future = days.findIndex(
    (d) => d.workedMinutes > 0 && (d.date.isAfter(today) || (d.kind === 'TIMES' && nowMinute !== undefined && d.date.epochDay * MINUTES_PER_DAY + d.lastEnd > now)),
  );
  if (future >= 0) {
    const date = days[future].date.toString();
    throw ValidationError.of(`days[${future}].date`, R.DAY_IN_FUTURE, `${date} is still to come and cannot be approved yet`, { date });
  }
}

/** A reason people read: 1–1000 characters after trimming, multi-line text (line breaks and tabs allowed). */
export function parseReason(text: string | null | undefined): string {
  const reason = typeof text === 'string' ? text.trim() : '';
  if (reason === '') throw reasonRequired();
  if (reason.length > MAX_REASON_LENGTH) {
    throw ValidationError.of('reason', 'VALUE_TOO_LONG', `This field may be at most ${MAX_REASON_LENGTH} characters long`, { max: MAX_REASON_LENGTH });
  }
  try {
    return cleanText(reason, { multiline: true });
  } catch (error) {
    throw error instanceof ValidationError ? error.prefixed('reason') : error;
  }
}
