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

const NONE: readonly TotalDifference[] = Object.freeze([]);

/**
 * The totals whose minutes differ between a week as approved (before) and unravelled again
 * (after), in a stable order. A week has a handful of totals, each (hour code, kind, percentage)
 * once per side: pairs are found by a scan, and a week unchanged in the same order returns at once
 * (this runs once per week of every placement on a schedule).
 */
export function totalsDifference(before: readonly BreakdownTotal[], after: readonly BreakdownTotal[]): readonly TotalDifference[] {
  if (sameTotals(before, after)) return NONE;
  const differences: TotalDifference[] = [];
  const paired = new Array<boolean>(before.length).fill(false);
  for (const a of after) {
    let beforeMinutes = 0;
    for (let i = 0; i < before.length; i++) {
      if (!paired[i] && sameTotal(before[i], a)) {
        beforeMinutes += before[i].minutes;
        paired[i] = true;
      }
    }
    if (beforeMinutes !== a.minutes) differences.push(difference(a, beforeMinutes, a.minutes));
  }
  for (let i = 0; i < before.length; i++) {
    if (!paired[i] && before[i].minutes !== 0) differences.push(difference(before[i], before[i].minutes, 0));
  }
  return differences.length === 0 ? NONE : differences.sort(byTotal);
}

function sameTotals(before: readonly BreakdownTotal[], after: readonly BreakdownTotal[]): boolean {
  if (before.length !== after.length) return false;
  for (let i = 0; i < before.length; i++) if (!sameTotal(before[i], after[i]) || before[i].minutes !== after[i].minutes) return false;
  return true;
}

function sameTotal(a: BreakdownTotal, b: BreakdownTotal): boolean {
  return a.hourCode === b.hourCode && a.kind === b.kind && a.percentage === b.percentage;
}

function difference(total: BreakdownTotal, beforeMinutes: number, afterMinutes: number): TotalDifference {
  return { hourCode: total.hourCode, kind: total.kind, percentage: total.percentage, beforeMinutes, afterMinutes, differenceMinutes: afterMinutes - beforeMinutes };
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
