import { formatMinuteOfDay } from '../time/time-of-day.value-object';

/** `HH:MM` of every minute of the day 0 … 1440, made once so that result lines need no formatting. */
export const TIME_LABELS: readonly string[] = Array.from({ length: 1441 }, (_, minute) => formatMinuteOfDay(minute));
