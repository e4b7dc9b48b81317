import { ProblemCollector } from '../shared/domain-error';
import { HoursMinutes } from '../time/hours-minutes.value-object';
import { MinimumBreaksData, MinimumBreakTierData, MinimumPayPerCallData } from './cao-unravel-schedule.data';
import { joinPath, readList, readObject, readParsed } from './raw-reader';
import { readHourCode, readId } from './schedule-rule-parsers';
import { UnravelReason as R } from './unravel.errors';

const MAX_TIERS = 10;
const DAY = 24 * 60;

/**
 * Reads `minimumBreaks`: steps of working time after which a shift has at least a given break.
 * Steps ascend by `over`, minimums never decrease, and a shift over the step with its minimum
 * break fits in one day (a block is at most 24 hours).
 */
export function parseMinimumBreaks(c: ProblemCollector, path: string, raw: unknown): MinimumBreaksData | undefined {
  const o = readObject(c, path, raw, ['id', 'tiers']);
  if (!o) return undefined;
  const tiersPath = joinPath(path, 'tiers');
  const list = readList(c, tiersPath, o.tiers, true) ?? [];
  if (o.tiers !== undefined && list.length === 0) c.add(tiersPath, R.TIERS_EMPTY, 'Give at least one step');
  if (list.length > MAX_TIERS) c.add(tiersPath, R.VALUE_NOT_ALLOWED, `At most ${MAX_TIERS} steps`, { value: String(list.length), allowed: `1 … ${MAX_TIERS}` });
  const tiers = list.map((value, i) => parseTier(c, joinPath(tiersPath, i), value));
  tiers.forEach((tier, i) => {
    const before = tiers[i - 1];
    if (i === 0 || !tier || !before) return;
    if (tier.over.totalMinutes <= before.over.totalMinutes) {
      c.add(joinPath(joinPath(tiersPath, i), 'over'), R.TIERS_OUT_OF_ORDER, 'Each step starts at a longer shift than the one before', {
        after: tier.over.toString(), previous: before.over.toString(),
      });
    } else if (tier.atLeast.totalMinutes < before.atLeast.totalMinutes) {
      c.add(joinPath(joinPath(tiersPath, i), 'atLeast'), R.MINIMUM_BREAK_DECREASES, 'A longer shift never needs a shorter break', {
        atLeast: tier.atLeast.toString(), previous: before.atLeast.toString(),
      });
    }
  });
  const data: MinimumBreakTierData[] = tiers.map((t) => t && { over: t.over.toString(), atLeast: t.atLeast.toString() }) as MinimumBreakTierData[];
  return { id: readId(c, joinPath(path, 'id'), o.id, 'minimumBreaks'), tiers: data } as MinimumBreaksData;
}

function parseTier(c: ProblemCollector, path: string, raw: unknown): { over: HoursMinutes; atLeast: HoursMinutes } | undefined {
  const o = readObject(c, path, raw, ['over', 'atLeast']);
  if (!o) return undefined;
  const over = readParsed(c, joinPath(path, 'over'), o.over, HoursMinutes.parse);
  const atLeast = readParsed(c, joinPath(path, 'atLeast'), o.atLeast, HoursMinutes.parse);
  if (!over || !atLeast) return undefined;
  if (atLeast.totalMinutes === 0 || over.totalMinutes + atLeast.totalMinutes > DAY) {
    c.add(joinPath(path, 'atLeast'), R.MINIMUM_BREAK_RANGE, 'A minimum break is more than 0:00 and, with the shift it belongs to, fits in 24:00', {
      over: over.toString(), atLeast: atLeast.toString(),
    });
    return undefined;
  }
  return { over, atLeast };
}

/** Reads `minimumPayPerCall`: a minimum from 0:01 to 12:00 and the hour code of the minutes paid but not worked. */
export function parseMinimumPayPerCall(c: ProblemCollector, path: string, raw: unknown): MinimumPayPerCallData | undefined {
  const o = readObject(c, path, raw, ['id', 'minimum', 'hourCode']);
  if (!o) return undefined;
  const minimum = readParsed(c, joinPath(path, 'minimum'), o.minimum, HoursMinutes.parse);
  if (minimum && (minimum.totalMinutes === 0 || minimum.totalMinutes > 12 * 60)) {
    c.add(joinPath(path, 'minimum'), R.MINIMUM_PAY_RANGE, 'A minimum pay per call is from 0:01 to 12:00', { value: minimum.toString() });
  }
  return {
    id: readId(c, joinPath(path, 'id'), o.id, 'minimumPayPerCall'),
    minimum: minimum?.toString(),
    hourCode: readHourCode(c, joinPath(path, 'hourCode'), o.hourCode),
  } as MinimumPayPerCallData;
}
