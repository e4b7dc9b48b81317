import { LocalDate } from '../time/local-date.value-object';
import { NationalHolidayName } from './cao-unravel-schedule.data';
import { CompiledVersion } from './compiled-version';
import { HOLIDAY_KIND } from './day-kind';
import { ClockChange, NationalHolidaySource, TimeZoneRules } from './unravel-ports';

/**
 * The nine dates around a week (Sunday before … Monday after) with their national holiday and
 * clock change. A window past midnight reaches from the Sunday before into Monday, and a Sunday
 * night shift into the Monday after. Immutable, so one is kept per week, holiday source and zone:
 * the ports are asked once per year, and the hot path only reads arrays.
 */
export class WeekCalendar {
  readonly dates: LocalDate[] = [];
  readonly holidays: (NationalHolidayName | null)[] = [];
  readonly changes: (ClockChange | null)[] = [];
  private readonly kindsByVersion = new Map<CompiledVersion, Int8Array>();
  private lastVersion: CompiledVersion | null = null;
  private lastKinds: Int8Array | null = null;

  private constructor(mondayEpoch: number, holidaySource: NationalHolidaySource, zone: TimeZoneRules) {
    for (let i = -1; i <= 7; i++) {
      const date = LocalDate.ofEpochDay(mondayEpoch + i);
      this.dates.push(date);
      this.holidays.push(holidaysOf(holidaySource, date.year).get(date.epochDay) ?? null);
      this.changes.push(changesOf(zone, date.year).get(date.epochDay) ?? null);
    }
  }

  static of(mondayEpoch: number, holidaySource: NationalHolidaySource, zone: TimeZoneRules): WeekCalendar {
    // A small direct-mapped cache in front of the weak maps: identity checks instead of hashing.
    const slot = ((mondayEpoch % RECENT_SIZE) + RECENT_SIZE) % RECENT_SIZE;
    const recent = RECENT[slot];
    if (recent !== undefined && recent.mondayEpoch === mondayEpoch && recent.holidaySource === holidaySource && recent.zone === zone) {
      return recent.calendar;
    }
    const calendar = WeekCalendar.lookUp(mondayEpoch, holidaySource, zone);
    RECENT[slot] = { mondayEpoch, holidaySource, zone, calendar };
    return calendar;
  }

  private static lookUp(mondayEpoch: number, holidaySource: NationalHolidaySource, zone: TimeZoneRules): WeekCalendar {
    let byZone = calendarCache.get(holidaySource);
    if (!byZone) {
      byZone = new WeakMap();
      calendarCache.set(holidaySource, byZone);
    }
    let weeks = byZone.get(zone);
    if (!weeks) {
      weeks = new Map();
      byZone.set(zone, weeks);
    }
    let calendar = weeks.get(mondayEpoch);
    if (!calendar) {
      calendar = new WeekCalendar(mondayEpoch, holidaySource, zone);
      weeks.set(mondayEpoch, calendar);
    }
    return calendar;
  }

  /** The day kind of each of the nine dates under a version's holiday rules. */
  kinds(version: CompiledVersion): Int8Array {
    if (this.lastVersion === version) return this.lastKinds as Int8Array;
    let kinds = this.kindsByVersion.get(version);
    if (!kinds) {
      kinds = new Int8Array(this.dates.map((date, i) => (version.holidays.counts(this.holidays[i], date) ? HOLIDAY_KIND : date.weekday.iso - 1)));
      this.kindsByVersion.set(version, kinds);
    }
    this.lastVersion = version;
    this.lastKinds = kinds;
    return kinds;
  }
}

interface Recent {
  readonly mondayEpoch: number;
  readonly holidaySource: NationalHolidaySource;
  readonly zone: TimeZoneRules;
  readonly calendar: WeekCalendar;
}

const RECENT_SIZE = 128;
const RECENT: (Recent | undefined)[] = new Array(RECENT_SIZE);
const calendarCache = new WeakMap<NationalHolidaySource, WeakMap<TimeZoneRules, Map<number, WeekCalendar>>>();
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
