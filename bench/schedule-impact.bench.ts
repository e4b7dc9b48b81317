/**
 * `npm run bench:schedule-impact` (and the last line of `npm run bench:unravel`): the in-memory
 * part of `caoScheduleChangeImpact` (issue 13, rule 7) for 10,000 placements × 13 approved weeks.
 * Each week is compared as the use case compares it (`weekDifference`: the week calculator's
 * breakdown with the draft schedule, the same code path that made the approved breakdown, then
 * the totals that differ), and timed against the week engine alone (`unravel`) over the same days
 * in the same run. Not measured: reading the weeks from the database (a few queries of 1,000
 * placements each), and the answer's GraphQL page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { weekDifference } from '../src/application/cao-schedule/cao-schedule-change-impact.use-case';
import { WeekCalculator } from '../src/application/timesheet/week-calculator';
import { CaoSchedule } from '../src/domain/cao-schedule/cao-schedule.entity';
import { Placement } from '../src/domain/placement/placement.entity';
import { DateWindow } from '../src/domain/time/date-window.value-object';
import { HoursMinutes } from '../src/domain/time/hours-minutes.value-object';
import { IsoWeek } from '../src/domain/time/iso-week.value-object';
import { LocalDate } from '../src/domain/time/local-date.value-object';
import { TimeOfDay } from '../src/domain/time/time-of-day.value-object';
import { DayEntry } from '../src/domain/timesheet/day-entry.value-object';
import { Declaration } from '../src/domain/timesheet/declaration.entity';
import { HoursBreakdown } from '../src/domain/timesheet/hours-breakdown';
import { unravel } from '../src/domain/unravel/unravel.service';
import { WorkDay } from '../src/domain/unravel/work-day.value-object';
import { DateHolidaysNationalHolidays } from '../src/infrastructure/calendar/date-holidays-national-holidays';
import { LuxonTimeZoneRules } from '../src/infrastructure/calendar/luxon-time-zone-rules';

const FIXTURE = join(__dirname, '../../test/fixtures/unravel/schoonmaak/schedule.json');
const WINDOW = DateWindow.of(LocalDate.of(2000, 1, 1), LocalDate.of(2036, 12, 31));
const FIRST_WEEK = IsoWeek.parse('2026-W36');

export interface ImpactFigures {
  readonly placements: number;
  readonly weeks: number;
  readonly workDays: number;
  readonly rowsWithDifference: number;
  readonly impactMs: number;
  readonly engineMs: number;
}

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A day as a worker enters it: a total, a day shift, an evening or a night shift, with a break. */
function entry(rnd: () => number, date: LocalDate): DayEntry {
  const pattern = rnd();
  const quarter = (max: number) => Math.floor(rnd() * max) * 15;
  if (pattern < 0.2) return DayEntry.total(date, HoursMinutes.ofMinutes(240 + quarter(25)));
  const start = pattern < 0.6 ? 360 + quarter(12) : pattern < 0.85 ? 840 + quarter(8) : 1260 + quarter(8);
  const end = (start + 360 + quarter(20)) % 1440;
  return DayEntry.times(date, [{ start: TimeOfDay.ofMinuteOfDay(start), end: end === 0 ? TimeOfDay.parseEnd('24:00') : TimeOfDay.ofMinuteOfDay(end) }], HoursMinutes.ofMinutes(30), []);
}

/** The draft: the schedule's rules again from the first week on, every ORT percentage 5 points higher. */
function draftOf(schedule: CaoSchedule): CaoSchedule {
  const latest = schedule.versions[schedule.versions.length - 1] as unknown as Record<string, unknown>;
  const windows = (latest.ortWindows as Record<string, unknown>[]).map((w) => ({
    ...w,
    percentage: typeof w.percentage === 'number' ? w.percentage + 5 : Object.fromEntries(Object.entries(w.percentage as Record<string, number>).map(([d, p]) => [d, p + 5])),
  }));
  const draft = CaoSchedule.rehydrate(schedule.toState());
  draft.addVersion({ ...latest, validFrom: FIRST_WEEK.monday.toString(), ortWindows: windows }, WINDOW);
  return draft;
}

/**
 * The approved breakdown as far as the comparison reads it (its totals and schedule): without the
 * lines of 130,000 weeks, which would only make the collector's work part of the figure.
 */
function approvedTotals(calculator: WeekCalculator, week: IsoWeek, days: readonly DayEntry[], placement: Placement, schedule: CaoSchedule): HoursBreakdown {
  const totals = calculator.breakdownTotals(week, days, placement, schedule);
  return { days: [], totals, workedMinutes: 0, schedule: { id: schedule.id, name: schedule.name, versions: [] } };
}

export function measureScheduleImpact(placementCount = 10_000, weekCount = 13, trials = 3): ImpactFigures {
  const calculator = new WeekCalculator(new DateHolidaysNationalHolidays(), new LuxonTimeZoneRules('Europe/Amsterdam'));
  const schedule = CaoSchedule.create({ id: 'schedule', agencyId: 'agency', raw: JSON.parse(readFileSync(FIXTURE, 'utf8')) }, WINDOW);
  const draft = draftOf(schedule);
  const rnd = random(20261206);
  const stamp = { by: 'bench', at: new Date('2026-12-01T10:00:00Z') };
  const weeks: { declaration: Declaration; placement: Placement }[] = [];
  for (let p = 0; p < placementCount; p++) {
    const placement = Placement.create(
      { id: `p${p}`, agencyId: 'agency', flexworkerId: `w${p}`, relationId: 'r', startDate: '2026-01-05', functionName: 'Schoonmaker', contractHoursPerWeek: p % 2 ? '24:00' : '38:00', caoScheduleId: 'schedule' },
      WINDOW,
    );
    let week = FIRST_WEEK;
    for (let w = 0; w < weekCount; w++, week = week.next()) {
      const days = week.days().filter((_, d) => d < 5 || rnd() < 0.3).filter(() => rnd() < 0.85).map((date) => entry(rnd, date));
      const declaration = Declaration.create({
        id: `d${p}-${w}`, agencyId: 'agency', timesheetId: `t${p}-${w}`, placementId: placement.id, flexworkerId: placement.flexworkerId,
        relationId: 'r', week, number: 1, origin: 'WORKER', days, breakdown: approvedTotals(calculator, week, days, placement, schedule),
        workerApproval: stamp, relationApproval: stamp,
      });
      weeks.push({ declaration, placement });
    }
  }
  const workDays = weeks.reduce((n, w) => n + w.declaration.days.filter((d) => d.workedMinutes > 0).length, 0);
  // The engine alone over the same days, with the calculator's own ports (their caches warm alike).
  const { holidays, timeZone } = calculator as unknown as { holidays: DateHolidaysNationalHolidays; timeZone: LuxonTimeZoneRules };
  const engineInputs = weeks.map(({ declaration, placement }) => ({
    week: declaration.week,
    days: declaration.days.filter((d) => d.workedMinutes > 0).map((d) => d.workDay as WorkDay),
    schedule: draft.unravelSchedule,
    holidays,
    timeZone,
    contractMinutes: placement.contractHoursPerWeek.totalMinutes,
  }));

  let rows = 0;
  const impact = () => {
    rows = 0;
    for (const { declaration, placement } of weeks) if (weekDifference(calculator, declaration, placement, draft).differences.length > 0) rows++;
  };
  let check = 0;
  const engine = () => {
    for (const input of engineInputs) check += unravel(input).workedMinutes;
  };
  impact(); // warm-up
  engine();
  const cpuMs = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  let impactMs = Infinity;
  let engineMs = Infinity;
  for (let trial = 0; trial < trials; trial++) {
    let cpu = cpuMs();
    impact();
    impactMs = Math.min(impactMs, cpuMs() - cpu);
    cpu = cpuMs();
    engine();
    engineMs = Math.min(engineMs, cpuMs() - cpu);
  }
  if (check === 0) throw new Error('the engine unravelled nothing');
  return { placements: placementCount, weeks: weeks.length, workDays, rowsWithDifference: rows, impactMs, engineMs };
}

export function impactLine(f: ImpactFigures): string {
  const perSecond = Math.round(f.workDays / (f.impactMs / 1000));
  return (
    `schedule-change impact (${f.placements.toLocaleString('en')} placements × ${f.weeks / f.placements} weeks, ${f.workDays} work days, ` +
    `${f.rowsWithDifference} weeks with a difference): ${f.impactMs.toFixed(0)} ms CPU, ${perSecond} work days/s, ` +
    `ratio to the week engine alone: ${(f.impactMs / f.engineMs).toFixed(1)} (engine ${f.engineMs.toFixed(0)} ms)`
  );
}

if (require.main === module) {
  console.log(impactLine(measureScheduleImpact(Number(process.env.BENCH_PLACEMENTS ?? 10_000), 13, Number(process.env.BENCH_TRIALS ?? 3))));
}
