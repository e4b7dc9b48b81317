import { CorrectDeclaration } from '../../../../src/application/timesheet/correct-declaration.use-case';
import { ApproveTimesheet, SaveTimesheet } from '../../../../src/application/timesheet/enter-hours.use-case';
import { ApproveDeclarations, MAX_DECLARATIONS_PER_APPROVAL, RejectDeclaration } from '../../../../src/application/timesheet/relation-approval.use-case';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../../src/domain/shared/domain-error';
import { Declaration } from '../../../../src/domain/timesheet/declaration.entity';
import { MON_TUE, problemsOf, refusal, WeekWorld } from './week-world';

/** The worker's weeks 47 and 48 of placement pW (at r1), approved by the worker: waiting for the relation. */
async function twoSubmittedWeeks(world: WeekWorld): Promise<[Declaration, Declaration]> {
  const approve = new ApproveTimesheet(world.deps);
  const submit = async (week: string, date: string) => {
    const timesheet = await world.week(world.pW, week);
    const result = await approve.execute(world.worker1, { timesheetId: timesheet.id, expectedVersion: 1, days: [{ date, total: '8:00' }], confirm: true });
    return result.declaration!;
  };
  return [await submit('2026-W47', '2026-11-16'), await submit('2026-W48', '2026-11-23')];
}

describe('ApproveDeclarations', () => {
  it('approves every declaration of the batch: each week APPROVED with the relation’s stamp', async () => {
    const world = await WeekWorld.build();
    const [d47, d48] = await twoSubmittedWeeks(world);
    world.clock.set(new Date('2026-11-30T08:00:00Z'));

    const approved = await new ApproveDeclarations(world.deps).execute(world.contact1, { declarationIds: [d47.id, d48.id, d47.id] });

    const stamp = { by: 'u-c1', at: new Date('2026-11-30T08:00:00Z') };
    expect(approved.map((d) => [d.declaration.id, d.declaration.status])).toEqual([[d47.id, 'APPROVED'], [d48.id, 'APPROVED']]);
    // What each decision changed, for the payload's list updates: both were waiting, both weeks were SUBMITTED.
    expect(approved.map((d) => [d.declarationStatusBefore, d.timesheetStatusBefore, d.timesheet.id, d.timesheet.status])).toEqual([
      ['AWAITING_RELATION', 'SUBMITTED', d47.timesheetId, 'APPROVED'],
      ['AWAITING_RELATION', 'SUBMITTED', d48.timesheetId, 'APPROVED'],
    ]);
    for (const d of [d47, d48]) {
      const declaration = await world.storedDeclaration(d.id);
      expect(declaration.status).toBe('APPROVED');
      expect(declaration.relationApproval).toEqual(stamp);
      const timesheet = await world.stored(d.timesheetId);
      expect(timesheet.status).toBe('APPROVED');
      expect(timesheet.relationApproval).toEqual(stamp);
      expect(timesheet.workerApproval?.by).toBe('u-w1');
    }
  });

  it('approves all or none: a superseded second declaration refuses the batch with CONFLICT naming it, and the first stays waiting', async () => {
    const world = await WeekWorld.build();
    const [d47, d48] = await twoSubmittedWeeks(world);
    const expectedVersion = (await world.stored(d48.timesheetId)).version;
    await new CorrectDeclaration(world.deps).execute(world.staff, { declarationId: d48.id, expectedVersion, days: [{ date: '2026-11-23', total: '7:30' }], reason: 'Monday was 7:30' });
    const before = world.dump();

    const error = await refusal(new ApproveDeclarations(world.deps).execute(world.contact1, { declarationIds: [d47.id, d48.id] }));

    expect(error).toBeInstanceOf(ConflictError);
    expect(error.reason).toBe('DECLARATION_SUPERSEDED');
    expect(error.params).toMatchObject({ declarationId: d48.id });
    expect((await world.storedDeclaration(d47.id)).status).toBe('AWAITING_RELATION');
    expect((await world.stored(d47.timesheetId)).status).toBe('SUBMITTED');
    expect(world.dump()).toEqual(before);
  });

  it('names the declaration that was approved already, also when the domain’s error does not', async () => {
    const world = await WeekWorld.build();
    const [d47, d48] = await twoSubmittedWeeks(world);
    const approve = new ApproveDeclarations(world.deps);
    await approve.execute(world.contact1, { declarationIds: [d47.id] });

    const error = await refusal(approve.execute(world.contact1, { declarationIds: [d48.id, d47.id] }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.reason).toBe('DECLARATION_ALREADY_APPROVED');
    expect(error.params).toEqual({ status: 'APPROVED', declarationId: d47.id });
    expect((await world.storedDeclaration(d48.id)).status).toBe('AWAITING_RELATION');
  });

  it('is for relation contacts only', async () => {
    const world = await WeekWorld.build();
    const [d47] = await twoSubmittedWeeks(world);
    for (const actor of [world.worker1, world.staff, world.payroll]) {
      const error = await refusal(new ApproveDeclarations(world.deps).execute(actor, { declarationIds: [d47.id] }));
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(error.reason).toBe('ROLE_NOT_ALLOWED');
    }
    expect((await world.storedDeclaration(d47.id)).status).toBe('AWAITING_RELATION');
  });

  it('does not find a declaration of another relation (nor an unknown one), and approves none of the batch', async () => {
    const world = await WeekWorld.build();
    const [d47, d48] = await twoSubmittedWeeks(world);
    const other = await refusal(new ApproveDeclarations(world.deps).execute(world.contact2, { declarationIds: [d47.id] }));
    expect(other).toBeInstanceOf(NotFoundError);
    expect(other.params).toEqual({ entity: 'Declaration', id: d47.id });

    const unknown = await refusal(new ApproveDeclarations(world.deps).execute(world.contact1, { declarationIds: [d47.id, 'nope', d48.id] }));
    expect(unknown).toBeInstanceOf(NotFoundError);
    expect(unknown.params).toEqual({ entity: 'Declaration', id: 'nope' });
    expect((await world.storedDeclaration(d47.id)).status).toBe('AWAITING_RELATION');
  });

  it('takes 1 to 100 different ids: none or 101 is DECLARATION_IDS_RANGE, repeats count once', async () => {
    const world = await WeekWorld.build();
    const [d47] = await twoSubmittedWeeks(world);
    const approve = new ApproveDeclarations(world.deps);
    const tooMany = Array.from({ length: MAX_DECLARATIONS_PER_APPROVAL + 1 }, (_, i) => `id-${i}`);
    for (const declarationIds of [[], tooMany]) {
      const error = await refusal(approve.execute(world.contact1, { declarationIds }));
      expect(error).toBeInstanceOf(ValidationError);
      expect(problemsOf(error)).toEqual(['declarationIds:DECLARATION_IDS_RANGE']);
      expect(error.params).toEqual({ min: 1, max: 100 });
    }
    const hundred = await refusal(approve.execute(world.contact1, { declarationIds: tooMany.slice(1) }));
    expect(hundred).toBeInstanceOf(NotFoundError);

    const approved = await approve.execute(world.contact1, { declarationIds: Array(150).fill(d47.id) });
    expect(approved.map((d) => d.declaration.id)).toEqual([d47.id]);
  });

  it('refuses the declaration of a week the relation entered itself: it was approved at once', async () => {
    const world = await WeekWorld.build();
    const week = await world.week(world.pR);
    const entered = await new ApproveTimesheet(world.deps).execute(world.contact1, { timesheetId: week.id, expectedVersion: 1, days: MON_TUE, confirm: true });
    const error = await refusal(new ApproveDeclarations(world.deps).execute(world.contact1, { declarationIds: [entered.declaration!.id] }));
    expect(error.reason).toBe('DECLARATION_ALREADY_APPROVED');
  });
});

describe('RejectDeclaration', () => {
  it('needs a reason: none, or only spaces, is REASON_REQUIRED and changes nothing', async () => {
    const world = await WeekWorld.build();
    const [, d48] = await twoSubmittedWeeks(world);
    const before = world.dump();
    for (const reason of ['', '   \n ']) {
      const error = await refusal(new RejectDeclaration(world.deps).execute(world.contact1, { declarationId: d48.id, reason }));
      expect(error).toBeInstanceOf(ValidationError);
      expect(problemsOf(error)).toEqual(['reason:REASON_REQUIRED']);
    }
    expect(world.dump()).toEqual(before);
  });

  it('reopens the week for the worker, showing the reason, and the next approval makes version 2', async () => {
    const world = await WeekWorld.build();
    const [, d48] = await twoSubmittedWeeks(world);
    world.clock.set(new Date('2026-11-28T09:00:00Z'));

    const rejected = await new RejectDeclaration(world.deps).execute(world.contact1, { declarationId: d48.id, reason: '  Monday was a holiday for us  ' });

    const stamp = { by: 'u-c1', at: new Date('2026-11-28T09:00:00Z') };
    expect(rejected.declaration.status).toBe('REJECTED');
    expect([rejected.declarationStatusBefore, rejected.timesheetStatusBefore, rejected.timesheet.status]).toEqual(['AWAITING_RELATION', 'SUBMITTED', 'OPEN']);
    expect((await world.storedDeclaration(d48.id)).rejection).toEqual({ ...stamp, reason: 'Monday was a holiday for us' });
    const week = await world.stored(d48.timesheetId);
    expect(week.status).toBe('OPEN');
    expect(week.rejection).toEqual({ ...stamp, reason: 'Monday was a holiday for us' });
    expect(week.workerApproval).toBeNull();
    expect(week.days.map((d) => d.date.toString())).toEqual(['2026-11-23']);

    const saved = await new SaveTimesheet(world.deps).execute(world.worker1, { timesheetId: week.id, expectedVersion: week.version, days: MON_TUE.slice(1) });
    const again = await new ApproveTimesheet(world.deps).execute(world.worker1, { timesheetId: week.id, expectedVersion: saved.timesheet.version, confirm: true });
    expect(again.declaration!.number).toBe(2);
    expect(again.timesheet.rejection).toBeNull();
    expect(again.timesheet.currentDeclarationId).toBe(again.declaration!.id);
    expect((await world.storedDeclaration(d48.id)).status).toBe('REJECTED');
  });

  it('is for the contacts of the week’s relation only', async () => {
    const world = await WeekWorld.build();
    const [, d48] = await twoSubmittedWeeks(world);
    expect(await refusal(new RejectDeclaration(world.deps).execute(world.contact2, { declarationId: d48.id, reason: 'no' }))).toBeInstanceOf(NotFoundError);
    const byWorker = await refusal(new RejectDeclaration(world.deps).execute(world.worker1, { declarationId: d48.id, reason: 'no' }));
    expect(byWorker.reason).toBe('ROLE_NOT_ALLOWED');
    expect((await world.storedDeclaration(d48.id)).status).toBe('AWAITING_RELATION');
  });

  it('refuses a declaration that was approved already', async () => {
    const world = await WeekWorld.build();
    const [, d48] = await twoSubmittedWeeks(world);
    await new ApproveDeclarations(world.deps).execute(world.contact1, { declarationIds: [d48.id] });
    const error = await refusal(new RejectDeclaration(world.deps).execute(world.contact1, { declarationId: d48.id, reason: 'too late' }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.reason).toBe('DECLARATION_ALREADY_APPROVED');
    expect((await world.stored(d48.timesheetId)).status).toBe('APPROVED');
  });
});
