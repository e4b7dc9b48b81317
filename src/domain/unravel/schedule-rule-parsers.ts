import { ProblemCollector } from '../shared/domain-error';
import { HoursMinutes } from '../time/hours-minutes.value-object';
import { TimeOfDay } from '../time/time-of-day.value-object';
import { WeekHours } from '../time/week-hours.value-object';
import {
  DAY_SELECTORS, DailyOvertimeData, DaySelector, OrtWindowData, OvertimeTierData, PercentageTable,
  TierWindowData, WeekdayOvertimeData, WeeklyOvertimeData,
} from './cao-unravel-schedule.data';
import { isObject, joinPath, parseEach, RawObject, readCleanString, readEnum, readList, readObject, readParsed, readString } from './raw-reader';
import { UnravelReason as R } from './unravel.errors';

/** Readers of the rules of a schedule version: windows, tiers and the overtime and surcharge rules. */

export function readHourCode(c: ProblemCollector, path: string, raw: unknown): string | undefined {
  const code = readCleanString(c, path, raw);
  if (code !== undefined && !/^[A-Za-z0-9_.-]{1,32}$/.test(code)) {
    c.add(path, R.HOUR_CODE_FORMAT, 'An hour code is 1 to 32 letters, digits, ".", "_" or "-"', { value: code });
    return undefined;
  }
  return code;
}

export function readId(c: ProblemCollector, path: string, raw: unknown, fallback: string): string | undefined {
  const id = raw === undefined || raw === null ? fallback : readCleanString(c, path, raw);
  if (id !== undefined && !/^[A-Za-z0-9_.\-[\]]{1,64}$/.test(id)) {
    c.add(path, R.RULE_ID_FORMAT, 'A rule id is 1 to 64 letters, digits or . _ - [ ]', { value: id });
  }
  return id;
}

export function readPercentage(c: ProblemCollector, path: string, raw: unknown, min = 0): number | undefined {
  if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < 0 || raw > 500) {
    c.add(path, R.PERCENTAGE_RANGE, 'A percentage is a number from 0 to 500', { value: String(raw) });
    return undefined;
  }
  if (raw < min) {
    c.add(path, R.OVERTIME_PERCENTAGE_BELOW_100, 'Overtime pays at least 100 %', { value: raw });
    return undefined;
  }
  return raw;
}

export function readDays(c: ProblemCollector, path: string, raw: unknown, fallback?: readonly DaySelector[]): DaySelector[] | undefined {
  if ((raw === undefined || raw === null) && fallback) return [...fallback];
  const list = readList(c, path, raw, true);
  if (!list) return undefined;
  if (list.length === 0) c.add(path, R.DAYS_EMPTY, 'Choose at least one day');
  const days: DaySelector[] = [];
  list.forEach((v, i) => {
    const day = readString(c, joinPath(path, i), v);
    if (day === undefined) return;
    if (!(DAY_SELECTORS as readonly string[]).includes(day)) {
      c.add(joinPath(path, i), R.DAY_SELECTOR_UNKNOWN, `"${day}" is not a day (MON … SUN, HOLIDAY)`, { value: day });
    } else if (days.includes(day as DaySelector)) {
      c.add(joinPath(path, i), R.DAYS_DUPLICATE, `"${day}" is listed twice`, { value: day });
    } else days.push(day as DaySelector);
  });
  return days;
}

export function readWindowTimes(c: ProblemCollector, path: string, o: RawObject): { from?: string; to?: string } {
  const from = readParsed(c, joinPath(path, 'from'), o.from, TimeOfDay.parse);
  const to = readParsed(c, joinPath(path, 'to'), o.to, TimeOfDay.parseEnd);
  if (from && to && from.minuteOfDay === to.minuteOfDay) {
    c.add(joinPath(path, 'to'), R.WINDOW_EMPTY, 'A window needs different from and to times (a whole day is 00:00–24:00)');
  }
  return { from: from?.toString(), to: to?.toString() };
}

export function parseOrtWindow(c: ProblemCollector, path: string, raw: unknown, fallbackId: string): OrtWindowData | undefined {
  const o = readObject(c, path, raw, ['id', 'days', 'from', 'to', 'percentage', 'hourCode']);
  if (!o) return undefined;
  let percentage: number | PercentageTable | undefined;
  let days: DaySelector[] | undefined;
  if (isObject(o.percentage)) {
    const table: PercentageTable = {};
    for (const [key, value] of Object.entries(o.percentage)) {
      const p = joinPath(joinPath(path, 'percentage'), key);
      if (!(DAY_SELECTORS as readonly string[]).includes(key)) c.add(p, R.DAY_SELECTOR_UNKNOWN, `"${key}" is not a day`, { value: key });
      else table[key as DaySelector] = readPercentage(c, p, value);
    }
    const keys = Object.keys(table) as DaySelector[];
    days = o.days === undefined ? keys : readDays(c, joinPath(path, 'days'), o.days);
    if (days && (days.length !== keys.length || days.some((d) => !keys.includes(d)))) {
      c.add(joinPath(path, 'days'), R.ORT_TABLE_DAYS_MISMATCH, 'With a percentage table the days are the keys of the table');
    }
    if (keys.length === 0) c.add(joinPath(path, 'percentage'), R.DAYS_EMPTY, 'Choose at least one day');
    percentage = table;
  } else {
    percentage = readPercentage(c, joinPath(path, 'percentage'), o.percentage);
    days = readDays(c, joinPath(path, 'days'), o.days);
  }
  const times = readWindowTimes(c, path, o);
  return {
    id: readId(c, joinPath(path, 'id'), o.id, fallbackId), days, ...times, percentage,
    hourCode: readHourCode(c, joinPath(path, 'hourCode'), o.hourCode),
  } as OrtWindowData;
}

function parseTiers(c: ProblemCollector, path: string, raw: unknown, parseAfter: (text: string) => { totalMinutes: number; toString(): string }): OvertimeTierData[] {
  const list = readList(c, path, raw, true) ?? [];
  if (raw !== undefined && list.length === 0) c.add(path, R.TIERS_EMPTY, 'Give at least one tier');
  return list.map((value, i) => {
    const p = joinPath(path, i);
    const o = readObject(c, p, value, ['after', 'percentage', 'hourCode', 'windows']);
    if (!o) return undefined;
    return {
      after: readParsed(c, joinPath(p, 'after'), o.after, parseAfter)?.toString(),
      percentage: readPercentage(c, joinPath(p, 'percentage'), o.percentage, 100),
      hourCode: readHourCode(c, joinPath(p, 'hourCode'), o.hourCode),
      windows: parseEach(c, joinPath(p, 'windows'), o.windows, (wp, wv) => parseTierWindow(c, wp, wv, o.hourCode)),
    } as OvertimeTierData;
  }).filter((t): t is OvertimeTierData => t !== undefined);
}

function parseTierWindow(c: ProblemCollector, path: string, raw: unknown, tierCode: unknown): TierWindowData | undefined {
  const o = readObject(c, path, raw, ['days', 'from', 'to', 'percentage', 'hourCode']);
  if (!o) return undefined;
  return {
    days: readDays(c, joinPath(path, 'days'), o.days), ...readWindowTimes(c, path, o),
    percentage: readPercentage(c, joinPath(path, 'percentage'), o.percentage, 100),
    hourCode: readHourCode(c, joinPath(path, 'hourCode'), o.hourCode ?? tierCode),
  } as TierWindowData;
}

export function parseDaily(c: ProblemCollector, path: string, raw: unknown, fallbackId: string): DailyOvertimeData | undefined {
  const o = readObject(c, path, raw, ['id', 'days', 'per', 'tiers']);
  if (!o) return undefined;
  return {
    id: readId(c, joinPath(path, 'id'), o.id, fallbackId),
    days: readDays(c, joinPath(path, 'days'), o.days, DAY_SELECTORS),
    per: readEnum(c, joinPath(path, 'per'), o.per, ['DAY', 'SHIFT'] as const, 'DAY'),
    tiers: parseTiers(c, joinPath(path, 'tiers'), o.tiers, HoursMinutes.parse),
  } as DailyOvertimeData;
}

export function parseWeekly(c: ProblemCollector, path: string, raw: unknown): WeeklyOvertimeData | undefined {
  const o = readObject(c, path, raw, ['id', 'countedDays', 'tiers']);
  if (!o) return undefined;
  return {
    id: readId(c, joinPath(path, 'id'), o.id, 'weeklyOvertime'),
    countedDays: readDays(c, joinPath(path, 'countedDays'), o.countedDays, DAY_SELECTORS),
    tiers: parseTiers(c, joinPath(path, 'tiers'), o.tiers, WeekHours.parse),
  } as WeeklyOvertimeData;
}

export function parseWeekdayOvertime(c: ProblemCollector, path: string, raw: unknown, fallbackId: string): WeekdayOvertimeData | undefined {
  const o = readObject(c, path, raw, ['id', 'days', 'percentage', 'hourCode']);
  if (!o) return undefined;
  return {
    id: readId(c, joinPath(path, 'id'), o.id, fallbackId),
    days: readDays(c, joinPath(path, 'days'), o.days),
    percentage: readPercentage(c, joinPath(path, 'percentage'), o.percentage, 100),
    hourCode: readHourCode(c, joinPath(path, 'hourCode'), o.hourCode),
  } as WeekdayOvertimeData;
}
