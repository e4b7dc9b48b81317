import { PaymentPlanner } from '../../../../src/application/timesheet/payment-planner';
import { AgencySettings } from '../../../../src/domain/agency/agency-settings.value-object';
import { IsoWeek } from '../../../../src/domain/time/iso-week.value-object';
import { LocalDate } from '../../../../src/domain/time/local-date.value-object';
import { Timesheet } from '../../../../src/domain/timesheet/timesheet.entity';
import { HAND_WRITTEN_DUTCH_HOLIDAYS } from '../../../fixtures/unravel/dutch-calendar';
import { FixedClock } from '../../../support/fakes/fixed-clock';
import { anAct, anApproval, anOpenTimesheet, RELATION_USER, relationPlacement, totals, WEEK, workerPlacement } from '../../../support/mothers/timesheet.mother';
import { RecordingZonedTime } from './recording-zoned-time';

/** Week 2026-W48 with the default settings: approve before Monday 30 November 12:00 (11:00 UTC at UTC+1), paid Wednesday 2 December. */
const DEADLINE = new Date('2026-11-30T11:00:00Z');

/**
 * The worker's week (default 2026-W48, eight hours on its Monday) approved by the worker and then
 * by the relation at `at`: the relation's approval is the one the pay rule reads.
 */
function approvedAt(at: string, week = WEEK): Timesheet {
  const placement = workerPlacement();
  const timesheet = anOpenTimesheet(placement, week);
  timesheet.saveDraft(placement, 'FLEXWORKER', totals([week.monday.toString(), '8:00']));
  const declaration = timesheet.approveByWorker(placement, anApproval(timesheet, { at: new Date(at), today: LocalDate.parse(at.slice(0, 10)) }));
  timesheet.approveByRelation(declaration, anAct(RELATION_USER, at));
  return timesheet;
}

/** The same week approved by the worker at `at` only: SUBMITTED, still waiting for the relation. */
function submittedAt(at: string, week = WEEK): Timesheet {
  const placement = workerPlacement();
  const timesheet = anOpenTimesheet(placement, week);
  timesheet.saveDraft(placement, 'FLEXWORKER', totals([week.monday.toString(), '8:00']));
  timesheet.approveByWorker(placement, anApproval(timesheet, { at: new Date(at), today: LocalDate.parse(at.slice(0, 10)) }));
  return timesheet;
}

function world(now: string) {
  const clock = new FixedClock(new Date(now));
  const zonedTime = new RecordingZonedTime();
  return { clock, zonedTime, planner: new PaymentPlanner(HAND_WRITTEN_DUTCH_HOLIDAYS, zonedTime, clock) };
}

describe('PaymentPlanner', () => {
  it('gives an open week before its deadline the deadline as an instant and the pay date, not late', () => {
    const { planner } = world('2026-11-27T10:00:00Z');
    const plan = planner.plan(anOpenTimesheet(workerPlacement()), AgencySettings.DEFAULT);
    expect(plan.approvalDeadline).toEqual(DEADLINE);
    expect(plan.expectedPayDate.toString()).toBe('2026-12-02');
    expect(plan.late).toBe(false);
  });

  it('counts an approval one minute before the deadline (local time) as on time, whatever the clock says now', () => {
    const { planner } = world('2026-12-20T10:00:00Z');
    const plan = planner.plan(approvedAt('2026-11-30T10:59:00Z'), AgencySettings.DEFAULT);
    expect(plan).toEqual({ approvalDeadline: DEADLINE, expectedPayDate: expect.anything(), late: false });
    expect(plan.expectedPayDate.toString()).toBe('2026-12-02');
  });

  it('moves an approval at the deadline to the next pay date, and marks it late', () => {
    const { planner } = world('2026-12-01T08:00:00Z');
    const plan = planner.plan(approvedAt('2026-11-30T11:00:00Z'), AgencySettings.DEFAULT);
    expect(plan.approvalDeadline).toEqual(DEADLINE);
    expect(plan.expectedPayDate.toString()).toBe('2026-12-09');
    expect(plan.late).toBe(true);
  });

  it('turns a week nobody approved late once the clock passes the deadline', () => {
    const { clock, planner } = world('2026-11-30T10:59:00Z');
    const open = anOpenTimesheet(workerPlacement());
    expect(planner.plan(open, AgencySettings.DEFAULT).late).toBe(false);
    clock.set(DEADLINE);
    const plan = planner.plan(open, AgencySettings.DEFAULT);
    expect(plan.late).toBe(true);
    expect(plan.expectedPayDate.toString()).toBe('2026-12-09');
    clock.set(new Date('2026-12-14T11:00:00Z'));
    expect(planner.plan(open, AgencySettings.DEFAULT).expectedPayDate.toString()).toBe('2026-12-23');
  });

  it('does not count the worker’s approval: a week still waiting for the relation past the deadline is late, with the next pay date from now', () => {
    const { clock, planner } = world('2026-11-30T10:59:00Z');
    const submitted = submittedAt('2026-11-27T16:00:00Z');
    expect(planner.plan(submitted, AgencySettings.DEFAULT)).toEqual({ approvalDeadline: DEADLINE, expectedPayDate: expect.anything(), late: false });
    clock.set(new Date('2026-12-01T08:00:00Z'));
    const plan = planner.plan(submitted, AgencySettings.DEFAULT);
    expect(plan.late).toBe(true);
    expect(plan.expectedPayDate.toString()).toBe('2026-12-09');
  });

  it('counts the approval of the relation where the relation enters the hours', () => {
    const { planner } = world('2026-12-01T08:00:00Z');
    const placement = relationPlacement();
    const timesheet = anOpenTimesheet(placement, WEEK);
    timesheet.approveAsEnteringRelation(placement, anApproval(timesheet, { at: new Date('2026-11-30T10:00:00Z') }));
    expect(planner.plan(timesheet, AgencySettings.DEFAULT).late).toBe(false);
  });

  it('applies the agency’s zone and pay rules: a Friday 17:00 deadline and Friday pay, with New Year’s Day in the way', () => {
    const { planner, zonedTime } = world('2026-12-01T08:00:00Z');
    const settings = AgencySettings.DEFAULT.with({ timeZone: 'Europe/Lisbon', approvalDeadline: { weekday: 'FRI', time: '17:00' }, payWeekday: 'FRI' });
    const week51 = anOpenTimesheet(workerPlacement(), WEEK.next().next().next());
    const plan = planner.plan(week51, settings);
    // Deadline Friday 25 December 17:00 in Lisbon, which is at UTC+0 in winter: 17:00Z. The Friday
    // after, 1 January, is New Year's Day: paid Monday 4 January.
    expect(plan.approvalDeadline).toEqual(new Date('2026-12-25T17:00:00Z'));
    expect(plan.expectedPayDate.toString()).toBe('2027-01-04');
    expect(new Set(zonedTime.zonesAsked)).toEqual(new Set(['Europe/Lisbon']));
    // Approved at 16:30Z is in time there (it would not be an hour east, in Amsterdam).
    const approvedAt1630 = approvedAt('2026-12-25T16:30:00Z', week51.week);
    expect(planner.plan(approvedAt1630, settings).late).toBe(false);
    expect(planner.plan(approvedAt1630, AgencySettings.DEFAULT.with({ approvalDeadline: { weekday: 'FRI', time: '17:00' } })).late).toBe(true);

    // The same planner keeps the default rule apart: Monday 21 December 12:00, paid Wednesday 23 December.
    const byDefault = planner.plan(week51, AgencySettings.DEFAULT);
    expect(byDefault.approvalDeadline).toEqual(new Date('2026-12-21T11:00:00Z'));
    expect(byDefault.expectedPayDate.toString()).toBe('2026-12-23');
  });
});

describe('PaymentPlanner in the hours clocks change (Europe/Amsterdam, the real zone)', () => {
  const sunday0230 = AgencySettings.DEFAULT.with({ approvalDeadline: { weekday: 'SUN', time: '02:30' } });
  const W12 = IsoWeek.parse('2026-W12');
  const W42 = IsoWeek.parse('2026-W42');

  it('reports the skipped 02:30 of 29 March 2026 as 01:30Z (03:30 summer time), and counts approvals before that instant as on time', () => {
    const { planner } = world('2026-03-30T10:00:00Z');
    for (const at of ['2026-03-29T01:10:00Z', '2026-03-29T01:29:00Z']) {
      const plan = planner.plan(approvedAt(at, W12), sunday0230);
      expect(plan.approvalDeadline).toEqual(new Date('2026-03-29T01:30:00Z'));
      expect(plan.late).toBe(false);
      expect(plan.expectedPayDate.toString()).toBe('2026-04-01');
    }
    const late = planner.plan(approvedAt('2026-03-29T01:30:00Z', W12), sunday0230);
    expect(late).toMatchObject({ approvalDeadline: new Date('2026-03-29T01:30:00Z'), late: true });
    expect(late.expectedPayDate.toString()).toBe('2026-04-08');
  });

  it('turns an open week late when the clock reaches the reported deadline in the skipped hour', () => {
    const { clock, planner } = world('2026-03-29T01:29:59Z');
    const open = anOpenTimesheet(workerPlacement(), W12);
    expect(planner.plan(open, sunday0230).late).toBe(false);
    clock.set(planner.plan(open, sunday0230).approvalDeadline);
    expect(planner.plan(open, sunday0230)).toMatchObject({ approvalDeadline: new Date('2026-03-29T01:30:00Z'), late: true });
  });

  it('reports a deadline in the doubled hour of 25 October 2026 as its first occurrence, and is late from it on, whichever pass', () => {
    const { planner } = world('2026-10-26T10:00:00Z');
    const plan = (at: string) => planner.plan(approvedAt(at, W42), sunday0230);
    expect(plan('2026-10-25T00:29:00Z')).toMatchObject({ approvalDeadline: new Date('2026-10-25T00:30:00Z'), late: false });
    expect(plan('2026-10-25T00:29:00Z').expectedPayDate.toString()).toBe('2026-10-28');
    // 02:45 summer time and, later, 02:15 winter time: both after the deadline.
    for (const at of ['2026-10-25T00:30:00Z', '2026-10-25T00:45:00Z', '2026-10-25T01:15:00Z']) {
      expect(plan(at)).toMatchObject({ approvalDeadline: new Date('2026-10-25T00:30:00Z'), late: true });
      expect(plan(at).expectedPayDate.toString()).toBe('2026-11-04');
    }
  });

  it('pays late hours on the k-th later deadline, each the instant of its own week', () => {
    const { planner } = world('2026-04-06T10:00:00Z');
    const W10 = IsoWeek.parse('2026-W10');
    // W10's deadline: Sunday 15 March 02:30 winter time (01:30Z). W12's: 29 March 01:30Z (the skipped hour), paid 1 April.
    const plan = (at: string) => planner.plan(approvedAt(at, W10), sunday0230);
    expect(plan('2026-03-29T01:29:00Z')).toMatchObject({ approvalDeadline: new Date('2026-03-15T01:30:00Z'), late: true });
    expect(plan('2026-03-29T01:29:00Z').expectedPayDate.toString()).toBe('2026-04-01');
    // W13's: Easter Sunday 5 April 02:30 summer time (00:30Z), paid 8 April; past it, W14's, paid 15 April.
    expect(plan('2026-03-29T01:30:00Z').expectedPayDate.toString()).toBe('2026-04-08');
    expect(plan('2026-04-05T00:29:00Z').expectedPayDate.toString()).toBe('2026-04-08');
    expect(plan('2026-04-05T00:40:00Z').expectedPayDate.toString()).toBe('2026-04-15');
  });
});
