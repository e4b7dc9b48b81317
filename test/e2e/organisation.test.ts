import { createAgencyWithStaff, login, startTestApp, TestAgency, TestApp, TEST_PASSWORD, unique } from '../support/test-app';
import {
  createFlexworker,
  createPlacement,
  createRelation,
  createUser,
  dataOf,
  expectError,
  expectMessageIn,
  FLEXWORKER_FIELDS,
  FlexworkerNode,
  listFlexworkers,
  listPlacements,
  listRelations,
  PLACEMENT_FIELDS,
  PlacementNode,
  RELATION_FIELDS,
  RelationNode,
} from './e2e-helpers';
import { aStoredSchedule } from './cao-schedule-helpers';

const BSN = '111222333';
const IBAN = 'NL91ABNA0417164300';

interface PlacementWithLinks extends PlacementNode {
  relation: { id: string; name: string } | null;
  flexworker: { id: string; fullName: string; access: string; email: string | null; bsnMasked: string | null; ibanMasked: string | null } | null;
}
const PLACEMENT_WITH_LINKS = `${PLACEMENT_FIELDS} relation { id name } flexworker { id fullName access email bsnMasked ibanMasked }`;

describe('the organisation model over HTTP', () => {
  let t: TestApp;
  let agency: TestAgency;
  let bakery: RelationNode;
  let warehouse: RelationNode;
  let worker: FlexworkerNode;
  let colleague: FlexworkerNode;
  let withCodes: PlacementNode;
  let withSchedule: PlacementNode;
  let colleagueAtWarehouse: PlacementNode;
  let scheduleId: string;
  const workerEmail = `${unique('jan')}@example.com`;

  beforeAll(async () => {
    t = await startTestApp();
    agency = await createAgencyWithStaff(t, unique('Organisation agency '));
    scheduleId = (await aStoredSchedule(t, agency.staffToken, unique('Schedule '))).id;
    bakery = await createRelation(t, agency.staffToken, { name: unique('Bakery '), chamberOfCommerceNumber: '12345678' });
    warehouse = await createRelation(t, agency.staffToken, { name: unique('Warehouse ') });
    worker = await createFlexworker(t, agency.staffToken, {
      firstName: 'Jan',
      lastName: 'Jansen',
      email: workerEmail,
      bsn: BSN,
      iban: IBAN,
      language: 'NL',
      dateOfBirth: '1990-04-01',
      address: { street: 'Dorpsstraat', houseNumber: '1', postalCode: '1234 AB', city: 'Utrecht' },
    });
    colleague = await createFlexworker(t, agency.staffToken, { firstName: 'Piet' });
    withCodes = await createPlacement(t, agency.staffToken, {
      flexworkerId: worker.id,
      relationId: bakery.id,
      startDate: '2026-01-05',
      endDate: '2026-03-29',
      functionName: 'Baker',
      contractHoursPerWeek: '32:00',
      hourCodes: [
        { code: 'H100', percentage: 100, label: 'Normal' },
        { code: 'OW125', percentage: 125, label: 'Overtime' },
        { code: 'OW150', percentage: 150 },
      ],
    });
    withSchedule = await createPlacement(t, agency.staffToken, {
      flexworkerId: worker.id,
      relationId: warehouse.id,
      startDate: '2026-04-06',
      functionName: 'Order picker',
      caoScheduleId: scheduleId,
      hourCodes: undefined,
    });
    colleagueAtWarehouse = await createPlacement(t, agency.staffToken, {
      flexworkerId: colleague.id,
      relationId: warehouse.id,
      startDate: '2026-02-02',
      functionName: 'Forklift driver',
    });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('a new flexworker shows BSN and IBAN only masked, everywhere', async () => {
    expect(worker.bsnMasked).toBeTruthy();
    expect(worker.ibanMasked).toBeTruthy();
    expect(worker.bsnMasked).toMatch(/333$/);
    expect(worker.ibanMasked).toMatch(/^NL/);
    expect(worker.ibanMasked!.replace(/\s/g, '')).toMatch(/4300$/);
    expect(worker.bsnMasked).not.toContain('111222');
    expect(worker).toMatchObject({ firstName: 'Jan', lastName: 'Jansen', email: workerEmail, language: 'NL', access: 'FULL', dateOfBirth: '1990-04-01' });

    const responses = [
      await t.gql(`query ($id: ID!) { flexworker(id: $id) { ${FLEXWORKER_FIELDS} } }`, { id: worker.id }, { token: agency.staffToken }),
      await t.gql(`{ flexworkers(first: 100) { nodes { ${FLEXWORKER_FIELDS} } } }`, {}, { token: agency.staffToken }),
      await t.gql(`{ placements(first: 100) { nodes { ${PLACEMENT_WITH_LINKS} } } }`, {}, { token: agency.staffToken }),
    ];
    for (const response of responses) {
      const text = JSON.stringify(dataOf(response));
      expect(text).toContain(worker.id);
      expect(text).not.toContain(BSN);
      expect(text).not.toContain(IBAN);
      expect(text).not.toContain('0417164300');
      expect(text).not.toContain('ABNA0417');
    }
  });

  it('placements keep their hour codes or their CAO schedule', async () => {
    expect(withCodes).toMatchObject({
      flexworkerId: worker.id,
      relationId: bakery.id,
      startDate: '2026-01-05',
      endDate: '2026-03-29',
      functionName: 'Baker',
      contractHoursPerWeek: '32:00',
      caoScheduleId: null,
    });
    expect(withCodes.hourCodes.map((c) => [c.code, c.percentage])).toEqual([
      ['H100', 100],
      ['OW125', 125],
      ['OW150', 150],
    ]);
    expect(withSchedule.caoScheduleId).toBe(scheduleId);
    expect(withSchedule.hourCodes).toEqual([]);
    expect(withSchedule.endDate).toBeNull();

    const read = dataOf(
      await t.gql<{ placement: PlacementWithLinks }>(
        `query ($id: ID!) { placement(id: $id) { ${PLACEMENT_WITH_LINKS} } }`,
        { id: withCodes.id },
        { token: agency.staffToken },
      ),
    ).placement;
    expect(read).toMatchObject({ ...withCodes, relation: { id: bakery.id, name: bakery.name } });
    expect(read.flexworker).toMatchObject({ id: worker.id, access: 'FULL', email: workerEmail });
  });

  it('a worker with a login sees themself and their own placements with the relation name', async () => {
    await createUser(t, agency.staffToken, { email: workerEmail, role: 'FLEXWORKER', flexworkerId: worker.id, password: TEST_PASSWORD, displayName: 'Jan' });
    const token = await login(t, workerEmail, TEST_PASSWORD);
    const viewer = dataOf(await t.gql<{ viewer: { role: string; flexworkerId: string } }>('{ viewer { role flexworkerId } }', {}, { token })).viewer;
    expect(viewer).toEqual({ role: 'FLEXWORKER', flexworkerId: worker.id });

    const placements = dataOf(
      await t.gql<{ placements: { nodes: PlacementWithLinks[] } }>(`{ placements(first: 50) { nodes { ${PLACEMENT_WITH_LINKS} } } }`, {}, { token }),
    ).placements.nodes;
    expect(placements.map((p) => p.id).sort()).toEqual([withCodes.id, withSchedule.id].sort());
    const byId = new Map(placements.map((p) => [p.id, p]));
    expect(byId.get(withCodes.id)!.relation).toEqual({ id: bakery.id, name: bakery.name });
    expect(byId.get(withSchedule.id)!.relation).toEqual({ id: warehouse.id, name: warehouse.name });
    for (const p of placements) expect(p.flexworker).toMatchObject({ id: worker.id, access: 'FULL', email: workerEmail });

    const self = dataOf(await t.gql<{ flexworker: FlexworkerNode }>(`query ($id: ID!) { flexworker(id: $id) { ${FLEXWORKER_FIELDS} } }`, { id: worker.id }, { token })).flexworker;
    expect(self).toMatchObject({ id: worker.id, access: 'FULL', email: workerEmail, bsnMasked: worker.bsnMasked, ibanMasked: worker.ibanMasked });
    // Not the colleague's placement.
    expectError(await t.gql(`query ($id: ID!) { placement(id: $id) { id } }`, { id: colleagueAtWarehouse.id }, { token }), 'NOT_FOUND');
  });

  it('a relation contact sees the placements at their relation with the worker by name only', async () => {
    const email = `${unique('contact')}@warehouse.example`;
    await createUser(t, agency.staffToken, { email, role: 'RELATION_CONTACT', relationId: warehouse.id, password: TEST_PASSWORD });
    const token = await login(t, email, TEST_PASSWORD);
    const viewer = dataOf(await t.gql<{ viewer: { role: string; relationId: string } }>('{ viewer { role relationId } }', {}, { token })).viewer;
    expect(viewer).toEqual({ role: 'RELATION_CONTACT', relationId: warehouse.id });

    const response = await t.gql<{ placements: { nodes: PlacementWithLinks[] } }>(`{ placements(first: 50) { nodes { ${PLACEMENT_WITH_LINKS} } } }`, {}, { token });
    const placements = dataOf(response).placements.nodes;
    expect(placements.map((p) => p.id).sort()).toEqual([withSchedule.id, colleagueAtWarehouse.id].sort());
    const jan = placements.find((p) => p.id === withSchedule.id)!;
    expect(jan.relation).toEqual({ id: warehouse.id, name: warehouse.name });
    expect(jan.flexworker).toEqual({ id: worker.id, fullName: 'Jan Jansen', access: 'NAME_ONLY', email: null, bsnMasked: null, ibanMasked: null });
    expect(JSON.stringify(response.body)).not.toContain(workerEmail);

    const direct = dataOf(await t.gql<{ flexworker: FlexworkerNode }>(`query ($id: ID!) { flexworker(id: $id) { ${FLEXWORKER_FIELDS} } }`, { id: worker.id }, { token })).flexworker;
    expect(direct).toMatchObject({ access: 'NAME_ONLY', email: null, bsnMasked: null, ibanMasked: null, phone: null, dateOfBirth: null, address: null });

    // Their own relation only.
    expect(dataOf(await t.gql<{ relation: RelationNode }>(`query ($id: ID!) { relation(id: $id) { id name } }`, { id: warehouse.id }, { token })).relation.id).toBe(warehouse.id);
    expectError(await t.gql(`query ($id: ID!) { relation(id: $id) { id name } }`, { id: bakery.id }, { token }), 'NOT_FOUND');
    expectError(await t.gql(`query ($id: ID!) { placement(id: $id) { id } }`, { id: withCodes.id }, { token }), 'NOT_FOUND');
    // The other relation's placements are not in their list, whatever the filter says.
    expect((await listPlacements(t, token, { filter: { relationId: bakery.id } })).nodes).toEqual([]);
  });

  it('a relation contact lists relations and gets only their own (as the schema documents)', async () => {
    const email = `${unique('contact')}@bakery.example`;
    await createUser(t, agency.staffToken, { email, role: 'RELATION_CONTACT', relationId: bakery.id, password: TEST_PASSWORD });
    const token = await login(t, email, TEST_PASSWORD);
    expect((await listRelations(t, token)).nodes.map((r) => r.id)).toEqual([bakery.id]);
  });

  it('lists page with first/after without duplicates until hasNextPage is false', async () => {
    const other = await createAgencyWithStaff(t, unique('Paging agency '));
    const created: string[] = [];
    for (let i = 0; i < 5; i++) created.push((await createRelation(t, other.staffToken, { name: `Paging ${i} ${unique()}` })).id);

    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page = await listRelations(t, other.staffToken, { first: 2, after });
      pages += 1;
      expect(page.nodes.length).toBeLessThanOrEqual(2);
      seen.push(...page.nodes.map((r) => r.id));
      if (!page.pageInfo.hasNextPage) break;
      expect(page.pageInfo.endCursor).toBeTruthy();
      after = page.pageInfo.endCursor;
      expect(pages).toBeLessThan(10);
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...created].sort());

    // Flexworkers page the same way.
    for (let i = 0; i < 3; i++) await createFlexworker(t, other.staffToken);
    const first = await listFlexworkers(t, other.staffToken, { first: 2 });
    expect(first.nodes).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await listFlexworkers(t, other.staffToken, { first: 2, after: first.pageInfo.endCursor });
    expect(second.nodes).toHaveLength(1);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(second.nodes[0].id).not.toBe(first.nodes[0].id);
    expect(second.nodes[0].id).not.toBe(first.nodes[1].id);
  });

  it('paging is exact when many rows share a name (relations, workers, placements)', async () => {
    const other = await createAgencyWithStaff(t, unique('Same names agency '));
    const token = other.staffToken;
    const name = unique('Same name ');
    const relations: string[] = [];
    for (let i = 0; i < 5; i++) relations.push((await createRelation(t, token, { name })).id);
    const workers: string[] = [];
    for (let i = 0; i < 5; i++) workers.push((await createFlexworker(t, token, { firstName: 'Kim', lastName: 'de Vries' })).id);
    const placements: string[] = [];
    for (let i = 0; i < 5; i++) {
      placements.push((await createPlacement(t, token, { flexworkerId: workers[i], relationId: relations[0], startDate: '2026-01-05' })).id);
    }

    async function pageAll(list: (variables: object) => Promise<{ nodes: { id: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } }>) {
      const seen: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 10; pages++) {
        const page = await list({ first: 2, after });
        seen.push(...page.nodes.map((n) => n.id));
        if (!page.pageInfo.hasNextPage) return seen;
        after = page.pageInfo.endCursor;
      }
      throw new Error('paging did not end');
    }
    const seenRelations = await pageAll((v) => listRelations(t, token, { ...v, filter: { search: name } }));
    expect(seenRelations).toHaveLength(5);
    expect([...seenRelations].sort()).toEqual([...relations].sort());
    const seenWorkers = await pageAll((v) => listFlexworkers(t, token, v));
    expect(seenWorkers).toHaveLength(5);
    expect([...seenWorkers].sort()).toEqual([...workers].sort());
    const seenPlacements = await pageAll((v) => listPlacements(t, token, { ...v, filter: { relationId: relations[0] } }));
    expect(seenPlacements).toHaveLength(5);
    expect([...seenPlacements].sort()).toEqual([...placements].sort());
  });

  it('filters placements by activeOn, relation and worker, and relations by name', async () => {
    const ids = async (filter: object) => (await listPlacements(t, agency.staffToken, { filter })).nodes.map((p) => p.id).sort();
    expect(await ids({ relationId: bakery.id })).toEqual([withCodes.id]);
    expect(await ids({ relationId: warehouse.id })).toEqual([withSchedule.id, colleagueAtWarehouse.id].sort());
    expect(await ids({ flexworkerId: worker.id })).toEqual([withCodes.id, withSchedule.id].sort());
    expect(await ids({ flexworkerId: colleague.id })).toEqual([colleagueAtWarehouse.id]);
    // 2026-01-10: only the bakery placement has started; 2026-03-29 is its last day; after it, the others.
    expect(await ids({ activeOn: '2026-01-10' })).toEqual([withCodes.id]);
    expect(await ids({ activeOn: '2026-03-29' })).toEqual([withCodes.id, colleagueAtWarehouse.id].sort());
    expect(await ids({ activeOn: '2026-03-30' })).toEqual([colleagueAtWarehouse.id]);
    expect(await ids({ activeOn: '2026-04-06' })).toEqual([withSchedule.id, colleagueAtWarehouse.id].sort());
    expect(await ids({ activeOn: '2025-12-31' })).toEqual([]);
    expect(await ids({ activeOn: '2026-04-06', flexworkerId: worker.id })).toEqual([withSchedule.id]);

    const search = await listRelations(t, agency.staffToken, { filter: { search: bakery.name.slice(0, 12).toUpperCase() } });
    expect(search.nodes.map((r) => r.id)).toEqual([bakery.id]);
    expect((await listRelations(t, agency.staffToken, { filter: { search: 'no relation is called like this' } })).nodes).toEqual([]);
    // Wildcards are text, not patterns.
    expect((await listRelations(t, agency.staffToken, { filter: { search: '%' } })).nodes).toEqual([]);

    const workers = await listFlexworkers(t, agency.staffToken, { filter: { search: workerEmail } });
    expect(workers.nodes.map((w) => w.id)).toEqual([worker.id]);
  });

  it('updateRelation with a stale expectedVersion is a CONFLICT and changes nothing', async () => {
    const relation = await createRelation(t, agency.staffToken, { name: unique('Versioned ') });
    const UPDATE = `mutation ($input: UpdateRelationInput!) { updateRelation(input: $input) { relation { ${RELATION_FIELDS} } } }`;
    const renamed = dataOf(
      await t.gql<{ updateRelation: { relation: RelationNode } }>(UPDATE, { input: { id: relation.id, name: `${relation.name} B.V.`, expectedVersion: relation.version } }, { token: agency.staffToken }),
    ).updateRelation.relation;
    expect(renamed.name).toBe(`${relation.name} B.V.`);
    expect(renamed.version).toBeGreaterThan(relation.version);

    const stale = await t.gql(UPDATE, { input: { id: relation.id, name: 'Lost update', expectedVersion: relation.version } }, { token: agency.staffToken });
    const error = expectError(stale, 'CONFLICT', 'STALE_VERSION');
    expectMessageIn(error, 'en');
    const read = dataOf(await t.gql<{ relation: RelationNode }>(`query ($id: ID!) { relation(id: $id) { ${RELATION_FIELDS} } }`, { id: relation.id }, { token: agency.staffToken })).relation;
    expect(read).toEqual(renamed);
  });

  it('a worker e-mail is unique per agency (any case), but free in another agency', async () => {
    const email = `${unique('dup')}@example.com`;
    const first = await createFlexworker(t, agency.staffToken, { email });
    const before = (await listFlexworkers(t, agency.staffToken, { filter: { search: email } })).nodes;
    expect(before.map((w) => w.id)).toEqual([first.id]);

    for (const again of [email, email.toUpperCase()]) {
      const response = await t.gql(
        'mutation ($input: CreateFlexworkerInput!) { createFlexworker(input: $input) { flexworker { id } } }',
        { input: { firstName: 'Twin', lastName: 'Copy', email: again } },
        { token: agency.staffToken },
      );
      const error = expectError(response, 'CONFLICT', 'EMAIL_TAKEN');
      expect(error.extensions.field).toBe('email');
      expectMessageIn(error, 'en');
    }
    expect((await listFlexworkers(t, agency.staffToken, { filter: { search: email } })).nodes.map((w) => w.id)).toEqual([first.id]);

    // Changing another worker's e-mail to it is refused too.
    const update = await t.gql(
      'mutation ($input: UpdateFlexworkerInput!) { updateFlexworker(input: $input) { flexworker { id email } } }',
      { input: { id: colleague.id, email } },
      { token: agency.staffToken },
    );
    expectError(update, 'CONFLICT', 'EMAIL_TAKEN');
    const colleagueNow = dataOf(await t.gql<{ flexworker: FlexworkerNode }>(`query ($id: ID!) { flexworker(id: $id) { email } }`, { id: colleague.id }, { token: agency.staffToken })).flexworker;
    expect(colleagueNow.email).toBe(colleague.email);

    const other = await createAgencyWithStaff(t, unique('Other agency '));
    const elsewhere = await createFlexworker(t, other.staffToken, { email });
    expect(elsewhere.email).toBe(email);
  });

  it('endPlacement before the start is refused and changes nothing; on a later day it ends', async () => {
    const placement = await createPlacement(t, agency.staffToken, { flexworkerId: colleague.id, relationId: bakery.id, startDate: '2026-05-04' });
    const END = `mutation ($input: EndPlacementInput!) { endPlacement(input: $input) { placement { ${PLACEMENT_FIELDS} } } }`;
    const refused = await t.gql(END, { input: { id: placement.id, endDate: '2026-05-03' } }, { token: agency.staffToken });
    const error = expectError(refused, 'BAD_USER_INPUT');
    expect(error.extensions.field).toMatch(/endDate/);
    expectMessageIn(error, 'en');
    const read = dataOf(await t.gql<{ placement: PlacementNode }>(`query ($id: ID!) { placement(id: $id) { ${PLACEMENT_FIELDS} } }`, { id: placement.id }, { token: agency.staffToken })).placement;
    expect(read).toEqual(placement);

    const ended = dataOf(await t.gql<{ endPlacement: { placement: PlacementNode } }>(END, { input: { id: placement.id, endDate: '2026-05-31' } }, { token: agency.staffToken })).endPlacement.placement;
    expect(ended.endDate).toBe('2026-05-31');
    expect(ended.version).toBeGreaterThan(placement.version);
  });

  it('updateAgencySettings changes the tabs, and the viewer follows', async () => {
    const other = await createAgencyWithStaff(t, unique('Tabs agency '));
    const agencyBefore = dataOf(await t.gql<{ agency: { version: number; settings: { enabledTabs: string[]; timeZone: string } } }>('{ agency { version settings { enabledTabs timeZone } } }', {}, { token: other.staffToken })).agency;
    expect(agencyBefore.settings.timeZone).toBe('Europe/Amsterdam');
    const response = await t.gql<{ updateAgencySettings: { agency: { settings: { enabledTabs: string[] }; version: number } } }>(
      'mutation ($input: UpdateAgencySettingsInput!) { updateAgencySettings(input: $input) { agency { version settings { enabledTabs } } } }',
      { input: { enabledTabs: ['PAYSLIPS', 'DECLARATION_STATUS'], expectedVersion: agencyBefore.version } },
      { token: other.staffToken },
    );
    const updated = dataOf(response).updateAgencySettings.agency;
    expect([...updated.settings.enabledTabs].sort()).toEqual(['DECLARATION_STATUS', 'PAYSLIPS']);
    const viewer = dataOf(await t.gql<{ viewer: { enabledTabs: string[] } }>('{ viewer { enabledTabs } }', {}, { token: other.staffToken })).viewer;
    expect(viewer.enabledTabs).toEqual(updated.settings.enabledTabs);

    // A stale version is a conflict; the tabs stay.
    const stale = await t.gql(
      'mutation ($input: UpdateAgencySettingsInput!) { updateAgencySettings(input: $input) { agency { version } } }',
      { input: { enabledTabs: ['CONTACT'], expectedVersion: agencyBefore.version } },
      { token: other.staffToken },
    );
    expectError(stale, 'CONFLICT', 'STALE_VERSION');
    const after = dataOf(await t.gql<{ viewer: { enabledTabs: string[] } }>('{ viewer { enabledTabs } }', {}, { token: other.staffToken })).viewer;
    expect(after.enabledTabs).toEqual(updated.settings.enabledTabs);

    // The first agency is untouched.
    const mine = dataOf(await t.gql<{ viewer: { enabledTabs: string[] } }>('{ viewer { enabledTabs } }', {}, { token: agency.staffToken })).viewer;
    expect(mine.enabledTabs.length).toBe(6);
  });
});
