import { DeclarationFilter } from '../../src/application/ports/declaration.repository';
import { ConflictError } from '../../src/domain/shared/domain-error';
import { IsoWeek } from '../../src/domain/time/iso-week.value-object';
import { Declaration } from '../../src/domain/timesheet/declaration.entity';
import { lookupCases, plain, refusal, versionCases } from './support/cases';
import { pagingCases } from './support/paging-cases';
import { MakeRepositories, Repositories } from './support/repositories';
import { newId, newPlacementSetting } from './support/seeds';
import { openWeek, submitWeek, weekWorld, WeekWorld } from './support/weeks';

type Name = keyof WeekWorld['declarations'];
const key = (d: Declaration) => `${d.week.monday}\u0000${d.timesheetId}\u0000${String(d.number).padStart(9, '0')}`;
const inListOrder = (a: Declaration, b: Declaration) => (key(a) < key(b) ? -1 : 1);
const ids = (rows: readonly Declaration[]) => rows.map((d) => d.id);

/** The filters of DeclarationRepository.list over the week world (support/weeks.ts), by declaration name. */
const FILTER_CASES: readonly { name: string; filter: (w: WeekWorld) => DeclarationFilter; expect: readonly Name[] }[] = [
  { name: 'nothing: every declaration of the agency', filter: () => ({}), expect: ['d1', 'd2', 'd2b', 'd3', 'd4', 'd7'] },
  { name: 'week', filter: () => ({ week: IsoWeek.parse('2026-W48') }), expect: ['d2', 'd2b', 'd3'] },
  { name: 'statuses', filter: () => ({ statuses: ['AWAITING_RELATION'] }), expect: ['d1', 'd3'] },
  { name: 'statuses of what happened to a version', filter: () => ({ statuses: ['SUPERSEDED', 'REJECTED'] }), expect: ['d2', 'd7'] },
  { name: 'relationId', filter: (w) => ({ relationId: w.relations[1].id }), expect: ['d3', 'd7'] },
  { name: 'flexworkerId', filter: (w) => ({ flexworkerId: w.workers[1].id }), expect: ['d4'] },
  { name: 'timesheetId', filter: (w) => ({ timesheetId: w.weeks[2].id }), expect: ['d2', 'd2b'] },
  { name: 'a timesheetId that is not a UUID (nothing, no error)', filter: () => ({ timesheetId: 't2' }), expect: [] },
  { name: 'a worker and a week together', filter: (w) => ({ flexworkerId: w.workers[0].id, week: IsoWeek.parse('2026-W48') }), expect: ['d2', 'd2b', 'd3'] },
];

/**
 * DeclarationRepository: scoped by agency; UNIQUE (timesheet, number) as a ConflictError; stamps
 * stored optimistically; a timesheet's versions by number; the list oldest week first, then by
 * timesheet and number.
 */
export function describeDeclarationRepositoryContract(name: string, makeSubject: MakeRepositories): void {
  describe(`DeclarationRepository contract: ${name}`, () => {
    let r: Repositories;
    beforeEach(async () => {
      r = await makeSubject();
    });
    const subject = () => r;

    async function seedTwo(repos: Repositories) {
      const { agency, placement } = await newPlacementSetting(repos);
      const other = await newPlacementSetting(repos);
      await submitWeek(repos, other.placement, '2026-W48');
      const rows = [(await submitWeek(repos, placement, '2026-W48')).declaration, (await submitWeek(repos, placement, '2026-W47')).declaration] as const;
      return { agencyId: agency.id, otherAgencyId: other.agency.id, rows };
    }
    const stamp = (n: number) => ({ by: newId(), at: new Date(`2026-12-0${n}T08:00:00.000Z`) });

    lookupCases<Declaration>(subject, {
      seed: seedTwo,
      findById: (repos, agencyId, id) => repos.declarations.findById(agencyId, id),
      findByIds: (repos, agencyId, list) => repos.declarations.findByIds(agencyId, list),
      change: (row) => row.approveByRelation(stamp(1)),
      plain: (row) => plain({ ...row.toState(), status: row.status }),
    });

    versionCases<Declaration>(subject, {
      seed: async (repos) => {
        const { agencyId, otherAgencyId, rows } = await seedTwo(repos);
        return { agencyId, otherAgencyId, row: rows[0] };
      },
      findById: (repos, agencyId, id) => repos.declarations.findById(agencyId, id),
      update: (repos, row) => repos.declarations.update(row),
      change: (row, n) => (n === 1 ? row.approveByRelation(stamp(1)) : row.rejectByRelation({ ...stamp(n), reason: 'Te veel' })),
      plain: (row) => plain({ ...row.toState(), status: row.status }),
      moveTo: (row, agencyId) => Declaration.rehydrate({ ...row.toState(), agencyId }),
    });

    it('refuses a second declaration with the same (timesheet, number): a ConflictError, and the first stays', async () => {
      const { agencyId, rows } = await seedTwo(r);
      const twin = Declaration.rehydrate({ ...rows[0].toState(), id: newId() });
      const error = await refusal(r.declarations.insert(twin));
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.reason).toBe('STALE_VERSION');
      expect(ids(await r.declarations.listByTimesheet(agencyId, rows[0].timesheetId))).toEqual([rows[0].id]);
    });

    it("listByTimesheet: a timesheet's versions, number 1 first; nothing under another agency or for a malformed id", async () => {
      const w = await weekWorld(r);
      const { d2, d2b } = w.declarations;
      expect(ids(await r.declarations.listByTimesheet(w.agency.id, d2.timesheetId))).toEqual([d2.id, d2b.id]);
      expect(await r.declarations.listByTimesheet(newId(), d2.timesheetId)).toEqual([]);
      expect(await r.declarations.listByTimesheet(w.agency.id, 't2')).toEqual([]);
      expect(await r.declarations.listByTimesheet(w.agency.id, (await openWeek(r, w.placements.pC, '2026-W50')).id)).toEqual([]);
    });

    it("listByTimesheets: every version of the timesheets asked, each timesheet's by number", async () => {
      const w = await weekWorld(r);
      const { d1, d2, d2b, d4 } = w.declarations;
      const found = await r.declarations.listByTimesheets(w.agency.id, [d2.timesheetId, d1.timesheetId, d4.timesheetId, newId(), 'nope']);
      expect(ids(found).sort()).toEqual(ids([d1, d2, d2b, d4]).sort());
      expect(ids(found.filter((d) => d.timesheetId === d2.timesheetId))).toEqual([d2.id, d2b.id]);
      expect(await r.declarations.listByTimesheets(w.agency.id, [])).toEqual([]);
    });

    pagingCases<Declaration>(subject, {
      seed: async (repos) => {
        const w = await weekWorld(repos);
        return { agencyId: w.agency.id, expected: ids(Object.values(w.declarations).sort(inListOrder)) };
      },
      list: (repos, agencyId, page) => repos.declarations.list(agencyId, {}, page),
      foreignCursor: async (repos) => {
        const { agency, placement } = await newPlacementSetting(repos);
        await openWeek(repos, placement, '2026-W48');
        return (await repos.timesheets.list(agency.id, {}, { first: 1, after: null })).endCursor!;
      },
      datePart: 1,
    });

    describe('filters and order: oldest week first, then by timesheet, a timesheet’s versions by number', () => {
      let w: WeekWorld;
      beforeAll(async () => {
        w = await weekWorld(await makeSubject());
      });
      for (const c of FILTER_CASES) {
        it(`by ${c.name}`, async () => {
          const expected = c.expect.map((n) => w.declarations[n]).sort(inListOrder);
          expect(ids((await w.r.declarations.list(w.agency.id, c.filter(w), { first: 20, after: null })).items)).toEqual(ids(expected));
        });
      }
    });
  });
}
