import { ApproveTimesheet, SaveTimesheet } from '../../../../src/application/timesheet/enter-hours.use-case';
import { GetTimesheetForWeek } from '../../../../src/application/timesheet/timesheet-queries.use-case';
import { ConflictError, ValidationError } from '../../../../src/domain/shared/domain-error';
import { Declaration } from '../../../../src/domain/timesheet/declaration.entity';
import { aSubmittedWeek } from '../../../support/mothers/timesheet.mother';
import { MON_TUE, problemsOf, refusal, WeekWorld } from './week-world';
import { TEST_DATE_WINDOW } from '../../../support/mothers/date-window.mother';

const MONDAY_8 = [{ date: '2026-11-23', total: '8:00' }];

describe('ApproveTimesheet', () => {
  it('makes the worker’s week SUBMITTED and inserts a declaration with the breakdown of these days', async () => {
    const world = await WeekWorld.build();
    const week = await world.week(world.pW);
    const result = await new ApproveTimesheet(world.deps).execute(world.worker1, { timesheetId: week.id, expectedVersion: 1, days: MON_TUE, confirm: true });

    expect(result.timesheet.status).toBe('SUBMITTED');
    expect(result.timesheet.workerApproval).toEqual({ by: 'u-w1', at: world.clock.now() });
    expect(result.timesheet.relationApproval).toBeNull();
    const declaration = result.declaration!;
    expect(declaration).not.toBeNull();
    expect(declaration.status).toBe('AWAITING_RELATION');
    expect(declaration.origin).toBe('WORKER');
    expect(declaration.number).toBe(1);
    expect(declaration.breakdown).toEqual(result.breakdown);
    expect(declaration.breakdown.workedMinutes).toBe(915);

    const stored = await world.storedDeclaration(declaration.id);
    expect(stored.breakdown).toEqual(result.breakdown);
    expect(stored.days.map((d) => d.toData())).toEqual(declaration.days.map((d) => d.toData()));
    expect({ timesheetId: stored.timesheetId, flexworkerId: stored.flexworkerId, relationId: stored.relationId, week: stored.week.toString() }).toEqual({
      timesheetId: week.id,
      flexworkerId: 'w1',
      relationId: 'r1',
      week: '2026-W48',
    });
    const timesheet = await world.stored(week.id);
    expect(timesheet.currentDeclarationId).toBe(declaration.id);
    expect(timesheet.declarationCount).toBe(1);
  });

  it('approves the saved draft as it is when no days are sent', async () => {
    const world = await WeekWorld.build();
    const week = await world.week(world.pW);
    await new SaveTimesheet(world.deps).execute(world.worker1, { timesheetId: week.id, expectedVersion: 1, days: MON_TUE });
    const result = await new ApproveTimesheet(world.deps).execute(world.worker1, { timesheetId: week.id, expectedVersion: 2, days: null, confirm: true });
    expect(result.declaration!.days.map((d) => d.date.toString())).toEqual(['2026-11-23', '2026-11-24']);
    expect(result.breakdown.workedMinutes).toBe(915);
  });

  it('reads a saved draft again against the placement as it is now: a draft that no longer fits is refused, nothing stored', async () => {
    const world = await WeekWorld.build();
    const week = await world.week(world.pW2);
    await new SaveTimesheet(world.deps).execute(world.worker2, {
      timesheetId: week.id,
      expectedVersion: 1,
      days: [{ date: '2026-11-23', hours: [{ hourCode: 'H100', hours: '8:00' }] }],
    });
    // Staff move the placement from manual hour codes to the CAO schedule after the draft was saved.
    const placement = (await world.placements.findById('agency-a', 'pW2'))!;
    placement.changeSettings({ caoScheduleId: 'cao-a', hourCodes: null }, TEST_DATE_WINDOW);
    await world.placements.update(placement);
    const before = world.dump();

    const error = await refusal(
      new ApproveTimesheet(world.deps).execute(world.worker2, { timesheetId: week.id, expectedVersion: 2, days: null, confirm: true }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(problemsOf(error)).toEqual(['days[0].hours:ENTRY_MODE_NOT_ALLOWED']);
    expect(world.dump()).toEqual(before);
  });

  it('makes the week APPROVED at once, with both stamps, when the relation enters and approves the hours', async () => {
    const world = await WeekWorld.build();
    const week = await world.week(world.pR);
    const result = await new ApproveTimesheet(world.deps).execute(world.contact1, { timesheetId: week.id, expectedVersion: 1, days: MONDAY_8, confirm: true });

    const stamp = { by: 'u-c1', at: world.clock.now() };
    const timesheet = await world.stored(week.id);
    expect(timesheet.status).toBe('APPROVED');
    expect(timesheet.workerApproval).toEqual(stamp);
    expect(timesheet.relationApproval).toEqual(stamp);
    const declaration = await world.storedDeclaration(result.declaration!.id);
    expect(declaration.status).toBe('APPROVED');
    expect(declaration.origin).toBe('RELATION');
    expect(declaration.workerApproval).toEqual(stamp);
    expect(declaration.relationApproval).toEqual(stamp);
  });

  it('refuses without the confirmation and stores nothing, not even the draft', async () => {
    const world = await WeekWorld.build();
    const week = await world.week(world.pW);
    const before = world.dump();
    const error = await refusal(
      new ApproveTimesheet(world.deps).execute(world.worker1, { timesheetId: week.id, expectedVersion: 1, days: MON_TUE, confirm: false }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(problemsOf(error)).toEqual(['confirm:APPROVAL_CONFIRMATION_REQUIRED']);
    expect(world.dump()).toEqual(before);
    const stored = await world.stored(week.id);
    expect(stored.days).toEqual([]);
    expect(stored.version).toBe(1);
    expect(world.unitOfWork.rollbacks).toBe(1);
  });

  it('refuses hours on a day after today (in the agency’s zone) with DAY_IN_FUTURE, and stores nothing', async () => {
    const world = await WeekWorld.build();
    const week = await world.week(world.pW);
    const before = world.dump();
    const error = await refusal(
      new ApproveTimesheet(world.deps).execute(world.worker1, {
        timesheetId: week.id,
        expectedVersion: 1,
        days: [...MON_TUE, { date: '2026-11-28', total: '4:00' }],
        confirm: true,
      }),
    );
    expect(problemsOf(error)).toEqual(['days[2].date:DAY_IN_FUTURE']);
    expect(error.params).toEqual({ date: '2026-11-28' });
    expect(world.dump()).toEqual(before);
  });

  it('names the day still to come by its place in the request, not in the week’s date order', async () => {
    const world = await WeekWorld.build();
    const week = await world.week(world.pW);
    const error = await refusal(
      new ApproveTimesheet(world.deps).execute(world.worker1, {
        timesheetId: week.id,
        expectedVersion: 1,
        days: [{ date: '2026-11-29', total: '2:00' }, ...MON_TUE],
        confirm: true,
      }),
    );
    expect(problemsOf(error)).toEqual(['days[0].date:DAY_IN_FUTURE']);
  });

  it('takes today in Europe/Amsterdam: at 23:30 UTC on Sunday it is Monday there, so Monday’s hours can be approved', async () => {
    const world = await WeekWorld.build();
    world.clock.set(new Date('2026-11-29T23:30:00Z'));
    // In UTC it is still week 48; in Amsterdam week 49 has begun.
    const week = await new GetTimesheetForWeek(world.deps).execute(world.worker1, { placementId: 'pW', week: '2026-W49' });
    const approve = new ApproveTimesheet(world.deps);

    const tuesday = await refusal(
      approve.execute(world.worker1, { timesheetId: week.id, expectedVersion: 1, days: [{ date: '2026-12-01', total: '1:00' }], confirm: true }),
    );
    expect(problemsOf(tuesday)).toEqual(['days[0].date:DAY_IN_FUTURE']);

    const monday = await approve.execute(world.worker1, { timesheetId: week.id, expectedVersion: 1, days: [{ date: '2026-11-30', total: '0:30' }], confirm: true });
    expect(monday.timesheet.status).toBe('SUBMITTED');
    expect(monday.declaration!.breakdown.workedMinutes).toBe(30);
  });

  it('allows a day still to come with no hours on it', async () => {
    const world = await WeekWorld.build();
    const week = await world.week(world.pW);
    const result = await new ApproveTimesheet(world.deps).execute(world.worker1, {
      timesheetId: week.id,
      expectedVersion: 1,
      days: [...MONDAY_8, { date: '2026-11-29', total: '0:00' }],
      confirm: true,
    });
    expect(result.timesheet.status).toBe('SUBMITTED');
  });

  it('refuses a second approval with TIMESHEET_NOT_EDITABLE, and makes no second declaration', async () => {
    const world = await WeekWorld.build();
    const week = await world.week(world.pW);
    const approve = new ApproveTimesheet(world.deps);
    await approve.execute(world.worker1, { timesheetId: week.id, expectedVersion: 1, days: MONDAY_8, confirm: true });
    const error = await refusal(approve.execute(world.worker1, { timesheetId: week.id, expectedVersion: 2, confirm: true }));
    expect(error.reason).toBe('TIMESHEET_NOT_EDITABLE');
    expect(world.declarations.rows.size).toBe(1);
  });

  it('makes one declaration of two approvals at the same moment: the other is STALE_VERSION', async () => {
    const world = await WeekWorld.build();
    const week = await world.week(world.pW);
    const approve = new ApproveTimesheet(world.deps);
    const outcomes = await Promise.allSettled([
      approve.execute(world.worker1, { timesheetId: week.id, expectedVersion: 1, days: MONDAY_8, confirm: true }),
      approve.execute(world.worker1, { timesheetId: week.id, expectedVersion: 1, days: MON_TUE, confirm: true }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ category: 'CONFLICT', reason: 'STALE_VERSION' });
    expect(world.declarations.rows.size).toBe(1);
    expect((await world.stored(week.id)).days).toHaveLength(1);
  });

  it('undoes the week’s update when its declaration number was taken at the same moment (the unique constraint)', async () => {
    const world = await WeekWorld.build();
    const week = await world.week(world.pW);
    const { declaration } = aSubmittedWeek();
    await world.declarations.insert(Declaration.rehydrate({ ...declaration.toState(), id: 'made-elsewhere', agencyId: 'agency-a', timesheetId: week.id }));
    const before = world.dump();

    const error = await refusal(
      new ApproveTimesheet(world.deps).execute(world.worker1, { timesheetId: week.id, expectedVersion: 1, days: MONDAY_8, confirm: true }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.reason).toBe('STALE_VERSION');
    expect(world.dump()).toEqual(before);
    const stored = await world.stored(week.id);
    expect({ status: stored.status, version: stored.version, days: stored.days.length }).toEqual({ status: 'OPEN', version: 1, days: 0 });
  });

  it('refuses staff, and the worker on a week the relation enters', async () => {
    const world = await WeekWorld.build();
    const week = await world.week(world.pW);
    const relationWeek = await world.week(world.pR);
    const approve = new ApproveTimesheet(world.deps);
    expect((await refusal(approve.execute(world.staff, { timesheetId: week.id, expectedVersion: 1, confirm: true }))).reason).toBe('ROLE_NOT_ALLOWED');
    expect((await refusal(approve.execute(world.worker2, { timesheetId: relationWeek.id, expectedVersion: 1, days: MONDAY_8, confirm: true }))).reason).toBe(
      'HOURS_ENTERED_BY_OTHER_PARTY',
    );
    expect(world.declarations.rows.size).toBe(0);
  });
});
