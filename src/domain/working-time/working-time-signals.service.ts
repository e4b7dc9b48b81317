import { IsoWeek } from '../time/iso-week.value-object';
import { LocalDate } from '../time/local-date.value-object';
import { MINUTES_PER_DAY } from '../time/time-of-day.value-object';
import { TimeZoneRules } from '../unravel/unravel-ports';
import { WorkDay } from '../unravel/work-day.value-object';
import { ElapsedClock } from './elapsed-clock';
import { readWorkedTime, Shift, WorkedTime } from './worked-time';
import { signalWindow, WORKING_TIME_ACT_RULES, WorkingTimeActVersion, workingTimeRulesOn } from './working-time-act-rules';
import { WorkingTimeRule, WorkingTimeSignal } from './working-time-signal';

export interface WorkingTimeInput {
  /** The week looked at: its signals are returned. */
  readonly week: IsoWeek;
  /**
   * The worker's days over `signalWindow(week)`, across all placements (one person's working time),
   * several per date allowed; days outside the window are left out. Days entered as a total (or
   * hours per hour code) count towards the hours per week and the average only: without times they
   * say nothing about shifts, rest or nights, so they never make such a signal.
   */
  readonly days: readonly WorkDay[];
  /** Local time of the days (Europe/Amsterdam): a night when the clocks change counts its real hours. */
  readonly timeZone: TimeZoneRules;
  readonly versions?: readonly WorkingTimeActVersion[];
}

interface Context {
  readonly week: IsoWeek;
  readonly rules: WorkingTimeActVersion;
  readonly worked: WorkedTime;
}

/**
 * The Arbeidstijdenwet signals of one week of a worker: pure, the same days in any order give the
 * same signals, and none of them stops anything from being saved.
 */
export function workingTimeSignals(input: WorkingTimeInput): WorkingTimeSignal[] {
  const versions = input.versions ?? WORKING_TIME_ACT_RULES;
  const rules = workingTimeRulesOn(input.week.monday, versions);
  if (!rules) return [];
  const window = signalWindow(input.week, versions);
  const clock = new ElapsedClock(input.timeZone, window.from.year - 1, window.to.year + 1);
  const days = input.days.filter((d) => d.epochDay >= window.from.epochDay && d.epochDay <= window.to.epochDay);
  const worked = readWorkedTime(days, { clock, ...rules });
  const context: Context = { week: input.week, rules, worked };
  return [...shiftSignals(context), ...weekSignals(context), ...restSignals(context), ...nightShiftCountSignals(context)];
}

function signal(context: Context, rule: WorkingTimeRule, days: readonly LocalDate[], limit: number, actual: number, extra: Partial<WorkingTimeSignal> = {}): WorkingTimeSignal {
  const sorted = [...new Map(days.map((d) => [d.epochDay, d])).values()].sort((a, b) => a.epochDay - b.epochDay);
  return {
    rule, days: sorted, unit: 'MINUTES', limit, actual, windowFrom: null, windowTo: null, earlierShortRest: null,
    rulesVersion: context.rules.validFrom, ...extra,
  };
}

/** A shift belongs to the week of the date it began on. */
function inWeek(context: Context, shift: Shift): boolean {
  return context.week.contains(shift.dates[0]);
}

function isNightShift(rules: WorkingTimeActVersion, shift: Shift): boolean {
  return shift.nightMinutes > rules.nightShiftMinNightMinutes;
}

function shiftSignals(context: Context): WorkingTimeSignal[] {
  const { rules } = context;
  const signals: WorkingTimeSignal[] = [];
  for (const shift of context.worked.shifts.filter((s) => inWeek(context, s))) {
    if (shift.workedMinutes > rules.maxShiftMinutes) signals.push(signal(context, 'SHIFT_HOURS', shift.dates, rules.maxShiftMinutes, shift.workedMinutes));
    if (isNightShift(rules, shift) && shift.workedMinutes > rules.maxNightShiftMinutes) {
      signals.push(signal(context, 'NIGHT_SHIFT_HOURS', shift.dates, rules.maxNightShiftMinutes, shift.workedMinutes));
    }
  }
  return signals;
}

function minutesOn(context: Context, from: LocalDate, to: LocalDate): { total: number; days: LocalDate[] } {
  let total = 0;
  const days: LocalDate[] = [];
  for (let day = from.epochDay; day <= to.epochDay; day++) {
    const minutes = context.worked.minutesByEpochDay.get(day) ?? 0;
    total += minutes;
    if (minutes > 0) days.push(LocalDate.ofEpochDay(day));
  }
  return { total, days };
}

/** Hours per week, and the average over the weeks that end with this one (only when this week has hours: it adds to the excess). */
function weekSignals(context: Context): WorkingTimeSignal[] {
  const { rules, week } = context;
  const signals: WorkingTimeSignal[] = [];
  const thisWeek = minutesOn(context, week.monday, week.sunday);
  if (thisWeek.total > rules.maxWeekMinutes) signals.push(signal(context, 'WEEK_HOURS', thisWeek.days, rules.maxWeekMinutes, thisWeek.total));
  const from = week.monday.plusDays(-7 * (rules.averageWeeks - 1));
  const average = minutesOn(context, from, week.sunday).total;
  if (thisWeek.total > 0 && average > rules.maxAverageWeekMinutes * rules.averageWeeks) {
    signals.push(signal(context, 'AVERAGE_WEEK_HOURS', thisWeek.days, rules.maxAverageWeekMinutes, Math.ceil(average / rules.averageWeeks), {
      windowFrom: from, windowTo: week.sunday,
    }));
  }
  return signals;
}

/** More night shifts in the weeks that end with this one than allowed (only when this week has one). */
function nightShiftCountSignals(context: Context): WorkingTimeSignal[] {
  const { rules, week } = context;
  const from = week.monday.plusDays(-7 * (rules.nightShiftWeeks - 1));
  const nights = context.worked.shifts.filter((s) => isNightShift(rules, s) && s.dates[0].epochDay >= from.epochDay && s.dates[0].epochDay <= week.sunday.epochDay);
  const thisWeek = nights.filter((s) => inWeek(context, s));
  if (thisWeek.length === 0 || nights.length <= rules.maxNightShifts) return [];
  return [signal(context, 'NIGHT_SHIFTS', thisWeek.map((s) => s.dates[0]), rules.maxNightShifts, nights.length, { unit: 'SHIFTS', windowFrom: from, windowTo: week.sunday })];
}

interface RestOfShift {
  readonly shift: Shift;
  /** Index into `worked.rests` of the longest rest inside the 24 hours from the shift's start; -1 when none. */
  readonly restIndex: number;
  readonly minutes: number;
}

/**
 * The longest uninterrupted rest inside the 24 hours from each shift's start (art. 5:3: "in every
 * period of 24 hours"), as the Inspectorate reads it from the start of a shift. A rest of at least `shortenedRestMinutes` but under `minRestMinutes` is a
 * shortened one, allowed once in `shortenedRestDays` × 24 hours; shorter is never allowed.
 */
function restSignals(context: Context): WorkingTimeSignal[] {
  const { rules, worked } = context;
  const restOf = worked.shifts.map((shift) => longestRest(worked, shift));
  const shortened = [...new Set(restOf.filter((r) => isShortened(rules, r.minutes)).map((r) => r.restIndex))].sort((a, b) => a - b);
  const signals: WorkingTimeSignal[] = [];
  const flagged = new Set<number>();
  for (const rest of restOf.filter((r) => inWeek(context, r.shift) && r.minutes < rules.minRestMinutes)) {
    if (flagged.has(rest.restIndex)) continue;
    const days = [...rest.shift.dates, ...shiftAfter(worked, rest.restIndex)];
    if (!isShortened(rules, rest.minutes)) {
      flagged.add(rest.restIndex);
      signals.push(signal(context, 'DAILY_REST', days, rules.shortenedRestMinutes, rest.minutes));
      continue;
    }
    const start = worked.rests[rest.restIndex].start;
    const earlier = shortened.filter((i) => i < rest.restIndex && start - worked.rests[i].start < rules.shortenedRestDays * MINUTES_PER_DAY);
    if (earlier.length === 0) continue;
    flagged.add(rest.restIndex);
    const before = restOf.find((r) => r.restIndex === earlier[earlier.length - 1]) as RestOfShift;
    signals.push(signal(context, 'DAILY_REST', days, rules.minRestMinutes, rest.minutes, { earlierShortRest: before.shift.dates[0] }));
  }
  return signals;
}

function isShortened(rules: WorkingTimeActVersion, minutes: number): boolean {
  return minutes >= rules.shortenedRestMinutes && minutes < rules.minRestMinutes;
}

function longestRest(worked: WorkedTime, shift: Shift): RestOfShift {
  const windowEnd = shift.start + MINUTES_PER_DAY;
  let best: RestOfShift = { shift, restIndex: -1, minutes: 0 };
  worked.rests.forEach((rest, i) => {
    // Only the part inside the 24 hours counts: a long rest the day after does not make up for a short one.
    const minutes = Math.min(rest.end, windowEnd) - rest.start;
    if (rest.start >= shift.start && rest.start < windowEnd && minutes > best.minutes) best = { shift, restIndex: i, minutes };
  });
  return best;
}

/** The date the work after a rest began on (none after the last). */
function shiftAfter(worked: WorkedTime, restIndex: number): LocalDate[] {
  if (restIndex < 0) return [];
  const end = worked.rests[restIndex].end;
  const next = worked.shifts.find((s) => s.start <= end && end <= s.end);
  return next ? [next.dates[0]] : [];
}
