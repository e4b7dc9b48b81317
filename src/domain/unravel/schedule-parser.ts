import { ProblemCollector } from '../shared/domain-error';
import { HoursMinutes } from '../time/hours-minutes.value-object';
import { LocalDate } from '../time/local-date.value-object';
import { TimeOfDay } from '../time/time-of-day.value-object';
import { WeekHours } from '../time/week-hours.value-object';
import {
  BreakPlacementData, CaoUnravelScheduleData, DAY_SELECTORS, DailyOvertimeData, DaySelector, DEFAULT_NATIONAL_DAYS,
  HolidayRulesData, NATIONAL_HOLIDAY_NAMES, NationalHolidayName, OrtWindowData, OvertimeTierData, PercentageTable,
  ScheduleVersionData, ShiftSurchargeData, TierWindowData, WeekdayOvertimeData, WeeklyOvertimeData,
} from './cao-unravel-schedule.data';
import {
  joinPath, RawObject, readBoolean, readEnum, readList, readObject, readOptionalString, readParsed, readString, isObject,
} from './raw-reader';
import { UnravelReason as R } from './unravel.errors';

/**
 * Turns a raw (JSON-like) schedule into its data with defaults filled in, listing every problem of
 * form by path. Rules that contradict each other are checked afterwards (schedule-consistency.ts).
 * Returns undefined when there was any problem.
 */
export function parseScheduleData(c: ProblemCollector, raw: unknown): CaoUnravelScheduleData | undefined {
  const o = readObject(c, '', raw, ['name', 'source', 'versions']);
  if (!o) return undefined;
  const name = readString(c, 'name', o.name);
  const source = readOptionalString(c, 'source', o.source, '');
  const rawVersions = readList(c, 'versions', o.versions, true);
  if (rawVersions && rawVersions.length === 0) c.add('versions', R.SCHEDULE_NO_VERSIONS, 'A schedule needs at least one version');
  const versions = (rawVersions ?? []).map((v, i) => parseVersion(c, joinPath('versions', i), v));
  versions.forEach((v, i) => {
    const before = versions[i - 1];
    if (i > 0 && v && before && v.validFrom <= before.validFrom) {
      c.add(joinPath('versions', i) + '.validFrom', R.VERSIONS_OUT_OF_ORDER, 'Versions must follow each other by validFrom, without repeats', {
        validFrom: v.validFrom, previous: before.validFrom,
      });
    }
  });
  if (c.problems.length > 0 || name === undefined || source === undefined) return undefined;
  return { name, source, versions: versions as ScheduleVersionData[] };
}

const MAX_SHIFT_SURCHARGES = 30;

const VERSION_FIELDS = [
  'validFrom', 'hourCodes', 'breakPlacement', 'holidays', 'ortOverlap', 'overtimeWithOrt', 'ortWindows',
  'dailyOvertime', 'weeklyOvertime', 'weekdayOvertime', 'shiftSurcharges',
];

function parseVersion(c: ProblemCollector, path: string, raw: unknown): ScheduleVersionData | undefined {
  const o = readObject(c, path, raw, VERSION_FIELDS);
  if (!o) return undefined;
  const at = (key: string) => joinPath(path, key);
  const validFrom = readParsed(c, at('validFrom'), o.validFrom, LocalDate.parse)?.toString();
  const codes = readObject(c, at('hourCodes'), o.hourCodes, ['normal', 'extra']);
  const normal = codes ? readHourCode(c, joinPath(at('hourCodes'), 'normal'), codes.normal) : undefined;
  const extra = codes && codes.extra !== undefined ? readHourCode(c, joinPath(at('hourCodes'), 'extra'), codes.extra) : normal;
  const version = {
    validFrom,
    hourCodes: { normal, extra },
    breakPlacement: parseBreakPlacement(c, at('breakPlacement'), o.breakPlacement),
    holidays: parseHolidays(c, at('holidays'), o.holidays),
    ortOverlap: readEnum(c, at('ortOverlap'), o.ortOverlap, ['REFUSE', 'HIGHEST', 'ADD'] as const, 'REFUSE'),
    overtimeWithOrt: readEnum(c, at('overtimeWithOrt'), o.overtimeWithOrt, ['ADD', 'HIGHEST', 'ORT_REPLACES_OVERTIME'] as const, 'ADD'),
    ortWindows: parseEach(c, at('ortWindows'), o.ortWindows, (p, v, i) => parseOrtWindow(c, p, v, `ortWindows[${i}]`)),
    dailyOvertime: parseEach(c, at('dailyOvertime'), o.dailyOvertime, (p, v, i) => parseDaily(c, p, v, `dailyOvertime[${i}]`)),
    weeklyOvertime: o.weeklyOvertime === undefined || o.weeklyOvertime === null ? null : parseWeekly(c, at('weeklyOvertime'), o.weeklyOvertime),
    weekdayOvertime: parseEach(c, at('weekdayOvertime'), o.weekdayOvertime, (p, v, i) => parseWeekdayOvertime(c, p, v, `weekdayOvertime[${i}]`)),
    shiftSurcharges: parseEach(c, at('shiftSurcharges'), o.shiftSurcharges, (p, v, i) => parseShiftSurcharge(c, p, v, `shiftSurcharges[${i}]`)),
  };
  // The engine keeps the shift windows a shift touches in a 30-bit mask.
  if (version.shiftSurcharges.length > MAX_SHIFT_SURCHARGES) {
    c.add(at('shiftSurcharges'), R.VALUE_NOT_ALLOWED, `At most ${MAX_SHIFT_SURCHARGES} shift surcharges`, {
      value: String(version.shiftSurcharges.length), allowed: `0 … ${MAX_SHIFT_SURCHARGES}`,
    });
  }
  return version as ScheduleVersionData;
}

function parseEach<T>(c: ProblemCollector, path: string, raw: unknown, parse: (path: string, value: unknown, index: number) => T | undefined): T[] {
  const list = readList(c, path, raw, false) ?? [];
  return list.map((value, i) => parse(joinPath(path, i), value, i)).filter((v): v is T => v !== undefined);
}

function parseBreakPlacement(c: ProblemCollector, path: string, raw: unknown): BreakPlacementData | undefined {
  if (raw === undefined || raw === null) return { mode: 'END' };
  const o = readObject(c, path, raw, ['mode', 'after']);
  if (!o) return undefined;
  const mode = readEnum(c, joinPath(path, 'mode'), o.mode, ['END', 'START', 'AFTER_WORKED'] as const);
  if (mode === 'AFTER_WORKED') {
    const after = readParsed(c, joinPath(path, 'after'), o.after, HoursMinutes.parse);
    return after && { mode, after: after.toString() };
  }
  if (mode && o.after !== undefined) c.add(joinPath(path, 'after'), R.FIELD_UNKNOWN, '"after" belongs to mode AFTER_WORKED only', { field: 'after' });
  return mode && { mode };
}

function parseHolidays(c: ProblemCollector, path: string, raw: unknown): HolidayRulesData | undefined {
  const o = raw === undefined || raw === null ? {} : readObject(c, path, raw, ['nationalDays', 'liberationDay', 'countOnWeekend', 'extraDays']);
  if (!o) return undefined;
  const daysPath = joinPath(path, 'nationalDays');
  const nationalDays = o.nationalDays === undefined
    ? DEFAULT_NATIONAL_DAYS
    : (readList(c, daysPath, o.nationalDays, true) ?? []).map((v, i) => {
      const name = readString(c, joinPath(daysPath, i), v);
      if (name === 'LIBERATION_DAY') c.add(joinPath(daysPath, i), R.LIBERATION_DAY_IN_NATIONAL_DAYS, 'Liberation Day has its own option "liberationDay"');
      else if (name !== undefined && !(NATIONAL_HOLIDAY_NAMES as readonly string[]).includes(name)) {
        c.add(joinPath(daysPath, i), R.HOLIDAY_UNKNOWN, `"${name}" is not a Dutch national holiday`, { value: name });
      }
      return name as NationalHolidayName;
    });
  const extraPath = joinPath(path, 'extraDays');
  const extraDays = (readList(c, extraPath, o.extraDays, false) ?? []).map((v, i) => {
    const text = readString(c, joinPath(extraPath, i), v);
    if (text !== undefined && !isExtraDay(text)) {
      c.add(joinPath(extraPath, i), R.EXTRA_DAY_FORMAT, `"${text}" is neither MM-DD nor YYYY-MM-DD`, { value: text });
    }
    return text as string;
  });
  return {
    nationalDays,
    liberationDay: readEnum(c, joinPath(path, 'liberationDay'), o.liberationDay, ['EVERY_YEAR', 'EVERY_FIFTH_YEAR', 'NEVER'] as const, 'EVERY_FIFTH_YEAR'),
    countOnWeekend: readBoolean(c, joinPath(path, 'countOnWeekend'), o.countOnWeekend, true),
    extraDays,
  } as HolidayRulesData;
}

function isExtraDay(text: string): boolean {
  const candidate = /^\d{2}-\d{2}$/.test(text) ? `2000-${text}` : text; // 2000 is a leap year: 02-29 is allowed
  try {
    LocalDate.parse(candidate);
    return true;
  } catch {
    return false;
  }
}

function readHourCode(c: ProblemCollector, path: string, raw: unknown): string | undefined {
  const code = readString(c, path, raw);
  if (code !== undefined && !/^[A-Za-z0-9_.-]{1,32}$/.test(code)) {
    c.add(path, R.HOUR_CODE_FORMAT, 'An hour code is 1 to 32 letters, digits, ".", "_" or "-"', { value: code });
    return undefined;
  }
  return code;
}

function readId(c: ProblemCollector, path: string, raw: unknown, fallback: string): string | undefined {
  const id = readOptionalString(c, path, raw, fallback);
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

function readDays(c: ProblemCollector, path: string, raw: unknown, fallback?: readonly DaySelector[]): DaySelector[] | undefined {
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

function readWindowTimes(c: ProblemCollector, path: string, o: RawObject): { from?: string; to?: string } {
  const from = readParsed(c, joinPath(path, 'from'), o.from, TimeOfDay.parse);
  const to = readParsed(c, joinPath(path, 'to'), o.to, TimeOfDay.parseEnd);
  if (from && to && from.minuteOfDay === to.minuteOfDay) {
    c.add(joinPath(path, 'to'), R.WINDOW_EMPTY, 'A window needs different from and to times (a whole day is 00:00–24:00)');
  }
  return { from: from?.toString(), to: to?.toString() };
}

function parseOrtWindow(c: ProblemCollector, path: string, raw: unknown, fallbackId: string): OrtWindowData | undefined {
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

function parseDaily(c: ProblemCollector, path: string, raw: unknown, fallbackId: string): DailyOvertimeData | undefined {
  const o = readObject(c, path, raw, ['id', 'days', 'per', 'tiers']);
  if (!o) return undefined;
  return {
    id: readId(c, joinPath(path, 'id'), o.id, fallbackId),
    days: readDays(c, joinPath(path, 'days'), o.days, DAY_SELECTORS),
    per: readEnum(c, joinPath(path, 'per'), o.per, ['DAY', 'SHIFT'] as const, 'DAY'),
    tiers: parseTiers(c, joinPath(path, 'tiers'), o.tiers, HoursMinutes.parse),
  } as DailyOvertimeData;
}

function parseWeekly(c: ProblemCollector, path: string, raw: unknown): WeeklyOvertimeData | undefined {
  const o = readObject(c, path, raw, ['id', 'countedDays', 'tiers']);
  if (!o) return undefined;
  return {
    id: readId(c, joinPath(path, 'id'), o.id, 'weeklyOvertime'),
    countedDays: readDays(c, joinPath(path, 'countedDays'), o.countedDays, DAY_SELECTORS),
    tiers: parseTiers(c, joinPath(path, 'tiers'), o.tiers, WeekHours.parse),
  } as WeeklyOvertimeData;
}

function parseWeekdayOvertime(c: ProblemCollector, path: string, raw: unknown, fallbackId: string): WeekdayOvertimeData | undefined {
  const o = readObject(c, path, raw, ['id', 'days', 'percentage', 'hourCode']);
  if (!o) return undefined;
  return {
    id: readId(c, joinPath(path, 'id'), o.id, fallbackId),
    days: readDays(c, joinPath(path, 'days'), o.days),
    percentage: readPercentage(c, joinPath(path, 'percentage'), o.percentage, 100),
    hourCode: readHourCode(c, joinPath(path, 'hourCode'), o.hourCode),
  } as WeekdayOvertimeData;
}

function parseShiftSurcharge(c: ProblemCollector, path: string, raw: unknown, fallbackId: string): ShiftSurchargeData | undefined {
  const o = readObject(c, path, raw, ['id', 'days', 'from', 'to', 'percentage', 'hourCode']);
  if (!o) return undefined;
  return {
    id: readId(c, joinPath(path, 'id'), o.id, fallbackId),
    days: readDays(c, joinPath(path, 'days'), o.days), ...readWindowTimes(c, path, o),
    percentage: readPercentage(c, joinPath(path, 'percentage'), o.percentage),
    hourCode: readHourCode(c, joinPath(path, 'hourCode'), o.hourCode),
  } as ShiftSurchargeData;
}
