import { ProblemCollector } from '../shared/domain-error';
import { HoursMinutes } from '../time/hours-minutes.value-object';
import { LocalDate } from '../time/local-date.value-object';
import {
  BreakPlacementData, CaoUnravelScheduleData, DEFAULT_NATIONAL_DAYS, HolidayRulesData, NATIONAL_HOLIDAY_NAMES, NationalHolidayName,
  ScheduleVersionData,
} from './cao-unravel-schedule.data';
import { joinPath, parseEach, readBoolean, readCleanString, readEnum, readList, readObject, readOptionalString, readParsed, readString } from './raw-reader';
import { parseAllowances } from './allowance-parser';
import { parseMinimumBreaks, parseMinimumPayPerCall } from './minimum-break-parser';
import { parseDaily, parseOrtWindow, parseWeekdayOvertime, parseWeekly, readHourCode } from './schedule-rule-parsers';
import { parseSettlementPeriod } from './settlement-period-parser';
import { parseShiftSurcharge } from './shift-surcharge-parser';
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
  'dailyOvertime', 'weeklyOvertime', 'weekdayOvertime', 'shiftSurcharges', 'minimumBreaks', 'minimumPayPerCall',
  'settlementPeriod', 'allowances',
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
    minimumBreaks: o.minimumBreaks === undefined || o.minimumBreaks === null ? null : parseMinimumBreaks(c, at('minimumBreaks'), o.minimumBreaks),
    minimumPayPerCall: o.minimumPayPerCall === undefined || o.minimumPayPerCall === null
      ? null : parseMinimumPayPerCall(c, at('minimumPayPerCall'), o.minimumPayPerCall),
    settlementPeriod: o.settlementPeriod === undefined || o.settlementPeriod === null
      ? null : parseSettlementPeriod(c, at('settlementPeriod'), o.settlementPeriod),
    allowances: parseAllowances(c, at('allowances'), o.allowances),
  };
  // The engine keeps the shift windows a shift touches in a 30-bit mask.
  if (version.shiftSurcharges.length > MAX_SHIFT_SURCHARGES) {
    c.add(at('shiftSurcharges'), R.VALUE_NOT_ALLOWED, `At most ${MAX_SHIFT_SURCHARGES} shift surcharges`, {
      value: String(version.shiftSurcharges.length), allowed: `0 … ${MAX_SHIFT_SURCHARGES}`,
    });
  }
  return version as ScheduleVersionData;
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
    const text = readCleanString(c, joinPath(extraPath, i), v);
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

