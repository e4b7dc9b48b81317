import { ApproveTimesheet } from '../../../../src/application/timesheet/enter-hours.use-case';
import {
  GetDefaultTimesheet, GetTimesheet, GetTimesheetForWeek, GetTimesheetsByIds, ListOpenTimesheets,
} from '../../../../src/application/timesheet/timesheet-queries.use-case';
import { Actor } from '../../../../src/application/shared/actor';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../../src/domain/shared/domain-error';
import { Timesheet } from '../../../../src/domain/timesheet/timesheet.entity';
import { aPlacement } from '../../../support/mothers/organisation.mother';
import { problemsOf, refusal, WeekWorld } from './week-world';

const weeksOf = (timesheets: readonly Timesheet[]) => timesheets.map((t) => `${t.placementId} ${t.week}`);

/** The blue bar's first page (up to 100 weeks), as a list. */
async function openWeeks(world: WeekWorld, actor: Actor, input: { placementId?: string } = {}): Promise<Timesheet[]> {
  return [...(await new ListOpenTimesheets(world.deps).execute(actor, { ...input, first: 100 })).items];
}

async function approveWeek(world: WeekWorld, actor: Actor, timesheet: Timesheet): Promise<void> {
  await new ApproveTimesheet(world.deps).execute(actor, { timesheetId: timesheet.id, expectedVersion: timesheet.version, days: [], confirm: true });
}

describe('ListOpenTimesheets', () => {
  it('creates the missing weeks of the worker’s placement from its start to the current week and returns the open ones, oldest first', async () => {
    const world = await WeekWorld.build();
    const open = await openWeeks(world, world.worker1);
    expect(weeksOf(open)).toEqual(['pW 2026-W46', 'pW 2026-W47', 'pW 2026-W48']);
    expect(open.every((t) => t.status === 'OPEN' && t.flexworkerId === 'w1')).toBe(true);
    expect(world.timesheets.rows.size).toBe(3);

    await approveWeek(world, world.worker1, open[1]);
    const again = await openWeeks(world, world.worker1);
    expect(weeksOf(again)).toEqual(['pW 2026-W46', 'pW 2026-W48']);
    expect(world.timesheets.rows.size).toBe(3);
    expect(world.timesheets.insertMissingCalls).toEqual([3]);
  });

  it('leaves out placements where the relation enters the hours, for the worker', async () => {
    const world = await WeekWorld.build();
    const open = await openWeeks(world, world.worker2);
    expect(weeksOf(open)).toEqual(['pW2 2026-W48']);
    expect(await world.timesheets.findByPlacementAndWeek('agency-a', 'pR', open[0].week)).toBeNull();
    expect(await openWeeks(world, world.worker2, { placementId: 'pR' })).toEqual([]);
  });

  it('gives a relation contact the weeks of its placements where the relation enters the hours', async () => {
    const world = await WeekWorld.build();
    expect(weeksOf(await openWeeks(world, world.contact1))).toEqual(['pR 2026-W47', 'pR 2026-W48']);
    expect(await openWeeks(world, world.contact2)).toEqual([]);
  });

  it('stops at the end of an ended placement and starts no week before a placement begins', async () => {
    const world = await WeekWorld.build();
    await world.placements.insert(aPlacement('agency-a', 'w1', 'r2', { id: 'pOld', startDate: '2026-10-07', endDate: '2026-10-13', caoScheduleId: 'cao-a' }));
    await world.placements.insert(aPlacement('agency-a', 'w1', 'r2', { id: 'pNext', startDate: '2026-12-07', caoScheduleId: 'cao-a' }));
    const open = await openWeeks(world, world.worker1);
    expect(weeksOf(open)).toEqual(['pOld 2026-W41', 'pOld 2026-W42', 'pW 2026-W46', 'pW 2026-W47', 'pW 2026-W48']);
    expect(weeksOf(await openWeeks(world, world.worker1, { placementId: 'pW' }))).toEqual(['pW 2026-W46', 'pW 2026-W47', 'pW 2026-W48']);
  });

  it('is for those who enter hours', async () => {
    const world = await WeekWorld.build();
    const error = await refusal(new ListOpenTimesheets(world.deps).execute(world.staff));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error.reason).toBe('ROLE_NOT_ALLOWED');
    expect(world.timesheets.rows.size).toBe(0);
  });
});

describe('GetDefaultTimesheet', () => {
  it('lands on the previous week when it is open', async () => {
    const world = await WeekWorld.build();
    const pick = await new GetDefaultTimesheet(world.deps, new ListOpenTimesheets(world.deps)).execute(world.worker1);
    expect(weeksOf([pick!])).toEqual(['pW 2026-W47']);
  });

  it('else on the oldest open week, else on the current week', async () => {
    const world = await WeekWorld.build();
    const list = new ListOpenTimesheets(world.deps);
    const landing = new GetDefaultTimesheet(world.deps, list);
    const [w46, w47, w48] = (await list.execute(world.worker1)).items;

    await approveWeek(world, world.worker1, w47);
    expect(weeksOf([(await landing.execute(world.worker1))!])).toEqual(['pW 2026-W46']);

    await approveWeek(world, world.worker1, w46);
    expect(weeksOf([(await landing.execute(world.worker1))!])).toEqual(['pW 2026-W48']);

    await approveWeek(world, world.worker1, w48);
    const current = await landing.execute(world.worker1);
    expect(current!.id).toBe(w48.id);
    expect(current!.status).toBe('SUBMITTED');
  });

  it('gives a worker whose only placement is entered by the relation its current week, which the worker cannot edit', async () => {
    const world = await WeekWorld.build();
    const relationEnters = aPlacement('agency-a', 'w3', 'r1', { id: 'pR3', startDate: '2026-11-02', caoScheduleId: 'cao-a', hoursEnteredBy: 'RELATION' });
    await world.placements.insert(relationEnters);
    const worker3: Actor = { ...world.worker1, id: 'u-w3', flexworkerId: 'w3' };
    const landing = new GetDefaultTimesheet(world.deps, new ListOpenTimesheets(world.deps));
    const pick = await landing.execute(worker3);
    expect(weeksOf([pick!])).toEqual(['pR3 2026-W48']);
    expect(pick!.isEditableBy(relationEnters, 'FLEXWORKER')).toBe(false);
    expect(weeksOf([(await landing.execute(world.worker2, { placementId: 'pR' }))!])).toEqual(['pR 2026-W48']);
    // Null only without a running placement (of the one asked for).
    expect(await landing.execute(worker3, { placementId: 'pW' })).toBeNull();
    const nobody: Actor = { ...world.worker1, id: 'u-w9', flexworkerId: 'w9' };
    expect(await landing.execute(nobody)).toBeNull();
  });

  it('gives a relation contact a week of the placements where the relation enters the hours', async () => {
    const world = await WeekWorld.build();
    const pick = await new GetDefaultTimesheet(world.deps, new ListOpenTimesheets(world.deps)).execute(world.contact1);
    expect(weeksOf([pick!])).toEqual(['pR 2026-W47']);
  });
});

describe('GetTimesheetForWeek', () => {
  it('creates the week on first access and returns that same one the second time', async () => {
    const world = await WeekWorld.build();
    const get = new GetTimesheetForWeek(world.deps);
    const first = await get.execute(world.worker1, { placementId: 'pW', week: '2026-W47' });
    expect(first.status).toBe('OPEN');
    expect(first.version).toBe(1);
    expect(weeksOf([first])).toEqual(['pW 2026-W47']);
    const second = await get.execute(world.contact1, { placementId: 'pW', week: '2026-W47' });
    expect(second.id).toBe(first.id);
    expect(world.timesheets.rows.size).toBe(1);
  });

  it('refuses a week still to come with WEEK_IN_FUTURE', async () => {
    const world = await WeekWorld.build();
    const error = await refusal(new GetTimesheetForWeek(world.deps).execute(world.worker1, { placementId: 'pW', week: '2026-W49' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(problemsOf(error)).toEqual(['week:WEEK_IN_FUTURE']);
    expect(error.params).toEqual({ week: '2026-W49', current: '2026-W48' });
    expect(world.timesheets.rows.size).toBe(0);
  });

  it('refuses a week outside the placement’s period with WEEK_OUTSIDE_PLACEMENT, and a week that is no week', async () => {
    const world = await WeekWorld.build();
    const get = new GetTimesheetForWeek(world.deps);
    const before = await refusal(get.execute(world.worker1, { placementId: 'pW', week: '2026-W45' }));
    expect(problemsOf(before)).toEqual(['week:WEEK_OUTSIDE_PLACEMENT']);
    await world.placements.insert(aPlacement('agency-a', 'w1', 'r2', { id: 'pOld', startDate: '2026-10-07', endDate: '2026-10-13', caoScheduleId: 'cao-a' }));
    const after = await refusal(get.execute(world.worker1, { placementId: 'pOld', week: '2026-W43' }));
    expect(problemsOf(after)).toEqual(['week:WEEK_OUTSIDE_PLACEMENT']);
    expect(problemsOf(await refusal(get.execute(world.worker1, { placementId: 'pW', week: '2026-W60' })))).toEqual(['week:ISO_WEEK_INVALID']);
    expect(problemsOf(await refusal(get.execute(world.worker1, { placementId: 'pW', week: '48' })))).toEqual(['week:ISO_WEEK_FORMAT']);
    expect(world.timesheets.rows.size).toBe(0);
  });

  it('does not find a placement the viewer may not see', async () => {
    const world = await WeekWorld.build();
    const get = new GetTimesheetForWeek(world.deps);
    for (const [actor, placementId] of [[world.worker2, 'pW'], [world.contact2, 'pW'], [world.workerB, 'pW'], [world.worker1, 'pB']] as const) {
      const error = await refusal(get.execute(actor, { placementId, week: '2026-W48' }));
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error.params).toEqual({ entity: 'Placement', id: placementId });
    }
    expect(world.timesheets.rows.size).toBe(0);
  });
});

describe('GetTimesheet and GetTimesheetsByIds', () => {
  it('show a week to staff, payroll, its worker and its relation, and to nobody else', async () => {
    const world = await WeekWorld.build();
    const week = await world.week(world.pW);
    const get = new GetTimesheet(world.deps);
    for (const actor of [world.staff, world.payroll, world.worker1, world.contact1]) expect((await get.execute(actor, { id: week.id })).id).toBe(week.id);
    for (const actor of [world.worker2, world.contact2, world.staffB]) expect(await refusal(get.execute(actor, { id: week.id }))).toBeInstanceOf(NotFoundError);
    const other = await world.week(world.pW2);
    const byIds = await new GetTimesheetsByIds(world.deps).execute(world.worker1, { ids: [other.id, week.id, 'nope', week.id] });
    expect(byIds.map((t) => t?.id ?? null)).toEqual([null, week.id, null, week.id]);
  });

  it('withCurrentDeclaration: the week and its current version in one read, to whoever may see the week; none before an approval', async () => {
    const world = await WeekWorld.build();
    const week = await world.week(world.pW);
    const get = new GetTimesheet(world.deps);
    const before = await get.withCurrentDeclaration(world.worker1, { id: week.id });
    expect(before.timesheet.id).toBe(week.id);
    expect(before.currentDeclaration).toBeNull();

    await approveWeek(world, world.worker1, week);
    const stored = await world.stored(week.id);
    for (const actor of [world.staff, world.payroll, world.worker1, world.contact1]) {
      const { timesheet, currentDeclaration } = await get.withCurrentDeclaration(actor, { id: week.id });
      expect(timesheet.version).toBe(stored.version);
      expect(currentDeclaration?.id).toBe(stored.currentDeclarationId);
      expect(currentDeclaration?.toState()).toEqual((await world.storedDeclaration(stored.currentDeclarationId!)).toState());
    }
    for (const actor of [world.worker2, world.contact2, world.staffB]) expect(await refusal(get.withCurrentDeclaration(actor, { id: week.id }))).toBeInstanceOf(NotFoundError);
    expect(await refusal(get.withCurrentDeclaration(world.staff, { id: 'nope' }))).toBeInstanceOf(NotFoundError);
  });
});

