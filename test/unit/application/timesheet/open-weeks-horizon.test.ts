import { ApproveTimesheet, SaveTimesheet } from '../../../../src/application/timesheet/enter-hours.use-case';
import { RejectDeclaration } from '../../../../src/application/timesheet/relation-approval.use-case';
import { GetDefaultTimesheet, GetTimesheetForWeek, ListOpenTimesheets } from '../../../../src/application/timesheet/timesheet-queries.use-case';
import { NotFoundError, ValidationError } from '../../../../src/domain/shared/domain-error';
import { Timesheet } from '../../../../src/domain/timesheet/timesheet.entity';
import { aPlacement } from '../../../support/mothers/organisation.mother';
import { refusal, WeekWorld } from './week-world';

/*
 * Issue 8, item 8: the blue bar of a placement that started long ago. Weeks are created only from
 * 26 weeks before the current one (2026-W48, so from 2026-W22); the bar is paged; an older week
 * stays in it while it holds days or a declaration. And payroll's key reads weeks, never creates
 * them.
 */
const weeks = (list: readonly Timesheet[]) => list.map((t) => t.week.toString());

/** Worker w3, placed at r1 since Monday 3 January 2000 with a manual hour code, entering the hours. */
async function longAgo(world: WeekWorld) {
  const placement = aPlacement('agency-a', 'w3', 'r1', { id: 'pOld', startDate: '2000-01-03', caoScheduleId: undefined, hourCodes: [{ code: 'H100', percentage: 100 }] });
  await world.placements.insert(placement);
  const worker = { ...world.worker1, id: 'u-w3', flexworkerId: 'w3' };
  return { placement, worker };
}

describe('the blue bar’s horizon and pages', () => {
  it('creates only the weeks from 26 weeks back, not the 1,400 since 2000, and pages them oldest first', async () => {
    const world = await WeekWorld.build();
    const { worker } = await longAgo(world);
    const list = new ListOpenTimesheets(world.deps);

    const first = await list.execute(worker, { first: 20 });
    expect(world.timesheets.insertMissingCalls).toEqual([27]);
    expect(world.timesheets.rows.size).toBe(27);
    expect(weeks(first.items)[0]).toBe('2026-W22');
    expect(first.items).toHaveLength(20);
    expect(first.hasNextPage).toBe(true);

    const second = await list.execute(worker, { first: 20, after: first.endCursor });
    expect(weeks(second.items)).toEqual(['2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(second.hasNextPage).toBe(false);
    // Asking again creates nothing more.
    expect(world.timesheets.insertMissingCalls).toEqual([27]);
  });

  it('takes its horizon from the settings, and 20 weeks a page by default, up to 100', async () => {
    const world = await WeekWorld.build();
    const { worker } = await longAgo(world);
    const page = await new ListOpenTimesheets(world.deps, { horizonWeeks: 2 }).execute(worker);
    expect(weeks(page.items)).toEqual(['2026-W46', '2026-W47', '2026-W48']);
    const error = await refusal(new ListOpenTimesheets(world.deps).execute(worker, { first: 101 }));
    expect(error).toBeInstanceOf(ValidationError);
    expect([error.reason, (error as ValidationError).field]).toEqual(['PAGE_SIZE_RANGE', 'first']);
    expect((await new ListOpenTimesheets(world.deps).execute(worker)).items).toHaveLength(20);
  });

  it('keeps an older week that holds days or a declaration, first; an older untouched one is left out', async () => {
    const world = await WeekWorld.build();
    const { worker } = await longAgo(world);
    const open = new GetTimesheetForWeek(world.deps);
    const drafted = await open.execute(worker, { placementId: 'pOld', week: '2020-W10' });
    await new SaveTimesheet(world.deps).execute(worker, { timesheetId: drafted.id, expectedVersion: 1, days: [{ date: '2020-03-02', hours: [{ hourCode: 'H100', hours: '8:00' }] }] });
    const rejected = await open.execute(worker, { placementId: 'pOld', week: '2021-W05' });
    const submitted = await new ApproveTimesheet(world.deps).execute(worker, { timesheetId: rejected.id, expectedVersion: 1, days: [], confirm: true });
    await new RejectDeclaration(world.deps).execute(world.contact1, { declarationId: submitted.declaration!.id, reason: 'No hours?' });
    await open.execute(worker, { placementId: 'pOld', week: '2020-W11' });

    const page = await new ListOpenTimesheets(world.deps).execute(worker, { first: 3 });
    expect(weeks(page.items)).toEqual(['2020-W10', '2021-W05', '2026-W22']);
  });

  it('lands on last week, also for a placement that started long ago', async () => {
    const world = await WeekWorld.build();
    const { worker } = await longAgo(world);
    const landing = await new GetDefaultTimesheet(world.deps, new ListOpenTimesheets(world.deps)).execute(worker);
    expect(landing?.week.toString()).toBe('2026-W47');
    expect(world.timesheets.rows.size).toBe(27);
  });
});

describe('timesheetForWeek for payroll', () => {
  it('reads a week that exists and creates none: a week nobody opened is NOT_FOUND', async () => {
    const world = await WeekWorld.build();
    const get = new GetTimesheetForWeek(world.deps);
    const error = await refusal(get.execute(world.payroll, { placementId: 'pW', week: '2026-W47' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.params).toEqual({ entity: 'Timesheet', id: 'pW/2026-W47' });
    expect(world.timesheets.rows.size).toBe(0);

    const opened = await get.execute(world.worker1, { placementId: 'pW', week: '2026-W47' });
    expect((await get.execute(world.payroll, { placementId: 'pW', week: '2026-W47' })).id).toBe(opened.id);
    // Staff still open any week of the placement.
    expect((await get.execute(world.staff, { placementId: 'pW', week: '2026-W46' })).status).toBe('OPEN');
    expect(world.timesheets.rows.size).toBe(2);
  });
});
