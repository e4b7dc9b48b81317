import { pageQuery } from '../../../src/application/shared/pagination';
import { IsoWeek } from '../../../src/domain/time/iso-week.value-object';
import { Timesheet } from '../../../src/domain/timesheet/timesheet.entity';
import { hourCodes, newId, plainTimesheet, statementsOf, TimesheetDatabase, times, total } from './timesheet-database';

const W48 = IsoWeek.parse('2026-W48');

describe('TypeormTimesheetRepository', () => {
  let tdb: TimesheetDatabase;
  beforeAll(async () => {
    tdb = await TimesheetDatabase.open();
  });
  afterAll(() => tdb.close());

  it('round-trips a week of totals, times (night shift, split shift, break times) and hour codes', async () => {
    const { agency, placements } = await tdb.setting();
    const days = [
      total('2026-11-23', '8:00'),
      times('2026-11-24', [['22:00', '06:00']], { duration: '0:30' }),
      times('2026-11-25', [['07:00', '11:00'], ['17:00', '21:00']]),
      times('2026-11-26', [['08:00', '17:00']], { times: [['12:00', '12:30'], ['15:00', '15:15']] }),
      hourCodes('2026-11-27', { H100: '6:00', OW150: '2:15' }),
    ];
    const timesheet = await tdb.openWeek(placements[0][0], '2026-W48', days);

    const read = await tdb.timesheets.findById(agency.id, timesheet.id);
    expect(plainTimesheet(read!)).toEqual(plainTimesheet(timesheet));
    expect(read!.days.map((d) => d.kind)).toEqual(['TOTAL', 'TIMES', 'TIMES', 'TIMES', 'HOUR_CODES']);
    expect(read!.days.map((d) => d.workedMinutes)).toEqual([480, 450, 480, 495, 495]);
    expect(read!.days.every((d, i) => d.equals(days[i]))).toBe(true);
    const byWeek = await tdb.timesheets.findByPlacementAndWeek(agency.id, placements[0][0].id, W48);
    expect(byWeek?.id).toBe(timesheet.id);
    expect(await tdb.timesheets.findByPlacementAndWeek(agency.id, placements[0][0].id, W48.next())).toBeNull();
  });

  it('round-trips a submitted week and a rejected one with their stamps', async () => {
    const { agency, placements } = await tdb.setting();
    const placement = placements[0][0];
    const week = await tdb.openWeek(placement, '2026-W47', [total('2026-11-16', '8:00')]);
    const { timesheet: submitted, declaration } = await tdb.approveByWorker(placement, week);
    expect(plainTimesheet((await tdb.timesheets.findById(agency.id, week.id))!)).toEqual(plainTimesheet(submitted));
    expect(submitted.version).toBe(2);

    submitted.rejectByRelation(declaration, { by: newId(), at: new Date('2026-11-30T09:15:00Z'), reason: 'Maandag\nwas een vrije dag' });
    const rejected = await tdb.db.run(async () => {
      const saved = await tdb.timesheets.update(submitted);
      await tdb.declarations.update(declaration);
      return saved;
    });
    const read = (await tdb.timesheets.findById(agency.id, week.id))!;
    expect(plainTimesheet(read)).toEqual(plainTimesheet(rejected));
    expect(read.status).toBe('OPEN');
    expect(read.rejection).toEqual({ reason: 'Maandag\nwas een vrije dag', by: rejected.rejection!.by, at: new Date('2026-11-30T09:15:00Z') });
    expect(read.currentDeclarationId).toBe(declaration.id);
  });

  it('inserts missing weeks only: twice is the same as once, a concurrent creation wins quietly', async () => {
    const { agency, placements } = await tdb.setting();
    const p = placements[0][0];
    const first = [Timesheet.open({ id: newId(), placement: p, week: W48 }), Timesheet.open({ id: newId(), placement: p, week: W48.previous() })];
    await tdb.timesheets.insertMissing(first);
    const again = [
      Timesheet.open({ id: newId(), placement: p, week: W48 }),
      Timesheet.open({ id: first[1].id, placement: p, week: W48.previous() }),
      Timesheet.open({ id: newId(), placement: p, week: W48.next() }),
    ];
    await tdb.timesheets.insertMissing(again);
    await tdb.timesheets.insertMissing([]);
    const all = await tdb.timesheets.listAll(agency.id, { placementIds: [p.id] });
    expect(all.map((t) => [t.week.toString(), t.id])).toEqual([
      ['2026-W47', first[1].id],
      ['2026-W48', first[0].id],
      ['2026-W49', again[2].id],
    ]);
    expect(all.every((t) => t.version === 1 && t.status === 'OPEN')).toBe(true);
    expect(await tdb.timesheets.weeksPresent(agency.id, [p.id, 'x'], W48.previous(), W48)).toEqual(new Set([`${p.id}/2026-W47`, `${p.id}/2026-W48`]));
    expect(await tdb.timesheets.weeksPresent(agency.id, [], W48.previous(), W48)).toEqual(new Set());
    expect(await tdb.timesheets.weeksPresent(newId(), [p.id], W48.previous(), W48)).toEqual(new Set());
  });

  it('updates optimistically: a stale version is STALE_VERSION and changes nothing', async () => {
    const { agency, placements } = await tdb.setting();
    const p = placements[0][0];
    const timesheet = await tdb.openWeek(p, '2026-W48');
    const mine = (await tdb.timesheets.findById(agency.id, timesheet.id))!;
    const theirs = (await tdb.timesheets.findById(agency.id, timesheet.id))!;
    mine.saveDraft(p, 'FLEXWORKER', [total('2026-11-23', '8:00')]);
    expect((await tdb.timesheets.update(mine)).version).toBe(2);
    theirs.saveDraft(p, 'FLEXWORKER', [total('2026-11-24', '4:00')]);
    await expect(tdb.timesheets.update(theirs)).rejects.toMatchObject({ category: 'CONFLICT', reason: 'STALE_VERSION' });
    const read = (await tdb.timesheets.findById(agency.id, timesheet.id))!;
    expect(read.version).toBe(2);
    expect(read.days.map((d) => d.toData())).toEqual([{ date: '2026-11-23', total: '8:00' }]);
  });

  it('refuses a current declaration that is never written (deferred key, checked at commit)', async () => {
    const { agency, placements } = await tdb.setting();
    const p = placements[0][0];
    const week = await tdb.openWeek(p, '2026-W48', [total('2026-11-23', '8:00')]);
    week.approveByWorker(p, { by: newId(), at: new Date(), declarationId: newId(), confirmed: true, today: week.week.sunday, breakdown: { days: [], totals: [], workedMinutes: 480, schedule: null } });
    await expect(tdb.db.run(() => tdb.timesheets.update(week))).rejects.toThrow(/timesheets_current_declaration_fkey/);
    expect((await tdb.timesheets.findById(agency.id, week.id))!.status).toBe('OPEN');
  });

  it('keeps the status and the stamps consistent in the database', async () => {
    const { agency, placements } = await tdb.setting();
    const week = await tdb.openWeek(placements[0][0], '2026-W48');
    const set = (assignments: string) => tdb.sql(`UPDATE timesheets SET ${assignments} WHERE agency_id = $1 AND id = $2`, [agency.id, week.id]);
    await expect(set(`status = 'SUBMITTED'`)).rejects.toThrow(/timesheets_status_stamps_check/);
    await expect(set(`rejected_at = now()`)).rejects.toThrow(/timesheets_rejection_check/);
    await expect(set(`week_start = '2026-11-24'`)).rejects.toThrow(/timesheets_week_start_check/);
    await expect(set(`week = '2026-W49'`)).rejects.toThrow(/timesheets_week_start_check/);
    await expect(set(`status = 'DONE'`)).rejects.toThrow(/check/);
    const otherAgencys = (await tdb.setting()).placements[0][0];
    await expect(set(`placement_id = '${otherAgencys.id}'`)).rejects.toThrow(/timesheets_placement_fkey/);
  });

  it('lists latest week first across pages, and filters by week, status, relation, worker, placements, weeks up to, relation approval since', async () => {
    const { agency, relations, workers, placements } = await tdb.setting();
    const made: Timesheet[] = [];
    for (const [w, r, week] of [
      [0, 0, '2026-W45'],
      [0, 0, '2026-W46'],
      [0, 1, '2026-W46'],
      [1, 0, '2026-W46'],
      [1, 1, '2026-W47'],
      [0, 0, '2026-W48'],
    ] as const) {
      made.push(await tdb.openWeek(placements[w][r], week, [total(IsoWeek.parse(week).monday.toString(), '8:00')]));
    }
    // Week 45 of worker 0 at relation 0: approved by the worker and by the relation long ago; week 46 submitted.
    const approved = await tdb.approveByWorker(placements[0][0], made[0], new Date('2026-11-10T10:00:00Z'));
    approved.timesheet.approveByRelation(approved.declaration, { by: newId(), at: new Date('2026-11-11T10:00:00Z') });
    await tdb.db.run(async () => {
      await tdb.timesheets.update(approved.timesheet);
      await tdb.declarations.update(approved.declaration);
    });
    await tdb.approveByWorker(placements[0][0], made[1]);

    const seen: Timesheet[] = [];
    let after: string | null = null;
    do {
      const page = await tdb.timesheets.list(agency.id, {}, pageQuery({ first: 2, after }));
      expect(page.cursors).toHaveLength(page.items.length);
      seen.push(...page.items);
      after = page.hasNextPage ? page.endCursor : null;
    } while (after);
    expect(seen.map((t) => t.week.toString())).toEqual(['2026-W48', '2026-W47', '2026-W46', '2026-W46', '2026-W46', '2026-W45']);
    expect(new Set(seen.map((t) => t.id)).size).toBe(6);
    const w46 = seen.slice(2, 5).map((t) => t.id);
    expect(w46).toEqual([...w46].sort().reverse());

    const index = (list: readonly Timesheet[]) => list.map((t) => made.findIndex((m) => m.id === t.id)).sort();
    const listed = async (filter: Parameters<typeof tdb.timesheets.list>[1]) => index((await tdb.timesheets.list(agency.id, filter, pageQuery())).items);
    expect(await listed({ week: IsoWeek.parse('2026-W46') })).toEqual([1, 2, 3]);
    expect(await listed({ statuses: ['SUBMITTED', 'APPROVED'] })).toEqual([0, 1]);
    expect(await listed({ statuses: ['OPEN'], relationId: relations[0].id })).toEqual([3, 5]);
    expect(await listed({ flexworkerId: workers[1].id })).toEqual([3, 4]);
    expect(await listed({ placementIds: [placements[0][1].id, placements[1][1].id, 'x'] })).toEqual([2, 4]);
    expect(await listed({ placementIds: [] })).toEqual([]);
    expect(await listed({ weekUpTo: IsoWeek.parse('2026-W46') })).toEqual([0, 1, 2, 3]);
    expect(await listed({ flexworkerId: workers[0].id, relationApprovedSince: new Date('2026-11-11T10:00:00Z') })).toEqual([0, 1, 2, 5]);
    expect(await listed({ flexworkerId: workers[0].id, relationApprovedSince: new Date('2026-11-11T10:00:01Z') })).toEqual([1, 2, 5]);
    expect(await listed({ relationId: 'not-a-uuid' })).toEqual([]);
    expect(await listed({ flexworkerId: newId() })).toEqual([]);

    const all = await tdb.timesheets.listAll(agency.id, { flexworkerId: workers[0].id, weekUpTo: IsoWeek.parse('2026-W47'), statuses: ['OPEN', 'SUBMITTED'] });
    const byId = [made[1], made[2]].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(all.map((t) => t.id)).toEqual(byId.map((t) => t.id));
  });

  it('refuses a cursor of another list or a forged one', async () => {
    const { agency } = await tdb.setting();
    await expect(tdb.timesheets.list(agency.id, {}, { first: 5, after: 'garbage' })).rejects.toMatchObject({ reason: 'CURSOR_INVALID' });
    const declarationsCursor = Buffer.from(JSON.stringify(['declarations', '2026-11-23', newId()])).toString('base64url');
    await expect(tdb.timesheets.list(agency.id, {}, { first: 5, after: declarationsCursor })).rejects.toMatchObject({ reason: 'CURSOR_INVALID' });
    const notADate = Buffer.from(JSON.stringify(['timesheets', 'x', newId()])).toString('base64url');
    await expect(tdb.timesheets.list(agency.id, {}, { first: 5, after: notADate })).rejects.toMatchObject({ reason: 'CURSOR_INVALID' });
    // Shaped like a date but none: refused here, before PostgreSQL would fail on it.
    for (const forged of ['9999-99-99', '2026-02-30']) {
      const cursor = Buffer.from(JSON.stringify(['timesheets', forged, newId()])).toString('base64url');
      await expect(tdb.timesheets.list(agency.id, {}, { first: 5, after: cursor })).rejects.toMatchObject({ reason: 'CURSOR_INVALID' });
      const declarations = Buffer.from(JSON.stringify(['declarations', forged, '1', newId()])).toString('base64url');
      await expect(tdb.declarations.list(agency.id, {}, { first: 5, after: declarations })).rejects.toMatchObject({ reason: 'CURSOR_INVALID' });
    }
  });

  it('scopes by agency: an id of another agency, or not a UUID, is not found', async () => {
    const { agency, placements } = await tdb.setting();
    const other = await tdb.org.newAgency();
    const timesheet = await tdb.openWeek(placements[0][0], '2026-W48');
    expect(await tdb.timesheets.findById(other.id, timesheet.id)).toBeNull();
    expect(await tdb.timesheets.findById(agency.id, 'not-a-uuid')).toBeNull();
    expect(await tdb.timesheets.findById('not-a-uuid', timesheet.id)).toBeNull();
    expect(await tdb.timesheets.findByIds(other.id, [timesheet.id])).toEqual([]);
    expect(await tdb.timesheets.findByPlacementAndWeek(other.id, placements[0][0].id, W48)).toBeNull();
    expect(await tdb.timesheets.findByPlacementAndWeek(agency.id, 'x', W48)).toBeNull();
    expect((await tdb.timesheets.list(other.id, {}, pageQuery())).items).toEqual([]);
    expect(await tdb.timesheets.listAll(other.id, {})).toEqual([]);
    const stolen = Timesheet.rehydrate({ ...timesheet.toState(), agencyId: other.id });
    await expect(tdb.timesheets.update(stolen)).rejects.toMatchObject({ reason: 'STALE_VERSION' });
  });

  it('reads any number of timesheets by id in one query', async () => {
    const { agency, placements } = await tdb.setting();
    const made: Timesheet[] = [];
    let week = IsoWeek.parse('2026-W10');
    for (let i = 0; i < 30; i++, week = week.next()) made.push(Timesheet.open({ id: newId(), placement: placements[i % 2][0], week }));
    await tdb.timesheets.insertMissing(made);
    for (const ids of [made.slice(0, 3).map((t) => t.id), [...made.map((t) => t.id), 'x', newId()]]) {
      let found: Timesheet[] = [];
      const statements = await statementsOf(tdb, async () => {
        found = await tdb.timesheets.findByIds(agency.id, ids);
      });
      expect(statements).toHaveLength(1);
      expect(found.map((t) => t.id).sort()).toEqual(ids.filter((id) => made.some((t) => t.id === id)).sort());
    }
  });
});
