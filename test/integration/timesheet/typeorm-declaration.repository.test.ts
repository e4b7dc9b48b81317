import { pageQuery } from '../../../src/application/shared/pagination';
import { IsoWeek } from '../../../src/domain/time/iso-week.value-object';
import { Declaration } from '../../../src/domain/timesheet/declaration.entity';
import { Timesheet } from '../../../src/domain/timesheet/timesheet.entity';
import { hourCodes, manualBreakdown, newId, plainDeclaration, plainTimesheet, Setting, statementsOf, TimesheetDatabase, total } from './timesheet-database';

describe('TypeormDeclarationRepository', () => {
  let tdb: TimesheetDatabase;
  beforeAll(async () => {
    tdb = await TimesheetDatabase.open();
  });
  afterAll(() => tdb.close());

  /** Worker 0 at relation 0 fills in and approves a week of manual hours. */
  async function submitted(s: Setting, week = '2026-W48', worker = 0, relation = 0): Promise<{ timesheet: Timesheet; declaration: Declaration }> {
    const placement = s.placements[worker][relation];
    const monday = IsoWeek.parse(week).monday;
    const days = [hourCodes(monday.toString(), { H100: '8:00' }), hourCodes(monday.plusDays(1).toString(), { H100: '6:00', OW150: '1:30' })];
    return tdb.approveByWorker(placement, await tdb.openWeek(placement, week, days));
  }

  it('round-trips a declaration with its days and breakdown, and each stamp as it is added', async () => {
    const s = await tdb.setting();
    const { timesheet, declaration } = await submitted(s);
    const read = (await tdb.declarations.findById(s.agency.id, declaration.id))!;
    expect(plainDeclaration(read)).toEqual(plainDeclaration(declaration));
    expect(read.status).toBe('AWAITING_RELATION');
    expect(read.breakdown.totals).toEqual([
      { hourCode: 'H100', kind: 'MANUAL', percentage: 100, minutes: 840 },
      { hourCode: 'OW150', kind: 'MANUAL', percentage: 150, minutes: 90 },
    ]);

    timesheet.approveByRelation(read, { by: newId(), at: new Date('2026-11-30T08:00:00Z') });
    const approved = await tdb.db.run(async () => {
      await tdb.timesheets.update(timesheet);
      return tdb.declarations.update(read);
    });
    expect(approved.version).toBe(2);
    const reread = (await tdb.declarations.findById(s.agency.id, declaration.id))!;
    expect(plainDeclaration(reread)).toEqual(plainDeclaration(approved));
    expect(reread.status).toBe('APPROVED');
    expect(reread.relationApproval?.at).toEqual(new Date('2026-11-30T08:00:00Z'));
  });

  it('round-trips a rejection and a correction that supersedes its predecessor, all in one unit of work', async () => {
    const s = await tdb.setting();
    const rejectedWeek = await submitted(s, '2026-W47');
    rejectedWeek.timesheet.rejectByRelation(rejectedWeek.declaration, { by: newId(), at: new Date('2026-11-24T10:00:00Z'), reason: 'Te veel uren' });
    await tdb.db.run(async () => {
      await tdb.timesheets.update(rejectedWeek.timesheet);
      await tdb.declarations.update(rejectedWeek.declaration);
    });
    const rejected = (await tdb.declarations.findById(s.agency.id, rejectedWeek.declaration.id))!;
    expect(rejected.status).toBe('REJECTED');
    expect(rejected.rejection).toEqual({ by: rejectedWeek.declaration.rejection!.by, at: new Date('2026-11-24T10:00:00Z'), reason: 'Te veel uren' });

    const { timesheet, declaration } = await submitted(s, '2026-W48');
    const placement = s.placements[0][0];
    const days = [hourCodes('2026-11-23', { H100: '7:30' })];
    const correction = timesheet.correctByAgency(declaration, {
      by: newId(),
      at: new Date('2026-12-01T09:00:00Z'),
      declarationId: newId(),
      reason: 'Maandag was 7:30',
      days,
      breakdown: manualBreakdown(placement, timesheet, days),
    });
    // The order of the use case: the week first (its current declaration is not written yet), then the stamps, then the new version.
    await tdb.db.run(async () => {
      await tdb.timesheets.update(timesheet);
      await tdb.declarations.update(declaration);
      await tdb.declarations.insert(correction);
    });
    const versions = await tdb.declarations.listByTimesheet(s.agency.id, timesheet.id);
    expect(versions.map((d) => [d.number, d.origin, d.status])).toEqual([
      [1, 'WORKER', 'SUPERSEDED'],
      [2, 'CORRECTION', 'AWAITING_RELATION'],
    ]);
    expect(plainDeclaration(versions[1])).toEqual(plainDeclaration(correction));
    const listed = await tdb.declarations.list(s.agency.id, { timesheetId: timesheet.id }, pageQuery({ first: 1 }));
    const rest = await tdb.declarations.list(s.agency.id, { timesheetId: timesheet.id }, pageQuery({ first: 1, after: listed.endCursor }));
    expect([...listed.items, ...rest.items].map((d) => d.number)).toEqual([1, 2]);
    expect(versions[0].supersededBy).toBe(correction.id);
    expect(versions[1].correction).toEqual({ ...correction.correction, previousDeclarationId: declaration.id });
    const week = (await tdb.timesheets.findById(s.agency.id, timesheet.id))!;
    expect(week.currentDeclarationId).toBe(correction.id);
    expect(week.declarationCount).toBe(2);
    expect(plainTimesheet(week)).toEqual(plainTimesheet(timesheet.withVersion(3)));
  });

  it('refuses a second declaration with the same number of a week as a conflict', async () => {
    const s = await tdb.setting();
    const { declaration } = await submitted(s);
    const twin = Declaration.rehydrate({ ...declaration.toState(), id: newId() });
    await expect(tdb.declarations.insert(twin)).rejects.toMatchObject({ category: 'CONFLICT', reason: 'STALE_VERSION' });
    expect(await tdb.declarations.findById(s.agency.id, twin.id)).toBeNull();
  });

  it('lets one of two approvals of the same week at the same moment win', async () => {
    const s = await tdb.setting();
    const placement = s.placements[0][0];
    const week = await tdb.openWeek(placement, '2026-W48', [total('2026-11-23', '8:00')]);
    const copies = [(await tdb.timesheets.findById(s.agency.id, week.id))!, (await tdb.timesheets.findById(s.agency.id, week.id))!];
    const outcomes = await Promise.allSettled(copies.map((copy) => tdb.approveByWorker(placement, copy)));
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!;
    expect(failure.reason).toMatchObject({ category: 'CONFLICT', reason: 'STALE_VERSION' });
    expect((await tdb.declarations.listByTimesheet(s.agency.id, week.id)).map((d) => d.number)).toEqual([1]);
  });

  it('updates stamps optimistically', async () => {
    const s = await tdb.setting();
    const { timesheet, declaration } = await submitted(s);
    const stale = (await tdb.declarations.findById(s.agency.id, declaration.id))!;
    const staleWeek = Timesheet.rehydrate(timesheet.toState());
    timesheet.approveByRelation(declaration, { by: newId(), at: new Date() });
    expect((await tdb.declarations.update(declaration)).version).toBe(2);
    staleWeek.rejectByRelation(stale, { by: newId(), at: new Date(), reason: 'Niet gewerkt' });
    await expect(tdb.declarations.update(stale)).rejects.toMatchObject({ reason: 'STALE_VERSION' });
    expect((await tdb.declarations.findById(s.agency.id, declaration.id))!.status).toBe('APPROVED');
  });

  it('has the database keep the hours of a declaration and refuse to delete it', async () => {
    const s = await tdb.setting();
    const { declaration } = await submitted(s);
    const set = (assignments: string) => tdb.sql(`UPDATE declarations SET ${assignments} WHERE id = $1`, [declaration.id]);
    await expect(set(`days = '[]'`)).rejects.toThrow(/never change/);
    await expect(set(`breakdown = jsonb_set(breakdown, '{workedMinutes}', '1')`)).rejects.toThrow(/never change/);
    await expect(set(`number = 7`)).rejects.toThrow(/never change/);
    await expect(set(`origin = 'RELATION', relation_approved_at = now(), relation_approved_by = worker_approved_by, status = 'APPROVED'`)).rejects.toThrow(/never change/);
    await expect(set(`worker_approved_at = now()`)).rejects.toThrow(/never change/);
    await expect(set(`week = '2026-W49', week_start = '2026-11-30'`)).rejects.toThrow(/never change/);
    await expect(tdb.sql(`DELETE FROM declarations WHERE id = $1`, [declaration.id])).rejects.toThrow(/never deleted/);
    // A stamp is added once; the status has to follow the stamps.
    await expect(set(`relation_approved_at = now(), relation_approved_by = worker_approved_by`)).rejects.toThrow(/declarations_status_check/);
    await set(`relation_approved_at = now(), relation_approved_by = worker_approved_by, status = 'APPROVED'`);
    await expect(set(`relation_approved_at = now() - interval '1 day'`)).rejects.toThrow(/only once/);
    const read = (await tdb.declarations.findById(s.agency.id, declaration.id))!;
    expect(read.days.map((d) => d.toData())).toEqual(declaration.days.map((d) => d.toData()));
    expect(read.status).toBe('APPROVED');
  });

  it('lists oldest week first (then by timesheet) across pages and filters by week, status, relation, worker and timesheet', async () => {
    const s = await tdb.setting();
    const made: Declaration[] = [];
    for (const [w, r, week] of [
      [0, 0, '2026-W46'],
      [0, 1, '2026-W45'],
      [1, 0, '2026-W46'],
      [1, 1, '2026-W47'],
      [0, 0, '2026-W47'],
    ] as const) {
      made.push((await submitted(s, week, w, r)).declaration);
    }
    const approvedWeek = (await tdb.timesheets.findById(s.agency.id, made[1].timesheetId))!;
    approvedWeek.approveByRelation(made[1], { by: newId(), at: new Date() });
    await tdb.db.run(async () => {
      await tdb.timesheets.update(approvedWeek);
      await tdb.declarations.update(made[1]);
    });

    const seen: Declaration[] = [];
    let after: string | null = null;
    do {
      const page = await tdb.declarations.list(s.agency.id, {}, pageQuery({ first: 2, after }));
      seen.push(...page.items);
      after = page.hasNextPage ? page.endCursor : null;
    } while (after);
    expect(seen.map((d) => d.week.toString())).toEqual(['2026-W45', '2026-W46', '2026-W46', '2026-W47', '2026-W47']);
    expect(new Set(seen.map((d) => d.id)).size).toBe(5);
    expect(seen[1].timesheetId < seen[2].timesheetId).toBe(true);

    const listed = async (filter: Parameters<typeof tdb.declarations.list>[1]) =>
      (await tdb.declarations.list(s.agency.id, filter, pageQuery())).items.map((d) => made.findIndex((m) => m.id === d.id)).sort();
    expect(await listed({ week: IsoWeek.parse('2026-W46') })).toEqual([0, 2]);
    expect(await listed({ statuses: ['APPROVED'] })).toEqual([1]);
    expect(await listed({ statuses: ['AWAITING_RELATION'], relationId: s.relations[0].id })).toEqual([0, 2, 4]);
    expect(await listed({ flexworkerId: s.workers[1].id })).toEqual([2, 3]);
    expect(await listed({ timesheetId: made[3].timesheetId })).toEqual([3]);
    expect(await listed({ timesheetId: 'x' })).toEqual([]);
    expect(await listed({ relationId: newId() })).toEqual([]);
  });

  it('scopes by agency and reads the declarations of any number of weeks in one query', async () => {
    const s = await tdb.setting();
    const other = await tdb.org.newAgency();
    const weeks = [];
    for (const week of ['2026-W45', '2026-W46', '2026-W47']) weeks.push(await submitted(s, week));
    const ids = weeks.map((w) => w.declaration.id);
    const timesheetIds = weeks.map((w) => w.timesheet.id);

    expect(await tdb.declarations.findById(other.id, ids[0])).toBeNull();
    expect(await tdb.declarations.findById(s.agency.id, 'not-a-uuid')).toBeNull();
    expect(await tdb.declarations.findByIds(other.id, ids)).toEqual([]);
    expect(await tdb.declarations.listByTimesheet(other.id, timesheetIds[0])).toEqual([]);
    expect(await tdb.declarations.listByTimesheets(other.id, timesheetIds)).toEqual([]);
    expect((await tdb.declarations.list(other.id, {}, pageQuery())).items).toEqual([]);
    expect((await tdb.declarations.findByIds(s.agency.id, [...ids, 'x'])).map((d) => d.id).sort()).toEqual([...ids].sort());

    let found: Declaration[] = [];
    const statements = await statementsOf(tdb, async () => {
      found = await tdb.declarations.listByTimesheets(s.agency.id, [...timesheetIds, newId(), 'x']);
    });
    expect(statements).toHaveLength(1);
    expect(found.map((d) => d.timesheetId)).toEqual([...timesheetIds].sort());
  });
});
