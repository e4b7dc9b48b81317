import { readFileSync } from 'node:fs';
import path from 'node:path';
import { calendarDaysBefore } from '../../../src/application/organisation/local-today';
import { AgencySettings } from '../../../src/domain/agency/agency-settings.value-object';
import { IsoWeek } from '../../../src/domain/time/iso-week.value-object';
import { LocalDate } from '../../../src/domain/time/local-date.value-object';
import { PayCalendar } from '../../../src/domain/timesheet/pay-calendar';
import { DateHolidaysNationalHolidays } from '../../../src/infrastructure/calendar/date-holidays-national-holidays';
import { LuxonZonedTime } from '../../../src/infrastructure/calendar/luxon-zoned-time';
import { DEMO, DEMO_SCHEDULE } from '../../../src/infrastructure/demo/demo-data';
import { planDemoWeeks } from '../../../src/infrastructure/demo/demo-weeks';

/*
 * The demo's data: its schedule is the golden fixture, and its past weeks, dated from the moment
 * the demo is created, come out right whatever that moment is (any weekday and hour, the nights
 * clocks change, the turn of a year with a week 53).
 */
const root = path.resolve(__dirname, '../../..');
const ZONE = 'Europe/Amsterdam';
const zoned = new LuxonZonedTime();
const settings = AgencySettings.DEFAULT;
const calendar = new PayCalendar(settings, new DateHolidaysNationalHolidays());
const HOUR = 3600 * 1000;

describe('the demo schedule', () => {
  it('is the golden schoonmaak fixture, byte for byte', () => {
    const copy = readFileSync(path.join(root, 'src/infrastructure/demo/schoonmaak-schedule.json'), 'utf8');
    const fixture = readFileSync(path.join(root, 'test/fixtures/unravel/schoonmaak/schedule.json'), 'utf8');
    expect(copy).toBe(fixture);
    expect(DEMO_SCHEDULE).toEqual(JSON.parse(fixture));
  });
});

/** Every third hour of the two weeks from `start` (an Amsterdam wall time, given as an instant) plus `shift` hours. */
function hoursOfTwoWeeks(start: string, shift: number): Date[] {
  const first = new Date(start).getTime() + shift * HOUR;
  return Array.from({ length: (14 * 24) / 3 }, (_, i) => new Date(first + i * 3 * HOUR));
}

const FORTNIGHTS: [string, Date[]][] = [
  ['an ordinary fortnight', hoursOfTwoWeeks('2026-11-23T00:00:00+01:00', 0)],
  ['the end of summer time (25 October 2026)', hoursOfTwoWeeks('2026-10-19T00:00:00+02:00', 1)],
  ['the start of summer time (28 March 2027)', hoursOfTwoWeeks('2027-03-22T00:00:00+01:00', 2)],
  ['the turn of the year (2026-W53, 2027-W01)', hoursOfTwoWeeks('2026-12-28T00:00:00+01:00', 0)],
  [
    'the edges of a week and of its deadline',
    ['2026-11-30T00:00:00+01:00', '2026-11-30T11:59:00+01:00', '2026-11-30T12:01:00+01:00', '2026-12-06T23:59:59+01:00'].map((t) => new Date(t)),
  ],
];

const key = (s: { workerIndex: number; week: IsoWeek }) => `${s.workerIndex}/${s.week}`;

/** What is wrong with the plan made at `now`: nothing, or one line per problem. */
function problemsOfPlanAt(now: Date): string[] {
  const plan = planDemoWeeks(now, ZONE, zoned);
  const today = zoned.localDateTimeAt(now, ZONE);
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(`${now.toISOString()}: ${what}`);
  };
  check(plan.currentWeek.contains(today.date), `current week ${plan.currentWeek}`);
  // The status tab's rule: calendar days in the agency's zone (week-lists.use-case.ts).
  const visibleSince = calendarDaysBefore(now, settings.declarationVisibilityDays, ZONE).getTime();
  const late: string[] = [];
  for (const step of plan.steps) {
    const what = `${step.do} of ${key(step)} at ${step.at.toISOString()}`;
    const at = zoned.localDateTimeAt(step.at, ZONE);
    // Before the moment the demo is created, not before its week began, in a week of the placement.
    check(step.at.getTime() < now.getTime(), `${what} is not in the past`);
    check(step.week.compare(plan.currentWeek) < 0, `${what} is not of a past week`);
    check(!at.date.isBefore(step.week.monday), `${what} is before its week`);
    check(!step.week.monday.isBefore(plan.placementStarts[step.workerIndex]), `${what} is before the placement`);
    for (const day of step.days) check(step.week.contains(LocalDate.parse(day.date)), `${what} has ${day.date}`);
    if (step.do === 'APPROVE') {
      // No day still to come is approved.
      for (const day of step.days) check(!LocalDate.parse(day.date).isAfter(at.date), `${what} approves ${day.date}`);
    }
    // The approval the pay rule counts: the relation's (its own APPROVE where it enters the hours).
    const relationEnters = DEMO.workers[step.workerIndex].placement.hoursEnteredBy === 'RELATION';
    if (step.do === 'RELATION_APPROVES' || (step.do === 'APPROVE' && relationEnters)) {
      if (calendar.payment(step.week, step.at, now, (local) => zoned.instantOf(local, ZONE)).late) late.push(key(step));
    }
    // The relation's approvals stay on the worker's declaration-status tab.
    if (step.do === 'RELATION_APPROVES') check(step.at.getTime() >= visibleSince, `${what} is off the status tab`);
  }
  // Exactly one week is approved by the relation after its deadline: the schedule worker's oldest.
  const oldest = plan.currentWeek.previous().previous().previous().previous();
  check(late.join() === `1/${oldest}`, `late approvals: ${late.join()}`);
  for (const start of plan.placementStarts) check(start.weekday.code === 'MON', `placement starts on ${start}`);
  return problems;
}

describe('the demo weeks, planned from the moment the demo is created', () => {
  it.each(FORTNIGHTS)('come out right throughout %s', (_, moments) => {
    expect(moments.flatMap(problemsOfPlanAt)).toEqual([]);
  });

  it('keeps the steps of each week in the order the data gives them', () => {
    const plan = planDemoWeeks(new Date('2026-11-27T08:00:00Z'), ZONE, zoned);
    const order = new Map<string, string[]>();
    for (const step of plan.steps) order.set(key(step), [...(order.get(key(step)) ?? []), step.do]);
    DEMO.workers.forEach((worker, workerIndex) => {
      for (const week of worker.weeks) {
        let w = plan.currentWeek;
        for (let i = 0; i < week.weeksAgo; i++) w = w.previous();
        expect(order.get(key({ workerIndex, week: w }))).toEqual(week.steps.map((s) => s.do));
      }
    });
  });

  it('leaves last week empty for a worker who enters the hours, and on the placement the relation fills', () => {
    const untouched = DEMO.workers.filter((w) => !w.weeks.some((week) => week.weeksAgo === 1));
    expect(untouched.map((w) => w.placement.hoursEnteredBy).sort()).toEqual(['FLEXWORKER', 'RELATION']);
  });
});

