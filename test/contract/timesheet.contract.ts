import { Placement } from '../../src/domain/placement/placement.entity';
import { IsoWeek } from '../../src/domain/time/iso-week.value-object';
import { Timesheet } from '../../src/domain/timesheet/timesheet.entity';
import { lookupCases, plain, versionCases } from './support/cases';
import { pagingCases } from './support/paging-cases';
import { MakeRepositories, Repositories } from './support/repositories';
import { newId, newPlacementSetting } from './support/seeds';
import { correctWeek, daysOf, decideWeek, openWeek, submitWeek, weekWorld, WeekWorld } from './support/weeks';
import { TIMESHEET_FILTER_CASES } from './timesheet-filter-cases';

const W48 = IsoWeek.parse('2026-W48');
const EARLY = IsoWeek.parse('2000-W01');
const key = (t: Timesheet) => `${t.week.monday}\u0000${t.id}`;
const oldestFirst = (a: Timesheet, b: Timesheet) => (key(a) < key(b) ? -1 : 1);
const ids = (rows: readonly Timesheet[]) => rows.map((t) => t.id);

/**
 * TimesheetRepository: scoped by agency; one week per placement (insertMissing leaves one that is
 * there); optimistic updates; latest week first (list) or oldest first (listAll, listOldestFirst),
 * then id; findByIdForUpdate reads as findById (that it holds the row is shown on the database:
 * test/integration/timesheet/week-row-lock.test.ts). The
 * filters are a table in timesheet-filter-cases.ts; cases of other methods go here.
 */
export function describeTimesheetRepositoryContract(name: string, makeSubject: MakeRepositories): void {
  describe(`TimesheetRepository contract: ${name}`, () => {
    let r: Repositories;
    beforeEach(async () => {
      r = await makeSubject();
    });
    const subject = () => r;

    /** The placement of the rows `seedTwo` made last (to save drafts on them). */
    let seeded: Placement;
    async function seedTwo(repos: Repositories) {
      const { agency, placement } = await newPlacementSetting(repos);
      const other = await newPlacementSetting(repos);
      await openWeek(repos, other.placement, '2026-W48');
      seeded = placement;
      const rows = [await openWeek(repos, placement, '2026-W48', daysOf('2026-W48', 60)), (await submitWeek(repos, placement, '2026-W47')).timesheet] as const;
      return { agencyId: agency.id, otherAgencyId: other.agency.id, rows };
    }
    const saveDraft = (row: Timesheet, extra: number) => row.saveDraft(seeded, 'FLEXWORKER', daysOf(row.week.toString(), extra));

    lookupCases<Timesheet>(subject, {
      seed: seedTwo,
      findById: (repos, agencyId, id) => repos.timesheets.findById(agencyId, id),
      findByIds: (repos, agencyId, list) => repos.timesheets.findByIds(agencyId, list),
      change: (row) => saveDraft(row, 15),
      plain: (row) => plain(row.toState()),
    });

    versionCases<Timesheet>(subject, {
      seed: async (repos) => {
        const { agencyId, otherAgencyId, rows } = await seedTwo(repos);
        return { agencyId, otherAgencyId, row: rows[0] };
      },
      findById: (repos, agencyId, id) => repos.timesheets.findById(agencyId, id),
      update: (repos, row) => repos.timesheets.update(row),
      change: (row, n) => saveDraft(row, 15 * n),
      plain: (row) => plain(row.toState()),
      moveTo: (row, agencyId) => Timesheet.rehydrate({ ...row.toState(), agencyId }),
    });

    it('findWithCurrentDeclaration: the week with the version it names as current (none before the first approval, the correction after one); nothing for another agency, an unknown or a malformed id', async () => {
      const { agency, placement } = await newPlacementSetting(r);
      const open = await openWeek(r, placement, '2026-W48', daysOf('2026-W48', 60));
      const none = await r.timesheets.findWithCurrentDeclaration(agency.id, open.id);
      expect(plain(none!.timesheet.toState())).toEqual(plain((await r.timesheets.findById(agency.id, open.id))!.toState()));
      expect(none!.currentDeclaration).toBeNull();

      const submitted = await submitWeek(r, placement, '2026-W47');
      const first = await r.timesheets.findWithCurrentDeclaration(agency.id, submitted.timesheet.id);
      expect(first!.currentDeclaration?.id).toBe(submitted.declaration.id);
      expect(plain(first!.currentDeclaration!.toState())).toEqual(plain((await r.declarations.findById(agency.id, submitted.declaration.id))!.toState()));
      expect(plain(first!.timesheet.toState())).toEqual(plain((await r.timesheets.findById(agency.id, submitted.timesheet.id))!.toState()));

      const corrected = await correctWeek(r, await decideWeek(r, submitted, new Date('2026-11-30T09:00:00Z')), new Date('2026-12-01T09:00:00Z'));
      const after = await r.timesheets.findWithCurrentDeclaration(agency.id, submitted.timesheet.id);
      expect(after!.currentDeclaration?.id).toBe(corrected.timesheet.currentDeclarationId);
      expect(after!.currentDeclaration?.id).not.toBe(submitted.declaration.id);
      expect(after!.currentDeclaration?.number).toBe(2);

      const other = await newPlacementSetting(r);
      expect(await r.timesheets.findWithCurrentDeclaration(other.agency.id, submitted.timesheet.id)).toBeNull();
      expect(await r.timesheets.findWithCurrentDeclaration(agency.id, newId())).toBeNull();
      expect(await r.timesheets.findWithCurrentDeclaration(agency.id, 'not-a-uuid')).toBeNull();
    });

    it('findByPlacementAndWeek: the week of the placement within the agency; nothing for another week, agency or a malformed id', async () => {
      const { agencyId, otherAgencyId, rows } = await seedTwo(r);
      expect(plain((await r.timesheets.findByPlacementAndWeek(agencyId, seeded.id, W48))!.toState())).toEqual(plain(rows[0].toState()));
      expect(await r.timesheets.findByPlacementAndWeek(agencyId, seeded.id, W48.next())).toBeNull();
      expect(await r.timesheets.findByPlacementAndWeek(otherAgencyId, seeded.id, W48)).toBeNull();
      expect(await r.timesheets.findByPlacementAndWeek(agencyId, 'pA', W48)).toBeNull();
    });

    it('insertMissing stores the weeks not there yet and leaves one that is, as it is; one per (placement, week) in a batch too', async () => {
      const { agency, placement } = await newPlacementSetting(r);
      const first = await openWeek(r, placement, '2026-W48', daysOf('2026-W48'));
      const again = Timesheet.open({ id: newId(), placement, week: W48 });
      const twins = [Timesheet.open({ id: newId(), placement, week: W48.next() }), Timesheet.open({ id: newId(), placement, week: W48.next() })];
      await r.timesheets.insertMissing([again, ...twins]);
      await r.timesheets.insertMissing([]);
      const all = await r.timesheets.listAll(agency.id, {});
      expect(all.map((t) => [t.id, t.week.toString()])).toEqual([
        [first.id, '2026-W48'],
        [twins[0].id, '2026-W49'],
      ]);
      expect(plain(all[0].toState())).toEqual(plain(first.toState()));
      expect(await r.timesheets.findById(agency.id, again.id)).toBeNull();
    });

    it('weeksPresent: `placement/week` of the weeks there, from and up to a week, both included', async () => {
      const w = await weekWorld(r);
      const { pA, pB, pC } = w.placements;
      const present = await r.timesheets.weeksPresent(w.agency.id, [pA.id, pB.id, newId(), 'nope'], EARLY, IsoWeek.parse('2026-W47'));
      expect([...present].sort()).toEqual([`${pA.id}/2026-W46`, `${pA.id}/2026-W47`, `${pB.id}/2026-W46`, `${pB.id}/2026-W47`].sort());
      const fromW47 = await r.timesheets.weeksPresent(w.agency.id, [pA.id, pB.id, pC.id], IsoWeek.parse('2026-W47'), W48);
      expect([...fromW47].sort()).toEqual([`${pA.id}/2026-W47`, `${pA.id}/2026-W48`, `${pB.id}/2026-W47`, `${pB.id}/2026-W48`].sort());
      expect(await r.timesheets.weeksPresent(w.agency.id, [pC.id], EARLY, IsoWeek.parse('2026-W44'))).toEqual(new Set());
      expect(await r.timesheets.weeksPresent(w.agency.id, [pC.id], IsoWeek.parse('2026-W46'), W48)).toEqual(new Set());
      expect(await r.timesheets.weeksPresent(w.agency.id, [], EARLY, W48)).toEqual(new Set());
      expect(await r.timesheets.weeksPresent(newId(), [pA.id], EARLY, W48)).toEqual(new Set());
    });

    it('findByIdForUpdate (inside a unit of work): the week as findById reads it; nothing for another agency, an unknown or a malformed id', async () => {
      const { agencyId, otherAgencyId, rows } = await seedTwo(r);
      await r.unitOfWork.run(async () => {
        for (const row of rows) expect(plain((await r.timesheets.findByIdForUpdate(agencyId, row.id))!.toState())).toEqual(plain(row.toState()));
        expect(await r.timesheets.findByIdForUpdate(otherAgencyId, rows[0].id)).toBeNull();
        expect(await r.timesheets.findByIdForUpdate(agencyId, newId())).toBeNull();
        expect(await r.timesheets.findByIdForUpdate(agencyId, 'week-1')).toBeNull();
      });
    });

    it('findByIdForUpdate hands out a copy: a change is not stored until update', async () => {
      const { agencyId, rows } = await seedTwo(r);
      await r.unitOfWork.run(async () => {
        const locked = (await r.timesheets.findByIdForUpdate(agencyId, rows[0].id))!;
        saveDraft(locked, 45);
        expect(plain((await r.timesheets.findById(agencyId, rows[0].id))!.toState())).toEqual(plain(rows[0].toState()));
      });
    });

    describe('listOldestFirst: paged oldest week first, then by id', () => {
      pagingCases<Timesheet>(subject, {
        seed: async (repos) => {
          const w = await weekWorld(repos);
          return { agencyId: w.agency.id, expected: ids([...w.weeks].sort(oldestFirst)) };
        },
        list: (repos, agencyId, page) => repos.timesheets.listOldestFirst(agencyId, {}, page),
        // A cursor of `list`, which runs the other way, names no place in this one.
        foreignCursor: async (repos) => {
          const w = await weekWorld(repos);
          return (await repos.timesheets.list(w.agency.id, {}, { first: 1, after: null })).endCursor!;
        },
        datePart: 1,
      });
    });

    pagingCases<Timesheet>(subject, {
      seed: async (repos) => {
        const w = await weekWorld(repos);
        return { agencyId: w.agency.id, expected: ids([...w.weeks].sort(oldestFirst).reverse()) };
      },
      list: (repos, agencyId, page) => repos.timesheets.list(agencyId, {}, page),
      foreignCursor: async (repos) => {
        const { agency, placement } = await newPlacementSetting(repos);
        await submitWeek(repos, placement, '2026-W48');
        return (await repos.declarations.list(agency.id, {}, { first: 1, after: null })).endCursor!;
      },
      datePart: 1,
    });

    describe('filters and orders: list latest week first, listAll and listOldestFirst oldest first; weeks of one date by id (W46, W47, W48 have two)', () => {
      let w: WeekWorld;
      beforeAll(async () => {
        w = await weekWorld(await makeSubject());
      });

      for (const c of TIMESHEET_FILTER_CASES) {
        it(`by ${c.name}`, async () => {
          const expected = c.weeks.map((i) => w.weeks[i]).sort(oldestFirst);
          const page = await w.r.timesheets.list(w.agency.id, c.filter(w), { first: 20, after: null });
          expect(ids(page.items)).toEqual(ids(expected).reverse());
          expect(ids(await w.r.timesheets.listAll(w.agency.id, c.filter(w)))).toEqual(ids(expected));
          expect(ids((await w.r.timesheets.listOldestFirst(w.agency.id, c.filter(w), { first: 20, after: null })).items)).toEqual(ids(expected));
        });
      }
    });
  });
}
