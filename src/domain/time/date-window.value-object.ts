import { ValidationError } from '../shared/domain-error';
import { LocalDate } from './local-date.value-object';

/**
 * The dates the business can mean: from `min` to `max`, both inclusive. A placement that starts
 * in 1900 would give a worker thousands of weeks, and a schedule version valid from 9999-12-31
 * would leave no room for the next one; such dates are typing errors, refused where they are
 * given (DATE_OUT_OF_RANGE). Stored dates are never checked again: the window moves with time.
 */
export class DateWindow {
  private constructor(
    readonly min: LocalDate,
    readonly max: LocalDate,
  ) {}

  static of(min: LocalDate, max: LocalDate): DateWindow {
    if (max.isBefore(min)) throw new RangeError(`A date window cannot end (${max}) before it starts (${min})`);
    return new DateWindow(min, max);
  }

  contains(date: LocalDate): boolean {
    return !date.isBefore(this.min) && !date.isAfter(this.max);
  }

  /** `date` itself, or DATE_OUT_OF_RANGE at the path '' with `min` and `max`. */
  check(date: LocalDate): LocalDate {
    if (this.contains(date)) return date;
    throw ValidationError.of('', 'DATE_OUT_OF_RANGE', `Choose a date from ${this.min} to ${this.max}`, {
      value: date.toString(),
      min: this.min.toString(),
      max: this.max.toString(),
    });
  }
}
