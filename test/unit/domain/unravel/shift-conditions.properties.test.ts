import fc from 'fast-check';
import { IsoWeek } from '../../../../src/domain/time/iso-week.value-object';
import { CaoUnravelSchedule } from '../../../../src/domain/unravel/cao-unravel-schedule';
import { unravel } from '../../../../src/domain/unravel/unravel.service';
import { isTimeKind, UnravelResult } from '../../../../src/domain/unravel/unravel-result';
import { HAND_WRITTEN_AMSTERDAM, HAND_WRITTEN_DUTCH_HOLIDAYS } from '../../../fixtures/unravel/dutch-calendar';
import { buildDay, DaySpec, scheduleAndWeek, weekDays } from './unravel-arbitraries';

/**
 * Shift surcharge conditions (issue 13, rule 5) decide only whether a shift gets a surcharge:
 * worked minutes are conserved (the time lines do not change), a shift gets a surcharge on all
 * its worked minutes or on none, and "more than N minutes inside" holds exactly when an
 * independent count of the worked minutes inside the window is more than N.
 */
type RawSchedule = { name: string; versions: Record<string, unknown>[] };

function run(week: string, raw: RawSchedule, specs: DaySpec[]): UnravelResult {
  const days = specs.map((s) => buildDay(IsoWeek.parse(week).monday, s));
  return unravel({ week: IsoWeek.parse(week), days, schedule: CaoUnravelSchedule.parse(raw), holidays: HAND_WRITTEN_DUTCH_HOLIDAYS, contractMinutes: null, timeZone: HAND_WRITTEN_AMSTERDAM });
}

/** The same schedule with every shift surcharge's condition replaced. */
function withConditions(raw: RawSchedule, condition: Record<string, string> | undefined): RawSchedule {
  return {
    ...raw,
    versions: raw.versions.map((v) => ({
      ...v,
      shiftSurcharges: (v.shiftSurcharges as Record<string, unknown>[]).map((s) => ({ ...s, condition })),
    })),
  };
}

const timeLines = (r: UnravelResult) => r.days.map((d) => d.lines.filter((l) => isTimeKind(l.kind)).map((l) => JSON.stringify(l)));
const surchargeMinutes = (r: UnravelResult) => r.days.map((d) => d.lines.filter((l) => l.kind === 'SHIFT_SURCHARGE').reduce((s, l) => s + l.minutes, 0));

describe('shift surcharge conditions: properties', () => {
  it('conserve minutes: the time lines are those of TOUCHES, and a one-shift day gets a surcharge on all its minutes or on none', () => {
    fc.assert(
      fc.property(scheduleAndWeek, weekDays, ({ week, schedule }, specs) => {
        const given = run(week, schedule, specs);
        const touching = run(week, withConditions(schedule, undefined), specs);
        expect(timeLines(given)).toEqual(timeLines(touching));
        given.days.forEach((day, i) => {
          const spec = specs.find((s) => IsoWeek.parse(week).monday.plusDays(s.offset).equals(day.date)) as DaySpec;
          const minutes = surchargeMinutes(given)[i];
          if (spec.blocks?.length === 1) expect([0, day.workedMinutes]).toContain(minutes);
          else expect(minutes).toBeLessThanOrEqual(day.workedMinutes * Math.max(1, spec.blocks?.length ?? 1));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('MINUTES_INSIDE holds exactly when more than `over` worked minutes lie in 00:00–06:00 (a week without a clock change)', () => {
    const shift = fc.record({ start: fc.integer({ min: 0, max: 1439 }), length: fc.integer({ min: 1, max: 900 }), over: fc.integer({ min: 1, max: 359 }), offset: fc.integer({ min: 0, max: 6 }) });
    fc.assert(
      fc.property(shift, ({ start, length, over, offset }) => {
        const raw = {
          name: 'night',
          versions: [{ validFrom: '2026-01-01', hourCodes: { normal: 'U100' }, shiftSurcharges: [{
            days: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN', 'HOLIDAY'], from: '00:00', to: '06:00', percentage: 20, hourCode: 'N20',
            condition: { kind: 'MINUTES_INSIDE', over: `${Math.floor(over / 60)}:${String(over % 60).padStart(2, '0')}` },
          }] }],
        };
        const result = run('2026-W48', raw, [{ offset, blocks: [{ start, length }] }]);
        // Independently: the overlap of [start, start + length) with 00:00–06:00 of the day and of the next day.
        const overlap = (a: number, b: number) => Math.max(0, Math.min(start + length, b) - Math.max(start, a));
        const inside = overlap(0, 360) + overlap(1440, 1800);
        expect(surchargeMinutes(result)[0]).toBe(inside > over ? length : 0);
      }),
      { numRuns: 500 },
    );
  });

  it('a higher threshold never pays more surcharge minutes', () => {
    fc.assert(
      fc.property(scheduleAndWeek, weekDays, fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 300 }), ({ week, schedule }, specs, a, b) => {
        const only = (raw: RawSchedule) => ({ ...raw, versions: raw.versions.map((v) => ({ ...v, shiftSurcharges: [{ days: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN', 'HOLIDAY'], from: '22:00', to: '06:00', percentage: 20, hourCode: 'N20' }] })) });
        const at = (minutes: number) => withConditions(only(schedule), { kind: 'MINUTES_INSIDE', over: `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}` });
        const [low, high] = a <= b ? [a, b] : [b, a];
        const sum = (r: UnravelResult) => surchargeMinutes(r).reduce((s, m) => s + m, 0);
        expect(sum(run(week, at(high), specs))).toBeLessThanOrEqual(sum(run(week, at(low), specs)));
        expect(sum(run(week, at(low), specs))).toBeLessThanOrEqual(sum(run(week, withConditions(only(schedule), undefined), specs)));
      }),
      { numRuns: 200 },
    );
  });
});
