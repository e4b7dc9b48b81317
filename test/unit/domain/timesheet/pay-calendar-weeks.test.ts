import { AgencySettings } from '../../../../src/domain/agency/agency-settings.value-object';
import { PayCalendar } from '../../../../src/domain/timesheet/pay-calendar';
import { Timesheet } from '../../../../src/domain/timesheet/timesheet.entity';
import { HAND_WRITTEN_DUTCH_HOLIDAYS } from '../../../fixtures/unravel/dutch-calendar';
import {
  aCorrection,
  anAct,
  anApproval,
  anApprovedWeek,
  anOpenTimesheet,
  aSubmittedWeek,
  RELATION_USER,
  relationPlacement,
  totals,
  workerPlacement,
} from '../../../support/mothers/timesheet.mother';
import { AMSTERDAM_INSTANT_OF } from './amsterdam-instant-of';

/**
 * PayCalendar.paymentOf: one rule for every status. Week 2026-W48 (the mothers' week): the deadline
 * is Monday 30 November 12:00 Amsterdam (11:00Z), on time it is paid Wednesday 2 December, one
 * deadline later Wednesday 9 December. The worker of `aSubmittedWeek` approved on Friday 27 November.
 */
const pay = new PayCalendar(AgencySettings.DEFAULT, HAND_WRITTEN_DUTCH_HOLIDAYS);
const paymentAt = (timesheet: Timesheet, now: string) => {
  const payment = pay.paymentOf(timesheet, new Date(now), AMSTERDAM_INSTANT_OF);
  return { payDate: payment.payDate.toString(), late: payment.late };
};

describe('PayCalendar.paymentOf: the relation’s approval is the one that counts, in every status', () => {
  it('a SUBMITTED week (the worker approved on time) before its deadline: this week’s pay date, not late', () => {
    const { timesheet } = aSubmittedWeek();
    expect(paymentAt(timesheet, '2026-11-30T10:59:59Z')).toEqual({ payDate: '2026-12-02', late: false });
  });

  it('a SUBMITTED week still waiting for the relation past its deadline: late, and the next pay date it can still make', () => {
    const { timesheet } = aSubmittedWeek();
    expect(timesheet.status).toBe('SUBMITTED');
    expect(paymentAt(timesheet, '2026-11-30T11:00:00Z')).toEqual({ payDate: '2026-12-09', late: true });
    expect(paymentAt(timesheet, '2026-12-03T09:00:00Z')).toEqual({ payDate: '2026-12-09', late: true });
    // A week later still waiting: the deadline of 7 December passed too.
    expect(paymentAt(timesheet, '2026-12-07T11:00:00Z')).toEqual({ payDate: '2026-12-16', late: true });
  });

  it('an OPEN week nobody approved past its deadline: late, and the next pay date from now', () => {
    const open = anOpenTimesheet(workerPlacement());
    expect(paymentAt(open, '2026-11-30T10:00:00Z')).toEqual({ payDate: '2026-12-02', late: false });
    expect(paymentAt(open, '2026-12-01T08:00:00Z')).toEqual({ payDate: '2026-12-09', late: true });
    expect(paymentAt(open, '2026-12-14T11:00:00Z')).toEqual({ payDate: '2026-12-23', late: true });
  });

  it('a week the relation rejected, open again past the deadline: late like any open week', () => {
    const { timesheet, declaration } = aSubmittedWeek();
    timesheet.rejectByRelation(declaration, { ...anAct(RELATION_USER, '2026-11-28T10:00:00Z'), reason: 'Monday was a day off' });
    expect(timesheet.status).toBe('OPEN');
    expect(paymentAt(timesheet, '2026-12-01T08:00:00Z')).toEqual({ payDate: '2026-12-09', late: true });
  });

  it('an APPROVED week keeps the pay date of the relation’s approval, however late it is looked at', () => {
    const { timesheet } = anApprovedWeek(); // the relation approved Monday 30 November 08:00Z
    expect(paymentAt(timesheet, '2027-03-01T08:00:00Z')).toEqual({ payDate: '2026-12-02', late: false });
  });

  it('a worker on time does not make the week on time: the relation approving after the deadline makes it late', () => {
    const { timesheet, declaration } = aSubmittedWeek();
    timesheet.approveByRelation(declaration, anAct(RELATION_USER, '2026-11-30T11:00:00Z'));
    expect(paymentAt(timesheet, '2026-12-01T08:00:00Z')).toEqual({ payDate: '2026-12-09', late: true });
  });

  it('a staff correction after approval changes neither the pay date nor lateness', () => {
    const { timesheet, declaration } = anApprovedWeek();
    const days = totals(['2026-11-23', '7:30']);
    timesheet.correctByAgency(declaration, aCorrection(days, { at: new Date('2026-12-05T09:00:00Z') }));
    expect(paymentAt(timesheet, '2026-12-06T09:00:00Z')).toEqual({ payDate: '2026-12-02', late: false });
  });

  it('a week the relation enters counts its own approval', () => {
    const placement = relationPlacement();
    const timesheet = anOpenTimesheet(placement);
    timesheet.saveDraft(placement, 'RELATION', totals(['2026-11-23', '8:00']));
    timesheet.approveAsEnteringRelation(placement, anApproval(timesheet, { by: RELATION_USER, at: new Date('2026-11-30T10:00:00Z') }));
    expect(paymentAt(timesheet, '2026-12-08T10:00:00Z')).toEqual({ payDate: '2026-12-02', late: false });
  });
});
