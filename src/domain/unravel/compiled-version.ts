import { LocalDate } from '../time/local-date.value-object';
import { formatDuration } from '../time/week-hours.value-object';
import {
  DaySelector, OvertimeTierData, OvertimeWithOrtRule, OrtOverlapRule, ScheduleVersionData, ShiftConditionData, TimeWindowData,
} from './cao-unravel-schedule.data';
import { CompiledAllowance, compileAllowance } from './allowance-count';
import { KIND_COUNT, KIND_NAMES, kindMask, profileIndex } from './day-kind';
import { buildProfile, DayProfile, TierWindows, WindowRule, windowLabel } from './day-profile';
import { ExplanationKey } from './explanation-keys';
import { CompiledHolidays, compileHolidays } from './holiday-rules';
import { LineClass } from './line-class';
import { RuleReference, UnravelNote } from './unravel-result';
import { minuteWindow } from './schedule-consistency';

export interface CompiledTier {
  /** Index among all tiers of the version (daily rules first, then weekly). */
  readonly index: number;
  readonly after: number;
}

export interface CompiledOvertime {
  readonly rule: RuleReference;
  readonly perShift: boolean;
  /** Ascending thresholds, one per tier. */
  readonly tiers: readonly CompiledTier[];
}

export interface CompiledWeekly extends CompiledOvertime {
  readonly countedMask: number;
}

export interface ShiftSurcharge {
  readonly percentage: number;
  readonly line: LineClass;
  /** MINUTES_INSIDE: the shift needs more than this many worked minutes inside the window (0 otherwise). */
  readonly over: number;
}

/** The shift surcharges by condition, as bit masks over `shiftSurcharges` (bit i: rule i). */
export interface ShiftConditionMasks {
  readonly touches: number;
  readonly minutesInside: number;
  readonly startsInside: number;
}

/** Minimum breaks compiled: ascending steps of working time (`over`) and their minimum break. */
export interface CompiledMinimumBreaks {
  readonly rule: RuleReference;
  readonly over: Int32Array;
  readonly atLeast: Int32Array;
}

export type BreakPlacement = { readonly mode: 'END' | 'START'; readonly after: 0 } | { readonly mode: 'AFTER_WORKED'; readonly after: number };

/**
 * One schedule version turned into lookups for the hot path: line classes built once, day
 * profiles per (kind of the day before, kind of the day) built on first use.
 */
export class CompiledVersion {
  readonly validFrom: LocalDate;
  readonly label: string;
  readonly normal: LineClass;
  readonly overtimeWithOrt: OvertimeWithOrtRule;
  readonly breakPlacement: BreakPlacement;
  readonly holidays: CompiledHolidays;
  readonly dailyByKind: readonly (CompiledOvertime | null)[];
  readonly weekly: CompiledWeekly | null;
  readonly weekdayOvertimeByKind: readonly (LineClass | null)[];
  readonly shiftSurcharges: readonly ShiftSurcharge[];
  readonly shiftConditions: ShiftConditionMasks;
  readonly minimumBreaks: CompiledMinimumBreaks | null;
  /** The note for a day total longer than the first minimum-break step (null without the rule). */
  readonly breakNotChecked: UnravelNote | null;
  /** Minimum pay per call: the minutes of a call and the class of the minutes paid but not worked. */
  readonly minimumPay: { readonly minutes: number; readonly line: LineClass } | null;
  /** The allowance rules, or null when the version has none (the engine then skips them at no cost). */
  readonly allowances: readonly CompiledAllowance[] | null;
  private readonly profiles: (DayProfile | undefined)[] = new Array(KIND_COUNT * KIND_COUNT);
  private readonly ortRules: readonly WindowRule[];
  private readonly tierWindows: TierWindows[] = [];
  private readonly shiftRules: readonly WindowRule[];
  private readonly ortOverlap: OrtOverlapRule;

  constructor(readonly data: ScheduleVersionData) {
    this.validFrom = LocalDate.parse(data.validFrom);
    this.label = data.validFrom;
    const ref = (rule: string): RuleReference => ({ scheduleVersion: data.validFrom, rule });
    this.normal = new LineClass(data.hourCodes.normal, 'NORMAL', 100, ref('hourCodes.normal'), { key: ExplanationKey.NORMAL, params: {} });
    this.overtimeWithOrt = data.overtimeWithOrt;
    this.ortOverlap = data.ortOverlap;
    const bp = data.breakPlacement;
    this.breakPlacement = bp.mode === 'AFTER_WORKED' ? { mode: bp.mode, after: minutesOf(bp.after) } : { mode: bp.mode, after: 0 };
    this.holidays = compileHolidays(data.holidays);
    const mb = data.minimumBreaks;
    this.minimumBreaks = mb ? {
      rule: ref(mb.id),
      over: Int32Array.from(mb.tiers, (t) => minutesOf(t.over)),
      atLeast: Int32Array.from(mb.tiers, (t) => minutesOf(t.atLeast)),
    } : null;
    const mp = data.minimumPayPerCall;
    this.minimumPay = mp ? {
      minutes: minutesOf(mp.minimum),
      line: new LineClass(mp.hourCode, 'MINIMUM_PAY', 100, ref(mp.id), { key: ExplanationKey.MINIMUM_PAY_PER_CALL, params: { minimum: mp.minimum } }),
    } : null;
    // Schedules stored before allowances existed are parsed again, which fills in the empty list; `?? []` keeps hand-built data working too.
    const allowances = data.allowances ?? [];
    this.allowances = allowances.length > 0 ? allowances.map((a) => compileAllowance(a, data.validFrom)) : null;
    this.breakNotChecked = mb ? {
      rule: ref(mb.id),
      explanation: { key: ExplanationKey.BREAK_NOT_CHECKED, params: { rule: mb.id, over: mb.tiers[0].over, atLeast: mb.tiers[0].atLeast } },
    } : null;
    this.ortRules = data.ortWindows.map((w) => {
      const table = typeof w.percentage === 'number' ? null : w.percentage;
      const flat = typeof w.percentage === 'number' ? w.percentage : 0;
      const days = table ? (Object.keys(table) as DaySelector[]) : w.days;
      return this.windowRule({ ...w, days }, ref(w.id), (kind) => {
        const percentage = table ? table[KIND_NAMES[kind]] ?? 0 : flat;
        return this.line(w.hourCode, 'ORT', percentage, ref(w.id), ExplanationKey.ORT, { day: KIND_NAMES[kind], ...windowLabel(minuteWindow({ ...w, days })), percentage });
      });
    });
    // A whole-shift surcharge is one line class per rule: it pays on every minute of the shift.
    this.shiftSurcharges = data.shiftSurcharges.map((s) => {
      const [key, extra] = shiftExplanation(s.condition);
      return {
        percentage: s.percentage,
        line: this.line(s.hourCode, 'SHIFT_SURCHARGE', s.percentage, ref(s.id), key, { ...windowLabel(minuteWindow(s)), percentage: s.percentage, ...extra }),
        over: s.condition.kind === 'MINUTES_INSIDE' ? minutesOf(s.condition.over) : 0,
      };
    });
    const maskOf = (kind: ShiftConditionData['kind']) => data.shiftSurcharges.reduce((mask, s, i) => (s.condition.kind === kind ? mask | (1 << i) : mask), 0);
    this.shiftConditions = { touches: maskOf('TOUCHES'), minutesInside: maskOf('MINUTES_INSIDE'), startsInside: maskOf('STARTS_INSIDE') };
    this.shiftRules = data.shiftSurcharges.map((s, i) => this.windowRule(s, ref(s.id), () => this.shiftSurcharges[i].line));
    const dailies = data.dailyOvertime.map((d) => ({
      mask: kindMask(d.days),
      compiled: this.compileOvertime(d.tiers, ref(d.id), d.per === 'SHIFT' ? 'SHIFT' : 'DAY', `${d.id}.tiers`),
    }));
    this.dailyByKind = Array.from({ length: KIND_COUNT }, (_, k) => dailies.find((d) => (d.mask & (1 << k)) !== 0)?.compiled ?? null);
    const w = data.weeklyOvertime;
    this.weekly = w ? { ...this.compileOvertime(w.tiers, ref(w.id), 'WEEK', `${w.id}.tiers`), countedMask: kindMask(w.countedDays) } : null;
    this.weekdayOvertimeByKind = Array.from({ length: KIND_COUNT }, (_, k) => {
      const rule = data.weekdayOvertime.find((r) => (kindMask(r.days) & (1 << k)) !== 0);
      return rule ? this.line(rule.hourCode, 'OVERTIME', rule.percentage, ref(rule.id), ExplanationKey.OVERTIME_WEEKDAY, { day: KIND_NAMES[k], percentage: rule.percentage }) : null;
    });
  }

  private readonly extraLines = new Map<number, LineClass>();

  /** The extra-hours class for a contract: its explanation names the contract hours. Kept per contract. */
  extraLine(contractMinutes: number, thresholdMinutes: number): LineClass {
    let line = this.extraLines.get(contractMinutes);
    if (!line) {
      line = this.makeExtraLine(contractMinutes, thresholdMinutes);
      this.extraLines.set(contractMinutes, line);
    }
    return line;
  }

  private makeExtraLine(contractMinutes: number, thresholdMinutes: number): LineClass {
    return new LineClass(this.data.hourCodes.extra, 'EXTRA', 100, this.weekly?.rule ?? this.normal.rule, {
      key: ExplanationKey.EXTRA,
      params: { contract: formatDuration(contractMinutes), threshold: formatDuration(thresholdMinutes) },
    });
  }

  profile(prev: number, kind: number): DayProfile {
    const index = profileIndex(prev, kind);
    let profile = this.profiles[index];
    if (!profile) {
      profile = buildProfile(prev, kind, this.ortRules, this.ortOverlap, this.tierWindows, this.shiftRules);
      this.profiles[index] = profile;
    }
    return profile;
  }

  private compileOvertime(tiers: readonly OvertimeTierData[], rule: RuleReference, basis: 'DAY' | 'SHIFT' | 'WEEK', path: string): CompiledOvertime {
    const keys = {
      DAY: [ExplanationKey.OVERTIME_DAY, ExplanationKey.OVERTIME_DAY_WINDOW],
      SHIFT: [ExplanationKey.OVERTIME_SHIFT, ExplanationKey.OVERTIME_SHIFT_WINDOW],
      WEEK: [ExplanationKey.OVERTIME_WEEK, ExplanationKey.OVERTIME_WEEK_WINDOW],
    }[basis];
    const compiled = tiers.map((tier, i) => {
      const index = this.tierWindows.length;
      const tierRef = { scheduleVersion: rule.scheduleVersion, rule: `${path}[${i}]` };
      const base = this.line(tier.hourCode, 'OVERTIME', tier.percentage, tierRef, keys[0], { after: tier.after, percentage: tier.percentage });
      const windows = tier.windows.map((w, j) => {
        const windowRef = { scheduleVersion: rule.scheduleVersion, rule: `${path}[${i}].windows[${j}]` };
        return this.windowRule(w, windowRef, (kind) =>
          this.line(w.hourCode, 'OVERTIME', w.percentage, windowRef, keys[1], { after: tier.after, percentage: w.percentage, day: KIND_NAMES[kind], ...windowLabel(minuteWindow(w)) }));
      });
      this.tierWindows.push({ base, windows });
      return { index, after: minutesOf(tier.after) };
    });
    return { rule, perShift: basis === 'SHIFT', tiers: compiled };
  }

  private windowRule(w: TimeWindowData, rule: RuleReference, make: (kind: number) => LineClass): WindowRule {
    const classes: (LineClass | undefined)[] = new Array(KIND_COUNT);
    return {
      window: minuteWindow(w),
      rule,
      classFor: (kind) => (classes[kind] ??= make(kind)),
    };
  }

  private line(hourCode: string, kind: 'ORT' | 'OVERTIME' | 'SHIFT_SURCHARGE', percentage: number, rule: RuleReference, key: string, params: Record<string, string | number>): LineClass {
    return new LineClass(hourCode, kind, percentage, rule, { key, params }, this.data.hourCodes.normal);
  }
}

/** Each condition explains itself: the same window reads differently with another condition. */
function shiftExplanation(condition: ShiftConditionData): [string, Record<string, string>] {
  switch (condition.kind) {
    case 'MINUTES_INSIDE': return [ExplanationKey.SHIFT_SURCHARGE_MINUTES_INSIDE, { over: condition.over }];
    case 'STARTS_INSIDE': return [ExplanationKey.SHIFT_SURCHARGE_STARTS_INSIDE, {}];
    default: return [ExplanationKey.SHIFT_SURCHARGE, {}];
  }
}

function minutesOf(text: string): number {
  const [hours, minutes] = text.split(':').map(Number);
  return hours * 60 + minutes;
}
