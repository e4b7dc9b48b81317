import { ProblemCollector } from '../shared/domain-error';
import { short } from '../shared/text';
import { TimeOfDay } from '../time/time-of-day.value-object';
import { Weekday } from '../time/weekday.value-object';

export interface ApprovalDeadlineInput {
  /** MON … SUN. */
  readonly weekday: string;
  /** Local time in the agency's time zone, strictly `HH:MM` (00:00–23:59). */
  readonly time: string;
}

/**
 * When the hours of an ISO week must be approved to be paid: a weekday and local time in the
 * week *after* that ISO week (default Monday 12:00, in the agency's time zone).
 */
export class ApprovalDeadline {
  static readonly DEFAULT = new ApprovalDeadline(Weekday.parse('MON'), TimeOfDay.parse('12:00'));

  private constructor(
    readonly weekday: Weekday,
    readonly time: TimeOfDay,
  ) {}

  /** Problems at `weekday` and `time`. */
  static create(input: ApprovalDeadlineInput): ApprovalDeadline {
    const problems = new ProblemCollector();
    const weekday = problems.attempt('weekday', () => short(8, Weekday.parse)(input.weekday));
    const time = problems.attempt('time', () => short(8, TimeOfDay.parse)(input.time));
    problems.throwIfAny();
    return new ApprovalDeadline(weekday!, time!);
  }

  static of(weekday: Weekday, time: TimeOfDay): ApprovalDeadline {
    return new ApprovalDeadline(weekday, time);
  }

  equals(other: ApprovalDeadline): boolean {
    return this.weekday.equals(other.weekday) && this.time.equals(other.time);
  }

  toString(): string {
    return `${this.weekday} ${this.time}`;
  }
}
