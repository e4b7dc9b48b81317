import { ValidationError } from '../shared/domain-error';
import { short } from '../shared/text';
import { formatDuration, WeekHours } from '../time/week-hours.value-object';

export const MAX_WEEKLY_MINUTES = 60 * 60;

/**
 * Contract hours per week, written `H:MM` like every duration in the portal (`38:00`, `32:30`),
 * from `0:00` (an on-call contract) to `60:00` (the legal weekly maximum). The format is
 * WeekHours'; this adds the range a contract may have.
 */
export class WeeklyContractHours {
  static readonly NONE = new WeeklyContractHours(0);

  private constructor(readonly totalMinutes: number) {}

  static parse(text: string): WeeklyContractHours {
    return WeeklyContractHours.ofMinutes(short(8, WeekHours.parse)(text).totalMinutes);
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
    return formatDuration(this.totalMinutes);
  }
}
