import { randomUUID } from 'node:crypto';
import { createAgencyWithStaff, login, startTestApp, TestAgency, TestApp, TEST_PASSWORD, unique } from '../support/test-app';
import {
  createFlexworker,
  createPlacement,
  createRelation,
  createUser,
  dataOf,
  expectError,
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

interface World {
  staff: TestAgency;
  relation: RelationNode;
  otherRelation: RelationNode;
  worker: FlexworkerNode;
  otherWorker: FlexworkerNode;
  placement: PlacementNode;
  otherPlacement: PlacementNode;
  workerToken: string;
  contactToken: string;
}

const READ_RELATION = `query ($id: ID!) { relation(id: $id) { ${RELATION_FIELDS} } }`;
const READ_FLEXWORKER = `query ($id: ID!) { flexworker(id: $id) { ${FLEXWORKER_FIELDS} } }`;
const READ_PLACEMENT = `query ($id: ID!) { placement(id: $id) { ${PLACEMENT_FIELDS} } }`;
const UPDATE_RELATION = 'mutation ($input: UpdateRelationInput!) { updateRelation(input: $input) { relation { id name } } }';
const UPDATE_FLEXWORKER = 'mutation ($input: UpdateFlexworkerInput!) { updateFlexworker(input: $input) { flexworker { id firstName } } }';
const UPDATE_PLACEMENT = 'mutation ($input: UpdatePlacementInput!) { updatePlacement(input: $input) { placement { id functionName } } }';
const END_PLACEMENT = 'mutation ($input: EndPlacementInput!) { endPlacement(input: $input) { placement { id endDate } } }';

describe('tenancy and roles over HTTP', () => {
  let t: TestApp;
  let a: World;
  let b: World;

  async function world(label: string): Promise<World> {
    const staff = await createAgencyWithStaff(t, unique(`Agency ${label} `));
    const relation = await createRelation(t, staff.staffToken, { name: unique(`Relation ${label} `) });
    const otherRelation = await createRelation(t, staff.staffToken, { name: unique(`Other relation ${label} `) });
    const workerEmail = `${unique(`worker${label}`)}@example.com`;
    const worker = await createFlexworker(t, staff.staffToken, { email: workerEmail, bsn: '111222333', iban: 'NL91ABNA0417164300' });
    const otherWorker = await createFlexworker(t, staff.staffToken);
    const placement = await createPlacement(t, staff.staffToken, { flexworkerId: worker.id, relationId: relation.id });
    const otherPlacement = await createPlacement(t, staff.staffToken, { flexworkerId: otherWorker.id, relationId: otherRelation.id });
    await createUser(t, staff.staffToken, { email: workerEmail, role: 'FLEXWORKER', flexworkerId: worker.id, password: TEST_PASSWORD });
    const contactEmail = `${unique(`contact${label}`)}@example.com`;
    await createUser(t, staff.staffToken, { email: contactEmail, role: 'RELATION_CONTACT', relationId: relation.id, password: TEST_PASSWORD });
    return {
      staff,
      relation,
      otherRelation,
      worker,
      otherWorker,
      placement,
      otherPlacement,
      workerToken: await login(t, workerEmail, TEST_PASSWORD),
      contactToken: await login(t, contactEmail, TEST_PASSWORD),
    };
  }

  /** What the owner's staff read now, to compare with before. */
  async function snapshot(w: World) {
    const token = w.staff.staffToken;
    return {
      relation: dataOf(await t.gql(READ_RELATION, { id: w.relation.id }, { token })),
      worker: dataOf(await t.gql(READ_FLEXWORKER, { id: w.worker.id }, { token })),
      placement: dataOf(await t.gql(READ_PLACEMENT, { id: w.placement.id }, { token })),
      relations: (await listRelations(t, token)).nodes,
      workers: (await listFlexworkers(t, token)).nodes,
      placements: (await listPlacements(t, token)).nodes,
      agency: dataOf(await t.gql('{ agency { id name version settings { enabledTabs timeZone payWeekday } } }', {}, { token })),
    };
  }

  beforeAll(async () => {
    t = await startTestApp();
    a = await world('A');
    b = await world('B');
  });
  afterAll(async () => {
    await t.stop();
  });

  /** Every read and change of `target`'s objects by `token`; returns the codes in order. */
  async function attempts(token: string, target: World) {
    return [
      await t.gql(READ_RELATION, { id: target.relation.id }, { token }),
      await t.gql(READ_FLEXWORKER, { id: target.worker.id }, { token }),
      await t.gql(READ_PLACEMENT, { id: target.placement.id }, { token }),
      await t.gql(UPDATE_RELATION, { input: { id: target.relation.id, name: 'Taken over' } }, { token }),
      await t.gql(UPDATE_FLEXWORKER, { input: { id: target.worker.id, firstName: 'Mallory', iban: 'NL02ABNA0123456789' } }, { token }),
      await t.gql(UPDATE_PLACEMENT, { input: { id: target.placement.id, functionName: 'Taken over' } }, { token }),
      await t.gql(END_PLACEMENT, { input: { id: target.placement.id, endDate: '2026-12-31' } }, { token }),
    ];
  }

  it("B's staff get NOT_FOUND for A's objects, read or change, exactly as for ids that do not exist", async () => {
    const before = await snapshot(a);
    const foreign = await attempts(b.staff.staffToken, a);
    for (const response of foreign) {
      expectError(response, 'NOT_FOUND', 'NOT_FOUND');
      expect(response.body.data ?? null).toBeNull();
    }
    // The answer is the same as for random ids: nothing tells that A's objects exist.
    const random: World = {
      ...a,
      relation: { ...a.relation, id: randomUUID() },
      worker: { ...a.worker, id: randomUUID() },
      placement: { ...a.placement, id: randomUUID() },
    };
    const missing = await attempts(b.staff.staffToken, random);
    expect(foreign.map((r) => r.body.errors![0].message)).toEqual(missing.map((r) => r.body.errors![0].message));

    // Using A's worker or relation in B's own writes does not work either.
    expectError(
      await t.gql('mutation ($input: CreatePlacementInput!) { createPlacement(input: $input) { placement { id } } }', {
        input: { flexworkerId: a.worker.id, relationId: b.relation.id, startDate: '2026-01-05', functionName: 'x', hourCodes: [{ code: 'H100', percentage: 100 }] },
      }, { token: b.staff.staffToken }),
      'NOT_FOUND',
    );
    expectError(
      await t.gql('mutation ($input: CreatePlacementInput!) { createPlacement(input: $input) { placement { id } } }', {
        input: { flexworkerId: b.worker.id, relationId: a.relation.id, startDate: '2026-01-05', functionName: 'x', hourCodes: [{ code: 'H100', percentage: 100 }] },
      }, { token: b.staff.staffToken }),
      'NOT_FOUND',
    );
    expectError(
      await t.gql('mutation ($input: CreateUserInput!) { createUser(input: $input) { user { id } } }', {
        input: { email: `${unique('steal')}@example.com`, displayName: 'x', role: 'FLEXWORKER', flexworkerId: a.worker.id, password: TEST_PASSWORD },
      }, { token: b.staff.staffToken }),
      'NOT_FOUND',
    );
    expectError(
      await t.gql('mutation ($input: CreateUserInput!) { createUser(input: $input) { user { id } } }', {
        input: { email: `${unique('steal')}@example.com`, displayName: 'x', role: 'RELATION_CONTACT', relationId: a.relation.id, password: TEST_PASSWORD },
      }, { token: b.staff.staffToken }),
      'NOT_FOUND',
    );

    // B's lists hold nothing of A.
    const bLists = JSON.stringify([
      await listRelations(t, b.staff.staffToken),
      await listFlexworkers(t, b.staff.staffToken),
      await listPlacements(t, b.staff.staffToken),
      await listPlacements(t, b.staff.staffToken, { filter: { flexworkerId: a.worker.id } }),
      await listPlacements(t, b.staff.staffToken, { filter: { relationId: a.relation.id } }),
    ]);
    for (const id of [a.relation.id, a.worker.id, a.placement.id, a.otherPlacement.id]) expect(bLists).not.toContain(id);

    expect(await snapshot(a)).toEqual(before);
  });

  it("A's worker cannot read or change B's objects; nothing leaks and nothing changes", async () => {
    const before = await snapshot(b);
    const foreign = await attempts(a.workerToken, b);
    const codes = foreign.map((r) => expectError(r, r.body.errors?.[0]?.extensions.code ?? 'none').extensions.code);
    // Reads: NOT_FOUND. Changes: NOT_FOUND, or FORBIDDEN for the role before any look-up.
    expect(codes.slice(0, 3)).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
    for (const code of codes.slice(3)) expect(['NOT_FOUND', 'FORBIDDEN']).toContain(code);
    // Exactly the same answers as for ids nobody has.
    const random: World = {
      ...b,
      relation: { ...b.relation, id: randomUUID() },
      worker: { ...b.worker, id: randomUUID() },
      placement: { ...b.placement, id: randomUUID() },
    };
    const missing = await attempts(a.workerToken, random);
    expect(foreign.map((r) => [r.body.errors![0].extensions.code, r.body.errors![0].message])).toEqual(
      missing.map((r) => [r.body.errors![0].extensions.code, r.body.errors![0].message]),
    );
    const own = (await listPlacements(t, a.workerToken)).nodes.map((p) => p.id);
    expect(own).toEqual([a.placement.id]);
    expect(await snapshot(b)).toEqual(before);
  });

  it('an id that is not a UUID is simply not found, in queries and in mutations', async () => {
    const token = a.staff.staffToken;
    for (const id of ['not-a-uuid', '1', "' OR 1=1 --"]) {
      const update = (op: string, type: string, changed: string) =>
        t.gql(`mutation ($input: ${type}!) { ${op}(input: $input) { ${changed} { id } } }`, { input: { id } }, { token });
      expectError(await update('updateRelation', 'UpdateRelationInput', 'relation'), 'NOT_FOUND', 'NOT_FOUND');
      expectError(await update('updateFlexworker', 'UpdateFlexworkerInput', 'flexworker'), 'NOT_FOUND', 'NOT_FOUND');
      expectError(await update('updatePlacement', 'UpdatePlacementInput', 'placement'), 'NOT_FOUND', 'NOT_FOUND');
      expectError(await update('revokeApiClient', 'RevokeApiClientInput', 'apiClient'), 'NOT_FOUND', 'NOT_FOUND');
    }
    for (const id of ['not-a-uuid', '1', "' OR 1=1 --", 'x'.repeat(500)]) {
      expectError(await t.gql(READ_RELATION, { id }, { token }), 'NOT_FOUND', 'NOT_FOUND');
      expectError(await t.gql(READ_FLEXWORKER, { id }, { token }), 'NOT_FOUND', 'NOT_FOUND');
      expectError(await t.gql(READ_PLACEMENT, { id }, { token }), 'NOT_FOUND', 'NOT_FOUND');
    }
  });

  it("a worker calling staff mutations gets FORBIDDEN, and nothing is created or changed", async () => {
    const before = await snapshot(a);
    const token = a.workerToken;
    const name = unique('Worker-made relation ');
    const email = `${unique('workermade')}@example.com`;
    const calls = [
      await t.gql('mutation ($input: CreateRelationInput!) { createRelation(input: $input) { relation { id } } }', { input: { name } }, { token }),
      await t.gql('mutation ($input: CreateFlexworkerInput!) { createFlexworker(input: $input) { flexworker { id } } }', {
        input: { firstName: 'Self', lastName: 'Made', email },
      }, { token }),
      await t.gql('mutation ($input: CreatePlacementInput!) { createPlacement(input: $input) { placement { id } } }', {
        input: { flexworkerId: a.worker.id, relationId: a.otherRelation.id, startDate: '2026-01-05', functionName: 'Boss', hourCodes: [{ code: 'H200', percentage: 200 }] },
      }, { token }),
      await t.gql('mutation ($input: UpdateAgencySettingsInput!) { updateAgencySettings(input: $input) { agency { id } } }', {
        input: { name: 'Worker-run agency', enabledTabs: ['CONTACT'] },
      }, { token }),
      await t.gql('mutation ($input: CreateUserInput!) { createUser(input: $input) { user { id } } }', {
        input: { email, displayName: 'New boss', role: 'AGENCY_STAFF', password: TEST_PASSWORD },
      }, { token }),
      // Own placement, own record: visible to the worker, but only staff change them.
      await t.gql(UPDATE_PLACEMENT, { input: { id: a.placement.id, functionName: 'Director' } }, { token }),
      await t.gql(END_PLACEMENT, { input: { id: a.placement.id, endDate: '2026-12-31' } }, { token }),
      await t.gql(UPDATE_FLEXWORKER, { input: { id: a.worker.id, iban: 'NL02ABNA0123456789' } }, { token }),
    ];
    for (const response of calls) {
      expectError(response, 'FORBIDDEN');
      expect(response.body.data ?? null).toBeNull();
    }
    expect(await snapshot(a)).toEqual(before);
    expect((await listRelations(t, a.staff.staffToken, { filter: { search: name } })).nodes).toEqual([]);
    expect((await listFlexworkers(t, a.staff.staffToken, { filter: { search: email } })).nodes).toEqual([]);
    expectError(
      await t.gql('mutation ($input: LoginInput!) { login(input: $input) { token } }', { input: { email, password: TEST_PASSWORD } }),
      'UNAUTHENTICATED',
      'INVALID_CREDENTIALS',
    );
    // Staff-only lists too.
    expectError(await t.gql('{ flexworkers(first: 10) { nodes { id } } }', {}, { token }), 'FORBIDDEN');
  });

  it('a worker cannot read another worker of the same agency', async () => {
    const response = await t.gql(READ_FLEXWORKER, { id: a.otherWorker.id }, { token: a.workerToken });
    expectError(response, 'NOT_FOUND', 'NOT_FOUND');
    expect(JSON.stringify(response.body)).not.toContain(a.otherWorker.lastName);
    expectError(await t.gql(READ_PLACEMENT, { id: a.otherPlacement.id }, { token: a.workerToken }), 'NOT_FOUND', 'NOT_FOUND');
    // Their own record they can read in full.
    expect(dataOf(await t.gql<{ flexworker: FlexworkerNode }>(READ_FLEXWORKER, { id: a.worker.id }, { token: a.workerToken })).flexworker.access).toBe('FULL');
  });

  it("a relation contact cannot read another relation's placement, nor anything of another agency", async () => {
    const token = a.contactToken;
    expect(dataOf(await t.gql<{ placement: PlacementNode }>(READ_PLACEMENT, { id: a.placement.id }, { token })).placement.id).toBe(a.placement.id);
    expectError(await t.gql(READ_PLACEMENT, { id: a.otherPlacement.id }, { token }), 'NOT_FOUND', 'NOT_FOUND');
    expectError(await t.gql(READ_RELATION, { id: a.otherRelation.id }, { token }), 'NOT_FOUND', 'NOT_FOUND');
    expectError(await t.gql(READ_FLEXWORKER, { id: a.otherWorker.id }, { token }), 'NOT_FOUND', 'NOT_FOUND');
    expectError(await t.gql(READ_PLACEMENT, { id: b.placement.id }, { token }), 'NOT_FOUND', 'NOT_FOUND');
    expectError(await t.gql(READ_RELATION, { id: b.relation.id }, { token }), 'NOT_FOUND', 'NOT_FOUND');
    expect((await listPlacements(t, token)).nodes.map((p) => p.id)).toEqual([a.placement.id]);
    // A contact may not change their relation's placements.
    const before = await snapshot(a);
    expectError(await t.gql(UPDATE_PLACEMENT, { input: { id: a.placement.id, functionName: 'Changed by contact' } }, { token }), 'FORBIDDEN');
    expect(await snapshot(a)).toEqual(before);
  });
});
