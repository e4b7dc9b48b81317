import { LocalDate } from '../time/local-date.value-object';
import { formatDuration } from '../time/week-hours.value-object';
import { AllowanceRuleData } from './cao-unravel-schedule.data';
import { KIND_NAMES, kindMask } from './day-kind';
import { ExplanationKey } from './explanation-keys';
import { RuleReference, UnravelAllowance, UnravelLine } from './unravel-result';

/** One allowance rule compiled: its threshold in minutes (OVERTIME_ON_DAY, SPLIT_SHIFT) or its day kinds (DAY_WORKED). */
export interface CompiledAllowance {
  readonly kind: AllowanceRuleData['kind'];
  readonly hourCode: string;
  readonly rule: RuleReference;
  /** Minutes: overtime at least this (OVERTIME_ON_DAY), a gap more than this (SPLIT_SHIFT); 0 for DAY_WORKED. */
  readonly minutes: number;
  /** The threshold as written in the schedule (`H:MM`), for the explanation. */
  readonly text: string;
  /** DAY_WORKED: bit k for day kind k. */
  readonly dayMask: number;
}

export function compileAllowance(rule: AllowanceRuleData, scheduleVersion: string): CompiledAllowance {
  const ref = { scheduleVersion, rule: rule.id };
  switch (rule.kind) {
    case 'OVERTIME_ON_DAY': return { kind: rule.kind, hourCode: rule.hourCode, rule: ref, minutes: minutesOf(rule.atLeast), text: rule.atLeast, dayMask: 0 };
    case 'SPLIT_SHIFT': return { kind: rule.kind, hourCode: rule.hourCode, rule: ref, minutes: minutesOf(rule.gapOver), text: rule.gapOver, dayMask: 0 };
    case 'DAY_WORKED': return { kind: rule.kind, hourCode: rule.hourCode, rule: ref, minutes: 0, text: '', dayMask: kindMask(rule.days) };
  }
}

/** What the allowances of one work day are counted from: the day as the engine unravelled it. */
export interface AllowanceDay {
  readonly date: LocalDate;
  /** The day kind of the work day's date (0 = Monday … 6 = Sunday, 7 = a counted holiday). */
  readonly kind: number;
  readonly workedMinutes: number;
  /** The work day's lines, the part of a shift past midnight included. */
  readonly lines: readonly UnravelLine[];
  /** The gaps between consecutive blocks in real elapsed minutes; empty for one block or a day total. */
  readonly gaps: readonly number[];
}

/**
 * The allowances of one work day: each rule counts 1 or 0, never more. Overtime is every minute
 * of an OVERTIME line of the work day, and of overtime that was paid as normal time because ORT
 * outweighed or replaced it (the minutes were overtime all the same). A day of no worked minutes
 * has none.
 */
export function countAllowances(rules: readonly CompiledAllowance[], day: AllowanceDay): UnravelAllowance[] {
  const found: UnravelAllowance[] = [];
  if (day.workedMinutes <= 0) return found;
  for (const rule of rules) {
    const params = paramsIfHeld(rule, day);
    if (params !== null) found.push({ date: day.date, hourCode: rule.hourCode, kind: 'ALLOWANCE', count: 1, rule: rule.rule, explanation: { key: KEYS[rule.kind], params } });
  }
  return found;
}

const KEYS = {
  OVERTIME_ON_DAY: ExplanationKey.ALLOWANCE_OVERTIME_ON_DAY,
  SPLIT_SHIFT: ExplanationKey.ALLOWANCE_SPLIT_SHIFT,
  DAY_WORKED: ExplanationKey.ALLOWANCE_DAY_WORKED,
} as const;

function paramsIfHeld(rule: CompiledAllowance, day: AllowanceDay): Record<string, string> | null {
  switch (rule.kind) {
    case 'OVERTIME_ON_DAY': {
      const overtime = overtimeMinutes(day.lines);
      return overtime >= rule.minutes ? { atLeast: rule.text, overtime: formatDuration(overtime) } : null;
    }
    case 'SPLIT_SHIFT': {
      let widest = -1;
      for (const gap of day.gaps) if (gap > widest) widest = gap;
      return widest > rule.minutes ? { gapOver: rule.text, gap: formatDuration(widest) } : null;
    }
    case 'DAY_WORKED':
      return (rule.dayMask & (1 << day.kind)) !== 0 ? { day: KIND_NAMES[day.kind] } : null;
  }
}

function overtimeMinutes(lines: readonly UnravelLine[]): number {
  let sum = 0;
  for (const line of lines) {
    const key = line.explanation.key;
    if (line.kind === 'OVERTIME' || key === ExplanationKey.OVERTIME_OUTWEIGHED_BY_ORT || key === ExplanationKey.OVERTIME_REPLACED_BY_ORT) sum += line.minutes;
  }
  return sum;
}

/** Week totals per hour code, in order of hour code. */
export function allowanceTotalsOf(days: readonly { readonly allowances: readonly UnravelAllowance[] }[]): { hourCode: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const day of days) for (const a of day.allowances) counts.set(a.hourCode, (counts.get(a.hourCode) ?? 0) + a.count);
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([hourCode, count]) => ({ hourCode, count }));
}

function minutesOf(text: string): number {
  const [hours, minutes] = text.split(':').map(Number);
  return hours * 60 + minutes;
}
