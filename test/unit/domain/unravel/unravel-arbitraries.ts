import fc from 'fast-check';
import { HoursMinutes } from '../../../../src/domain/time/hours-minutes.value-object';
import { IsoWeek } from '../../../../src/domain/time/iso-week.value-object';
import { LocalDate } from '../../../../src/domain/time/local-date.value-object';
import { TimeOfDay } from '../../../../src/domain/time/time-of-day.value-object';
import { BreakInput, WorkDay } from '../../../../src/domain/unravel/work-day.value-object';

/** Generators of schedules and weeks for the property tests: realistic, and valid by construction. */

const DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN', 'HOLIDAY'] as const;
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const hm = (minute: number) => `${Math.floor(minute / 60)}:${String(minute % 60).padStart(2, '0')}`;

const days = fc.subarray([...DAYS], { minLength: 1 });
const quarter = (max: number) => fc.integer({ min: 0, max: max / 15 }).map((q) => q * 15);

const window = fc.record({ days, from: quarter(1425), length: fc.integer({ min: 1, max: 96 }).map((q) => q * 15) }).map((w) => {
  const to = w.from + Math.min(w.length, 1440 - 1);
  return { days: w.days, from: hhmm(w.from), to: to === 1440 ? '24:00' : hhmm(to % 1440) };
});

/** Ascending tiers; a tier window pays at least its tier and at most the next tier's base. */
function tiers(maxAfter: number, afterToText: (m: number) => string) {
  return fc
    .uniqueArray(fc.integer({ min: 1, max: maxAfter / 15 }), { minLength: 1, maxLength: 3 })
    .chain((steps) => {
      const afters = [...steps].sort((a, b) => a - b).map((s) => s * 15);
      return fc.tuple(
        fc.constant(afters),
        fc.uniqueArray(fc.integer({ min: 100, max: 250 }), { minLength: afters.length, maxLength: afters.length }),
        fc.array(fc.option(window, { nil: undefined }), { minLength: afters.length, maxLength: afters.length }),
      );
    })
    .map(([afters, pcts, windows]) => {
      const sorted = [...pcts].sort((a, b) => a - b);
      return afters.map((after, i) => {
        const next = sorted[i + 1] ?? sorted[i] + 50;
        const w = windows[i];
        return {
          after: afterToText(after),
          percentage: sorted[i],
          hourCode: `OW${sorted[i]}`,
          windows: w ? [{ ...w, percentage: next, hourCode: `OWW${next}` }] : [],
        };
      });
    });
}

/** A shift surcharge's condition: left out (TOUCHES), or one of the kinds; `share` places MINUTES_INSIDE's threshold in the window. */
const shiftCondition = fc.oneof(
  fc.constant(undefined),
  fc.constant({ kind: 'TOUCHES' }),
  fc.constant({ kind: 'STARTS_INSIDE' }),
  fc.double({ min: 0, max: 1, noNaN: true }).map((share) => ({ kind: 'MINUTES_INSIDE', share })),
);

/** The threshold of MINUTES_INSIDE is from 0:01 to one minute less than the window's length. */
export function conditionFor(w: { from: string; to: string }, condition: { kind: string; share?: number } | undefined): { condition?: Record<string, string> } {
  if (condition === undefined) return {};
  if (condition.share === undefined) return { condition: { kind: condition.kind } };
  const [from, to] = [w.from, w.to].map((x) => Number(x.slice(0, 2)) * 60 + Number(x.slice(3)));
  const length = to > from ? to - from : to + 1440 - from;
  return { condition: { kind: condition.kind, over: hm(1 + Math.floor(condition.share * (length - 2))) } };
}

const version = fc.record({
  hourCodes: fc.constant({ normal: 'U100', extra: 'MEER' }),
  breakPlacement: fc.oneof(
    fc.constant({ mode: 'END' }),
    fc.constant({ mode: 'START' }),
    quarter(480).map((m) => ({ mode: 'AFTER_WORKED', after: hm(m) })),
  ),
  holidays: fc.record({
    liberationDay: fc.constantFrom('EVERY_YEAR', 'EVERY_FIFTH_YEAR', 'NEVER'),
    countOnWeekend: fc.boolean(),
    extraDays: fc.subarray(['12-31', '2026-12-24', '03-25']),
  }),
  ortOverlap: fc.constantFrom('HIGHEST', 'ADD'),
  overtimeWithOrt: fc.constantFrom('ADD', 'HIGHEST', 'ORT_REPLACES_OVERTIME'),
  ortWindows: fc
    .array(fc.tuple(window, fc.integer({ min: 0, max: 200 })), { maxLength: 4 })
    .map((list) => list.map(([w, pct], i) => ({ ...w, percentage: pct, hourCode: `ORT${i}` }))),
  dailyOvertime: fc.option(
    fc.record({ per: fc.constantFrom('DAY', 'SHIFT'), days, tiers: tiers(720, hm) }).map((r) => [r]),
    { nil: [] },
  ),
  weeklyOvertime: fc.option(fc.record({ countedDays: days, tiers: tiers(2400, hm) }), { nil: null }),
  weekdayOvertime: fc.option(
    fc.record({ days, percentage: fc.integer({ min: 100, max: 250 }) }).map((r) => [{ ...r, hourCode: `WD${r.percentage}` }]),
    { nil: [] },
  ),
  shiftSurcharges: fc
    .array(fc.tuple(window, fc.integer({ min: 0, max: 40 }), shiftCondition), { maxLength: 2 })
    .map((list) => list.map(([w, pct, condition], i) => ({ ...w, percentage: pct, hourCode: `PL${i}`, ...conditionFor(w, condition) }))),
});

/** The weeks the tests use: ordinary ones, both clock changes, Christmas, Easter, King's and Liberation Day. */
export const WEEKS = ['2026-W05', '2026-W13', '2026-W14', '2026-W15', '2026-W18', '2026-W19', '2026-W43', '2026-W48', '2026-W52', '2027-W12'];

export const scheduleAndWeek = fc.record({
  week: fc.constantFrom(...WEEKS),
  versions: fc.array(version, { minLength: 1, maxLength: 2 }),
  secondVersionDay: fc.integer({ min: 0, max: 6 }),
}).map(({ week, versions, secondVersionDay }) => {
  const monday = IsoWeek.parse(week).monday;
  const starts = ['2026-01-01', monday.plusDays(secondVersionDay).toString()];
  return {
    week,
    schedule: { name: 'generated', source: 'generated', versions: versions.map((v, i) => ({ validFrom: starts[i], ...v })) },
  };
});

export interface BlockSpec {
  start: number;
  length: number;
}

export interface DaySpec {
  offset: number;
  total?: number;
  blocks?: BlockSpec[];
  breakMinutes?: number;
  breakTimes?: { start: number; length: number };
}

const blocks = fc
  .array(fc.record({ gap: fc.integer({ min: 0, max: 300 }), length: fc.integer({ min: 1, max: 720 }) }), { minLength: 1, maxLength: 3 })
  .chain((parts) =>
    fc.integer({ min: 0, max: 1439 }).map((first) => {
      const result: BlockSpec[] = [];
      let cursor = first;
      for (const [i, p] of parts.entries()) {
        const start = i === 0 ? first : cursor + p.gap + 1;
        if (start >= 1440) break;
        result.push({ start, length: p.length });
        cursor = start + p.length;
      }
      return result;
    }),
  );

const day = fc.oneof(
  fc.record({ total: fc.integer({ min: 0, max: 1440 }) }),
  blocks.chain((b) =>
    fc.oneof(
      fc.constant({ blocks: b }),
      fc.integer({ min: 0, max: b.reduce((s, x) => s + x.length, 0) }).map((m) => ({ blocks: b, breakMinutes: m })),
      fc.tuple(fc.nat(), fc.nat()).map(([a, c]) => {
        const first = b[0];
        if (first.length < 2) return { blocks: b };
        const start = a % (first.length - 1);
        const length = 1 + (c % (first.length - start - 1 || 1));
        return { blocks: b, breakTimes: { start: first.start + start, length } };
      }),
    ),
  ),
);

export const weekDays = fc
  .uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 7 })
  .chain((offsets) => fc.tuple(...offsets.map((offset) => day.map((d) => ({ ...d, offset } as DaySpec)))));

const t = (minute: number) => TimeOfDay.ofMinuteOfDay(minute % 1440);

export function buildDay(monday: LocalDate, spec: DaySpec, reverseBlocks = false): WorkDay {
  const date = monday.plusDays(spec.offset);
  if (spec.total !== undefined) return WorkDay.ofTotal(date, HoursMinutes.ofMinutes(spec.total));
  const ranges = (spec.blocks as BlockSpec[]).map((b) => ({ start: t(b.start), end: t(b.start + b.length) }));
  if (reverseBlocks) ranges.reverse();
  let breakInput: BreakInput | undefined;
  if (spec.breakMinutes !== undefined) breakInput = { duration: HoursMinutes.ofMinutes(Math.min(spec.breakMinutes, 1440)) };
  if (spec.breakTimes) breakInput = { times: [{ start: t(spec.breakTimes.start), end: t(spec.breakTimes.start + spec.breakTimes.length) }] };
  return WorkDay.ofBlocks(date, ranges, breakInput);
}
