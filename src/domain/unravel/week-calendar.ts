import { LocalDate } from '../time/local-date.value-object';
import { NationalHolidayName } from './cao-unravel-schedule.data';
import { ClockChange, NationalHolidaySource, TimeZoneRules } from './unravel-ports';

/**
 * The nine dates around a week (Sunday before … Monday after) with their national holiday and
 * clock change. A window past midnight reaches from the Sunday before into Monday, and a Sunday
 * night shift into the Monday after. The ports are asked once per year and remembered, so the hot
 * path does a map lookup per date at most.
 */
export class WeekCalendar {
  readonly dates: LocalDate[] = [];
  readonly holidays: (NationalHolidayName | null)[] = [];
  readonly changes: (ClockChange | null)[] = [];

  constructor(monday: LocalDate, holidaySource: NationalHolidaySource, zone: TimeZoneRules) {
    for (let i = -1; i <= 7; i++) {
      const date = monday.plusDays(i);
      this.dates.push(date);
      this.holidays.push(holidaysOf(holidaySource, date.year).get(date.epochDay) ?? null);
      this.changes.push(changesOf(zone, date.year).get(date.epochDay) ?? null);
    }
  }
}

const holidayCache = new WeakMap<NationalHolidaySource, Map<number, Map<number, NationalHolidayName>>>();
const changeCache = new WeakMap<TimeZoneRules, Map<number, Map<number, ClockChange>>>();

function holidaysOf(source: NationalHolidaySource, year: number): Map<number, NationalHolidayName> {
  return cached(holidayCache, source, year, () => source.nationalHolidays(year).map((h) => [h.date.epochDay, h.name]));
}

function changesOf(zone: TimeZoneRules, year: number): Map<number, ClockChange> {
  return cached(changeCache, zone, year, () => zone.clockChanges(year).map((c) => [c.date.epochDay, c]));
}

function cached<K extends object, V>(cache: WeakMap<K, Map<number, Map<number, V>>>, key: K, year: number, load: () => [number, V][]): Map<number, V> {
  let years = cache.get(key);
  if (!years) {
    years = new Map();
    cache.set(key, years);
  }
  let map = years.get(year);
  if (!map) {
    map = new Map(load());
    years.set(year, map);
  }
  return map;
}
