import { RelationFilter } from '../../src/application/ports/relation.repository';
import { Relation } from '../../src/domain/relation/relation.entity';
import { lookupCases, plain, versionCases } from './support/cases';
import { pagingCases } from './support/paging-cases';
import { MakeRepositories, Repositories } from './support/repositories';
import { newAgency, newId, newRelation, newWorker } from './support/seeds';

/** Names whose order needs case-insensitive sorting, with a tie broken by id. */
const NAMES = ['bakkerij Zuid', 'Aannemer', 'Bakkerij zuid', 'cafe 100%', 'Café_Noord', 'BAKKERIJ ZUID'];

/** RelationRepository: scoped by agency; by name (case-insensitive), then id; search, active and ids filters. */
export function describeRelationRepositoryContract(name: string, makeSubject: MakeRepositories): void {
  describe(`RelationRepository contract: ${name}`, () => {
    let r: Repositories;
    beforeEach(async () => {
      r = await makeSubject();
    });
    const subject = () => r;

    async function seedTwo(repos: Repositories) {
      const agency = await newAgency(repos);
      const other = await newAgency(repos);
      await newRelation(repos, other.id);
      const rows = [
        await newRelation(repos, agency.id, { name: 'Bakkerij', contactEmail: 'planning@bakkerij.nl', contactPhone: '+31 20 123 4567' }),
        await newRelation(repos, agency.id, { name: 'Aannemer', chamberOfCommerceNumber: undefined }),
      ] as const;
      return { agencyId: agency.id, otherAgencyId: other.id, rows };
    }

    lookupCases<Relation>(subject, {
      seed: seedTwo,
      findById: (repos, agencyId, id) => repos.relations.findById(agencyId, id),
      findByIds: (repos, agencyId, ids) => repos.relations.findByIds(agencyId, ids),
      change: (row) => row.updateDetails({ name: 'Veranderd' }),
      plain: (row) => plain(row.toState()),
    });

    versionCases<Relation>(subject, {
      seed: async (repos) => {
        const { agencyId, otherAgencyId, rows } = await seedTwo(repos);
        return { agencyId, otherAgencyId, row: rows[0] };
      },
      findById: (repos, agencyId, id) => repos.relations.findById(agencyId, id),
      update: (repos, row) => repos.relations.update(row),
      change: (row, n) => (n === 1 ? row.deactivate() : row.updateDetails({ name: `Hernoemd ${n}` })),
      plain: (row) => plain(row.toState()),
      moveTo: (row, agencyId) => Relation.rehydrate({ ...row.toState(), agencyId }),
    });

    /** Six relations of one agency; the expected order computed here by the port's rule. */
    async function listed(repos: Repositories) {
      const agency = await newAgency(repos);
      const rows: Relation[] = [];
      for (const relationName of NAMES) rows.push(await newRelation(repos, agency.id, { name: relationName }));
      rows[1].deactivate();
      await repos.relations.update(rows[1]);
      const key = (x: Relation) => `${x.name.toLowerCase()}\u0000${x.id}`;
      const expected = [...rows].sort((a, b) => (key(a) < key(b) ? -1 : 1)).map((x) => x.id);
      return { agencyId: agency.id, rows, expected };
    }

    pagingCases<Relation>(subject, {
      seed: listed,
      list: (repos, agencyId, page) => repos.relations.list(agencyId, {}, page),
      foreignCursor: async (repos) => {
        const agency = await newAgency(repos);
        await newWorker(repos, agency.id);
        return (await repos.flexworkers.list(agency.id, {}, { first: 1, after: null })).endCursor!;
      },
    });

    it('orders by name regardless of case, equal names by id', async () => {
      const { agencyId, expected, rows } = await listed(r);
      const page = await r.relations.list(agencyId, {}, { first: 10, after: null });
      expect(page.items.map((x) => x.id)).toEqual(expected);
      expect(page.items.map((x) => x.name)).toEqual(['Aannemer', ...[rows[0], rows[2], rows[5]].sort((a, b) => (a.id < b.id ? -1 : 1)).map((x) => x.name), 'cafe 100%', 'Café_Noord']);
    });

    const filters: readonly { name: string; filter: (rows: readonly Relation[]) => RelationFilter; expect: (rows: readonly Relation[]) => readonly Relation[] }[] = [
      { name: 'search: part of the name, any case', filter: () => ({ search: 'KERIJ z' }), expect: (x) => [x[0], x[2], x[5]] },
      { name: 'search: % and _ are plain characters', filter: () => ({ search: '0%' }), expect: (x) => [x[3]] },
      { name: 'search: _ matches only an underscore', filter: () => ({ search: 'é_' }), expect: (x) => [x[4]] },
      { name: 'active: false', filter: () => ({ active: false }), expect: (x) => [x[1]] },
      { name: 'active: true', filter: () => ({ active: true }), expect: (x) => [x[0], x[2], x[3], x[4], x[5]] },
      { name: 'ids: only those, unknown and malformed ones ignored', filter: (x) => ({ ids: [x[3].id, newId(), 'nope', x[1].id] }), expect: (x) => [x[1], x[3]] },
      { name: 'ids: an empty list finds nothing', filter: () => ({ ids: [] }), expect: () => [] },
      { name: 'filters combine', filter: (x) => ({ ids: [x[0].id, x[1].id, x[3].id], active: true, search: 'bak' }), expect: (x) => [x[0]] },
    ];
    for (const c of filters) {
      it(`filters by ${c.name}`, async () => {
        const { agencyId, rows } = await listed(r);
        const page = await r.relations.list(agencyId, c.filter(rows), { first: 10, after: null });
        expect(page.items.map((x) => x.id).sort()).toEqual(c.expect(rows).map((x) => x.id).sort());
      });
    }
  });
}
