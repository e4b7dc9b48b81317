import { LocalDate } from '../time/local-date.value-object';
import { HolidayRulesData, NATIONAL_HOLIDAY_NAMES, NationalHolidayName } from './cao-unravel-schedule.data';

/** Which holidays a version counts, in a form that answers per date without allocating. */
export interface CompiledHolidays {
  counts(name: NationalHolidayName | null, date: LocalDate): boolean;
}

export function compileHolidays(data: HolidayRulesData): CompiledHolidays {
  const national = new Set<NationalHolidayName>(data.nationalDays);
  if (data.liberationDay !== 'NEVER') national.add('LIBERATION_DAY');
  const yearly = new Set<number>();
  const once = new Set<number>();
  for (const text of data.extraDays) {
    if (text.length === 5) yearly.add(Number(text.slice(0, 2)) * 100 + Number(text.slice(3)));
    else once.add(LocalDate.parse(text).epochDay);
  }
  return {
    counts(name, date) {
      if (yearly.has(date.month * 100 + date.day) || once.has(date.epochDay)) return true;
      if (name === null || !national.has(name)) return false;
      if (name === 'LIBERATION_DAY' && data.liberationDay === 'EVERY_FIFTH_YEAR' && date.year % 5 !== 0) return false;
      return data.countOnWeekend || date.weekday.iso < 6;
    },
  };
}

export const ALL_NATIONAL_HOLIDAYS = NATIONAL_HOLIDAY_NAMES;
