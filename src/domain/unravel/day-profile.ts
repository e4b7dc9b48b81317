import { formatMinuteOfDay } from '../time/time-of-day.value-object';
import { describeKind, coverageOn, Coverage, MinuteWindow, stretchesOf } from './window-coverage';
import { ExplanationKey } from './explanation-keys';
import { LineClass } from './line-class';
import { UnravelNote, RuleReference } from './unravel-result';
import { OrtOverlapRule } from './cao-unravel-schedule.data';

/** A rule with a time window, as the profile builder needs it. */
export interface WindowRule {
  readonly window: MinuteWindow;
  readonly rule: RuleReference;
  /** The line class for minutes covered by the window, by the kind whose rule applies. */
  classFor(sourceKind: number): LineClass;
}

export interface TierWindows {
  readonly base: LineClass;
  readonly windows: readonly WindowRule[];
}

/** A stretch of a date where the same surcharges and overtime percentages apply. */
export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly ort: readonly LineClass[];
  readonly ortSum: number;
  /** Per tier (global tier index): the overtime class of a minute here. */
  readonly tiers: readonly LineClass[];
  /** Bit i set: shift surcharge i covers this stretch. */
  readonly shiftMask: number;
}

/** What applies to a day entered as a total: only what covers the whole date. */
export interface WholeDay {
  readonly ort: readonly LineClass[];
  readonly ortSum: number;
  readonly tiers: readonly LineClass[];
  readonly shiftMask: number;
  readonly notApplied: readonly UnravelNote[];
}

/** Everything that applies on a date of one kind after a date of another kind. */
export interface DayProfile {
  readonly segments: readonly Segment[];
  readonly wholeDay: WholeDay;
}

export function buildProfile(
  prev: number,
  kind: number,
  ortRules: readonly WindowRule[],
  ortOverlap: OrtOverlapRule,
  tiers: readonly TierWindows[],
  shiftRules: readonly WindowRule[],
): DayProfile {
  const ortCov = coverageOn(ortRules.map((r) => r.window), prev, kind);
  const tierCov = tiers.map((t) => coverageOn(t.windows.map((w) => w.window), prev, kind));
  const shiftCov = coverageOn(shiftRules.map((r) => r.window), prev, kind);
  const breaks = [...ortCov, ...tierCov.flat(), ...shiftCov].flatMap((c) => [c.start, c.end]);
  const segments: Segment[] = [];
  for (const stretch of stretchesOf([], breaks)) {
    const inside = (c: Coverage) => c.start <= stretch.start && c.end >= stretch.end;
    const ort = resolveOrt(ortCov.filter(inside).map((c) => ortRules[c.item].classFor(c.sourceKind)), ortOverlap);
    const tierClasses = tiers.map((t, i) => highestTierClass(t, tierCov[i].filter(inside)));
    const shiftMask = shiftCov.filter(inside).reduce((mask, c) => mask | (1 << c.item), 0);
    const segment = { start: stretch.start, end: stretch.end, ort, ortSum: sum(ort), tiers: tierClasses, shiftMask };
    const last = segments[segments.length - 1];
    if (last && sameAttributes(last, segment)) segments[segments.length - 1] = { ...last, end: segment.end };
    else segments.push(segment);
  }
  return { segments, wholeDay: wholeDayOf(kind, ortRules, ortCov, ortOverlap, tiers, tierCov, shiftRules, shiftCov) };
}

function wholeDayOf(
  kind: number,
  ortRules: readonly WindowRule[],
  ortCov: readonly Coverage[],
  ortOverlap: OrtOverlapRule,
  tiers: readonly TierWindows[],
  tierCov: readonly (readonly Coverage[])[],
  shiftRules: readonly WindowRule[],
  shiftCov: readonly Coverage[],
): WholeDay {
  const whole = (c: Coverage) => c.start === 0 && c.end === 1440;
  const notApplied: UnravelNote[] = [];
  const note = (rule: RuleReference) => {
    if (!notApplied.some((n) => n.rule === rule)) {
      notApplied.push({ rule, explanation: { key: ExplanationKey.NEEDS_TIME_OF_DAY, params: { rule: rule.rule, day: describeKind(kind) } } });
    }
  };
  ortCov.filter((c) => !whole(c)).forEach((c) => note(ortRules[c.item].rule));
  shiftCov.filter((c) => !whole(c)).forEach((c) => note(shiftRules[c.item].rule));
  tierCov.forEach((covs, i) => covs.filter((c) => !whole(c)).forEach((c) => note(tiers[i].windows[c.item].rule)));
  const ort = resolveOrt(ortCov.filter(whole).map((c) => ortRules[c.item].classFor(c.sourceKind)), ortOverlap);
  return {
    ort,
    ortSum: sum(ort),
    tiers: tiers.map((t, i) => highestTierClass(t, tierCov[i].filter(whole))),
    shiftMask: shiftCov.filter(whole).reduce((mask, c) => mask | (1 << c.item), 0),
    notApplied,
  };
}

/** Where windows of one tier overlap, the highest percentage counts (the first of equals). */
function highestTierClass(tier: TierWindows, hits: readonly Coverage[]): LineClass {
  let best: LineClass | null = null;
  for (const hit of hits) {
    const cls = tier.windows[hit.item].classFor(hit.sourceKind);
    if (best === null || cls.percentage > best.percentage) best = cls;
  }
  return best ?? tier.base;
}

/** Overlapping ORT windows: all of them add up, or only the highest (the first of equals) counts. */
function resolveOrt(classes: LineClass[], overlap: OrtOverlapRule): LineClass[] {
  if (overlap !== 'HIGHEST' || classes.length < 2) return classes;
  return [classes.reduce((best, c) => (c.percentage > best.percentage ? c : best))];
}

function sum(classes: readonly LineClass[]): number {
  return classes.reduce((total, c) => total + c.percentage, 0);
}

function sameAttributes(a: Segment, b: Segment): boolean {
  return a.shiftMask === b.shiftMask && a.ort.length === b.ort.length && a.ort.every((c, i) => c === b.ort[i]) &&
    a.tiers.every((c, i) => c === b.tiers[i]);
}

export function windowLabel(w: MinuteWindow): { from: string; to: string } {
  return { from: formatMinuteOfDay(w.from), to: formatMinuteOfDay(w.to === 0 ? 1440 : w.to) };
}
