import { ValidationError } from '../shared/domain-error';
import { cleanText } from '../shared/text';

const PATTERN = /^(\d{1,2}):([0-5]\d)$/;
const MAX_MINUTES = 24 * 60;

/**
 * A duration within one day, written strictly as `H:MM` (the manual: 7 hours and a quarter is
 * `7:15`). `7.25`, `7:5`, `7:75`, `-1:00` and anything over `24:00` are refused; nothing is guessed.
 */
export class HoursMinutes {
  private constructor(readonly totalMinutes: number) {}

  static parse(text: string): HoursMinutes {
    const match = PATTERN.exec(cleanText(text));
    if (!match) {
      throw ValidationError.of('', 'HOURS_MINUTES_FORMAT', `"${text}" is not a duration written as H:MM (e.g. 7:15)`, {
        value: text,
      });
    }
    return HoursMinutes.ofMinutes(Number(match[1]) * 60 + Number(match[2]));
  }

  static ofMinutes(minutes: number): HoursMinutes {
    if (!Number.isInteger(minutes) || minutes < 0 || minutes > MAX_MINUTES) {
      throw ValidationError.of('', 'HOURS_MINUTES_RANGE', `A duration must be between 0:00 and 24:00`, {
        value: String(minutes),
      });
    }
    return new HoursMinutes(minutes);
  }

  get hours(): number {
    return Math.floor(this.totalMinutes / 60);
  }

  get minutes(): number {
    return this.totalMinutes % 60;
  }

  equals(other: HoursMinutes): boolean {
    return this.totalMinutes === other.totalMinutes;
  }

  toString(): string {
    return `${this.hours}:${String(this.minutes).padStart(2, '0')}`;
  }
}
