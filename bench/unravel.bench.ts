/**
 * `npm run bench:unravel`: unravels a large, varied set of realistic weeks on one core and prints
 * `work days/s: N` and `ratio to baseline: R`, where R is how many times longer the engine takes
 * than a loop that only sums the same days' worked minutes (measured in the same run). Its last
 * line is the schedule-change impact of bench/schedule-impact.bench.ts (BENCH_IMPACT=0 leaves it out).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CaoUnravelSchedule } from '../src/domain/unravel/cao-unravel-schedule';
import { impactLine, measureScheduleImpact } from './schedule-impact.bench';
import { unravel } from '../src/domain/unravel/unravel.service';
import { WorkDay, TimeRange } from '../src/domain/unravel/work-day.value-object';
import { HoursMinutes } from '../src/domain/time/hours-minutes.value-object';
import { IsoWeek } from '../src/domain/time/iso-week.value-object';
import { TimeOfDay } from '../src/domain/time/time-of-day.value-object';
import { DateHolidaysNationalHolidays } from '../src/infrastructure/calendar/date-holidays-national-holidays';
import { LuxonTimeZoneRules } from '../src/infrastructure/calendar/luxon-time-zone-rules';

const FIXTURES = join(__dirname, '../../test/fixtures/unravel');
/**
 * BENCH_ALLOWANCES=1 gives every version of the four schedules the three allowance rules of the
 * golden `vergoedingen-per-keer` (issue 13, rule 4), to measure what counting them costs; by
 * default the schedules are as they are and pay nothing for the feature.
 */
const ALLOWANCES = process.env.BENCH_ALLOWANCES === '1'
  ? JSON.parse(readFileSync(join(FIXTURES, 'vergoedingen-per-keer', 'schedule.json'), 'utf8')).versions[0].allowances
  : undefined;
const SCHEDULES = ['schoonmaak', 'beroepsgoederenvervoer', 'industriele-reiniging', 'metaal-36-uur'].map((dir) => {
  const raw = JSON.parse(readFileSync(join(FIXTURES, dir, 'schedule.json'), 'utf8'));
  if (ALLOWANCES) raw.versions = raw.versions.map((v: object) => ({ ...v, allowances: ALLOWANCES }));
  return CaoUnravelSchedule.parse(raw);
});

interface BenchWeek {
  week: IsoWeek;
  days: WorkDay[];
  schedule: CaoUnravelSchedule;
  contractMinutes: number | null;
}

/** A small deterministic generator, so every run measures the same weeks. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const t = (minute: number) => TimeOfDay.ofMinuteOfDay(minute % 1440);

function makeDay(rnd: () => number, week: IsoWeek, offset: number): WorkDay {
  const date = week.monday.plusDays(offset);
  const pattern = rnd();
  const quarter = (max: number) => Math.floor(rnd() * max) * 15;
  if (pattern < 0.15) return WorkDay.ofTotal(date, HoursMinutes.ofMinutes(240 + quarter(25)));
  if (pattern < 0.3) {
    // split shift
    const blocks: TimeRange[] = [
      { start: t(300 + quarter(8)), end: t(540 + quarter(4)) },
      { start: t(960 + quarter(8)), end: t(1200 + quarter(8)) },
    ];
    return WorkDay.ofBlocks(date, blocks);
  }
  const start = pattern < 0.55 ? 360 + quarter(12) : pattern < 0.8 ? 840 + quarter(8) : 1260 + quarter(8);
  const length = 360 + quarter(25);
  const range = { start: t(start), end: t(start + length) };
  if (rnd() < 0.3) {
    const breakStart = start + 240;
    return WorkDay.ofBlocks(date, [range], { times: [{ start: t(breakStart), end: t(breakStart + 30) }] });
  }
  return WorkDay.ofBlocks(date, [range], { duration: HoursMinutes.ofMinutes(rnd() < 0.5 ? 30 : 45) });
}

function makeWeeks(count: number): BenchWeek[] {
  const rnd = random(20261127);
  const weeks: BenchWeek[] = [];
  for (let i = 0; i < count; i++) {
    const week = IsoWeek.of(2026, 2 + (i % 51));
    const days: WorkDay[] = [];
    const workDays = 3 + Math.floor(rnd() * 4);
    for (let d = 0; d < 7 && days.length < workDays; d++) if (rnd() < 0.8 || d < 5) days.push(makeDay(rnd, week, d));
    weeks.push({ week, days, schedule: SCHEDULES[i % SCHEDULES.length], contractMinutes: rnd() < 0.5 ? null : 1440 + Math.floor(rnd() * 16) * 60 });
  }
  return weeks;
}

function baseline(weeks: readonly BenchWeek[]): number {
  let sum = 0;
  for (const w of weeks) {
    for (const day of w.days) {
      if (day.totalMinutes !== null) sum += day.totalMinutes;
      else {
        const blocks = day.blockSpans;
        for (let b = 0; b < blocks.length; b += 2) sum += blocks[b + 1] - blocks[b];
        sum -= day.breakMinutes;
        const breaks = day.breakSpans;
        for (let b = 0; b < breaks.length; b += 2) sum -= breaks[b + 1] - breaks[b];
      }
    }
  }
  return sum;
}

function main(): void {
  const holidays = new DateHolidaysNationalHolidays();
  const timeZone = new LuxonTimeZoneRules('Europe/Amsterdam');
  const weeks = makeWeeks(Number(process.env.BENCH_WEEKS ?? 40_000));
  const dayCount = weeks.reduce((n, w) => n + w.days.length, 0);
  const inputs = weeks.map((w) => ({ ...w, holidays, timeZone }));
  let check = 0;
  const run = () => {
    for (const input of inputs) check += unravel(input).workedMinutes;
  };
  run(); // warm-up: compiles the day profiles and lets the JIT settle
  run();
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  // CPU time of this process, so that other work on the machine does not count against the engine.
  const cpuMs = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  // The best of a few trials, each timing the engine and then the baseline over the same days:
  // the machine may be busy with other work, and the fastest trial is the one least disturbed.
  let engineMs = Infinity;
  let engineWallMs = Infinity;
  let baselineMs = Infinity;
  let baselineWallMs = Infinity;
  let base = 0;
  for (let trial = 0; trial < Number(process.env.BENCH_TRIALS ?? 7); trial++) {
    let wall = performance.now();
    let cpu = cpuMs();
    for (let r = 0; r < rounds; r++) run();
    engineWallMs = Math.min(engineWallMs, performance.now() - wall);
    engineMs = Math.min(engineMs, cpuMs() - cpu);
    wall = performance.now();
    cpu = cpuMs();
    for (let r = 0; r < rounds; r++) base += baseline(weeks);
    baselineWallMs = Math.min(baselineWallMs, performance.now() - wall);
    baselineMs = Math.min(baselineMs, cpuMs() - cpu);
  }
  const perSecond = Math.round((dayCount * rounds) / (engineMs / 1000));
  console.log(`weeks: ${weeks.length}, work days per round: ${dayCount}, rounds: ${rounds}${ALLOWANCES ? ', with allowance rules' : ''}`);
  console.log(`engine: ${engineMs.toFixed(0)} ms CPU (${engineWallMs.toFixed(0)} ms wall, ${Math.round((dayCount * rounds) / (engineWallMs / 1000))} work days/s by the wall clock)`);
  console.log(`baseline: ${baselineMs.toFixed(0)} ms CPU (${baselineWallMs.toFixed(0)} ms wall); checksums ${check} / ${base}`);
  console.log(`work days/s: ${perSecond}`);
  console.log(`ratio to baseline: ${(engineMs / baselineMs).toFixed(1)}`);
  // Issue 13, rule 7: what a schedule change would pay, 10,000 placements × 13 weeks in memory.
  if (process.env.BENCH_IMPACT !== '0') console.log(impactLine(measureScheduleImpact(10_000, 13, 2)));
}

main();
