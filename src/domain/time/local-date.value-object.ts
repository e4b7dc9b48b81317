import { ValidationError } from '../shared/domain-error';
import { cleanText } from '../shared/text';
import { civilOf, daysInMonth, epochDayOf, isoWeekdayOf, isoWeekOf } from './calendar-arithmetic';
import { Weekday } from './weekday.value-object';

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date without a time or a zone (business dates are Europe/Amsterdam dates, but a
 * date itself is zone-free). Held as an epoch day so that comparing and adding days is integer
 * arithmetic. For the ISO week of a date use `IsoWeek.containing(date)`, or the numbers here.
 */
export class LocalDate {
  private constructor(
    readonly epochDay: number,
    readonly year: number,
    readonly month: number,
    readonly day: number,
  ) {}

  static parse(text: string): LocalDate {
    const match = PATTERN.exec(cleanText(text));
    if (!match) {
      throw ValidationError.of('', 'LOCAL_DATE_FORMAT', `"${text}" is not a date written as YYYY-MM-DD`, { value: text });
    }
    return LocalDate.of(Number(match[1]), Number(match[2]), Number(match[3]));
  }

  static of(year: number, month: number, day: number): LocalDate {
    const valid =
      Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
      year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
    if (!valid) {
      throw ValidationError.of('', 'LOCAL_DATE_INVALID', `${year}-${month}-${day} is not a date of the calendar`, {
        value: `${year}-${month}-${day}`,
      });
    }
    return new LocalDate(epochDayOf(year, month, day), year, month, day);
  }

  static ofEpochDay(epochDay: number): LocalDate {
    const { year, month, day } = civilOf(epochDay);
    return LocalDate.of(year, month, day);
  }

  plusDays(days: number): LocalDate {
    return days === 0 ? this : LocalDate.ofEpochDay(this.epochDay + days);
  }

  /** Days from this date to `other` (positive when `other` is later). */
  daysUntil(other: LocalDate): number {
    return other.epochDay - this.epochDay;
  }

  compare(other: LocalDate): number {
    return this.epochDay - other.epochDay;
  }

  isBefore(other: LocalDate): boolean {
    return this.epochDay < other.epochDay;
  }

  isAfter(other: LocalDate): boolean {
    return this.epochDay > other.epochDay;
  }

  get weekday(): Weekday {
    return Weekday.ofIso(isoWeekdayOf(this.epochDay));
  }

  get isoWeekYear(): number {
    return isoWeekOf(this.epochDay).isoYear;
  }

  get isoWeekNumber(): number {
    return isoWeekOf(this.epochDay).week;
  }

  equals(other: LocalDate): boolean {
    return this.epochDay === other.epochDay;
  }

  toString(): string {
    return `${String(this.year).padStart(4, '0')}-${String(this.month).padStart(2, '0')}-${String(this.day).padStart(2, '0')}`;
  }

  toJSON(): string {
    return this.toString();
  }
}
