import { ProblemCollector, ValidationError } from '../shared/domain-error';
import { parseWeekday, Weekday } from './weekday';

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export interface ApprovalDeadlineInput {
  readonly weekday: string;
  /** Local time in the agency's time zone, strictly `HH:MM` (00:00–23:59). */
  readonly time: string;
}

/**
 * When the hours of an ISO week must be approved to be paid: a weekday and local time in the
 * week *after* that ISO week (default Monday 12:00, Europe/Amsterdam by the agency's time zone).
 */
export class ApprovalDeadline {
  static readonly DEFAULT = new ApprovalDeadline('MONDAY', 12 * 60);

  private constructor(
    readonly weekday: Weekday,
    /** Minutes after local midnight. */
    readonly minuteOfDay: number,
  ) {}

  /** Problems at `weekday` and `time`. */
  static create(input: ApprovalDeadlineInput): ApprovalDeadline {
    const problems = new ProblemCollector();
    const weekday = problems.attempt('weekday', () => parseWeekday(input.weekday));
    const minute = problems.attempt('time', () => parseTime(input.time));
    problems.throwIfAny();
    return new ApprovalDeadline(weekday!, minute!);
  }

  static of(weekday: Weekday, minuteOfDay: number): ApprovalDeadline {
    if (!Number.isInteger(minuteOfDay) || minuteOfDay < 0 || minuteOfDay >= 24 * 60) {
      throw ValidationError.of('time', 'TIME_OF_DAY_INVALID', 'A time of day is between 00:00 and 23:59');
    }
    return new ApprovalDeadline(weekday, minuteOfDay);
  }

  /** `HH:MM`. */
  get time(): string {
    const hours = Math.floor(this.minuteOfDay / 60);
    return `${String(hours).padStart(2, '0')}:${String(this.minuteOfDay % 60).padStart(2, '0')}`;
  }

  equals(other: ApprovalDeadline): boolean {
    return this.weekday === other.weekday && this.minuteOfDay === other.minuteOfDay;
  }

  toString(): string {
    return `${this.weekday} ${this.time}`;
  }
}

function parseTime(text: string): number {
  const match = typeof text === 'string' ? TIME.exec(text) : null;
  if (!match) {
    throw ValidationError.of('', 'TIME_OF_DAY_INVALID', 'A time of day is written as HH:MM (00:00–23:59)');
  }
  return Number(match[1]) * 60 + Number(match[2]);
}
