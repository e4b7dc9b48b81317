import { BreakdownLineKind, BreakdownTotal } from '../timesheet/hours-breakdown';

/**
 * What a schedule change does to the minutes of one hour code, kind and percentage (the identity
 * of a week total): a draft that only raises an overtime percentage keeps the hour code and
 * moves minutes from one percentage to the other, so both sides are listed.
 */
export interface TotalDifference {
  readonly hourCode: string;
  readonly kind: BreakdownLineKind;
  readonly percentage: number;
  readonly beforeMinutes: number;
  readonly afterMinutes: number;
  /** after − before: positive when the draft pays more minutes of this total. */
  readonly differenceMinutes: number;
}

/** The totals whose minutes differ between a week as approved (before) and unravelled again (after), in a stable order. */
export function totalsDifference(before: readonly BreakdownTotal[], after: readonly BreakdownTotal[]): TotalDifference[] {
  const sides = new Map<string, { total: BreakdownTotal; before: number; after: number }>();
  const add = (total: BreakdownTotal, side: 'before' | 'after') => {
    const key = keyOf(total);
    const entry = sides.get(key) ?? { total, before: 0, after: 0 };
    entry[side] += total.minutes;
    sides.set(key, entry);
  };
  for (const total of before) add(total, 'before');
  for (const total of after) add(total, 'after');
  const differences: TotalDifference[] = [];
  for (const { total, before: b, after: a } of sides.values()) {
    if (a !== b) differences.push({ hourCode: total.hourCode, kind: total.kind, percentage: total.percentage, beforeMinutes: b, afterMinutes: a, differenceMinutes: a - b });
  }
  return differences.sort(byTotal);
}

/** Adds week differences into running totals (for the totals over every week). */
export function addDifferences(into: Map<string, TotalDifference>, differences: readonly TotalDifference[]): void {
  for (const d of differences) {
    const key = keyOf(d);
    const sum = into.get(key);
    into.set(
      key,
      sum
        ? { ...sum, beforeMinutes: sum.beforeMinutes + d.beforeMinutes, afterMinutes: sum.afterMinutes + d.afterMinutes, differenceMinutes: sum.differenceMinutes + d.differenceMinutes }
        : d,
    );
  }
}

/** Running totals as a list in the order of week differences, without the ones that cancelled out. */
export function summedDifferences(sums: ReadonlyMap<string, TotalDifference>): TotalDifference[] {
  return [...sums.values()].filter((d) => d.beforeMinutes !== d.afterMinutes).sort(byTotal);
}

/** The pay a difference makes, in minutes at 100 % (minutes × percentage / 100, as `payInPercentMinutes`). */
export function payDifferenceMinutes(differences: readonly TotalDifference[]): number {
  return differences.reduce((sum, d) => sum + (d.differenceMinutes * d.percentage) / 100, 0);
}

function keyOf(total: { hourCode: string; kind: string; percentage: number }): string {
  return `${total.hourCode}\u0000${total.kind}\u0000${total.percentage}`;
}

function byTotal(a: TotalDifference, b: TotalDifference): number {
  if (a.hourCode !== b.hourCode) return a.hourCode < b.hourCode ? -1 : 1;
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  return a.percentage - b.percentage;
}
