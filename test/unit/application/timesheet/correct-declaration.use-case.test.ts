import { CorrectDeclaration } from '../../../../src/application/timesheet/correct-declaration.use-case';
import { ApproveTimesheet } from '../../../../src/application/timesheet/enter-hours.use-case';
import { ApproveDeclarations, RejectDeclaration } from '../../../../src/application/timesheet/relation-approval.use-case';
import { ListAuditEntriesOfTimesheets } from '../../../../src/application/timesheet/week-lists.use-case';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../../src/domain/shared/domain-error';
import { Declaration } from '../../../../src/domain/timesheet/declaration.entity';
import { MON_TUE, problemsOf, refusal, WeekWorld } from './week-world';

const CORRECTED = [{ date: '2026-11-23', total: '7:30' }, MON_TUE[1]];
const CORRECTED_AT = new Date('2026-12-01T09:00:00Z');

async function submitted(world: WeekWorld): Promise<Declaration> {
  const week = await world.week(world.pW);
  const result = await new ApproveTimesheet(world.deps).execute(world.worker1, { timesheetId: week.id, expectedVersion: 1, days: MON_TUE, confirm: true });
  world.clock.set(CORRECTED_AT);
  return result.declaration!;
}

/** The version of the declaration's week as stored now: what a client reading it would send back. */
async function versionOf(world: WeekWorld, declaration: Declaration): Promise<number> {
  return (await world.stored(declaration.timesheetId)).version;
}

describe('CorrectDeclaration', () => {
  it('makes a new version with the reason, supersedes the previous one and keeps the week waiting for the relation', async () => {
    const world = await WeekWorld.build();
    const previous = await submitted(world);

    const { declaration: correction, timesheet } = await new CorrectDeclaration(world.deps).execute(world.staff, {
      declarationId: previous.id,
      expectedVersion: await versionOf(world, previous),
      days: CORRECTED,
      reason: ' Monday was 7:30 ',
    });
    expect([timesheet.id, timesheet.status, timesheet.currentDeclarationId]).toEqual([previous.timesheetId, 'SUBMITTED', correction.id]);

    expect(correction.number).toBe(2);
    expect(correction.origin).toBe('CORRECTION');
    expect(correction.status).toBe('AWAITING_RELATION');
    expect(correction.correction).toEqual({ by: 'u-staff', at: CORRECTED_AT, reason: 'Monday was 7:30', previousDeclarationId: previous.id });
    expect(correction.breakdown.workedMinutes).toBe(450 + 435);
    expect(correction.workerApproval).toEqual(previous.workerApproval);

    const old = await world.storedDeclaration(previous.id);
    expect(old.status).toBe('SUPERSEDED');
    expect(old.supersededBy).toBe(correction.id);
    expect(old.supersededAt).toEqual(CORRECTED_AT);
    expect(old.breakdown.workedMinutes).toBe(915);

    const stored = await world.storedDeclaration(correction.id);
    expect(stored.number).toBe(2);
    const week = await world.stored(previous.timesheetId);
    expect(week.status).toBe('SUBMITTED');
    expect(week.currentDeclarationId).toBe(correction.id);
    expect(week.declarationCount).toBe(2);
    expect(week.days.map((d) => d.workedMinutes)).toEqual([450, 435]);

    const approved = await new ApproveDeclarations(world.deps).execute(world.contact1, { declarationIds: [correction.id] });
    expect(approved[0].declaration.status).toBe('APPROVED');
  });

  it('writes an audit entry with who, when, why, and the hours before and after', async () => {
    const world = await WeekWorld.build();
    const previous = await submitted(world);
    const expectedVersion = await versionOf(world, previous);
    const { declaration: correction } = await new CorrectDeclaration(world.deps).execute(world.staff, { declarationId: previous.id, expectedVersion, days: CORRECTED, reason: 'Monday was 7:30' });

    const entries = await world.auditTrail.listBySubject('agency-a', 'TIMESHEET', previous.timesheetId);
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry).toMatchObject({
      agencyId: 'agency-a',
      action: 'DECLARATION_CORRECTED',
      subjectType: 'TIMESHEET',
      subjectId: previous.timesheetId,
      actorId: 'u-staff',
      actorRole: 'AGENCY_STAFF',
      at: CORRECTED_AT,
      reason: 'Monday was 7:30',
    });
    expect(entry.before).toMatchObject({ declarationId: previous.id, number: 1, workedMinutes: 915 });
    expect(entry.after).toMatchObject({ declarationId: correction.id, number: 2, workedMinutes: 885 });
    const minutesOf = (snapshot: unknown) => (snapshot as { totals: { minutes: number }[] }).totals.map((t) => t.minutes);
    expect(minutesOf(entry.before)).toEqual([915]);
    expect(minutesOf(entry.after)).toEqual([885]);
    expect((entry.before as { days: unknown[] }).days).toHaveLength(2);

    expect(await new ListAuditEntriesOfTimesheets(world.deps).execute(world.staff, { timesheetIds: [previous.timesheetId] })).toEqual([entries]);
    expect(await new ListAuditEntriesOfTimesheets(world.deps).execute(world.worker1, { timesheetIds: [previous.timesheetId] })).toEqual([[]]);
  });

  it('keeps a week the relation approved APPROVED; the correction is approved by the agency, not stamped with the relation’s approval', async () => {
    const world = await WeekWorld.build();
    const previous = await submitted(world);
    await new ApproveDeclarations(world.deps).execute(world.contact1, { declarationIds: [previous.id] });
    const expectedVersion = await versionOf(world, previous);
    const { declaration: correction } = await new CorrectDeclaration(world.deps).execute(world.staff, { declarationId: previous.id, expectedVersion, days: CORRECTED, reason: 'Monday was 7:30' });
    expect(correction.status).toBe('APPROVED');
    expect(correction.relationApproval).toBeNull();
    expect(correction.approvedByAgency).toBe(true);
    expect((await world.storedDeclaration(previous.id)).relationApproval?.by).toBe('u-c1');
    expect((await world.stored(previous.timesheetId)).status).toBe('APPROVED');
  });

  it('is for agency staff only', async () => {
    const world = await WeekWorld.build();
    const previous = await submitted(world);
    const expectedVersion = await versionOf(world, previous);
    for (const actor of [world.worker1, world.contact1, world.payroll]) {
      const error = await refusal(new CorrectDeclaration(world.deps).execute(actor, { declarationId: previous.id, expectedVersion, days: CORRECTED, reason: 'x' }));
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(error.reason).toBe('ROLE_NOT_ALLOWED');
    }
    const otherAgency = await refusal(new CorrectDeclaration(world.deps).execute(world.staffB, { declarationId: previous.id, expectedVersion, days: CORRECTED, reason: 'x' }));
    expect(otherAgency).toBeInstanceOf(NotFoundError);
    expect(world.auditTrail.entries).toHaveLength(0);
  });

  it('refuses a correction without a reason, one that changes nothing, and one of a superseded version, writing nothing', async () => {
    const world = await WeekWorld.build();
    const previous = await submitted(world);
    const correct = new CorrectDeclaration(world.deps);
    const expectedVersion = await versionOf(world, previous);
    const before = world.dump();

    const noReason = await refusal(correct.execute(world.staff, { declarationId: previous.id, expectedVersion, days: CORRECTED, reason: ' ' }));
    expect(problemsOf(noReason)).toEqual(['reason:REASON_REQUIRED']);
    const same = await refusal(correct.execute(world.staff, { declarationId: previous.id, expectedVersion, days: MON_TUE, reason: 'typo' }));
    expect(same).toBeInstanceOf(ValidationError);
    expect(problemsOf(same)).toEqual(['days:CORRECTION_CHANGES_NOTHING']);
    const badDays = await refusal(correct.execute(world.staff, { declarationId: previous.id, expectedVersion, days: [{ date: '2026-11-30', total: '1:00' }], reason: 'typo' }));
    expect(problemsOf(badDays)).toEqual(['days[0].date:DAY_OUTSIDE_WEEK']);
    expect(world.dump()).toEqual(before);

    await correct.execute(world.staff, { declarationId: previous.id, expectedVersion, days: CORRECTED, reason: 'Monday was 7:30' });
    const again = await refusal(correct.execute(world.staff, { declarationId: previous.id, expectedVersion: await versionOf(world, previous), days: MON_TUE, reason: 'back' }));
    expect(again).toBeInstanceOf(ConflictError);
    expect(again.reason).toBe('DECLARATION_SUPERSEDED');
    expect(world.auditTrail.entries).toHaveLength(1);
  });

  it('leaves nothing half-written when the audit entry cannot be written', async () => {
    const world = await WeekWorld.build();
    const previous = await submitted(world);
    const expectedVersion = await versionOf(world, previous);
    const before = world.dump();
    world.auditTrail.append = () => Promise.reject(new Error('audit trail unavailable'));
    const attempt = new CorrectDeclaration(world.deps).execute(world.staff, { declarationId: previous.id, expectedVersion, days: CORRECTED, reason: 'Monday was 7:30' });
    await expect(attempt).rejects.toThrow('audit trail unavailable');
    expect(world.dump()).toEqual(before);
    expect((await world.storedDeclaration(previous.id)).status).toBe('AWAITING_RELATION');
    expect((await world.stored(previous.timesheetId)).currentDeclarationId).toBe(previous.id);
  });

  it('refuses the hours of a week that was reopened: they are not approved', async () => {
    const world = await WeekWorld.build();
    const previous = await submitted(world);
    await new RejectDeclaration(world.deps).execute(world.contact1, { declarationId: previous.id, reason: 'Wrong week' });
    const error = await refusal(
      new CorrectDeclaration(world.deps).execute(world.staff, { declarationId: previous.id, expectedVersion: await versionOf(world, previous), days: CORRECTED, reason: 'x' }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.reason).toBe('TIMESHEET_NOT_APPROVED_BY_WORKER');
  });

  it('refuses a correction of the week as it was before the relation approved it: CONFLICT STALE_VERSION, nothing changed', async () => {
    const world = await WeekWorld.build();
    const previous = await submitted(world);
    const read = await versionOf(world, previous);
    await new ApproveDeclarations(world.deps).execute(world.contact1, { declarationIds: [previous.id] });
    const current = await versionOf(world, previous);
    expect(current).toBeGreaterThan(read);
    const before = world.dump();

    const error = await refusal(new CorrectDeclaration(world.deps).execute(world.staff, { declarationId: previous.id, expectedVersion: read, days: CORRECTED, reason: 'Monday was 7:30' }));

    expect(error).toBeInstanceOf(ConflictError);
    expect(error.reason).toBe('STALE_VERSION');
    expect(error.params).toMatchObject({ entity: 'timesheet', expected: read, actual: current, status: 'APPROVED' });
    expect(world.dump()).toEqual(before);
    expect(world.auditTrail.entries).toHaveLength(0);
    expect((await world.stored(previous.timesheetId)).currentDeclarationId).toBe(previous.id);
  });
});
