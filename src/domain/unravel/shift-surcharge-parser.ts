import { ProblemCollector } from '../shared/domain-error';
import { HoursMinutes } from '../time/hours-minutes.value-object';
import { TimeOfDay } from '../time/time-of-day.value-object';
import { SHIFT_CONDITION_KINDS, ShiftConditionData, ShiftSurchargeData } from './cao-unravel-schedule.data';
import { joinPath, readEnum, readObject, readParsed } from './raw-reader';
import { readDays, readHourCode, readId, readPercentage, readWindowTimes } from './schedule-rule-parsers';
import { UnravelReason as R } from './unravel.errors';

const DAY = 24 * 60;
const TOUCHES: ShiftConditionData = Object.freeze({ kind: 'TOUCHES' });

/**
 * Reads a whole-shift surcharge: a window, its percentage and hour code, and the condition under
 * which a shift gets it. Left out, the condition is TOUCHES: what every schedule meant before
 * conditions existed, so stored schedules read as they did.
 */
export function parseShiftSurcharge(c: ProblemCollector, path: string, raw: unknown, fallbackId: string): ShiftSurchargeData | undefined {
  const o = readObject(c, path, raw, ['id', 'days', 'from', 'to', 'percentage', 'hourCode', 'condition']);
  if (!o) return undefined;
  const times = readWindowTimes(c, path, o);
  return {
    id: readId(c, joinPath(path, 'id'), o.id, fallbackId),
    days: readDays(c, joinPath(path, 'days'), o.days), ...times,
    percentage: readPercentage(c, joinPath(path, 'percentage'), o.percentage),
    hourCode: readHourCode(c, joinPath(path, 'hourCode'), o.hourCode),
    condition: parseCondition(c, joinPath(path, 'condition'), o.condition, times),
  } as ShiftSurchargeData;
}

/**
 * `{ kind: 'MINUTES_INSIDE', over }` needs `over` from 0:01 up to one minute less than the
 * window's length on the clock: 0:00 would be TOUCHES, and a shift can never have more minutes
 * inside than the window is long (but for the one night a year the clocks go back).
 */
function parseCondition(c: ProblemCollector, path: string, raw: unknown, window: { from?: string; to?: string }): ShiftConditionData | undefined {
  if (raw === undefined || raw === null) return TOUCHES;
  const o = readObject(c, path, raw, ['kind', 'over']);
  if (!o) return undefined;
  const kind = readEnum(c, joinPath(path, 'kind'), o.kind, SHIFT_CONDITION_KINDS);
  if (kind !== 'MINUTES_INSIDE') {
    if (kind && o.over !== undefined && o.over !== null) {
      c.add(joinPath(path, 'over'), R.FIELD_UNKNOWN, '"over" belongs to kind MINUTES_INSIDE only', { field: 'over' });
    }
    return kind && (kind === 'TOUCHES' ? TOUCHES : { kind });
  }
  const over = readParsed(c, joinPath(path, 'over'), o.over, HoursMinutes.parse);
  if (!over || window.from === undefined || window.to === undefined) return undefined;
  const length = windowLength(window.from, window.to);
  if (over.totalMinutes === 0 || over.totalMinutes >= length) {
    c.add(joinPath(path, 'over'), R.SHIFT_MINUTES_INSIDE_RANGE, 'More than "over" minutes inside the window: from 0:01 to less than the window\'s length', {
      over: over.toString(), from: window.from, to: window.to, length: HoursMinutes.ofMinutes(length).toString(),
    });
    return undefined;
  }
  return { kind, over: over.toString() };
}

/** The window's length on the clock: a `to` at or before `from` runs into the next date. */
function windowLength(from: string, to: string): number {
  const a = TimeOfDay.parse(from).minuteOfDay;
  const b = TimeOfDay.parseEnd(to).minuteOfDay;
  return b > a ? b - a : b + DAY - a;
}
