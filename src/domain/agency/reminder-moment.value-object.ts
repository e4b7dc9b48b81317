import { ProblemCollector, ValidationError } from '../shared/domain-error';
import { short } from '../shared/text';
import { TimeOfDay } from '../time/time-of-day.value-object';
import { Weekday } from '../time/weekday.value-object';

export interface ReminderMomentInput {
  /** MON … SUN. */
  readonly weekday: string;
  /** Wall-clock time in the agency's time zone, strictly `HH:MM` (00:00–23:59). */
  readonly time: string;
}

/** At most one moment a day of the week, so a week never holds more than this many. */
export const MAX_REMINDER_MOMENTS = 14;

/**
 * A moment in every week when reminders to enter hours go out: a weekday and a wall-clock time
 * in the agency's time zone (Friday 16:00 stays 16:00 in summer and winter time).
 */
export class ReminderMoment {
  private constructor(
    readonly weekday: Weekday,
    readonly time: TimeOfDay,
  ) {}

  /** Problems at `weekday` and `time`. */
  static create(input: ReminderMomentInput): ReminderMoment {
    const problems = new ProblemCollector();
    const weekday = problems.attempt('weekday', () => short(8, Weekday.parse)(input.weekday));
    const time = problems.attempt('time', () => short(8, TimeOfDay.parse)(input.time));
    problems.throwIfAny();
    return new ReminderMoment(weekday!, time!);
  }

  static of(weekday: Weekday, time: TimeOfDay): ReminderMoment {
    return new ReminderMoment(weekday, time);
  }

  /** `FRI 16:00`, as stored. */
  static parse(text: string): ReminderMoment {
    const [weekday, time] = text.split(' ');
    return ReminderMoment.create({ weekday: weekday ?? '', time: time ?? '' });
  }

  /** Minutes since Monday 00:00 of the week: the order of moments within a week. */
  get minuteOfWeek(): number {
    return (this.weekday.iso - 1) * 1440 + this.time.minuteOfDay;
  }

  equals(other: ReminderMoment): boolean {
    return this.weekday.equals(other.weekday) && this.time.equals(other.time);
  }

  toString(): string {
    return `${this.weekday} ${this.time}`;
  }
}

/** The defaults: Friday 16:00 (the week is nearly done) and Monday 09:00 (before the Monday 12:00 deadline). */
export const DEFAULT_REMINDER_MOMENTS: readonly ReminderMoment[] = [
  ReminderMoment.of(Weekday.parse('FRI'), TimeOfDay.parse('16:00')),
  ReminderMoment.of(Weekday.parse('MON'), TimeOfDay.parse('09:00')),
];

/**
 * A list of moments in week order (Monday first); empty means no reminders. Each problem at its
 * index (`3.time`); the same moment twice is REMINDER_MOMENT_DUPLICATE at the second one.
 */
export function parseReminderMoments(inputs: readonly ReminderMomentInput[]): readonly ReminderMoment[] {
  if (!Array.isArray(inputs) || inputs.length > MAX_REMINDER_MOMENTS) {
    throw ValidationError.of('', 'REMINDER_MOMENTS_TOO_MANY', `At most ${MAX_REMINDER_MOMENTS} reminder moments`, { max: MAX_REMINDER_MOMENTS });
  }
  const problems = new ProblemCollector();
  const moments: ReminderMoment[] = [];
  inputs.forEach((input, index) => {
    const moment = problems.attempt(`${index}`, () => ReminderMoment.create(input ?? { weekday: '', time: '' }));
    if (!moment) return;
    if (moments.some((m) => m.equals(moment))) {
      problems.add(`${index}`, 'REMINDER_MOMENT_DUPLICATE', `${moment} is in the list twice`, { value: moment.toString() });
    } else moments.push(moment);
  });
  problems.throwIfAny();
  return sortMoments(moments);
}

export function sortMoments(moments: readonly ReminderMoment[]): readonly ReminderMoment[] {
  return [...moments].sort((a, b) => a.minuteOfWeek - b.minuteOfWeek);
}
