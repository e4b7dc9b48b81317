import { ValidationError } from '../shared/domain-error';
import { cleanText } from '../shared/text';

const PATTERN = /^([01]\d|2[0-4]):([0-5]\d)$/;
export const MINUTES_PER_DAY = 24 * 60;

/**
 * A wall-clock time written strictly as `HH:MM` (`07:30`, `22:00`). `24:00` exists only as the
 * end of something (a block or a window that runs to midnight), so it has its own factory.
 */
export class TimeOfDay {
  private constructor(readonly minuteOfDay: number) {}

  /** A start or an instant: `00:00` … `23:59`. */
  static parse(text: string): TimeOfDay {
    const minute = TimeOfDay.minutesOf(text);
    if (minute === MINUTES_PER_DAY) {
      throw ValidationError.of('', 'TIME_OF_DAY_END_ONLY', `24:00 can only be an end time`, { value: text });
    }
    return new TimeOfDay(minute);
  }

  /** An end: `00:00` … `24:00`. */
  static parseEnd(text: string): TimeOfDay {
    return new TimeOfDay(TimeOfDay.minutesOf(text));
  }

  static ofMinuteOfDay(minute: number, allowEndOfDay = false): TimeOfDay {
    const max = allowEndOfDay ? MINUTES_PER_DAY : MINUTES_PER_DAY - 1;
    if (!Number.isInteger(minute) || minute < 0 || minute > max) {
      throw ValidationError.of('', 'TIME_OF_DAY_RANGE', `${minute} is not a minute of the day`, { value: String(minute) });
    }
    return new TimeOfDay(minute);
  }

  private static minutesOf(text: string): number {
    const match = PATTERN.exec(cleanText(text));
    const minute = match ? Number(match[1]) * 60 + Number(match[2]) : -1;
    if (!match || minute > MINUTES_PER_DAY) {
      throw ValidationError.of('', 'TIME_OF_DAY_FORMAT', `"${text}" is not a time written as HH:MM (e.g. 07:30)`, {
        value: text,
      });
    }
    return minute;
  }

  get isEndOfDay(): boolean {
    return this.minuteOfDay === MINUTES_PER_DAY;
  }

  equals(other: TimeOfDay): boolean {
    return this.minuteOfDay === other.minuteOfDay;
  }

  compare(other: TimeOfDay): number {
    return this.minuteOfDay - other.minuteOfDay;
  }

  toString(): string {
    return formatMinuteOfDay(this.minuteOfDay);
  }

  toJSON(): string {
    return this.toString();
  }
}

/** `HH:MM` of a minute of the day (0 … 1440). */
export function formatMinuteOfDay(minute: number): string {
  const hours = Math.floor(minute / 60);
  const minutes = minute % 60;
  return `${hours < 10 ? '0' : ''}${hours}:${minutes < 10 ? '0' : ''}${minutes}`;
}
