import { PaymentPlanner } from '../../../../src/application/timesheet/payment-planner';
import { AgencySettings } from '../../../../src/domain/agency/agency-settings.value-object';
import { Timesheet } from '../../../../src/domain/timesheet/timesheet.entity';
import { HAND_WRITTEN_DUTCH_HOLIDAYS } from '../../../fixtures/unravel/dutch-calendar';
import { FixedClock } from '../../../support/fakes/fixed-clock';
import { anApproval, anOpenTimesheet, relationPlacement, totals, WEEK, workerPlacement } from '../../../support/mothers/timesheet.mother';
import { FixedOffsetZonedTime } from './fixed-offset-zoned-time';

/** Week 2026-W48 with the default settings: approve before Monday 30 November 12:00 (11:00 UTC at UTC+1), paid Wednesday 2 December. */
const DEADLINE = new Date('2026-11-30T11:00:00Z');

function approvedByWorkerAt(at: string): Timesheet {
  const placement = workerPlacement();
  const timesheet = anOpenTimesheet(placement);
  timesheet.saveDraft(placement, 'FLEXWORKER', totals(['2026-11-23', '8:00']));
  timesheet.approveByWorker(placement, anApproval(timesheet, { at: new Date(at) }));
  return timesheet;
}

function world(now: string) {
  const clock = new FixedClock(new Date(now));
  const zonedTime = new FixedOffsetZonedTime(60);
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
    const plan = planner.plan(approvedByWorkerAt('2026-11-30T10:59:00Z'), AgencySettings.DEFAULT);
    expect(plan).toEqual({ approvalDeadline: DEADLINE, expectedPayDate: expect.anything(), late: false });
    expect(plan.expectedPayDate.toString()).toBe('2026-12-02');
  });

  it('moves an approval at the deadline to the next pay date, and marks it late', () => {
    const { planner } = world('2026-12-01T08:00:00Z');
    const plan = planner.plan(approvedByWorkerAt('2026-11-30T11:00:00Z'), AgencySettings.DEFAULT);
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
    // Deadline Friday 25 December 17:00 local (16:00 UTC); the Friday after, 1 January, is New Year's Day: paid Monday 4 January.
    expect(plan.approvalDeadline).toEqual(new Date('2026-12-25T16:00:00Z'));
    expect(plan.expectedPayDate.toString()).toBe('2027-01-04');
    expect(new Set(zonedTime.zonesAsked)).toEqual(new Set(['Europe/Lisbon']));

    // The same planner keeps the default rule apart: Monday 21 December 12:00, paid Wednesday 23 December.
    const byDefault = planner.plan(week51, AgencySettings.DEFAULT);
    expect(byDefault.approvalDeadline).toEqual(new Date('2026-12-21T11:00:00Z'));
    expect(byDefault.expectedPayDate.toString()).toBe('2026-12-23');
  });
});
