import { ApproveTimesheet } from '../../../../src/application/timesheet/enter-hours.use-case';
import { ApproveDeclarations } from '../../../../src/application/timesheet/relation-approval.use-case';
import { ListOpenTimesheets } from '../../../../src/application/timesheet/timesheet-queries.use-case';
import {
  DeclarationStatusOverview, GetDeclaration, GetDeclarationsByIds, ListDeclarations, ListDeclarationsOfTimesheets, ListTimesheets,
} from '../../../../src/application/timesheet/week-lists.use-case';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../../src/domain/shared/domain-error';
import { Declaration } from '../../../../src/domain/timesheet/declaration.entity';
import { Timesheet } from '../../../../src/domain/timesheet/timesheet.entity';
import { problemsOf, refusal, WeekWorld } from './week-world';

const weeksOf = (items: readonly (Timesheet | Declaration)[]) => items.map((t) => `${t.placementId} ${t.week}`);
const DAY = 24 * 3600 * 1000;

/**
 * The weeks of pW (46–48), pR (47–48) and pW2 (48) opened; the worker approved pW 47 and 48 and
 * pW2 48, the relation entered pR 48; the relation approved pW 47 at RELATION_APPROVED_47.
 */
const RELATION_APPROVED_47 = new Date('2026-11-27T12:00:00Z');
async function busyWeeks(world: WeekWorld): Promise<{ declarations: Declaration[] }> {
  await new ListOpenTimesheets(world.deps).execute(world.worker1);
  await new ListOpenTimesheets(world.deps).execute(world.worker2);
  await new ListOpenTimesheets(world.deps).execute(world.contact1);
  const approve = new ApproveTimesheet(world.deps);
  const declarations: Declaration[] = [];
  for (const [actor, placement, week, date] of [
    [world.worker1, world.pW, '2026-W47', '2026-11-17'],
    [world.worker1, world.pW, '2026-W48', '2026-11-24'],
    [world.worker2, world.pW2, '2026-W48', '2026-11-23'],
    [world.contact1, world.pR, '2026-W48', '2026-11-25'],
  ] as const) {
    const timesheet = await world.week(placement, week);
    const days = placement === world.pW2 ? [{ date, hours: [{ hourCode: 'H100', hours: '8:00' }] }] : [{ date, total: '8:00' }];
    declarations.push((await approve.execute(actor, { timesheetId: timesheet.id, expectedVersion: timesheet.version, days, confirm: true })).declaration!);
  }
  world.clock.set(RELATION_APPROVED_47);
  await new ApproveDeclarations(world.deps).execute(world.contact1, { declarationIds: [declarations[0].id] });
  return { declarations };
}

describe('DeclarationStatusOverview', () => {
  it('shows the worker’s weeks, latest first, hiding those the relation approved longer ago than the agency’s visibility period', async () => {
    const world = await WeekWorld.build();
    await busyWeeks(world);
    const overview = new DeclarationStatusOverview(world.deps);

    world.clock.set(new Date(RELATION_APPROVED_47.getTime() + 28 * DAY));
    expect(weeksOf((await overview.execute(world.worker1)).items)).toEqual(['pW 2026-W48', 'pW 2026-W47', 'pW 2026-W46']);

    world.clock.set(new Date(RELATION_APPROVED_47.getTime() + 28 * DAY + 1000));
    const later = await overview.execute(world.worker1);
    expect(weeksOf(later.items)).toEqual(['pW 2026-W48', 'pW 2026-W46']);
    expect(later.items[0].status).toBe('SUBMITTED');

    const staffView = await new ListTimesheets(world.deps).execute(world.staff, { flexworkerId: 'w1' });
    expect(weeksOf(staffView.items)).toEqual(['pW 2026-W48', 'pW 2026-W47', 'pW 2026-W46']);
  });

  it('follows the agency’s visibility period', async () => {
    const world = await WeekWorld.build();
    await busyWeeks(world);
    await world.changeSettings('agency-a', { declarationVisibilityDays: 1 });
    world.clock.set(new Date(RELATION_APPROVED_47.getTime() + 2 * DAY));
    expect(weeksOf((await new DeclarationStatusOverview(world.deps).execute(world.worker1)).items)).toEqual(['pW 2026-W48', 'pW 2026-W46']);
  });

  it('shows a worker only their own weeks, those the relation entered included', async () => {
    const world = await WeekWorld.build();
    await busyWeeks(world);
    const page = await new DeclarationStatusOverview(world.deps).execute(world.worker2);
    expect(weeksOf(page.items).sort()).toEqual(['pR 2026-W47', 'pR 2026-W48', 'pW2 2026-W48']);
  });

  it('is refused with TAB_DISABLED when the agency switched the tab off', async () => {
    const world = await WeekWorld.build();
    await world.changeSettings('agency-a', { enabledTabs: ['PAYSLIPS', 'CONTACT'] });
    const error = await refusal(new DeclarationStatusOverview(world.deps).execute(world.worker1));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error.reason).toBe('TAB_DISABLED');
    expect(error.params).toEqual({ tab: 'DECLARATION_STATUS' });
  });

  it('is for workers only', async () => {
    const world = await WeekWorld.build();
    for (const actor of [world.staff, world.contact1, world.payroll]) {
      const error = await refusal(new DeclarationStatusOverview(world.deps).execute(actor));
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(error.reason).toBe('ROLE_NOT_ALLOWED');
    }
  });
});

describe('DeclarationStatusOverview across clock changes: the visibility period is in calendar days of the agency’s zone', () => {
  const HOUR = 3600 * 1000;

  /** pW's `week` (8:00 on `monday`), approved by the worker an hour before the relation approves it at `relationAt`. */
  async function relationApproved(world: WeekWorld, week: string, monday: string, relationAt: string): Promise<void> {
    world.clock.set(new Date(Date.parse(relationAt) - HOUR));
    const timesheet = await world.week(world.pW, week);
    const approved = await new ApproveTimesheet(world.deps).execute(world.worker1, {
      timesheetId: timesheet.id, expectedVersion: timesheet.version, days: [{ date: monday, total: '8:00' }], confirm: true,
    });
    world.clock.set(new Date(relationAt));
    await new ApproveDeclarations(world.deps).execute(world.contact1, { declarationIds: [approved.declaration!.id] });
  }

  async function shownAt(world: WeekWorld, now: string): Promise<string[]> {
    world.clock.set(new Date(now));
    return weeksOf((await new DeclarationStatusOverview(world.deps).execute(world.worker1)).items);
  }

  it('keeps a week approved Monday 22 March 2027 13:00 (winter time) until Monday 19 April 13:00 summer time, an hour short of 28 × 24 h', async () => {
    const world = await WeekWorld.build();
    await relationApproved(world, '2027-W11', '2027-03-15', '2027-03-22T12:00:00Z');
    expect(await shownAt(world, '2027-04-19T10:59:00Z')).toEqual(['pW 2027-W11']);
    expect(await shownAt(world, '2027-04-19T11:00:00Z')).toEqual(['pW 2027-W11']);
    expect(await shownAt(world, '2027-04-19T11:00:00.001Z')).toEqual([]);
    expect(await shownAt(world, '2027-04-19T11:01:00Z')).toEqual([]);
    // 28 × 24 h would have kept it until 12:00Z, 14:00 on the clock.
    expect(await shownAt(world, '2027-04-19T11:59:00Z')).toEqual([]);
  });

  it('keeps a week approved Monday 18 October 2027 14:00 (summer time) until Monday 15 November 14:00 winter time, an hour over 28 × 24 h', async () => {
    const world = await WeekWorld.build();
    await relationApproved(world, '2027-W41', '2027-10-11', '2027-10-18T12:00:00Z');
    // 28 × 24 h would have hidden it from 12:00Z, 13:00 on the clock.
    expect(await shownAt(world, '2027-11-15T12:30:00Z')).toEqual(['pW 2027-W41']);
    expect(await shownAt(world, '2027-11-15T13:00:00Z')).toEqual(['pW 2027-W41']);
    expect(await shownAt(world, '2027-11-15T13:00:00.001Z')).toEqual([]);
    expect(await shownAt(world, '2027-11-15T13:01:00Z')).toEqual([]);
  });
});

describe('ListTimesheets', () => {
  it('gives a worker who asks for another worker’s weeks an empty page, and their own weeks otherwise', async () => {
    const world = await WeekWorld.build();
    await busyWeeks(world);
    const list = new ListTimesheets(world.deps);
    expect(await list.execute(world.worker1, { flexworkerId: 'w2' })).toEqual({ items: [], cursors: [], hasNextPage: false, endCursor: null });
    expect(weeksOf((await list.execute(world.worker1)).items)).toEqual(['pW 2026-W48', 'pW 2026-W47', 'pW 2026-W46']);
    expect(weeksOf((await list.execute(world.worker1, { flexworkerId: 'w1', relationId: 'r2' })).items)).toEqual([]);
    expect((await list.execute(world.contact1, { relationId: 'r2' })).items).toEqual([]);
    expect((await list.execute(world.contact2)).items.map((t) => t.relationId)).toEqual(['r2']);
    expect((await list.execute(world.staffB)).items).toEqual([]);
  });

  it('lets staff and payroll filter the agency by week and status', async () => {
    const world = await WeekWorld.build();
    await busyWeeks(world);
    const list = new ListTimesheets(world.deps);
    const submitted = await list.execute(world.staff, { week: '2026-W48', statuses: ['SUBMITTED'] });
    expect(weeksOf(submitted.items).sort()).toEqual(['pW 2026-W48', 'pW2 2026-W48']);
    const decided = await list.execute(world.payroll, { statuses: ['APPROVED', 'PROCESSED'] });
    expect(weeksOf(decided.items).sort()).toEqual(['pR 2026-W48', 'pW 2026-W47']);
    const r1 = await list.execute(world.staff, { relationId: 'r1', week: '2026-W47' });
    expect(weeksOf(r1.items).sort()).toEqual(['pR 2026-W47', 'pW 2026-W47']);
  });

  it('refuses an unknown status and a bad week at their paths', async () => {
    const world = await WeekWorld.build();
    const error = await refusal(new ListTimesheets(world.deps).execute(world.staff, { week: '2026-48', statuses: ['OPEN', 'DONE'] }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(problemsOf(error)).toEqual(['week:ISO_WEEK_FORMAT', 'statuses[1]:STATUS_UNKNOWN']);
  });

  it('pages latest week first with opaque cursors that only this list reads', async () => {
    const world = await WeekWorld.build();
    await busyWeeks(world);
    const list = new ListTimesheets(world.deps);
    const all = await list.execute(world.staff, { first: 100 });
    expect(all.items).toHaveLength(6);
    const weeks = all.items.map((t) => t.week.toString());
    expect(weeks).toEqual([...weeks].sort().reverse());

    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages += 1) {
      const page = await list.execute(world.staff, { first: 4, after });
      seen.push(...page.items.map((t) => t.id));
      expect(page.endCursor).toBe(page.cursors[page.cursors.length - 1] ?? null);
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(seen).toEqual(all.items.map((t) => t.id));

    const declarations = await new ListDeclarations(world.deps).execute(world.staff, { first: 1 });
    const foreign = await refusal(list.execute(world.staff, { after: declarations.endCursor }));
    expect(problemsOf(foreign)).toEqual(['after:CURSOR_INVALID']);
    expect(problemsOf(await refusal(list.execute(world.staff, { first: 501 })))).toEqual(['first:PAGE_SIZE_RANGE']);
  });
});

describe('ListDeclarations', () => {
  it('scopes a worker to their own declarations and a contact to its relation’s', async () => {
    const world = await WeekWorld.build();
    await busyWeeks(world);
    const list = new ListDeclarations(world.deps);
    expect((await list.execute(world.worker1, { flexworkerId: 'w2' })).items).toEqual([]);
    expect(weeksOf((await list.execute(world.worker1)).items)).toEqual(['pW 2026-W47', 'pW 2026-W48']);
    expect((await list.execute(world.contact1, { relationId: 'r2' })).items).toEqual([]);
    expect(weeksOf((await list.execute(world.contact2)).items)).toEqual(['pW2 2026-W48']);
  });

  it('shows a contact what waits for its approval, oldest week first', async () => {
    const world = await WeekWorld.build();
    await busyWeeks(world);
    const waiting = await new ListDeclarations(world.deps).execute(world.contact1, { statuses: ['AWAITING_RELATION'] });
    expect(weeksOf(waiting.items)).toEqual(['pW 2026-W48']);
    const all = await new ListDeclarations(world.deps).execute(world.staff, { first: 100 });
    expect(all.items.map((d) => d.week.toString())).toEqual(['2026-W47', '2026-W48', '2026-W48', '2026-W48']);
    const byWeek = await new ListDeclarations(world.deps).execute(world.staff, { week: '2026-W47', statuses: ['APPROVED'] });
    expect(weeksOf(byWeek.items)).toEqual(['pW 2026-W47']);
  });
});

describe('GetDeclaration, GetDeclarationsByIds and ListDeclarationsOfTimesheets', () => {
  it('show a declaration only to those who may see its week', async () => {
    const world = await WeekWorld.build();
    const { declarations } = await busyWeeks(world);
    const [d47] = declarations;
    expect((await new GetDeclaration(world.deps).execute(world.contact1, { id: d47.id })).id).toBe(d47.id);
    for (const actor of [world.worker2, world.contact2, world.staffB]) {
      expect(await refusal(new GetDeclaration(world.deps).execute(actor, { id: d47.id }))).toBeInstanceOf(NotFoundError);
    }
    const byIds = await new GetDeclarationsByIds(world.deps).execute(world.worker2, { ids: [d47.id, declarations[2].id] });
    expect(byIds.map((d) => d?.id ?? null)).toEqual([null, declarations[2].id]);
    const ofWeeks = await new ListDeclarationsOfTimesheets(world.deps).execute(world.worker1, { timesheetIds: [declarations[2].timesheetId, d47.timesheetId] });
    expect(ofWeeks.map((list) => list.map((d) => d.id))).toEqual([[], [d47.id]]);
  });
});
