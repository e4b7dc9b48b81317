import { ProblemCollector } from '../shared/domain-error';
import { HoursMinutes } from '../time/hours-minutes.value-object';
import { WeekHours } from '../time/week-hours.value-object';
import { SETTLEMENT_CALENDAR_KINDS, SettlementCalendarData, SettlementPeriodData, SettlementTierData } from './cao-unravel-schedule.data';
import { joinPath, readEnum, readList, readObject, readParsed } from './raw-reader';
import { readHourCode, readId, readPercentage } from './schedule-rule-parsers';
import { UnravelReason as R } from './unravel.errors';

/** Blocks of one week are the weekly rules; a block longer than half a year settles too late to be pay. */
export const SETTLEMENT_WEEKS = { min: 2, max: 26 } as const;
const MAX_TIERS = 5;

/**
 * Reads `settlementPeriod`: the calendar of the periods, the normal hours per weekday, and the
 * steps of overtime above the period's normal hours (ascending, each paying at least as much).
 */
export function parseSettlementPeriod(c: ProblemCollector, path: string, raw: unknown): SettlementPeriodData | undefined {
  const o = readObject(c, path, raw, ['id', 'calendar', 'normalPerWeekday', 'tiers']);
  if (!o) return undefined;
  const calendar = parseCalendar(c, joinPath(path, 'calendar'), o.calendar);
  const normalPath = joinPath(path, 'normalPerWeekday');
  const normal = readParsed(c, normalPath, o.normalPerWeekday, HoursMinutes.parse);
  if (normal && (normal.totalMinutes === 0 || normal.totalMinutes > 24 * 60)) {
    c.add(normalPath, R.SETTLEMENT_NORMAL_RANGE, 'Normal hours per weekday are more than 0:00 and at most 24:00', { value: normal.toString() });
  }
  const tiers = parseTiers(c, joinPath(path, 'tiers'), o.tiers);
  return {
    id: readId(c, joinPath(path, 'id'), o.id, 'settlementPeriod'),
    calendar,
    normalPerWeekday: normal?.toString(),
    tiers,
  } as SettlementPeriodData;
}

function parseCalendar(c: ProblemCollector, path: string, raw: unknown): SettlementCalendarData | undefined {
  const o = readObject(c, path, raw, ['kind', 'weeks']);
  if (!o) return undefined;
  const kind = readEnum(c, joinPath(path, 'kind'), o.kind, SETTLEMENT_CALENDAR_KINDS);
  if (kind === 'CALENDAR_MONTH') {
    if (o.weeks !== undefined) c.add(joinPath(path, 'weeks'), R.FIELD_UNKNOWN, '"weeks" belongs to kind ISO_WEEKS only', { field: 'weeks' });
    return { kind };
  }
  if (kind !== 'ISO_WEEKS') return undefined;
  const weeks = o.weeks;
  if (typeof weeks !== 'number' || !Number.isInteger(weeks) || weeks < SETTLEMENT_WEEKS.min || weeks > SETTLEMENT_WEEKS.max) {
    c.add(joinPath(path, 'weeks'), R.SETTLEMENT_WEEKS_RANGE, `A period is ${SETTLEMENT_WEEKS.min} to ${SETTLEMENT_WEEKS.max} weeks (one week: use weeklyOvertime)`, {
      value: String(weeks), min: SETTLEMENT_WEEKS.min, max: SETTLEMENT_WEEKS.max,
    });
    return undefined;
  }
  return { kind, weeks };
}

function parseTiers(c: ProblemCollector, path: string, raw: unknown): SettlementTierData[] {
  const list = readList(c, path, raw, true) ?? [];
  if (raw !== undefined && list.length === 0) c.add(path, R.TIERS_EMPTY, 'Give at least one tier');
  if (list.length > MAX_TIERS) c.add(path, R.VALUE_NOT_ALLOWED, `At most ${MAX_TIERS} tiers`, { value: String(list.length), allowed: `1 … ${MAX_TIERS}` });
  const tiers = list.map((value, i) => {
    const p = joinPath(path, i);
    const o = readObject(c, p, value, ['over', 'percentage', 'hourCode']);
    if (!o) return undefined;
    const over = readParsed(c, joinPath(p, 'over'), o.over, WeekHours.parse);
    const percentage = readPercentage(c, joinPath(p, 'percentage'), o.percentage, 100);
    const hourCode = readHourCode(c, joinPath(p, 'hourCode'), o.hourCode);
    return over && percentage !== undefined && hourCode ? { over, percentage, hourCode } : undefined;
  });
  tiers.forEach((tier, i) => {
    const before = tiers[i - 1];
    if (i === 0 || !tier || !before) return;
    if (tier.over.totalMinutes <= before.over.totalMinutes) {
      c.add(joinPath(joinPath(path, i), 'over'), R.TIERS_OUT_OF_ORDER, 'Each tier starts later than the one before', {
        after: tier.over.toString(), previous: before.over.toString(),
      });
    } else if (tier.percentage < before.percentage) {
      c.add(joinPath(joinPath(path, i), 'percentage'), R.SETTLEMENT_TIER_DECREASES, 'A later tier never pays less than the one before', {
        percentage: tier.percentage, previous: before.percentage,
      });
    }
  });
  return tiers.map((t) => t && { over: t.over.toString(), percentage: t.percentage, hourCode: t.hourCode }) as SettlementTierData[];
}
