import { ValidationError } from '../shared/domain-error';
import { cleanText } from '../shared/text';
import { firstMondayOfIsoYear, isoWeekOf, weeksInIsoYear } from './calendar-arithmetic';
import { LocalDate } from './local-date.value-object';

const PATTERN = /^(\d{4})-W(\d{2})$/;

/** An ISO 8601 week such as `2026-W48`: Monday to Sunday, belonging to the year of its Thursday. */
export class IsoWeek {
  private constructor(
    readonly year: number,
    readonly week: number,
    private readonly mondayEpochDay: number,
  ) {}

  static parse(text: string): IsoWeek {
    const match = PATTERN.exec(cleanText(text));
    if (!match) {
      throw ValidationError.of('', 'ISO_WEEK_FORMAT', `"${text}" is not a week written as YYYY-Www (e.g. 2026-W48)`, {
        value: text,
      });
    }
    return IsoWeek.of(Number(match[1]), Number(match[2]));
  }

  static of(year: number, week: number): IsoWeek {
    if (!Number.isInteger(year) || year < 1 || year > 9998 || !Number.isInteger(week) || week < 1 || week > weeksInIsoYear(year)) {
      throw ValidationError.of('', 'ISO_WEEK_INVALID', `${year} has no ISO week ${week}`, { value: `${year}-W${week}` });
    }
    return new IsoWeek(year, week, firstMondayOfIsoYear(year) + (week - 1) * 7);
  }

  static containing(date: LocalDate): IsoWeek {
    const { isoYear, week } = isoWeekOf(date.epochDay);
    return IsoWeek.of(isoYear, week);
  }

  /** The Monday as an epoch day, without building a LocalDate (for hot loops). */
  get mondayEpoch(): number {
    return this.mondayEpochDay;
  }

  get monday(): LocalDate {
    return LocalDate.ofEpochDay(this.mondayEpochDay);
  }

  get sunday(): LocalDate {
    return LocalDate.ofEpochDay(this.mondayEpochDay + 6);
  }

  /** Monday … Sunday. */
  days(): LocalDate[] {
    return [0, 1, 2, 3, 4, 5, 6].map((offset) => LocalDate.ofEpochDay(this.mondayEpochDay + offset));
  }

  contains(date: LocalDate): boolean {
    return date.epochDay >= this.mondayEpochDay && date.epochDay <= this.mondayEpochDay + 6;
  }

  next(): IsoWeek {
    return IsoWeek.containing(LocalDate.ofEpochDay(this.mondayEpochDay + 7));
  }

  previous(): IsoWeek {
    return IsoWeek.containing(LocalDate.ofEpochDay(this.mondayEpochDay - 7));
  }

  compare(other: IsoWeek): number {
    return this.mondayEpochDay - other.mondayEpochDay;
  }

  equals(other: IsoWeek): boolean {
    return this.mondayEpochDay === other.mondayEpochDay;
  }

  toString(): string {
    return `${String(this.year).padStart(4, '0')}-W${String(this.week).padStart(2, '0')}`;
  }

  toJSON(): string {
    return this.toString();
  }
}
