import fc from 'fast-check';
import { IsoWeek } from '../../../../src/domain/time/iso-week.value-object';
import { CaoUnravelSchedule } from '../../../../src/domain/unravel/cao-unravel-schedule';
import { formatDuration } from '../../../../src/domain/time/week-hours.value-object';
import { unravel } from '../../../../src/domain/unravel/unravel.service';
import { isTimeKind, UnravelResult } from '../../../../src/domain/unravel/unravel-result';
import { HAND_WRITTEN_AMSTERDAM, HAND_WRITTEN_DUTCH_HOLIDAYS } from '../../../fixtures/unravel/dutch-calendar';
import { buildDay, DaySpec, scheduleAndWeek, weekDays } from './unravel-arbitraries';

/** Minimum breaks (issue 13, rule 3) keep minutes conserved: paid + break = span, for every shift. */
const steps = fc
  .uniqueArray(fc.integer({ min: 0, max: 720 }), { minLength: 1, maxLength: 3 })
  .chain((overs) => fc.tuple(fc.constant([...overs].sort((a, b) => a - b)), fc.array(fc.integer({ min: 1, max: 60 }), { minLength: overs.length, maxLength: overs.length })))
  .map(([overs, increments]) => {
    let atLeast = 0;
    return overs.map((over, i) => {
      atLeast += increments[i];
      return { over: formatDuration(over), atLeast: formatDuration(atLeast) };
    });
  });

const minutes = (text: string | number) => {
  const [h, m] = String(text).split(':').map(Number);
  return h * 60 + m;
};

function run(week: string, raw: { name: string; versions: Record<string, unknown>[] }, specs: DaySpec[], tiers: unknown): UnravelResult {
  const versions = raw.versions.map((v) => ({ ...v, minimumBreaks: tiers === null ? null : { id: 'pauze', tiers } }));
  const schedule = CaoUnravelSchedule.parse({ ...raw, versions });
  const days = specs.map((s) => buildDay(IsoWeek.parse(week).monday, s));
  return unravel({ week: IsoWeek.parse(week), days, schedule, holidays: HAND_WRITTEN_DUTCH_HOLIDAYS, contractMinutes: null, timeZone: HAND_WRITTEN_AMSTERDAM });
}

describe('minimum breaks: properties', () => {
  it('takes from the paid minutes exactly the break it adds, and leaves every shift within its steps', () => {
    fc.assert(
      fc.property(scheduleAndWeek, weekDays, steps, ({ week, schedule }, specs, tiers) => {
        const without = run(week, schedule, specs, null);
        const withRule = run(week, schedule, specs, tiers);
        expect(withRule.days.length).toBe(without.days.length);
        withRule.days.forEach((day, i) => {
          const added = day.adjustments.reduce((sum, n) => sum + minutes(n.explanation.params.break) - minutes(n.explanation.params.entered), 0);
          expect(day.workedMinutes).toBe(without.days[i].workedMinutes - added);
          expect(day.lines.filter((l) => isTimeKind(l.kind)).reduce((s, l) => s + l.minutes, 0)).toBe(day.workedMinutes);
          for (const n of day.adjustments) {
            const p = n.explanation.params;
            const span = minutes(p.worked) + minutes(p.entered);
            expect(minutes(p.paid) + minutes(p.break)).toBe(span);
            expect(minutes(p.break)).toBeGreaterThan(minutes(p.entered));
            for (const step of tiers) expect(minutes(p.paid) <= minutes(step.over) || minutes(p.break) >= minutes(step.atLeast)).toBe(true);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('never pays fewer minutes for a longer shift with the same break', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1380 }), fc.integer({ min: 0, max: 120 }), steps, (length, pause, tiers) => {
        const paid = (n: number) => run('2026-W48', { name: 'one shift', versions: [{ validFrom: '2026-01-01', hourCodes: { normal: 'U100' } }] },
          [{ offset: 0, blocks: [{ start: 360, length: n }], breakMinutes: Math.min(pause, n) }], tiers).workedMinutes;
        expect(paid(length + 1)).toBeGreaterThanOrEqual(paid(length));
      }),
      { numRuns: 300 },
    );
  });
});
