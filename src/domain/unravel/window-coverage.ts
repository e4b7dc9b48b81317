import { HOLIDAY_KIND } from './day-kind';

/** A time window in minutes, selecting day kinds by mask; `to <= from` runs into the next date. */
export interface MinuteWindow {
  readonly kindMask: number;
  readonly from: number;
  readonly to: number;
}

/** A stretch of one date that a window covers, and the kind whose rules apply to it. */
export interface Coverage {
  readonly item: number;
  readonly start: number;
  readonly end: number;
  /** The kind of the date where the window started: the day itself, or the day before. */
  readonly sourceKind: number;
}

/** What the windows cover on a date of `kind` preceded by a date of `prev`. */
export function coverageOn(windows: readonly MinuteWindow[], prev: number, kind: number): Coverage[] {
  const result: Coverage[] = [];
  windows.forEach((w, item) => {
    const selectsKind = (w.kindMask & (1 << kind)) !== 0;
    if (w.to > w.from) {
      if (selectsKind) result.push({ item, start: w.from, end: w.to, sourceKind: kind });
      return;
    }
    if (selectsKind) result.push({ item, start: w.from, end: 1440, sourceKind: kind });
    if ((w.kindMask & (1 << prev)) !== 0 && w.to > 0) result.push({ item, start: 0, end: w.to, sourceKind: prev });
  });
  return result;
}

/** The date cut into stretches where the same coverages apply (all of 0 … 1440, in order). */
export interface Stretch {
  readonly start: number;
  readonly end: number;
  readonly covering: readonly Coverage[];
}

export function stretchesOf(coverages: readonly Coverage[], extraBreaks: readonly number[] = []): Stretch[] {
  const points = new Set<number>([0, 1440, ...extraBreaks]);
  for (const c of coverages) {
    points.add(c.start);
    points.add(c.end);
  }
  const sorted = [...points].sort((a, b) => a - b);
  const result: Stretch[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i];
    const end = sorted[i + 1];
    result.push({ start, end, covering: coverages.filter((c) => c.start <= start && c.end >= end) });
  }
  return result;
}

export function describeKind(kind: number): string {
  return kind === HOLIDAY_KIND ? 'HOLIDAY' : ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'][kind];
}
