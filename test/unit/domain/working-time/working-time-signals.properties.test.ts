import fc from 'fast-check';
import { WorkDay } from '../../../../src/domain/unravel/work-day.value-object';
import { WorkingTimeSignal } from '../../../../src/domain/working-time/working-time-signal';
import { datesFrom, signalsOf, times, total } from './working-time-helpers';

/**
 * The invariants of the signals: they depend on the hours, never on the order they come in (the
 * placements are read in any order), and more hours never take away a signal of hours per week.
 */
const WEEK = '2026-W43'; // holds 25 October 2026, the autumn clock change
const DATES = datesFrom('2026-06-29', 18 * 7); // from W27 (before the window) to W44 (after it)
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

const dayArb: fc.Arbitrary<WorkDay> = fc.oneof(
  fc.record({ date: fc.constantFrom(...DATES), minutes: fc.integer({ min: 1, max: 24 * 60 }) }).map(({ date, minutes }) => total(date, hhmm(minutes).replace(/^0(\d)/, '$1'))),
  fc
    .record({ date: fc.constantFrom(...DATES), start: fc.integer({ min: 0, max: 95 }), length: fc.integer({ min: 1, max: 64 }), pause: fc.integer({ min: 0, max: 4 }) })
    .map(({ date, start, length, pause }) => {
      const from = start * 15;
      const to = (from + length * 15) % (24 * 60);
      return times(date, [`${hhmm(from)}-${to === 0 ? '24:00' : hhmm(to)}`], pause > 0 && pause * 15 < length * 15 ? `0:${String(pause * 15).padStart(2, '0')}`.replace('0:60', '1:00') : undefined);
    }),
);

const key = (s: WorkingTimeSignal) => JSON.stringify(s);
const HOURS_RULES = new Set(['WEEK_HOURS', 'AVERAGE_WEEK_HOURS']);

describe('working time signals, properties', () => {
  it('do not depend on the order of the days', () => {
    fc.assert(
      fc.property(fc.array(dayArb, { maxLength: 40 }), fc.array(fc.nat(), { minLength: 40, maxLength: 40 }), (days, order) => {
        const shuffled = days.map((d, i) => [order[i], i, d] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, , d]) => d);
        expect(signalsOf(WEEK, shuffled).map(key).sort()).toEqual(signalsOf(WEEK, days).map(key).sort());
      }),
      { numRuns: 200 },
    );
  });

  it('never lose a signal of hours per week when a day is added', () => {
    fc.assert(
      fc.property(fc.array(dayArb, { maxLength: 60 }), dayArb, (days, extra) => {
        const rulesOf = (list: WorkDay[]) => new Set(signalsOf(WEEK, list).map((s) => s.rule).filter((r) => HOURS_RULES.has(r)));
        const before = rulesOf(days);
        const after = rulesOf([...days, extra]);
        for (const rule of before) expect(after.has(rule)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('name only days with hours, each signal past its limit', () => {
    fc.assert(
      fc.property(fc.array(dayArb, { maxLength: 60 }), (days) => {
        for (const s of signalsOf(WEEK, days)) {
          expect(s.days.length).toBeGreaterThan(0);
          if (s.rule === 'DAILY_REST') expect(s.actual).toBeLessThan(s.limit);
          else expect(s.actual).toBeGreaterThan(s.limit);
        }
      }),
      { numRuns: 200 },
    );
  });
});
