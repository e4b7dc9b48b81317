import { ProblemCollector } from '../shared/domain-error';
import { HoursMinutes } from '../time/hours-minutes.value-object';
import { ALLOWANCE_KINDS, AllowanceRuleData } from './cao-unravel-schedule.data';
import { joinPath, readEnum, readList, readObject, readParsed } from './raw-reader';
import { readDays, readHourCode, readId } from './schedule-rule-parsers';
import { UnravelReason as R } from './unravel.errors';

/** A version pays at most this many kinds of allowance: a handful in any CAO. */
export const MAX_ALLOWANCES = 20;
const DAY = 24 * 60;

/** The field each kind takes besides id, hourCode and kind; the others are refused as unknown for that kind. */
const KIND_FIELD = { OVERTIME_ON_DAY: 'atLeast', SPLIT_SHIFT: 'gapOver', DAY_WORKED: 'days' } as const;

/**
 * Reads `allowances`: rules that count a fixed allowance per occurrence on a work day. Each names
 * its kind and the one field that kind takes: `atLeast` (overtime on the day, 0:01 to 24:00),
 * `gapOver` (a gap between two blocks, 0:00 to 23:59) or `days` (at least one).
 */
export function parseAllowances(c: ProblemCollector, path: string, raw: unknown): AllowanceRuleData[] {
  const list = readList(c, path, raw, false) ?? [];
  if (list.length > MAX_ALLOWANCES) c.add(path, R.VALUE_NOT_ALLOWED, `At most ${MAX_ALLOWANCES} allowances`, { value: String(list.length), allowed: `0 … ${MAX_ALLOWANCES}` });
  const rules = list.map((value, i) => parseAllowance(c, joinPath(path, i), value, `allowances[${i}]`));
  checkHourCodesDistinct(c, path, rules);
  return rules.filter((r): r is AllowanceRuleData => r !== undefined);
}

function parseAllowance(c: ProblemCollector, path: string, raw: unknown, fallbackId: string): AllowanceRuleData | undefined {
  const o = readObject(c, path, raw, ['id', 'hourCode', 'kind', 'atLeast', 'gapOver', 'days']);
  if (!o) return undefined;
  const at = (key: string) => joinPath(path, key);
  const id = readId(c, at('id'), o.id, fallbackId);
  const hourCode = readHourCode(c, at('hourCode'), o.hourCode);
  const kind = readEnum(c, at('kind'), o.kind, ALLOWANCE_KINDS);
  if (kind === undefined) return undefined;
  for (const other of Object.values(KIND_FIELD)) {
    if (other !== KIND_FIELD[kind] && o[other] !== undefined) c.add(at(other), R.FIELD_UNKNOWN, `"${other}" does not belong to kind ${kind}`, { field: other });
  }
  switch (kind) {
    case 'OVERTIME_ON_DAY': {
      const atLeast = readParsed(c, at('atLeast'), o.atLeast, HoursMinutes.parse);
      // H:MM itself ends at 24:00; 0:00 would give the allowance on every day.
      if (atLeast && atLeast.totalMinutes === 0) {
        c.add(at('atLeast'), R.ALLOWANCE_THRESHOLD_RANGE, 'Overtime on a day of at least 0:01 to 24:00', { value: atLeast.toString(), min: '0:01', max: '24:00' });
      }
      return { id, hourCode, kind, atLeast: atLeast?.toString() } as AllowanceRuleData;
    }
    case 'SPLIT_SHIFT': {
      const gapOver = readParsed(c, at('gapOver'), o.gapOver, HoursMinutes.parse);
      if (gapOver && gapOver.totalMinutes >= DAY) {
        c.add(at('gapOver'), R.ALLOWANCE_THRESHOLD_RANGE, 'A gap of more than 0:00 to 23:59', { value: gapOver.toString(), min: '0:00', max: '23:59' });
      }
      return { id, hourCode, kind, gapOver: gapOver?.toString() } as AllowanceRuleData;
    }
    case 'DAY_WORKED': {
      if (Array.isArray(o.days) && o.days.length === 0) {
        c.add(at('days'), R.ALLOWANCE_DAYS_EMPTY, 'An allowance per day worked needs at least one day');
        return { id, hourCode, kind, days: [] } as AllowanceRuleData;
      }
      return { id, hourCode, kind, days: readDays(c, at('days'), o.days) } as AllowanceRuleData;
    }
  }
}

/** Payroll adds allowances up per hour code: two rules under one code could not be told apart. */
function checkHourCodesDistinct(c: ProblemCollector, path: string, rules: readonly (AllowanceRuleData | undefined)[]): void {
  const first = new Map<string, number>();
  rules.forEach((rule, i) => {
    if (!rule?.hourCode) return;
    const before = first.get(rule.hourCode);
    if (before === undefined) first.set(rule.hourCode, i);
    else {
      c.add(joinPath(joinPath(path, i), 'hourCode'), R.ALLOWANCE_HOUR_CODE_DUPLICATE, `Hour code "${rule.hourCode}" is also used by allowance ${before}`, {
        value: rule.hourCode, other: before,
      });
    }
  });
}
