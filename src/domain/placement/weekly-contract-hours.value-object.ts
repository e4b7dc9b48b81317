import { ValidationError } from '../shared/domain-error';

const PATTERN = /^(\d{1,2}):([0-5]\d)$/;
export const MAX_WEEKLY_MINUTES = 60 * 60;

/**
 * Contract hours per week, written `H:MM` like every duration in the portal (`38:00`, `32:30`),
 * from `0:00` (an on-call contract) to `60:00` (the legal weekly maximum).
 */
export class WeeklyContractHours {
  static readonly NONE = new WeeklyContractHours(0);

  private constructor(readonly totalMinutes: number) {}

  static parse(text: string): WeeklyContractHours {
    const match = typeof text === 'string' && text.length <= 8 ? PATTERN.exec(text) : null;
    if (!match) {
      const value = String(text).slice(0, 16);
      throw ValidationError.of('', 'HOURS_MINUTES_FORMAT', `"${value}" is not hours per week written as H:MM (e.g. 38:00)`, { value });
    }
    return WeeklyContractHours.ofMinutes(Number(match[1]) * 60 + Number(match[2]));
  }

  static ofMinutes(minutes: number): WeeklyContractHours {
    if (!Number.isInteger(minutes) || minutes < 0 || minutes > MAX_WEEKLY_MINUTES) {
      throw ValidationError.of('', 'CONTRACT_HOURS_RANGE', 'Contract hours per week are between 0:00 and 60:00', {
        min: '0:00',
        max: '60:00',
      });
    }
    return minutes === 0 ? WeeklyContractHours.NONE : new WeeklyContractHours(minutes);
  }

  equals(other: WeeklyContractHours): boolean {
    return this.totalMinutes === other.totalMinutes;
  }

  toString(): string {
    return `${Math.floor(this.totalMinutes / 60)}:${String(this.totalMinutes % 60).padStart(2, '0')}`;
  }
}
