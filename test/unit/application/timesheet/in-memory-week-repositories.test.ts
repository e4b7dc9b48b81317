import { IsoWeek } from '../../../../src/domain/time/iso-week.value-object';
import { ConflictError } from '../../../../src/domain/shared/domain-error';
import { Declaration } from '../../../../src/domain/timesheet/declaration.entity';
import { Timesheet } from '../../../../src/domain/timesheet/timesheet.entity';
import { FakeUnitOfWork } from '../../../support/fakes/fake-unit-of-work';
import { InMemoryAuditTrailRepository } from '../../../support/fakes/in-memory-audit-trail.repository';
import { InMemoryDeclarationRepository } from '../../../support/fakes/in-memory-declaration.repository';
import { InMemoryTimesheetRepository } from '../../../support/fakes/in-memory-timesheet.repository';
import { aCorrection, anApproval, anOpenTimesheet, aSubmittedWeek, totals, WEEK, workerPlacement } from '../../../support/mothers/timesheet.mother';
import { refusal } from './week-world';

/** The fakes must keep the contract of the ports, or the use-case tests prove nothing. */
describe('InMemoryTimesheetRepository', () => {
  it('inserts a missing week once: a second week of the same placement is left out quietly', async () => {
    const repo = new InMemoryTimesheetRepository();
    const placement = workerPlacement();
    const first = anOpenTimesheet(placement);
    await repo.insertMissing([first, anOpenTimesheet(placement), anOpenTimesheet(placement, WEEK.next())]);
    await repo.insertMissing([anOpenTimesheet(placement)]);
    expect(repo.rows.size).toBe(2);
    expect((await repo.findByPlacementAndWeek('agency-1', placement.id, WEEK))!.id).toBe(first.id);
  });

  it('updates optimistically and keeps what a caller changes to itself until the update', async () => {
    const repo = new InMemoryTimesheetRepository();
    const placement = workerPlacement();
    const timesheet = anOpenTimesheet(placement);
    await repo.insertMissing([timesheet]);
    const read = (await repo.findById('agency-1', timesheet.id))!;
    read.saveDraft(placement, 'FLEXWORKER', totals(['2026-11-23', '8:00']));
    expect((await repo.findById('agency-1', timesheet.id))!.days).toEqual([]);
    const saved = await repo.update(read);
    expect(saved.version).toBe(2);
    const stale = await refusal(repo.update(read));
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.reason).toBe('STALE_VERSION');
    expect(await repo.findById('agency-2', timesheet.id)).toBeNull();
    expect(await repo.findByIds('agency-2', [timesheet.id])).toEqual([]);
  });

  it('filters and orders as the database does', async () => {
    const repo = new InMemoryTimesheetRepository();
    const placement = workerPlacement();
    const weeks = [WEEK, WEEK.previous(), WEEK.next()].map((week) => anOpenTimesheet(placement, week));
    await repo.insertMissing(weeks);
    const all = await repo.listAll('agency-1', {});
    expect(all.map((t) => t.week.toString())).toEqual(['2026-W47', '2026-W48', '2026-W49']);
    expect((await repo.listAll('agency-1', { weekUpTo: WEEK })).map((t) => t.week.toString())).toEqual(['2026-W47', '2026-W48']);
    expect(await repo.listAll('agency-1', { placementIds: [] })).toEqual([]);
    const page = await repo.list('agency-1', {}, { first: 2, after: null });
    expect(page.items.map((t) => t.week.toString())).toEqual(['2026-W49', '2026-W48']);
    const rest = await repo.list('agency-1', {}, { first: 2, after: page.endCursor });
    expect(rest.items.map((t) => t.week.toString())).toEqual(['2026-W47']);
    expect(rest.hasNextPage).toBe(false);
    expect(await refusal(repo.list('agency-1', {}, { first: 2, after: 'fake:x' }))).toMatchObject({ reason: 'CURSOR_INVALID' });
  });
});

describe('InMemoryDeclarationRepository', () => {
  it('refuses a second declaration with the same (timesheet, number) as a conflict', async () => {
    const repo = new InMemoryDeclarationRepository();
    const { declaration } = aSubmittedWeek();
    await repo.insert(declaration);
    const twin = Declaration.rehydrate({ ...declaration.toState(), id: 'another-id' });
    const error = await refusal(repo.insert(twin));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.reason).toBe('STALE_VERSION');
    expect(repo.rows.size).toBe(1);
  });

  it('stores stamps optimistically, never other hours', async () => {
    const repo = new InMemoryDeclarationRepository();
    const { timesheet, declaration } = aSubmittedWeek();
    await repo.insert(declaration);
    const correction = timesheet.correctByAgency(declaration, aCorrection(totals(['2026-11-23', '7:30'])));
    expect((await repo.update(declaration)).version).toBe(2);
    expect((await repo.findById('agency-1', declaration.id))!.status).toBe('SUPERSEDED');
    expect((await refusal(repo.update(declaration))).reason).toBe('STALE_VERSION');
    const changed = Declaration.rehydrate({ ...declaration.toState(), version: 2, days: correction.days });
    await expect(repo.update(changed)).rejects.toThrow('its hours never change');
  });

  it('lists oldest week first, and every version of a timesheet in order', async () => {
    const repo = new InMemoryDeclarationRepository();
    const placement = workerPlacement();
    const timesheets: Timesheet[] = [];
    for (const week of [WEEK.next(), WEEK]) {
      const timesheet = anOpenTimesheet(placement, week);
      timesheet.saveDraft(placement, 'FLEXWORKER', totals([week.monday.toString(), '8:00']));
      await repo.insert(timesheet.approveByWorker(placement, anApproval(timesheet, { today: week.sunday })));
      timesheets.push(timesheet);
    }
    const page = await repo.list('agency-1', {}, { first: 10, after: null });
    expect(page.items.map((d) => d.week.toString())).toEqual(['2026-W48', '2026-W49']);
    expect((await repo.list('agency-1', { week: IsoWeek.parse('2026-W49') }, { first: 10, after: null })).items).toHaveLength(1);
    expect((await repo.listByTimesheets('agency-1', [timesheets[1].id])).map((d) => d.number)).toEqual([1]);
    expect(await repo.listByTimesheet('agency-2', timesheets[1].id)).toEqual([]);
  });
});

describe('FakeUnitOfWork', () => {
  it('puts every store back when the work throws, and keeps what a finished unit wrote', async () => {
    const timesheets = new InMemoryTimesheetRepository();
    const audit = new InMemoryAuditTrailRepository();
    const uow = new FakeUnitOfWork([timesheets, audit]);
    const entry = { id: 'a1', agencyId: 'agency-1', action: 'DECLARATION_CORRECTED', subjectType: 'TIMESHEET', subjectId: 't', actorId: 'u', actorRole: 'AGENCY_STAFF', at: new Date(), reason: null, before: {}, after: {} } as const;
    await uow.run(() => timesheets.insertMissing([anOpenTimesheet(workerPlacement())]));
    const failed = uow.run(async () => {
      await timesheets.insertMissing([anOpenTimesheet(workerPlacement())]);
      await audit.append(entry);
      throw new Error('boom');
    });
    await expect(failed).rejects.toThrow('boom');
    expect(timesheets.rows.size).toBe(1);
    expect(audit.entries).toEqual([]);
    expect({ commits: uow.commits, rollbacks: uow.rollbacks }).toEqual({ commits: 1, rollbacks: 1 });
  });

  it('runs units one after another, and a unit inside a unit joins it', async () => {
    const uow = new FakeUnitOfWork([]);
    const log: string[] = [];
    const unit = (name: string) =>
      uow.run(async () => {
        log.push(`${name} begins`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        await uow.run(async () => log.push(`${name} inner`));
        log.push(`${name} ends`);
      });
    await Promise.all([unit('a'), unit('b')]);
    expect(log).toEqual(['a begins', 'a inner', 'a ends', 'b begins', 'b inner', 'b ends']);
  });
});
