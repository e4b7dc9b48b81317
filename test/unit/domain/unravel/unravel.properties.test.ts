import fc from 'fast-check';
import { IsoWeek } from '../../../../src/domain/time/iso-week.value-object';
import { LocalDate } from '../../../../src/domain/time/local-date.value-object';
import { CaoUnravelSchedule } from '../../../../src/domain/unravel/cao-unravel-schedule';
import { unravel } from '../../../../src/domain/unravel/unravel.service';
import { isTimeKind, payInPercentMinutes, UnravelResult } from '../../../../src/domain/unravel/unravel-result';
import { NO_CLOCK_CHANGES, TimeZoneRules } from '../../../../src/domain/unravel/unravel-ports';
import { WorkDay } from '../../../../src/domain/unravel/work-day.value-object';
import { HAND_WRITTEN_AMSTERDAM, HAND_WRITTEN_DUTCH_HOLIDAYS } from '../../../fixtures/unravel/dutch-calendar';
import { buildDay, DaySpec, scheduleAndWeek, weekDays } from './unravel-arbitraries';

/**
 * The rules every unravelling must keep, over hundreds of generated schedules and weeks
 * (split shifts, night shifts, breaks of every kind, holidays, both clock changes, versions
 * changing mid-week).
 */
const RUNS = { numRuns: 300 };
const contract = fc.option(fc.integer({ min: 0, max: 48 }).map((h) => h * 60), { nil: null });

function run(week: string, rawSchedule: unknown, days: WorkDay[], contractMinutes: number | null, timeZone: TimeZoneRules = HAND_WRITTEN_AMSTERDAM): UnravelResult {
  const schedule = CaoUnravelSchedule.parse(rawSchedule);
  return unravel({ week: IsoWeek.parse(week), days, schedule, holidays: HAND_WRITTEN_DUTCH_HOLIDAYS, contractMinutes, timeZone });
}

const build = (week: string, specs: DaySpec[], reverse = false) => specs.map((s) => buildDay(IsoWeek.parse(week).monday, s, reverse));

/** Worked minutes computed independently: wall minutes, corrected where the clock jumps. */
function expectedWorked(monday: LocalDate, spec: DaySpec, zone: TimeZoneRules): number {
  if (spec.total !== undefined) return spec.total;
  const date = monday.plusDays(spec.offset);
  const change = (offset: number) => {
    const d = date.plusDays(offset);
    return zone.clockChanges(d.year).find((c) => c.date.equals(d));
  };
  // Real minutes from the date's 00:00 to a wall minute: subtract the hour skipped, add the hour repeated.
  const real = (wall: number) => {
    let minutes = wall;
    for (const offset of [0, 1]) {
      const c = change(offset);
      const at = offset * 1440 + (c?.atMinute ?? 0);
      if (!c) continue;
      if (c.shiftMinutes > 0 && wall >= at) minutes -= Math.min(c.shiftMinutes, wall - at);
      if (c.shiftMinutes < 0 && wall >= at) minutes += -c.shiftMinutes;
    }
    return minutes;
  };
  let gross = 0;
  for (const b of spec.blocks ?? []) gross += real(b.start + b.length) - real(b.start);
  if (spec.breakTimes) return gross - (real(spec.breakTimes.start + spec.breakTimes.length) - real(spec.breakTimes.start));
  return gross - Math.min(spec.breakMinutes ?? 0, 1440, gross); // a break is at most 24:00, as buildDay makes it
}

const pay = (r: UnravelResult) => r.days.reduce((sum, d) => sum + payInPercentMinutes(d.lines), 0);

/** The specs in date order: the order the result's days must come in. */
const inDateOrder = (specs: DaySpec[]) => [...specs].sort((a, b) => a.offset - b.offset);

/**
 * Exactly one result day per work day given, on its date, in date order: no day dropped, none
 * added, none twice (a loop over `result.days` alone would pass on an empty result).
 */
function expectOneDayPerWorkDay(result: UnravelResult, week: string, specs: DaySpec[]): void {
  const monday = IsoWeek.parse(week).monday;
  expect(result.days.map((d) => d.date.toString())).toEqual(inDateOrder(specs).map((s) => monday.plusDays(s.offset).toString()));
}

describe('unravel: properties', () => {
  it('puts every worked minute in exactly one time line, and counts real elapsed time', () => {
    fc.assert(
      fc.property(scheduleAndWeek, weekDays, contract, ({ week, schedule }, specs, contractMinutes) => {
        const result = run(week, schedule, build(week, specs), contractMinutes);
        const monday = IsoWeek.parse(week).monday;
        expectOneDayPerWorkDay(result, week, specs);
        const sorted = inDateOrder(specs);
        for (const [i, day] of result.days.entries()) {
          const spec = sorted[i];
          const timeMinutes = day.lines.filter((l) => isTimeKind(l.kind)).reduce((s, l) => s + l.minutes, 0);
          expect(timeMinutes).toBe(day.workedMinutes);
          expect(day.workedMinutes).toBe(expectedWorked(monday, spec, HAND_WRITTEN_AMSTERDAM));
        }
        expect(result.workedMinutes).toBe(result.days.reduce((s, d) => s + d.workedMinutes, 0));
      }),
      RUNS,
    );
  });

  it('never counts a wall-clock minute twice where the clock does not change', () => {
    fc.assert(
      fc.property(scheduleAndWeek, weekDays, contract, ({ week, schedule }, specs, contractMinutes) => {
        const result = run(week, schedule, build(week, specs), contractMinutes, NO_CLOCK_CHANGES);
        expectOneDayPerWorkDay(result, week, specs);
        for (const day of result.days) {
          const taken = new Set<string>();
          for (const line of day.lines.filter((l) => isTimeKind(l.kind) && l.from !== null)) {
            const from = minutes(line.from as string);
            expect(minutes(line.to as string) - from).toBe(line.minutes);
            for (let m = from; m < from + line.minutes; m++) {
              const key = `${line.date} ${m}`;
              expect(taken.has(key)).toBe(false);
              taken.add(key);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('makes no negative or empty lines, and week totals that add up the lines', () => {
    fc.assert(
      fc.property(scheduleAndWeek, weekDays, contract, ({ week, schedule }, specs, contractMinutes) => {
        const result = run(week, schedule, build(week, specs), contractMinutes);
        expectOneDayPerWorkDay(result, week, specs);
        const sums = new Map<string, number>();
        for (const line of result.days.flatMap((d) => d.lines)) {
          expect(line.minutes).toBeGreaterThan(0);
          expect(line.percentage).toBeGreaterThanOrEqual(isTimeKind(line.kind) ? 100 : 0);
          expect(line.explanation.key).toMatch(/^line\./);
          const key = `${line.hourCode} ${line.kind} ${line.percentage}`;
          sums.set(key, (sums.get(key) ?? 0) + line.minutes);
        }
        expect(new Map(result.totals.map((t) => [`${t.hourCode} ${t.kind} ${t.percentage}`, t.minutes]))).toEqual(sums);
      }),
      RUNS,
    );
  });

  it('gives the same output for the same input, also after other weeks were unravelled', () => {
    fc.assert(
      fc.property(scheduleAndWeek, weekDays, weekDays, contract, ({ week, schedule }, specs, otherSpecs, contractMinutes) => {
        const first = JSON.stringify(run(week, schedule, build(week, specs), contractMinutes));
        run(week, schedule, build(week, otherSpecs), 600);
        expect(JSON.stringify(run(week, schedule, build(week, specs), contractMinutes))).toBe(first);
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order in which days or blocks are given', () => {
    fc.assert(
      fc.property(scheduleAndWeek, weekDays, contract, ({ week, schedule }, specs, contractMinutes) => {
        const inOrder = run(week, schedule, build(week, specs), contractMinutes);
        const shuffled = run(week, schedule, build(week, [...specs].reverse(), true), contractMinutes);
        expectOneDayPerWorkDay(inOrder, week, specs);
        expect(JSON.stringify(shuffled)).toBe(JSON.stringify(inOrder));
      }),
      RUNS,
    );
  });

  it('yields no lines for a day without hours', () => {
    fc.assert(
      fc.property(scheduleAndWeek, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 600 }), contract, ({ week, schedule }, offset, length, contractMinutes) => {
        const zero: DaySpec[] = [
          { offset, total: 0 },
          { offset: (offset + 1) % 7, blocks: [{ start: 480, length }], breakMinutes: length },
        ];
        const result = run(week, schedule, build(week, zero), contractMinutes);
        expectOneDayPerWorkDay(result, week, zero);
        expect(result.days.map((d) => [d.workedMinutes, d.lines.length])).toEqual([[0, 0], [0, 0]]);
        expect(result.totals).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('never pays less when a minute of work is added', () => {
    fc.assert(
      fc.property(scheduleAndWeek, weekDays, contract, fc.nat(), ({ week, schedule }, specs, contractMinutes, pick) => {
        fc.pre(specs.length > 0);
        const index = pick % specs.length;
        const spec = specs[index];
        let longer: DaySpec;
        if (spec.total !== undefined) {
          fc.pre(spec.total < 1440);
          longer = { ...spec, total: spec.total + 1 };
        } else {
          const blocks = spec.blocks ?? [];
          const last = blocks[blocks.length - 1];
          fc.pre(last.length < 1440);
          longer = { ...spec, blocks: [...blocks.slice(0, -1), { ...last, length: last.length + 1 }] };
        }
        const before = run(week, schedule, build(week, specs), contractMinutes);
        const after = run(week, schedule, build(week, specs.map((s, i) => (i === index ? longer : s))), contractMinutes);
        expect(pay(after)).toBeGreaterThanOrEqual(pay(before));
        expect(after.workedMinutes).toBeGreaterThanOrEqual(before.workedMinutes);
      }),
      RUNS,
    );
  });

  it('never pays less when a work day is added', () => {
    fc.assert(
      fc.property(scheduleAndWeek, weekDays, contract, ({ week, schedule }, specs, contractMinutes) => {
        fc.pre(specs.length > 1);
        const fewer = specs.slice(1);
        expect(pay(run(week, schedule, build(week, specs), contractMinutes))).toBeGreaterThanOrEqual(
          pay(run(week, schedule, build(week, fewer), contractMinutes)),
        );
      }),
      { numRuns: 200 },
    );
  });
});

function minutes(text: string): number {
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3));
}
