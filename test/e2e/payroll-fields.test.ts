import { createAgencyWithStaff, login, TEST_PASSWORD, TestAgency, TestApp, startTestApp, unique } from '../support/test-app';
import { createFlexworker, createPlacement, createRelation, createUser, dataOf, expectError, expectMessageIn, listFlexworkers } from './e2e-helpers';

/*
 * Issue 10, what an export line needs beyond the hours, over HTTP: the worker's payroll number
 * (unique in the agency, by the database), the placement's cost centre and purchase-order
 * reference, and the agency's payrollReadsBsn setting behind Flexworker.bsnForPayroll, each set,
 * cleared and read by every role.
 */

const BSN = '111222333';
const WORKER = 'id payrollNumber bsnMasked bsnForPayroll access version';
const PLACEMENT = 'id costCentre purchaseOrderReference version';

interface Worker {
  id: string;
  payrollNumber: string | null;
  bsnMasked: string | null;
  bsnForPayroll: string | null;
  access: string;
  version: number | null;
}
interface PlacementRefs {
  id: string;
  costCentre: string | null;
  purchaseOrderReference: string | null;
  version: number;
}

interface Scene {
  agency: TestAgency;
  workerId: string;
  placementId: string;
  tokens: { staff: string; worker: string; contact: string; payroll: string };
}

describe('payroll fields: payroll number, cost centre, purchase-order reference, BSN for payroll', () => {
  let t: TestApp;
  let a: Scene;
  let b: Scene;

  beforeAll(async () => {
    t = await startTestApp();
    [a, b] = await Promise.all([scene('A'), scene('B')]);
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
  });

  /** An agency with a worker (with a BSN and a login), a relation with a contact, a placement and a payroll key. */
  async function scene(label: string): Promise<Scene> {
    const agency = await createAgencyWithStaff(t, unique(`Payroll fields ${label} `));
    const worker = await createFlexworker(t, agency.staffToken, { bsn: BSN });
    const relation = await createRelation(t, agency.staffToken);
    const placement = await createPlacement(t, agency.staffToken, { flexworkerId: worker.id, relationId: relation.id });
    const workerEmail = `${unique(`worker${label}`)}@example.com`;
    await createUser(t, agency.staffToken, { email: workerEmail, role: 'FLEXWORKER', flexworkerId: worker.id, password: TEST_PASSWORD });
    const contactEmail = `${unique(`contact${label}`)}@example.com`;
    await createUser(t, agency.staffToken, { email: contactEmail, role: 'RELATION_CONTACT', relationId: relation.id, password: TEST_PASSWORD });
    const key = dataOf(
      await t.gql<{ createApiClient: { apiKey: string } }>(
        'mutation ($input: CreateApiClientInput!) { createApiClient(input: $input) { apiKey } }',
        { input: { name: `Payroll ${label}` } },
        { token: agency.staffToken },
      ),
    ).createApiClient.apiKey;
    return {
      agency,
      workerId: worker.id,
      placementId: placement.id,
      tokens: {
        staff: agency.staffToken,
        worker: await login(t, workerEmail, TEST_PASSWORD),
        contact: await login(t, contactEmail, TEST_PASSWORD),
        payroll: key,
      },
    };
  }

  const readWorker = (token: string, id: string) =>
    t.gql<{ flexworker: Worker }>(`query ($id: ID!) { flexworker(id: $id) { ${WORKER} } }`, { id }, { token });
  const readPlacement = (token: string, id: string) =>
    t.gql<{ placement: PlacementRefs }>(`query ($id: ID!) { placement(id: $id) { ${PLACEMENT} } }`, { id }, { token });
  const updateWorker = (token: string, input: object) =>
    t.gql<{ updateFlexworker: { flexworker: Worker } }>(
      `mutation ($input: UpdateFlexworkerInput!) { updateFlexworker(input: $input) { flexworker { ${WORKER} } } }`,
      { input },
      { token },
    );
  const newWorker = (token: string, input: object) =>
    t.gql<{ createFlexworker: { flexworker: Worker } }>(
      `mutation ($input: CreateFlexworkerInput!) { createFlexworker(input: $input) { flexworker { ${WORKER} } } }`,
      { input: { firstName: 'Piet', lastName: unique('Payroll'), email: `${unique('w')}@example.com`, ...input } },
      { token },
    );
  const updatePlacement = (token: string, input: object) =>
    t.gql<{ updatePlacement: { placement: PlacementRefs } }>(
      `mutation ($input: UpdatePlacementInput!) { updatePlacement(input: $input) { placement { ${PLACEMENT} } } }`,
      { input },
      { token },
    );
  const setPayrollReadsBsn = async (scene: Scene, on: boolean) => {
    const response = await t.gql<{ updateAgencySettings: { agency: { settings: { payrollReadsBsn: boolean } } } }>(
      'mutation ($input: UpdateAgencySettingsInput!) { updateAgencySettings(input: $input) { agency { settings { payrollReadsBsn } } } }',
      { input: { payrollReadsBsn: on } },
      { token: scene.tokens.staff },
    );
    expect(dataOf(response).updateAgencySettings.agency.settings.payrollReadsBsn).toBe(on);
  };

  describe('Flexworker.payrollNumber', () => {
    it('is set (trimmed) on create, changed and cleared by staff; staff, payroll and the worker read it, a contact does not', async () => {
      const created = dataOf(await newWorker(a.tokens.staff, { payrollNumber: '  P-1000/a.b_c ' })).createFlexworker.flexworker;
      expect(created.payrollNumber).toBe('P-1000/a.b_c');

      const set = dataOf(await updateWorker(a.tokens.staff, { id: a.workerId, payrollNumber: unique('PN-') })).updateFlexworker.flexworker;
      expect(set.payrollNumber).toMatch(/^PN-/);
      expect(dataOf(await readWorker(a.tokens.staff, a.workerId)).flexworker.payrollNumber).toBe(set.payrollNumber);
      expect(dataOf(await readWorker(a.tokens.payroll, a.workerId)).flexworker.payrollNumber).toBe(set.payrollNumber);
      expect(dataOf(await readWorker(a.tokens.worker, a.workerId)).flexworker.payrollNumber).toBe(set.payrollNumber);
      const byContact = dataOf(await readWorker(a.tokens.contact, a.workerId)).flexworker;
      expect([byContact.access, byContact.payrollNumber]).toEqual(['NAME_ONLY', null]);

      const kept = dataOf(await updateWorker(a.tokens.staff, { id: a.workerId, phone: '+31612345678' })).updateFlexworker.flexworker;
      expect(kept.payrollNumber).toBe(set.payrollNumber);
      const cleared = dataOf(await updateWorker(a.tokens.staff, { id: a.workerId, payrollNumber: null })).updateFlexworker.flexworker;
      expect(cleared.payrollNumber).toBeNull();
    });

    it('filters the staff list of workers', async () => {
      const number = unique('LIST-');
      const created = dataOf(await newWorker(a.tokens.staff, { payrollNumber: number })).createFlexworker.flexworker;
      const found = await listFlexworkers(t, a.tokens.staff, { filter: { payrollNumber: number } });
      expect(found.nodes.map((w) => w.id)).toEqual([created.id]);
      expect((await listFlexworkers(t, b.tokens.staff, { filter: { payrollNumber: number } })).nodes).toEqual([]);
    });

    it('refuses a bad value with BAD_USER_INPUT at payrollNumber, every problem at once', async () => {
      const error = expectError(await newWorker(a.tokens.staff, { payrollNumber: 'P 1000', bsn: '123' }), 'BAD_USER_INPUT');
      expect(error.extensions.problems?.map((p) => `${p.path}:${p.reason}`)).toEqual(['bsn:BSN_INVALID', 'payrollNumber:PAYROLL_NUMBER_INVALID']);
      expectMessageIn(error, 'en');
      const tooLong = expectError(await updateWorker(a.tokens.staff, { id: a.workerId, payrollNumber: 'x'.repeat(33) }), 'BAD_USER_INPUT');
      expect(JSON.stringify(tooLong.extensions)).toContain('payrollNumber');
    });

    it('is unique in the agency: a second one is a CONFLICT PAYROLL_NUMBER_TAKEN; another agency may use it', async () => {
      const number = unique('DUP-');
      dataOf(await newWorker(a.tokens.staff, { payrollNumber: number }));
      const taken = expectError(await newWorker(a.tokens.staff, { payrollNumber: number }), 'CONFLICT', 'PAYROLL_NUMBER_TAKEN');
      expect(taken.extensions.field).toBe('payrollNumber');
      expectMessageIn(taken, 'en');
      const other = dataOf(await newWorker(a.tokens.staff, {})).createFlexworker.flexworker;
      expectError(await updateWorker(a.tokens.staff, { id: other.id, payrollNumber: number }), 'CONFLICT', 'PAYROLL_NUMBER_TAKEN');
      expect(dataOf(await newWorker(b.tokens.staff, { payrollNumber: number })).createFlexworker.flexworker.payrollNumber).toBe(number);
      // Any number of workers may have none.
      dataOf(await newWorker(a.tokens.staff, { payrollNumber: null }));
      dataOf(await newWorker(a.tokens.staff, {}));
    });

    it('lets exactly one of two concurrent creates with the same number win', async () => {
      const number = unique('RACE-');
      const answers = await Promise.all([newWorker(a.tokens.staff, { payrollNumber: number }), newWorker(a.tokens.staff, { payrollNumber: number })]);
      const won = answers.filter((r) => r.body.data?.createFlexworker);
      const lost = answers.filter((r) => r.body.errors);
      expect([won.length, lost.length]).toEqual([1, 1]);
      expectError(lost[0], 'CONFLICT', 'PAYROLL_NUMBER_TAKEN');
      expect((await listFlexworkers(t, a.tokens.staff, { filter: { payrollNumber: number } })).nodes).toHaveLength(1);
    });

    it('is set by staff only', async () => {
      expectError(await updateWorker(a.tokens.payroll, { id: a.workerId, payrollNumber: 'X1' }), 'FORBIDDEN');
      expectError(await updateWorker(a.tokens.worker, { id: a.workerId, payrollNumber: 'X1' }), 'FORBIDDEN');
    });
  });

  describe('Placement.costCentre and purchaseOrderReference', () => {
    it('are set (trimmed) on create, changed and cleared by staff', async () => {
      const relation = await createRelation(t, a.tokens.staff);
      const created = await t.gql<{ createPlacement: { placement: PlacementRefs } }>(
        `mutation ($input: CreatePlacementInput!) { createPlacement(input: $input) { placement { ${PLACEMENT} } } }`,
        {
          input: {
            flexworkerId: a.workerId, relationId: relation.id, startDate: '2026-01-05', functionName: 'Picker',
            hourCodes: [{ code: 'H100', percentage: 100 }], costCentre: ' KP-4711 ', purchaseOrderReference: ' PO 2026/0042 ',
          },
        },
        { token: a.tokens.staff },
      );
      expect(dataOf(created).createPlacement.placement).toMatchObject({ costCentre: 'KP-4711', purchaseOrderReference: 'PO 2026/0042' });

      const longest = 'C'.repeat(64);
      const set = dataOf(await updatePlacement(a.tokens.staff, { id: a.placementId, costCentre: longest, purchaseOrderReference: 'PO-1' })).updatePlacement.placement;
      expect([set.costCentre, set.purchaseOrderReference]).toEqual([longest, 'PO-1']);
      const kept = dataOf(await updatePlacement(a.tokens.staff, { id: a.placementId, functionName: 'Team lead' })).updatePlacement.placement;
      expect([kept.costCentre, kept.purchaseOrderReference]).toEqual([longest, 'PO-1']);
      const cleared = dataOf(await updatePlacement(a.tokens.staff, { id: a.placementId, costCentre: null, purchaseOrderReference: null })).updatePlacement.placement;
      expect([cleared.costCentre, cleared.purchaseOrderReference]).toEqual([null, null]);
    });

    it('are read by staff, payroll and the contact; the worker sees the cost centre but not the purchase-order reference', async () => {
      dataOf(await updatePlacement(a.tokens.staff, { id: a.placementId, costCentre: 'KP-9', purchaseOrderReference: 'PO-9' }));
      for (const role of ['staff', 'payroll', 'contact'] as const) {
        const read = dataOf(await readPlacement(a.tokens[role], a.placementId)).placement;
        expect({ role, costCentre: read.costCentre, po: read.purchaseOrderReference }).toEqual({ role, costCentre: 'KP-9', po: 'PO-9' });
      }
      const byWorker = dataOf(await readPlacement(a.tokens.worker, a.placementId)).placement;
      expect([byWorker.costCentre, byWorker.purchaseOrderReference]).toEqual(['KP-9', null]);
      expectError(await readPlacement(b.tokens.staff, a.placementId), 'NOT_FOUND');
      expectError(await readPlacement(b.tokens.payroll, a.placementId), 'NOT_FOUND');
    });

    it('refuse values over 64 characters with BAD_USER_INPUT at their paths, and changes by anyone but staff', async () => {
      const error = expectError(
        await updatePlacement(a.tokens.staff, { id: a.placementId, costCentre: 'x'.repeat(65), purchaseOrderReference: 'y'.repeat(65) }),
        'BAD_USER_INPUT',
      );
      const text = JSON.stringify(error.extensions);
      expect(text).toContain('costCentre');
      expect(text).toContain('purchaseOrderReference');
      const control = expectError(await updatePlacement(a.tokens.staff, { id: a.placementId, purchaseOrderReference: 'PO\u0007' }), 'BAD_USER_INPUT');
      expect(control.extensions.problems?.map((p) => `${p.path}:${p.reason}`)).toEqual(['purchaseOrderReference:TEXT_CONTROL_CHARACTERS']);
      expectError(await updatePlacement(a.tokens.payroll, { id: a.placementId, purchaseOrderReference: 'PO-X' }), 'FORBIDDEN');
      expectError(await updatePlacement(a.tokens.contact, { id: a.placementId, purchaseOrderReference: 'PO-X' }), 'FORBIDDEN');
    });
  });

  describe('AgencySettings.payrollReadsBsn and Flexworker.bsnForPayroll', () => {
    const bsnsBy = async (scene: Scene, workerId: string) => {
      const result: Record<string, string | null> = {};
      for (const role of ['staff', 'worker', 'contact', 'payroll'] as const) {
        result[role] = dataOf(await readWorker(scene.tokens[role], workerId)).flexworker.bsnForPayroll;
      }
      return result;
    };

    it('is off by default: nobody gets the full BSN, staff keep the masked one', async () => {
      const agency = await t.gql<{ agency: { settings: { payrollReadsBsn: boolean } } }>('{ agency { settings { payrollReadsBsn } } }', {}, { token: b.tokens.payroll });
      expect(dataOf(agency).agency.settings.payrollReadsBsn).toBe(false);
      expect(await bsnsBy(b, b.workerId)).toEqual({ staff: null, worker: null, contact: null, payroll: null });
      expect(dataOf(await readWorker(b.tokens.staff, b.workerId)).flexworker.bsnMasked).toBe('******333');
    });

    it('when on, gives the full BSN to the PAYROLL key of the agency only, also in lists and placements', async () => {
      await setPayrollReadsBsn(a, true);
      try {
        expect(await bsnsBy(a, a.workerId)).toEqual({ staff: null, worker: null, contact: null, payroll: BSN });
        const listed = await t.gql<{ flexworkers: { nodes: Worker[] } }>(
          `{ flexworkers(first: 100) { nodes { ${WORKER} } } }`,
          {},
          { token: a.tokens.payroll },
        );
        expect(dataOf(listed).flexworkers.nodes.find((w) => w.id === a.workerId)?.bsnForPayroll).toBe(BSN);
        const viaPlacement = await t.gql<{ placement: { flexworker: Worker } }>(
          `query ($id: ID!) { placement(id: $id) { flexworker { ${WORKER} } } }`,
          { id: a.placementId },
          { token: a.tokens.payroll },
        );
        expect(dataOf(viaPlacement).placement.flexworker.bsnForPayroll).toBe(BSN);
        // Staff lists and mutation payloads stay masked.
        expect((await listFlexworkers(t, a.tokens.staff)).nodes.every((w) => !JSON.stringify(w).includes(BSN))).toBe(true);
        const updated = dataOf(await updateWorker(a.tokens.staff, { id: a.workerId, phone: '+31687654321' })).updateFlexworker.flexworker;
        expect(updated.bsnForPayroll).toBeNull();
        // The other agency's key does not reach the worker at all, and its own setting is off.
        expectError(await readWorker(b.tokens.payroll, a.workerId), 'NOT_FOUND');
        expect(dataOf(await readWorker(b.tokens.payroll, b.workerId)).flexworker.bsnForPayroll).toBeNull();
        // A worker without a BSN: null.
        const noBsn = dataOf(await newWorker(a.tokens.staff, {})).createFlexworker.flexworker;
        expect(dataOf(await readWorker(a.tokens.payroll, noBsn.id)).flexworker.bsnForPayroll).toBeNull();
      } finally {
        await setPayrollReadsBsn(a, false);
      }
      expect(await bsnsBy(a, a.workerId)).toEqual({ staff: null, worker: null, contact: null, payroll: null });
    });

    it('is changed by staff only', async () => {
      for (const role of ['worker', 'contact', 'payroll'] as const) {
        const response = await t.gql('mutation { updateAgencySettings(input: { payrollReadsBsn: true }) { agency { id } } }', {}, { token: a.tokens[role] });
        expectError(response, 'FORBIDDEN');
      }
    });
  });
});
