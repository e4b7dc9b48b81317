import { PlacementFilter } from '../../src/application/ports/placement.repository';
import { Placement } from '../../src/domain/placement/placement.entity';
import { LocalDate } from '../../src/domain/time/local-date.value-object';
import { lookupCases, plain, versionCases } from './support/cases';
import { pagingCases } from './support/paging-cases';
import { MakeRepositories, Repositories } from './support/repositories';
import { newAgency, newId, newPlacement, newPlacementSetting, newRelation, newWorker } from './support/seeds';
import { TEST_DATE_WINDOW } from '../support/mothers/date-window.mother';

/**
 * Five placements: p0 w1@r1 2026-01-05…03-31, p1 w1@r2 from 03-02, p2 w2@r1 on 03-02 only,
 * p3 w2@r2 from 03-02, p4 w2@r1 from 06-01; worker w3 is placed nowhere.
 */
async function placed(r: Repositories) {
  const agency = await newAgency(r);
  const [r1, r2] = [await newRelation(r, agency.id), await newRelation(r, agency.id)];
  const [w1, w2, w3] = [await newWorker(r, agency.id), await newWorker(r, agency.id), await newWorker(r, agency.id)];
  const p = [
    await newPlacement(r, w1, r1, { startDate: '2026-01-05', endDate: '2026-03-31' }),
    await newPlacement(r, w1, r2, { startDate: '2026-03-02' }),
    await newPlacement(r, w2, r1, { startDate: '2026-03-02', endDate: '2026-03-02' }),
    await newPlacement(r, w2, r2, { startDate: '2026-03-02' }),
    await newPlacement(r, w2, r1, { startDate: '2026-06-01' }),
  ];
  const byId = (a: Placement, b: Placement) => (a.id < b.id ? -1 : 1);
  // The port: latest start first, then id; the database's keyset and index (start_date DESC, id DESC) make ties go by id descending too.
  const expected = [p[4], ...[p[1], p[2], p[3]].sort(byId).reverse(), p[0]].map((x) => x.id);
  return { agencyId: agency.id, r1, r2, w1, w2, w3, p, expected };
}

/** PlacementRepository: scoped by agency; latest start first, then id; activeOn, relation and worker filters. */
export function describePlacementRepositoryContract(name: string, makeSubject: MakeRepositories): void {
  describe(`PlacementRepository contract: ${name}`, () => {
    let r: Repositories;
    beforeEach(async () => {
      r = await makeSubject();
    });
    const subject = () => r;

    async function seedTwo(repos: Repositories) {
      const { agency, relation, worker, placement } = await newPlacementSetting(repos, { endDate: '2026-12-31', costCentre: 'KP-1', purchaseOrderReference: 'PO-2026/1', allowedEntryModes: ['TIMES'] });
      await newPlacementSetting(repos);
      const second = await newPlacement(repos, worker, relation, { hoursEnteredBy: 'RELATION', sendInvitations: false });
      return { agencyId: agency.id, otherAgencyId: (await newPlacementSetting(repos)).agency.id, rows: [placement, second] as const };
    }

    lookupCases<Placement>(subject, {
      seed: seedTwo,
      findById: (repos, agencyId, id) => repos.placements.findById(agencyId, id),
      findByIds: (repos, agencyId, ids) => repos.placements.findByIds(agencyId, ids),
      change: (row) => row.end(LocalDate.parse('2026-02-01'), TEST_DATE_WINDOW),
      plain: (row) => plain(row.toState()),
    });

    versionCases<Placement>(subject, {
      seed: async (repos) => {
        const { agencyId, otherAgencyId, rows } = await seedTwo(repos);
        return { agencyId, otherAgencyId, row: rows[0] };
      },
      findById: (repos, agencyId, id) => repos.placements.findById(agencyId, id),
      update: (repos, row) => repos.placements.update(row),
      change: (row, n) => row.changeSettings({ functionName: `Functie ${n}`, endDate: n === 1 ? null : '2026-06-30' }, TEST_DATE_WINDOW),
      plain: (row) => plain(row.toState()),
      moveTo: (row, agencyId) => Placement.rehydrate({ ...row.toState(), agencyId }),
    });

    pagingCases<Placement>(subject, {
      seed: placed,
      list: (repos, agencyId, page) => repos.placements.list(agencyId, {}, page),
      foreignCursor: async (repos) => {
        const agency = await newAgency(repos);
        await newRelation(repos, agency.id);
        return (await repos.relations.list(agency.id, {}, { first: 1, after: null })).endCursor!;
      },
      datePart: 1,
    });

    it('lists the latest start first; equal start dates by id, descending as well', async () => {
      const { agencyId, p, expected } = await placed(r);
      const items = (await r.placements.list(agencyId, {}, { first: 10, after: null })).items;
      expect(items.map((x) => x.id)).toEqual(expected);
      expect(items.map((x) => x.startDate.toString())).toEqual(['2026-06-01', '2026-03-02', '2026-03-02', '2026-03-02', '2026-01-05']);
      const tied = items.filter((x) => x.startDate.toString() === '2026-03-02').map((x) => x.id);
      expect(tied).toEqual([p[1].id, p[2].id, p[3].id].sort().reverse());
    });

    type World = Awaited<ReturnType<typeof placed>>;
    const filters: readonly { name: string; filter: (w: World) => PlacementFilter; expect: readonly number[] }[] = [
      { name: 'activeOn a first day (start dates count)', filter: () => ({ activeOn: LocalDate.parse('2026-03-02') }), expect: [0, 1, 2, 3] },
      { name: 'activeOn the day after a one-day placement', filter: () => ({ activeOn: LocalDate.parse('2026-03-03') }), expect: [0, 1, 3] },
      { name: 'activeOn a last day (end dates count)', filter: () => ({ activeOn: LocalDate.parse('2026-03-31') }), expect: [0, 1, 3] },
      { name: 'activeOn the day after an end', filter: () => ({ activeOn: LocalDate.parse('2026-04-01') }), expect: [1, 3] },
      { name: 'activeOn before every start', filter: () => ({ activeOn: LocalDate.parse('2026-01-04') }), expect: [] },
      { name: 'relationId', filter: (w) => ({ relationId: w.r1.id }), expect: [0, 2, 4] },
      { name: 'flexworkerId', filter: (w) => ({ flexworkerId: w.w2.id }), expect: [2, 3, 4] },
      { name: 'all three together', filter: (w) => ({ relationId: w.r1.id, flexworkerId: w.w2.id, activeOn: LocalDate.parse('2026-06-01') }), expect: [4] },
      { name: 'a worker placed nowhere', filter: (w) => ({ flexworkerId: w.w3.id }), expect: [] },
      { name: 'a relationId that is not a UUID (nothing, no error)', filter: () => ({ relationId: 'not-a-uuid' }), expect: [] },
      { name: 'a flexworkerId that is not a UUID (nothing, no error)', filter: () => ({ flexworkerId: 'w1' }), expect: [] },
    ];
    for (const c of filters) {
      it(`filters by ${c.name}`, async () => {
        const w = await placed(r);
        const found = (await r.placements.list(w.agencyId, c.filter(w), { first: 10, after: null })).items.map((x) => x.id);
        expect(found).toEqual(w.expected.filter((id) => c.expect.some((i) => w.p[i].id === id)));
      });
    }

    it('flexworkerIdsPlacedAt: of the workers asked, those ever placed at the relation', async () => {
      const w = await placed(r);
      const ask = [w.w1.id, w.w2.id, w.w3.id, newId(), 'nope', w.w1.id];
      expect([...(await r.placements.flexworkerIdsPlacedAt(w.agencyId, w.r1.id, ask))].sort()).toEqual([w.w1.id, w.w2.id].sort());
      expect([...(await r.placements.flexworkerIdsPlacedAt(w.agencyId, w.r2.id, [w.w1.id, w.w3.id]))]).toEqual([w.w1.id]);
      expect(await r.placements.flexworkerIdsPlacedAt(w.agencyId, w.r1.id, [])).toEqual(new Set());
      expect(await r.placements.flexworkerIdsPlacedAt(w.agencyId, 'not-a-uuid', [w.w1.id])).toEqual(new Set());
      expect(await r.placements.flexworkerIdsPlacedAt(newId(), w.r1.id, [w.w1.id])).toEqual(new Set());
    });

    it('relationIdsOfFlexworker: where the worker is or was placed', async () => {
      const w = await placed(r);
      expect([...(await r.placements.relationIdsOfFlexworker(w.agencyId, w.w1.id))].sort()).toEqual([w.r1.id, w.r2.id].sort());
      expect(await r.placements.relationIdsOfFlexworker(w.agencyId, w.w3.id)).toEqual(new Set());
      expect(await r.placements.relationIdsOfFlexworker(newId(), w.w1.id)).toEqual(new Set());
      expect(await r.placements.relationIdsOfFlexworker(w.agencyId, 'w1')).toEqual(new Set());
    });
  });
}
