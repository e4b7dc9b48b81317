import { ValidationError } from '../shared/domain-error';
import { cleanText } from '../shared/text';

const PATTERN = /^(\d{1,3}):([0-5]\d)$/;
const MAX_MINUTES = 7 * 24 * 60;

/**
 * A duration of up to a week written strictly as `H:MM` (`36:00`, `40:30`): contract hours and
 * weekly thresholds, which HoursMinutes (at most one day) cannot hold.
 */
export class WeekHours {
  private constructor(readonly totalMinutes: number) {}

  static parse(text: string): WeekHours {
    const match = PATTERN.exec(cleanText(text));
    if (!match) {
      throw ValidationError.of('', 'WEEK_HOURS_FORMAT', `"${text}" is not a duration written as H:MM (e.g. 38:00)`, {
        value: text,
      });
    }
    return WeekHours.ofMinutes(Number(match[1]) * 60 + Number(match[2]));
  }

  static ofMinutes(minutes: number): WeekHours {
    if (!Number.isInteger(minutes) || minutes < 0 || minutes > MAX_MINUTES) {
      throw ValidationError.of('', 'WEEK_HOURS_RANGE', `A weekly duration must be between 0:00 and 168:00`, {
        value: String(minutes),
      });
    }
    return new WeekHours(minutes);
  }

  equals(other: WeekHours): boolean {
    return this.totalMinutes === other.totalMinutes;
  }

  toString(): string {
    return formatDuration(this.totalMinutes);
  }

  toJSON(): string {
    return this.toString();
  }
}

/** `H:MM` of any number of minutes (e.g. 2280 → `38:00`). */
export function formatDuration(totalMinutes: number): string {
  const minutes = totalMinutes % 60;
  return `${Math.floor(totalMinutes / 60)}:${minutes < 10 ? '0' : ''}${minutes}`;
}
