import { ProblemCollector } from '../shared/domain-error';
import { TimeOfDay } from '../time/time-of-day.value-object';
import { DaySelector, OvertimeTierData, ScheduleVersionData, TimeWindowData } from './cao-unravel-schedule.data';
import { kindMask, POSSIBLE_PROFILES } from './day-kind';
import { coverageOn, describeKind, MinuteWindow, stretchesOf } from './window-coverage';
import { UnravelReason as R } from './unravel.errors';
import { formatMinuteOfDay } from '../time/time-of-day.value-object';

/** Checks that the rules of one (well-formed) version do not contradict each other. */
export function checkVersionConsistency(c: ProblemCollector, path: string, v: ScheduleVersionData): void {
  checkRuleIds(c, path, v);
  if (v.ortOverlap === 'REFUSE') {
    checkNoOverlap(c, `${path}.ortWindows`, v.ortWindows.map(ortMinuteWindow), R.ORT_WINDOWS_OVERLAP);
  }
  v.dailyOvertime.forEach((rule, i) => checkTiers(c, `${path}.dailyOvertime[${i}].tiers`, rule.tiers));
  if (v.weeklyOvertime) checkTiers(c, `${path}.weeklyOvertime.tiers`, v.weeklyOvertime.tiers);
  checkDisjointDays(c, `${path}.dailyOvertime`, v.dailyOvertime.map((r) => r.days), R.DAILY_OVERTIME_DAYS_OVERLAP);
  checkDisjointDays(c, `${path}.weekdayOvertime`, v.weekdayOvertime.map((r) => r.days), R.WEEKDAY_OVERTIME_DAYS_OVERLAP);
  checkHourCodeKinds(c, path, v);
  if (v.settlementPeriod && v.weeklyOvertime) {
    c.add(`${path}.settlementPeriod`, R.SETTLEMENT_WITH_WEEKLY_OVERTIME, 'Overtime is settled per week or per period, not both: remove weeklyOvertime or settlementPeriod');
  }
}

export function minuteWindow(w: TimeWindowData): MinuteWindow {
  return { kindMask: kindMask(w.days), from: TimeOfDay.parse(w.from).minuteOfDay, to: TimeOfDay.parseEnd(w.to).minuteOfDay };
}

export function ortMinuteWindow(w: TimeWindowData): MinuteWindow {
  return minuteWindow(w);
}

function checkRuleIds(c: ProblemCollector, path: string, v: ScheduleVersionData): void {
  const seen = new Map<string, string>();
  const rules: [string, string][] = [
    ...v.ortWindows.map((r, i): [string, string] => [`ortWindows[${i}].id`, r.id]),
    ...v.dailyOvertime.map((r, i): [string, string] => [`dailyOvertime[${i}].id`, r.id]),
    ...(v.weeklyOvertime ? [['weeklyOvertime.id', v.weeklyOvertime.id] as [string, string]] : []),
    ...v.weekdayOvertime.map((r, i): [string, string] => [`weekdayOvertime[${i}].id`, r.id]),
    ...v.shiftSurcharges.map((r, i): [string, string] => [`shiftSurcharges[${i}].id`, r.id]),
    ...(v.settlementPeriod ? [['settlementPeriod.id', v.settlementPeriod.id] as [string, string]] : []),
    ...v.allowances.map((r, i): [string, string] => [`allowances[${i}].id`, r.id]),
  ];
  for (const [at, id] of rules) {
    const first = seen.get(id);
    if (first) c.add(`${path}.${at}`, R.RULE_ID_DUPLICATE, `Rule id "${id}" is also used at ${first}`, { id, other: first });
    else seen.set(id, at);
  }
}

/** Two windows may not cover the same minute of the same kind of date (unless a rule chooses). */
function checkNoOverlap(c: ProblemCollector, path: string, windows: readonly MinuteWindow[], reason: string): void {
  const reported = new Set<string>();
  for (const [prev, kind] of POSSIBLE_PROFILES) {
    for (const stretch of stretchesOf(coverageOn(windows, prev, kind))) {
      if (stretch.covering.length < 2) continue;
      const [a, b] = [stretch.covering[0].item, stretch.covering[1].item].sort((x, y) => x - y);
      if (reported.has(`${a}/${b}`)) continue;
      reported.add(`${a}/${b}`);
      c.add(`${path}[${b}]`, reason, `Overlaps window ${a} on ${describeKind(kind)} ${formatMinuteOfDay(stretch.start)}–${formatMinuteOfDay(stretch.end)}`, {
        other: a, day: describeKind(kind), from: formatMinuteOfDay(stretch.start), to: formatMinuteOfDay(stretch.end),
      });
    }
  }
}

function checkTiers(c: ProblemCollector, path: string, tiers: readonly OvertimeTierData[]): void {
  tiers.forEach((tier, i) => {
    if (i === 0) return;
    if (afterMinutes(tier.after) <= afterMinutes(tiers[i - 1].after)) {
      c.add(`${path}[${i}].after`, R.TIERS_OUT_OF_ORDER, 'Each tier starts later than the one before', { after: tier.after, previous: tiers[i - 1].after });
      return;
    }
    const lower = checkTierDecrease(tiers[i - 1], tier);
    if (lower) {
      c.add(`${path}[${i}]`, R.TIER_PERCENTAGE_DECREASES, `Pays less than the tier before on ${lower.day} ${lower.from}–${lower.to}`, lower);
    }
  });
}

/** Where a later tier would pay less than the one before it, so that more work could pay less. */
function checkTierDecrease(before: OvertimeTierData, after: OvertimeTierData): { day: string; from: string; to: string } | undefined {
  const windowsBefore = before.windows.map(minuteWindow);
  const windowsAfter = after.windows.map(minuteWindow);
  const offset = windowsBefore.length;
  for (const [prev, kind] of POSSIBLE_PROFILES) {
    const coverages = [
      ...coverageOn(windowsBefore, prev, kind),
      ...coverageOn(windowsAfter, prev, kind).map((cv) => ({ ...cv, item: cv.item + offset })),
    ];
    for (const stretch of stretchesOf(coverages)) {
      let pctBefore = before.percentage;
      let pctAfter = after.percentage;
      let windowBefore = 0;
      let windowAfter = 0;
      for (const cv of stretch.covering) {
        if (cv.item < offset) windowBefore = Math.max(windowBefore, before.windows[cv.item].percentage);
        else windowAfter = Math.max(windowAfter, after.windows[cv.item - offset].percentage);
      }
      if (windowBefore > 0) pctBefore = windowBefore;
      if (windowAfter > 0) pctAfter = windowAfter;
      if (pctAfter < pctBefore) return { day: describeKind(kind), from: formatMinuteOfDay(stretch.start), to: formatMinuteOfDay(stretch.end) };
    }
  }
  return undefined;
}

function afterMinutes(text: string): number {
  const [hours, minutes] = text.split(':').map(Number);
  return hours * 60 + minutes;
}

function checkDisjointDays(c: ProblemCollector, path: string, lists: readonly (readonly DaySelector[])[], reason: string): void {
  lists.forEach((days, i) => {
    for (let j = 0; j < i; j++) {
      const shared = days.filter((d) => lists[j].includes(d));
      if (shared.length > 0) c.add(`${path}[${i}].days`, reason, `Shares ${shared.join(', ')} with rule ${j}`, { other: j, days: shared.join(', ') });
    }
  });
}

/** A wage component is either time (100 %, overtime) or a surcharge on time, never both. */
function checkHourCodeKinds(c: ProblemCollector, path: string, v: ScheduleVersionData): void {
  const timeCodes = new Set<string>([v.hourCodes.normal, v.hourCodes.extra]);
  const tiers = [...v.dailyOvertime.flatMap((r) => r.tiers), ...(v.weeklyOvertime?.tiers ?? [])];
  for (const t of tiers) {
    timeCodes.add(t.hourCode);
    t.windows.forEach((w) => timeCodes.add(w.hourCode));
  }
  v.weekdayOvertime.forEach((r) => timeCodes.add(r.hourCode));
  const check = (at: string, code: string) => {
    if (timeCodes.has(code)) c.add(at, R.HOUR_CODE_KIND_CONFLICT, `Hour code "${code}" is used for time and for a surcharge`, { value: code });
  };
  v.ortWindows.forEach((w, i) => check(`${path}.ortWindows[${i}].hourCode`, w.hourCode));
  v.shiftSurcharges.forEach((w, i) => check(`${path}.shiftSurcharges[${i}].hourCode`, w.hourCode));
  // Minutes paid but not worked have a code of their own, so that payroll can tell them apart.
  const minimumPay = v.minimumPayPerCall;
  const surchargeCodes = new Set([...v.ortWindows, ...v.shiftSurcharges].map((w) => w.hourCode));
  if (minimumPay && (timeCodes.has(minimumPay.hourCode) || surchargeCodes.has(minimumPay.hourCode))) {
    c.add(`${path}.minimumPayPerCall.hourCode`, R.HOUR_CODE_KIND_CONFLICT, `Hour code "${minimumPay.hourCode}" is used for minutes worked as well`, { value: minimumPay.hourCode });
  }
  // Overtime over a period pays on top of minutes already paid in their weeks: a surcharge of its own.
  v.settlementPeriod?.tiers.forEach((t, i) => {
    if (timeCodes.has(t.hourCode) || surchargeCodes.has(t.hourCode) || t.hourCode === minimumPay?.hourCode) {
      c.add(`${path}.settlementPeriod.tiers[${i}].hourCode`, R.HOUR_CODE_KIND_CONFLICT, `Hour code "${t.hourCode}" is used by another rule of the version`, { value: t.hourCode });
    }
  });
  // An allowance is counted, not paid by the minute: its code is its own, so payroll never adds counts to minutes.
  const minuteCodes = new Set([...timeCodes, ...surchargeCodes, ...(minimumPay ? [minimumPay.hourCode] : []), ...(v.settlementPeriod?.tiers ?? []).map((t) => t.hourCode)]);
  v.allowances.forEach((a, i) => {
    if (minuteCodes.has(a.hourCode)) {
      c.add(`${path}.allowances[${i}].hourCode`, R.HOUR_CODE_KIND_CONFLICT, `Hour code "${a.hourCode}" is used for minutes by another rule of the version`, { value: a.hourCode });
    }
  });
}
