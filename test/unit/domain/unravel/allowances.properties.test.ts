import fc from 'fast-check';
import { IsoWeek } from '../../../../src/domain/time/iso-week.value-object';
import { CaoUnravelSchedule } from '../../../../src/domain/unravel/cao-unravel-schedule';
import { unravel } from '../../../../src/domain/unravel/unravel.service';
import { UnravelResult } from '../../../../src/domain/unravel/unravel-result';
import { HAND_WRITTEN_AMSTERDAM, HAND_WRITTEN_DUTCH_HOLIDAYS } from '../../../fixtures/unravel/dutch-calendar';
import { buildDay, DaySpec, scheduleAndWeek, weekDays } from './unravel-arbitraries';

/** Issue 13, rule 4: the invariants of allowances over generated schedules and weeks. */

const hm = (minute: number) => `${Math.floor(minute / 60)}:${String(minute % 60).padStart(2, '0')}`;
const DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN', 'HOLIDAY'] as const;

/** Up to five rules of any kind, each under its own hour code (the generated minute rules never use an `ALW` code). */
const allowanceRules = fc
  .array(
    fc.oneof(
      fc.integer({ min: 1, max: 600 }).map((m) => ({ kind: 'OVERTIME_ON_DAY', atLeast: hm(m) })),
      fc.integer({ min: 0, max: 600 }).map((m) => ({ kind: 'SPLIT_SHIFT', gapOver: hm(m) })),
      fc.subarray([...DAYS], { minLength: 1 }).map((days) => ({ kind: 'DAY_WORKED', days })),
    ),
    { maxLength: 5 },
  )
  .map((rules) => rules.map((r, i) => ({ id: `alw${i}`, hourCode: `ALW${i}`, ...r })));

const contract = fc.option(fc.integer({ min: 0, max: 48 }).map((h) => h * 60), { nil: null });

interface Case {
  week: string;
  raw: { name: string; source: string; versions: Record<string, unknown>[] };
  specs: DaySpec[];
  contractMinutes: number | null;
}

const cases = fc
  .tuple(scheduleAndWeek, fc.array(allowanceRules, { minLength: 2, maxLength: 2 }), weekDays, contract)
  .map(([{ week, schedule }, rules, specs, contractMinutes]): Case => ({
    week,
    raw: { ...schedule, versions: schedule.versions.map((v, i) => ({ ...v, allowances: rules[i] })) },
    specs,
    contractMinutes,
  }));

function run(c: Case, raw: Case['raw']): UnravelResult {
  const week = IsoWeek.parse(c.week);
  return unravel({
    week,
    days: c.specs.map((s) => buildDay(week.monday, s)),
    schedule: CaoUnravelSchedule.parse(raw),
    holidays: HAND_WRITTEN_DUTCH_HOLIDAYS,
    contractMinutes: c.contractMinutes,
    timeZone: HAND_WRITTEN_AMSTERDAM,
  });
}

const withoutAllowances = (raw: Case['raw']): Case['raw'] => ({ ...raw, versions: raw.versions.map(({ allowances: _allowances, ...v }) => v) });

describe('allowances: properties', () => {
  it('the generated weeks give allowances of every kind (so the properties below are not empty)', () => {
    const made = fc.sample(cases, { seed: 13, numRuns: 200 }).flatMap((c) => run(c, c.raw).days.flatMap((d) => d.allowances));
    const keys = new Map<string, number>();
    for (const a of made) keys.set(a.explanation.key, (keys.get(a.explanation.key) ?? 0) + 1);
    expect([...keys.keys()].sort()).toEqual(['allowance.dayWorked', 'allowance.overtimeOnDay', 'allowance.splitShift']);
    expect(Math.min(...keys.values())).toBeGreaterThan(5);
  });

  it('counts are whole numbers of at least 1 (never negative), one per rule and day at most, dated on their work day', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const result = run(c, c.raw);
        for (const day of result.days) {
          const rules = day.allowances.map((a) => a.rule.rule);
          expect(new Set(rules).size).toBe(rules.length);
          for (const a of day.allowances) {
            expect(Number.isInteger(a.count) && a.count >= 1).toBe(true);
            expect(a.count).toBe(1);
            expect(a.kind).toBe('ALLOWANCE');
            expect(a.date.equals(day.date)).toBe(true);
            expect(a.rule.scheduleVersion).toBe(day.scheduleVersion);
            expect(day.workedMinutes).toBeGreaterThan(0);
          }
        }
        for (const total of result.allowanceTotals) expect(Number.isInteger(total.count) && total.count >= 1).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('removing every allowance rule leaves the minute lines, totals and worked minutes exactly as they were', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const withRules = run(c, c.raw);
        const without = run(c, withoutAllowances(c.raw));
        const minutesOf = (r: UnravelResult) => JSON.parse(JSON.stringify({ days: r.days.map(({ allowances: _a, ...day }) => day), totals: r.totals, worked: r.workedMinutes }));
        expect(minutesOf(withRules)).toEqual(minutesOf(without));
        expect(without.allowanceTotals).toEqual([]);
        expect(without.days.every((d) => d.allowances.length === 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('the week totals are the sum of the days, per hour code, in order of hour code', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const result = run(c, c.raw);
        const sums = new Map<string, number>();
        for (const a of result.days.flatMap((d) => d.allowances)) sums.set(a.hourCode, (sums.get(a.hourCode) ?? 0) + a.count);
        expect(result.allowanceTotals).toEqual([...sums.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([hourCode, count]) => ({ hourCode, count })));
      }),
      { numRuns: 200 },
    );
  });

  it('a lower threshold never gives fewer allowances: more overtime or a wider gap is never paid less', () => {
    fc.assert(
      fc.property(cases, fc.integer({ min: 1, max: 120 }), (c, lower) => {
        const lowered = {
          ...c.raw,
          versions: c.raw.versions.map((v) => ({
            ...v,
            allowances: (v.allowances as Record<string, string>[]).map((a) => {
              if (a.kind === 'OVERTIME_ON_DAY') return { ...a, atLeast: hm(Math.max(1, minutes(a.atLeast) - lower)) };
              if (a.kind === 'SPLIT_SHIFT') return { ...a, gapOver: hm(Math.max(0, minutes(a.gapOver) - lower)) };
              return a;
            }),
          })),
        };
        const before = run(c, c.raw);
        const after = run(c, lowered);
        before.days.forEach((day, i) => {
          const kept = new Set(after.days[i].allowances.map((a) => a.rule.rule));
          for (const a of day.allowances) expect(kept.has(a.rule.rule)).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });
});

function minutes(text: string): number {
  const [h, m] = text.split(':').map(Number);
  return h * 60 + m;
}
