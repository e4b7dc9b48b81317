import Holidays from 'date-holidays';
import { LocalDate } from '../../domain/time/local-date.value-object';
import { NationalHolidayName } from '../../domain/unravel/cao-unravel-schedule.data';
import { NationalHoliday, NationalHolidaySource } from '../../domain/unravel/unravel-ports';

/**
 * The Dutch national holidays from date-holidays, by the rule that defines each day (the rule is
 * stable; the names are translated). date-holidays types Liberation Day and Good Friday as
 * `school` days; we take them anyway, and the schedule decides whether they count.
 */
const BY_RULE: readonly [RegExp, NationalHolidayName][] = [
  [/^01-01$/, 'NEW_YEARS_DAY'],
  [/^easter -2$/, 'GOOD_FRIDAY'],
  [/^easter$/, 'EASTER_SUNDAY'],
  [/^easter 1$/, 'EASTER_MONDAY'],
  [/^04-27\b|^04-30\b/, 'KINGS_DAY'],
  [/^05-05\b/, 'LIBERATION_DAY'],
  [/^easter 39$/, 'ASCENSION_DAY'],
  [/^easter 49$/, 'WHIT_SUNDAY'],
  [/^easter 50$/, 'WHIT_MONDAY'],
  [/^12-25$/, 'CHRISTMAS_DAY'],
  [/^12-26$/, 'BOXING_DAY'],
];

export class DateHolidaysNationalHolidays implements NationalHolidaySource {
  private readonly holidays = new Holidays('NL');
  private readonly byYear = new Map<number, readonly NationalHoliday[]>();

  nationalHolidays(year: number): readonly NationalHoliday[] {
    let list = this.byYear.get(year);
    if (!list) {
      list = this.load(year);
      this.byYear.set(year, list);
    }
    return list;
  }

  private load(year: number): NationalHoliday[] {
    const result: NationalHoliday[] = [];
    for (const holiday of this.holidays.getHolidays(year)) {
      const match = BY_RULE.find(([pattern]) => pattern.test(holiday.rule));
      if (match && !result.some((h) => h.name === match[1])) {
        result.push({ date: LocalDate.parse(holiday.date.slice(0, 10)), name: match[1] });
      }
    }
    return result;
  }
}
