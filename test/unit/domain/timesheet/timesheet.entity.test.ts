import { LocalDate } from '../../../../src/domain/time/local-date.value-object';
import { Timesheet } from '../../../../src/domain/timesheet/timesheet.entity';
import { MAX_REASON_LENGTH } from '../../../../src/domain/timesheet/week-rules';
import {
  aCorrection, anAct, anApproval, anApprovedWeek, anOpenTimesheet, aSubmittedWeek, at, FRIDAY, RELATION_USER, relationPlacement,
  STAFF_USER, times, totals, WEEK, WORKER_USER, workerPlacement,
} from '../../../support/mothers/timesheet.mother';
import { badInput, conflict, expectRefused, forbidden } from './refusal';

const d = LocalDate.parse;
const MONDAY_8 = totals(['2026-11-23', '8:00']);
const rejection = (reason: string) => ({ ...anAct(RELATION_USER, '2026-11-30T08:00:00Z'), reason });

/** A submitted week that the relation sent back: OPEN again, its declaration REJECTED. */
function aRejectedWeek() {
  const week = aSubmittedWeek();
  week.timesheet.rejectByRelation(week.declaration, rejection('  Tuesday was a day off  '));
  return week;
}

describe('Timesheet.open', () => {
  it('opens an empty OPEN week of the placement, version 1', () => {
    const placement = workerPlacement();
    const timesheet = Timesheet.open({ id: 'ts-1', placement, week: WEEK });
    expect(timesheet.toState()).toEqual({
      id: 'ts-1',
      agencyId: 'agency-1',
      placementId: placement.id,
      flexworkerId: 'flexworker-1',
      relationId: 'relation-1',
      week: WEEK,
      status: 'OPEN',
      days: [],
      rejection: null,
      workerApproval: null,
      relationApproval: null,
      currentDeclarationId: null,
      declarationCount: 0,
      version: 1,
    });
    expect(timesheet.isOpen).toBe(true);
  });

  it.each([
    ['starts on the Sunday of the week', { startDate: '2026-11-29' }],
    ['ends on the Monday of the week', { startDate: '2026-01-05', endDate: '2026-11-23' }],
    ['lies within the week', { startDate: '2026-11-25', endDate: '2026-11-26' }],
  ])('opens a week that overlaps the placement only partly: the placement %s', (_, period) => {
    expect(anOpenTimesheet(workerPlacement(period)).week.toString()).toBe('2026-W48');
  });

  it.each([
    ['starts the Monday after', { startDate: '2026-11-30' }, { week: '2026-W48', start: '2026-11-30', end: '' }],
    ['ended the Sunday before', { startDate: '2026-01-05', endDate: '2026-11-22' }, { week: '2026-W48', start: '2026-01-05', end: '2026-11-22' }],
  ])('refuses a week outside the placement: the placement %s', (_, period, params) => {
    expectRefused(() => anOpenTimesheet(workerPlacement(period)), badInput('week', 'WEEK_OUTSIDE_PLACEMENT', params));
  });
});

describe('Timesheet.saveDraft', () => {
  it('keeps the days of the party that enters the hours, replacing the previous draft', () => {
    const placement = workerPlacement();
    const timesheet = anOpenTimesheet(placement);
    timesheet.saveDraft(placement, 'FLEXWORKER', totals(['2026-11-23', '8:00'], ['2026-11-24', '7:15']));
    timesheet.saveDraft(placement, 'FLEXWORKER', MONDAY_8);
    expect(timesheet.days.map((day) => day.toData())).toEqual([{ date: '2026-11-23', total: '8:00' }]);
    expect(timesheet.status).toBe('OPEN');

    const byRelation = relationPlacement();
    const entered = anOpenTimesheet(byRelation);
    entered.saveDraft(byRelation, 'RELATION', MONDAY_8);
    expect(entered.days).toHaveLength(1);
  });

  it('refuses the party that does not enter the hours (FORBIDDEN)', () => {
    const placement = workerPlacement();
    const timesheet = anOpenTimesheet(placement);
    expectRefused(() => timesheet.saveDraft(placement, 'RELATION', MONDAY_8), forbidden('HOURS_ENTERED_BY_OTHER_PARTY', { enteredBy: 'FLEXWORKER' }), [timesheet]);

    const byRelation = relationPlacement();
    const entered = anOpenTimesheet(byRelation);
    expectRefused(() => entered.saveDraft(byRelation, 'FLEXWORKER', MONDAY_8), forbidden('HOURS_ENTERED_BY_OTHER_PARTY', { enteredBy: 'RELATION' }), [entered]);
  });

  it('refuses a SUBMITTED or an APPROVED week (CONFLICT)', () => {
    const submitted = aSubmittedWeek();
    expectRefused(
      () => submitted.timesheet.saveDraft(submitted.placement, 'FLEXWORKER', MONDAY_8),
      conflict('TIMESHEET_NOT_EDITABLE', { status: 'SUBMITTED' }),
      [submitted.timesheet],
    );
    const approved = anApprovedWeek();
    expectRefused(
      () => approved.timesheet.saveDraft(approved.placement, 'FLEXWORKER', MONDAY_8),
      conflict('TIMESHEET_NOT_EDITABLE', { status: 'APPROVED' }),
      [approved.timesheet],
    );
  });

  it('tells the wrong party FORBIDDEN before it tells anyone the week is closed', () => {
    const { placement, timesheet } = aSubmittedWeek();
    expectRefused(() => timesheet.saveDraft(placement, 'RELATION', MONDAY_8), forbidden('HOURS_ENTERED_BY_OTHER_PARTY'), [timesheet]);
  });
});

describe('Timesheet.approveByWorker', () => {
  it('makes declaration number 1 with the worker stamp and submits the week', () => {
    const placement = workerPlacement();
    const timesheet = anOpenTimesheet(placement);
    timesheet.saveDraft(placement, 'FLEXWORKER', totals(['2026-11-23', '8:00'], ['2026-11-27', '6:00']));
    const act = anApproval(timesheet, { declarationId: 'decl-1', at: at('2026-11-27T16:30:00Z') });

    const declaration = timesheet.approveByWorker(placement, act);

    expect(declaration.id).toBe('decl-1');
    expect(declaration.number).toBe(1);
    expect(declaration.origin).toBe('WORKER');
    expect(declaration.status).toBe('AWAITING_RELATION');
    expect(declaration.workerApproval).toEqual({ by: WORKER_USER, at: at('2026-11-27T16:30:00Z') });
    expect(declaration.relationApproval).toBeNull();
    expect(declaration.days.map((day) => day.toData())).toEqual([
      { date: '2026-11-23', total: '8:00' },
      { date: '2026-11-27', total: '6:00' },
    ]);
    expect(declaration.breakdown).toBe(act.breakdown);
    expect([declaration.timesheetId, declaration.placementId, declaration.flexworkerId, declaration.relationId, declaration.agencyId]).toEqual([
      timesheet.id, placement.id, 'flexworker-1', 'relation-1', 'agency-1',
    ]);
    expect(declaration.week.equals(WEEK)).toBe(true);

    expect(timesheet.status).toBe('SUBMITTED');
    expect(timesheet.isOpen).toBe(false);
    expect(timesheet.workerApproval).toEqual({ by: WORKER_USER, at: at('2026-11-27T16:30:00Z') });
    expect(timesheet.relationApproval).toBeNull();
    expect(timesheet.currentDeclarationId).toBe('decl-1');
    expect(timesheet.declarationCount).toBe(1);
  });

  it('needs the approval confirmed', () => {
    const placement = workerPlacement();
    const timesheet = anOpenTimesheet(placement);
    timesheet.saveDraft(placement, 'FLEXWORKER', MONDAY_8);
    expectRefused(
      () => timesheet.approveByWorker(placement, anApproval(timesheet, { confirmed: false })),
      badInput('confirm', 'APPROVAL_CONFIRMATION_REQUIRED'),
      [timesheet],
    );
  });

  it('refuses a worked day after today, at the index of that day', () => {
    const placement = workerPlacement();
    const timesheet = anOpenTimesheet(placement);
    timesheet.saveDraft(placement, 'FLEXWORKER', totals(['2026-11-23', '8:00'], ['2026-11-27', '8:00'], ['2026-11-28', '4:00']));
    expectRefused(
      () => timesheet.approveByWorker(placement, anApproval(timesheet)),
      badInput('days[2].date', 'DAY_IN_FUTURE', { date: '2026-11-28' }),
      [timesheet],
    );
    // Seen on Saturday the same week may be approved.
    expect(timesheet.approveByWorker(placement, anApproval(timesheet, { today: d('2026-11-28') })).number).toBe(1);
  });

  it('refuses work with times that has not ended yet: today\'s shift, or last night\'s that runs past now', () => {
    const placement = workerPlacement();
    const timesheet = anOpenTimesheet(placement);
    // Friday 27th 14:00–22:00, seen on Friday at 20:00; a Thursday night shift to 06:00, seen on Friday at 05:00.
    timesheet.saveDraft(placement, 'FLEXWORKER', [times('2026-11-26', [['22:00', '06:00']]), times('2026-11-27', [['14:00', '22:00']])]);
    expectRefused(() => timesheet.approveByWorker(placement, anApproval(timesheet, { nowMinute: 20 * 60 })), badInput('days[1].date', 'DAY_IN_FUTURE', { date: '2026-11-27' }), [timesheet]);
    expectRefused(() => timesheet.approveByWorker(placement, anApproval(timesheet, { nowMinute: 5 * 60 })), badInput('days[0].date', 'DAY_IN_FUTURE', { date: '2026-11-26' }), [timesheet]);
    // At 22:00 both have ended.
    expect(timesheet.approveByWorker(placement, anApproval(timesheet, { nowMinute: 22 * 60 })).number).toBe(1);
  });

  it('refuses a correction that adds hours still to come', () => {
    const { timesheet, declaration } = anApprovedWeek();
    const act = aCorrection(totals(['2026-11-23', '8:00'], ['2026-11-28', '4:00']), { today: FRIDAY, nowMinute: 12 * 60 });
    expectRefused(() => timesheet.correctByAgency(declaration, act), badInput('days[1].date', 'DAY_IN_FUTURE', { date: '2026-11-28' }), [timesheet, declaration]);
  });

  it('lets a day of 0:00 after today pass: nothing was worked on it', () => {
    const placement = workerPlacement();
    const timesheet = anOpenTimesheet(placement);
    timesheet.saveDraft(placement, 'FLEXWORKER', totals(['2026-11-23', '8:00'], ['2026-11-29', '0:00']));
    expect(() => timesheet.approveByWorker(placement, anApproval(timesheet, { today: FRIDAY }))).not.toThrow();
    expect(timesheet.status).toBe('SUBMITTED');
  });

  it('refuses approving twice', () => {
    const { placement, timesheet, declaration } = aSubmittedWeek();
    expectRefused(
      () => timesheet.approveByWorker(placement, anApproval(timesheet)),
      conflict('TIMESHEET_ALREADY_SUBMITTED', { status: 'SUBMITTED' }),
      [timesheet, declaration],
    );
    const approved = anApprovedWeek();
    expectRefused(
      () => approved.timesheet.approveByWorker(approved.placement, anApproval(approved.timesheet)),
      conflict('TIMESHEET_ALREADY_SUBMITTED', { status: 'APPROVED' }),
      [approved.timesheet],
    );
  });

  it('refuses the worker on a placement where the relation enters the hours (FORBIDDEN)', () => {
    const placement = relationPlacement();
    const timesheet = anOpenTimesheet(placement);
    timesheet.saveDraft(placement, 'RELATION', MONDAY_8);
    expectRefused(
      () => timesheet.approveByWorker(placement, anApproval(timesheet)),
      forbidden('HOURS_ENTERED_BY_OTHER_PARTY', { enteredBy: 'RELATION' }),
      [timesheet],
    );
  });
});

describe('Timesheet.approveAsEnteringRelation', () => {
  it('approves the week at once, the relation stamped in both places', () => {
    const placement = relationPlacement();
    const timesheet = anOpenTimesheet(placement);
    timesheet.saveDraft(placement, 'RELATION', MONDAY_8);
    const stamp = { by: RELATION_USER, at: at('2026-11-27T17:00:00Z') };

    const declaration = timesheet.approveAsEnteringRelation(placement, anApproval(timesheet, stamp));

    expect([declaration.number, declaration.origin, declaration.status]).toEqual([1, 'RELATION', 'APPROVED']);
    expect(declaration.workerApproval).toEqual(stamp);
    expect(declaration.relationApproval).toEqual(stamp);
    expect(timesheet.status).toBe('APPROVED');
    expect(timesheet.workerApproval).toEqual(stamp);
    expect(timesheet.relationApproval).toEqual(stamp);
    expect(timesheet.currentDeclarationId).toBe(declaration.id);

    expectRefused(
      () => timesheet.approveByRelation(declaration, anAct(RELATION_USER)),
      conflict('DECLARATION_ALREADY_APPROVED', { status: 'APPROVED' }),
      [timesheet, declaration],
    );
  });

  it('refuses the relation on a placement where the worker enters the hours (FORBIDDEN)', () => {
    const placement = workerPlacement();
    const timesheet = anOpenTimesheet(placement);
    timesheet.saveDraft(placement, 'FLEXWORKER', MONDAY_8);
    expectRefused(
      () => timesheet.approveAsEnteringRelation(placement, anApproval(timesheet, { by: RELATION_USER })),
      forbidden('HOURS_ENTERED_BY_OTHER_PARTY', { enteredBy: 'FLEXWORKER' }),
      [timesheet],
    );
  });

  it('refuses approving twice and an unconfirmed approval', () => {
    const placement = relationPlacement();
    const timesheet = anOpenTimesheet(placement);
    timesheet.saveDraft(placement, 'RELATION', MONDAY_8);
    expectRefused(
      () => timesheet.approveAsEnteringRelation(placement, anApproval(timesheet, { confirmed: false })),
      badInput('confirm', 'APPROVAL_CONFIRMATION_REQUIRED'),
      [timesheet],
    );
    timesheet.approveAsEnteringRelation(placement, anApproval(timesheet));
    expectRefused(() => timesheet.approveAsEnteringRelation(placement, anApproval(timesheet)), conflict('TIMESHEET_ALREADY_SUBMITTED'), [timesheet]);
  });
});

describe('Timesheet.approveByRelation', () => {
  it('approves a SUBMITTED week: APPROVED, the relation stamped on the week and the declaration', () => {
    const { timesheet, declaration } = aSubmittedWeek();
    timesheet.approveByRelation(declaration, anAct(RELATION_USER, '2026-11-30T08:00:00Z'));
    const stamp = { by: RELATION_USER, at: at('2026-11-30T08:00:00Z') };
    expect(timesheet.status).toBe('APPROVED');
    expect(timesheet.relationApproval).toEqual(stamp);
    expect(timesheet.workerApproval?.by).toBe(WORKER_USER);
    expect(declaration.status).toBe('APPROVED');
    expect(declaration.relationApproval).toEqual(stamp);
  });

  it('refuses approving twice', () => {
    const { timesheet, declaration } = anApprovedWeek();
    expectRefused(
      () => timesheet.approveByRelation(declaration, anAct(RELATION_USER)),
      conflict('DECLARATION_ALREADY_APPROVED', { status: 'APPROVED' }),
      [timesheet, declaration],
    );
  });

  it('refuses an older declaration once a newer one exists', () => {
    const { placement, timesheet, declaration: first } = aRejectedWeek();
    timesheet.saveDraft(placement, 'FLEXWORKER', MONDAY_8);
    const second = timesheet.approveByWorker(placement, anApproval(timesheet));
    expectRefused(
      () => timesheet.approveByRelation(first, anAct(RELATION_USER)),
      conflict('DECLARATION_SUPERSEDED', { declarationId: first.id, currentDeclarationId: second.id }),
      [timesheet, first, second],
    );
  });

  it('refuses a week that is OPEN again after a rejection', () => {
    const { timesheet, declaration } = aRejectedWeek();
    expectRefused(
      () => timesheet.approveByRelation(declaration, anAct(RELATION_USER)),
      conflict('TIMESHEET_NOT_SUBMITTED', { status: 'OPEN' }),
      [timesheet, declaration],
    );
  });

  it('refuses a week that payroll processed', () => {
    const { timesheet, declaration } = aSubmittedWeek();
    const processed = Timesheet.rehydrate({ ...timesheet.toState(), status: 'PROCESSED' });
    expectRefused(() => processed.approveByRelation(declaration, anAct(RELATION_USER)), conflict('DECLARATION_ALREADY_APPROVED', { status: 'PROCESSED' }), [
      processed,
      declaration,
    ]);
  });

  it('does not take a declaration of another week', () => {
    const { timesheet } = aSubmittedWeek();
    const other = aSubmittedWeek().declaration;
    expect(() => timesheet.approveByRelation(other, anAct(RELATION_USER))).toThrow('declaration does not belong to this timesheet');
  });
});

describe('Timesheet.rejectByRelation', () => {
  it('reopens the week, showing the reason (trimmed); the declaration is REJECTED', () => {
    const { timesheet, declaration } = aRejectedWeek();
    const stamp = { by: RELATION_USER, at: at('2026-11-30T08:00:00Z') };
    expect(timesheet.status).toBe('OPEN');
    expect(timesheet.rejection).toEqual({ ...stamp, reason: 'Tuesday was a day off' });
    expect(timesheet.workerApproval).toBeNull();
    expect(timesheet.currentDeclarationId).toBe(declaration.id);
    expect(declaration.status).toBe('REJECTED');
    expect(declaration.rejection).toEqual({ ...stamp, reason: 'Tuesday was a day off' });
  });

  it.each([[''], ['   '], [' \n\t '], [null], [undefined]])('requires a reason: %j is none', (reason) => {
    const { timesheet, declaration } = aSubmittedWeek();
    expectRefused(
      () => timesheet.rejectByRelation(declaration, rejection(reason as string)),
      badInput('reason', 'REASON_REQUIRED'),
      [timesheet, declaration],
    );
  });

  it(`takes a reason of at most ${MAX_REASON_LENGTH} characters, line breaks allowed, no other control characters`, () => {
    const { timesheet, declaration } = aSubmittedWeek();
    expectRefused(
      () => timesheet.rejectByRelation(declaration, rejection('x'.repeat(MAX_REASON_LENGTH + 1))),
      badInput('reason', 'VALUE_TOO_LONG', { max: MAX_REASON_LENGTH }),
      [timesheet, declaration],
    );
    expectRefused(() => timesheet.rejectByRelation(declaration, rejection('x'.repeat(10_000))), badInput('reason', 'VALUE_TOO_LONG'), [timesheet, declaration]);
    expectRefused(() => timesheet.rejectByRelation(declaration, rejection('bell\u0007')), badInput('reason', 'TEXT_CONTROL_CHARACTERS'), [timesheet, declaration]);

    const longest = 'x'.repeat(MAX_REASON_LENGTH);
    timesheet.rejectByRelation(declaration, rejection(`\n ${longest} \n`));
    expect(timesheet.rejection?.reason).toBe(longest);

    const other = aSubmittedWeek();
    other.timesheet.rejectByRelation(other.declaration, rejection('Monday:\n7:30, not 8:00'));
    expect(other.declaration.rejection?.reason).toBe('Monday:\n7:30, not 8:00');
  });

  it('lets the worker save again; the next approval is declaration number 2 and clears the rejection', () => {
    const { placement, timesheet, declaration: first } = aRejectedWeek();
    timesheet.saveDraft(placement, 'FLEXWORKER', totals(['2026-11-23', '8:00']));
    const second = timesheet.approveByWorker(placement, anApproval(timesheet, { declarationId: 'decl-2' }));

    expect([second.id, second.number, second.origin, second.status]).toEqual(['decl-2', 2, 'WORKER', 'AWAITING_RELATION']);
    expect(second.days.map((day) => day.toData())).toEqual([{ date: '2026-11-23', total: '8:00' }]);
    expect(second.rejection).toBeNull();
    expect(timesheet.rejection).toBeNull();
    expect(timesheet.status).toBe('SUBMITTED');
    expect([timesheet.currentDeclarationId, timesheet.declarationCount]).toEqual(['decl-2', 2]);
    expect(first.status).toBe('REJECTED');
    expect(first.days.map((day) => day.toData())).toEqual([
      { date: '2026-11-23', total: '8:00' },
      { date: '2026-11-24', total: '7:15' },
    ]);

    timesheet.approveByRelation(second, anAct(RELATION_USER));
    expect([timesheet.status, second.status, first.status]).toEqual(['APPROVED', 'APPROVED', 'REJECTED']);
  });

  it('refuses rejecting an OPEN week, an APPROVED week and an older declaration', () => {
    const rejected = aRejectedWeek();
    expectRefused(() => rejected.timesheet.rejectByRelation(rejected.declaration, rejection('again')), conflict('TIMESHEET_NOT_SUBMITTED'), [
      rejected.timesheet,
      rejected.declaration,
    ]);
    const approved = anApprovedWeek();
    expectRefused(() => approved.timesheet.rejectByRelation(approved.declaration, rejection('too late')), conflict('DECLARATION_ALREADY_APPROVED'), [
      approved.timesheet,
      approved.declaration,
    ]);
    const corrected = aSubmittedWeek();
    corrected.timesheet.correctByAgency(corrected.declaration, aCorrection(MONDAY_8));
    expectRefused(() => corrected.timesheet.rejectByRelation(corrected.declaration, rejection('old')), conflict('DECLARATION_SUPERSEDED'), [
      corrected.timesheet,
      corrected.declaration,
    ]);
  });
});

describe('Timesheet.correctByAgency', () => {
  const corrected = totals(['2026-11-23', '7:30'], ['2026-11-24', '7:15']);

  it('refuses an OPEN week: the worker did not approve it', () => {
    const { timesheet, declaration } = aRejectedWeek();
    expectRefused(
      () => timesheet.correctByAgency(declaration, aCorrection(corrected)),
      conflict('TIMESHEET_NOT_APPROVED_BY_WORKER', { status: 'OPEN' }),
      [timesheet, declaration],
    );
  });

  it('refuses a correction that gives the same hours', () => {
    const { timesheet, declaration } = anApprovedWeek();
    expectRefused(
      () => timesheet.correctByAgency(declaration, aCorrection(totals(['2026-11-23', '8:00'], ['2026-11-24', '7:15']))),
      badInput('days', 'CORRECTION_CHANGES_NOTHING'),
      [timesheet, declaration],
    );
  });

  it.each([[''], ['  \n ']])('requires a reason: %j is none', (reason) => {
    const { timesheet, declaration } = anApprovedWeek();
    expectRefused(() => timesheet.correctByAgency(declaration, aCorrection(corrected, { reason })), badInput('reason', 'REASON_REQUIRED'), [
      timesheet,
      declaration,
    ]);
  });

  it('corrects an APPROVED week as a new version approved by the agency (the relation’s approval stays on the old one); the old one is SUPERSEDED', () => {
    const { timesheet, declaration: first } = anApprovedWeek();
    const act = aCorrection(corrected, { declarationId: 'decl-2', reason: '  Monday was 7:30  ' });

    const second = timesheet.correctByAgency(first, act);

    expect([second.id, second.number, second.origin, second.status]).toEqual(['decl-2', 2, 'CORRECTION', 'APPROVED']);
    expect(second.correction).toEqual({ by: STAFF_USER, at: act.at, reason: 'Monday was 7:30', previousDeclarationId: first.id });
    expect(second.relationApproval).toBeNull();
    expect(second.approvedByAgency).toBe(true);
    expect(first.relationApproval).not.toBeNull();
    expect(second.workerApproval).toEqual(first.workerApproval);
    expect(second.days.map((day) => day.toData())).toEqual(corrected.map((day) => day.toData()));
    expect(second.breakdown).toBe(act.breakdown);

    expect(first.status).toBe('SUPERSEDED');
    expect(first.supersededBy).toBe('decl-2');
    expect(first.supersededAt).toEqual(act.at);
    expect(first.days.map((day) => day.toData())).toEqual([
      { date: '2026-11-23', total: '8:00' },
      { date: '2026-11-24', total: '7:15' },
    ]);

    expect(timesheet.status).toBe('APPROVED');
    expect([timesheet.currentDeclarationId, timesheet.declarationCount]).toEqual(['decl-2', 2]);
    expect(timesheet.days.map((day) => day.toData())).toEqual(corrected.map((day) => day.toData()));
  });

  it('corrects a SUBMITTED week: the relation can no longer approve the old version, only the new one', () => {
    const { timesheet, declaration: first } = aSubmittedWeek();
    const second = timesheet.correctByAgency(first, aCorrection(corrected));

    expect([second.number, second.status, timesheet.status]).toEqual([2, 'AWAITING_RELATION', 'SUBMITTED']);
    expectRefused(
      () => timesheet.approveByRelation(first, anAct(RELATION_USER)),
      conflict('DECLARATION_SUPERSEDED', { declarationId: first.id, currentDeclarationId: second.id }),
      [timesheet, first, second],
    );
    timesheet.approveByRelation(second, anAct(RELATION_USER, '2026-12-01T10:00:00Z'));
    expect([timesheet.status, second.status, first.status]).toEqual(['APPROVED', 'APPROVED', 'SUPERSEDED']);
    expect(second.relationApproval).toEqual({ by: RELATION_USER, at: at('2026-12-01T10:00:00Z') });
  });

  it('refuses correcting a version that was already corrected', () => {
    const { timesheet, declaration: first } = anApprovedWeek();
    const second = timesheet.correctByAgency(first, aCorrection(corrected));
    expectRefused(
      () => timesheet.correctByAgency(first, aCorrection(totals(['2026-11-23', '6:00']))),
      conflict('DECLARATION_SUPERSEDED', { declarationId: first.id, currentDeclarationId: second.id }),
      [timesheet, first, second],
    );
    const third = timesheet.correctByAgency(second, aCorrection(totals(['2026-11-23', '6:00'])));
    expect([third.number, third.correction?.previousDeclarationId, second.supersededBy]).toEqual([3, second.id, third.id]);
  });

  it('numbers a correction after every version before it, rejected ones included', () => {
    const { placement, timesheet } = aRejectedWeek();
    timesheet.saveDraft(placement, 'FLEXWORKER', MONDAY_8);
    const second = timesheet.approveByWorker(placement, anApproval(timesheet));
    const third = timesheet.correctByAgency(second, aCorrection(corrected));
    expect([second.number, third.number, timesheet.declarationCount]).toEqual([2, 3, 3]);
  });

  it('gives a PROCESSED week back as APPROVED, so payroll takes the difference', () => {
    const { timesheet, declaration } = anApprovedWeek();
    const processed = Timesheet.rehydrate({ ...timesheet.toState(), status: 'PROCESSED' });
    processed.correctByAgency(declaration, aCorrection(corrected));
    expect(processed.status).toBe('APPROVED');
  });

  it('tells a different day list from the same days', () => {
    const { timesheet, declaration } = anApprovedWeek();
    const fewer = timesheet.correctByAgency(declaration, aCorrection(totals(['2026-11-23', '8:00'])));
    expect(fewer.days).toHaveLength(1);
    const asTimes = timesheet.correctByAgency(fewer, aCorrection([times('2026-11-23', [['08:00', '16:00']])]));
    expect(asTimes.days[0].kind).toBe('TIMES');
  });
});

describe('a refused transition changes nothing', () => {
  type Scenario = [string, () => { run: () => unknown; watched: { toState(): unknown }[] }];
  const scenarios: Scenario[] = [
    ['saveDraft on a SUBMITTED week', () => {
      const w = aSubmittedWeek();
      return { run: () => w.timesheet.saveDraft(w.placement, 'FLEXWORKER', MONDAY_8), watched: [w.timesheet, w.declaration] };
    }],
    ['approveByWorker of a future day', () => {
      const placement = workerPlacement();
      const timesheet = anOpenTimesheet(placement);
      timesheet.saveDraft(placement, 'FLEXWORKER', totals(['2026-11-29', '8:00']));
      return { run: () => timesheet.approveByWorker(placement, anApproval(timesheet)), watched: [timesheet] };
    }],
    ['approveByRelation of an approved week', () => {
      const w = anApprovedWeek();
      return { run: () => w.timesheet.approveByRelation(w.declaration, anAct(RELATION_USER)), watched: [w.timesheet, w.declaration] };
    }],
    ['rejectByRelation without a reason', () => {
      const w = aSubmittedWeek();
      return { run: () => w.timesheet.rejectByRelation(w.declaration, rejection(' ')), watched: [w.timesheet, w.declaration] };
    }],
    ['correctByAgency with the same hours', () => {
      const w = anApprovedWeek();
      return { run: () => w.timesheet.correctByAgency(w.declaration, aCorrection(w.declaration.days)), watched: [w.timesheet, w.declaration] };
    }],
  ];

  it.each(scenarios)('%s', (_, build) => {
    const { run, watched } = build();
    const before = watched.map((w) => structuredClone(w.toState()));
    expect(run).toThrow();
    expect(watched.map((w) => structuredClone(w.toState()))).toEqual(before);
  });

  it('keeps its state when a refusal is caught and the week moves on', () => {
    const { placement, timesheet, declaration } = aSubmittedWeek();
    expect(() => timesheet.rejectByRelation(declaration, rejection(''))).toThrow();
    expect(() => timesheet.saveDraft(placement, 'FLEXWORKER', MONDAY_8)).toThrow();
    timesheet.approveByRelation(declaration, anAct(RELATION_USER));
    expect(timesheet.days).toHaveLength(2);
    expect([timesheet.status, declaration.status]).toEqual(['APPROVED', 'APPROVED']);
  });
});

describe('Timesheet versions and rehydration', () => {
  it('gives a copy with the stored version and rehydrates from its state', () => {
    const { timesheet } = aSubmittedWeek();
    const stored = timesheet.withVersion(4);
    expect([stored.version, timesheet.version]).toEqual([4, 1]);
    const again = Timesheet.rehydrate(stored.toState());
    expect(again.toState()).toEqual(stored.toState());
    expect(again).not.toBe(stored);
  });

  it('does not correct a declaration of another timesheet', () => {
    const other = aSubmittedWeek().declaration;
    const { timesheet } = anApprovedWeek();
    expect(() => timesheet.correctByAgency(other, aCorrection(MONDAY_8))).toThrow('declaration does not belong to this timesheet');
  });
});

describe('Timesheet.showsDraftTo', () => {
  it("keeps a worker's open week from the relation, and shows it to everyone once approved", () => {
    const placement = workerPlacement();
    const open = anOpenTimesheet(placement);
    expect([open.showsDraftTo(placement, 'RELATION'), open.showsDraftTo(placement, 'FLEXWORKER'), open.showsDraftTo(placement, 'AGENCY')]).toEqual([false, true, true]);
    const { timesheet } = aSubmittedWeek();
    expect(timesheet.showsDraftTo(workerPlacement(), 'RELATION')).toBe(true);
    const byRelation = relationPlacement();
    expect(anOpenTimesheet(byRelation).showsDraftTo(byRelation, 'RELATION')).toBe(true);
  });
});
