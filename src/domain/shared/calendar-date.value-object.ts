import { ValidationError } from './domain-error';

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date without a time or zone, strictly `YYYY-MM-DD` and a real day of the Gregorian calendar
 * (years 1900–2999: birth dates and placements, nothing older or further ahead). Used by the
 * organisation model for birth dates and placement periods; business dates are local dates of the
 * agency's time zone, chosen by the caller.
 */
export class CalendarDate {
  private constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
  ) {}

  static parse(text: string): CalendarDate {
    const match = typeof text === 'string' && text.length === 10 ? PATTERN.exec(text) : null;
    if (!match) throw invalid(text);
    return CalendarDate.of(Number(match[1]), Number(match[2]), Number(match[3]), text);
  }

  static of(year: number, month: number, day: number, shown = `${year}-${month}-${day}`): CalendarDate {
    const valid =
      Number.isInteger(year) && year >= 1900 && year <= 2999 &&
      Number.isInteger(month) && month >= 1 && month <= 12 &&
      Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month);
    if (!valid) throw invalid(shown);
    return new CalendarDate(year, month, day);
  }

  /** A number that orders dates: yyyymmdd. */
  private get ordinal(): number {
    return this.year * 10000 + this.month * 100 + this.day;
  }

  compare(other: CalendarDate): number {
    return Math.sign(this.ordinal - other.ordinal);
  }

  isBefore(other: CalendarDate): boolean {
    return this.ordinal < other.ordinal;
  }

  isAfter(other: CalendarDate): boolean {
    return this.ordinal > other.ordinal;
  }

  equals(other: CalendarDate): boolean {
    return this.ordinal === other.ordinal;
  }

  /** Whole years from this date to `on` (an age: a birthday on 29 February counts from 1 March). */
  yearsUntil(on: CalendarDate): number {
    const years = on.year - this.year;
    const hadBirthday = on.month * 100 + on.day >= this.month * 100 + this.day;
    return hadBirthday ? years : years - 1;
  }

  toString(): string {
    return `${String(this.year).padStart(4, '0')}-${String(this.month).padStart(2, '0')}-${String(this.day).padStart(2, '0')}`;
  }
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function invalid(text: unknown): ValidationError {
  const shown = String(text).slice(0, 32);
  return ValidationError.of('', 'DATE_INVALID', `"${shown}" is not a date written as YYYY-MM-DD`, { value: shown });
}
