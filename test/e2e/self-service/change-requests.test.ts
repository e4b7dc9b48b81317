import { createAgencyWithStaff, login, startTestApp, TestAgency, TestApp, TEST_PASSWORD, unique } from '../../support/test-app';
import { createFlexworker, createUser, dataOf, expectError } from '../e2e-helpers';

/*
 * The "your information" tab (issue 12) over HTTP: the worker reads their data and asks for a
 * change; staff approve (applied, with an audit entry) or reject (the worker reads the reason);
 * stale requests, an IBAN without the right password and a BSN are refused with nothing stored;
 * the tab switched off refuses everything; nothing crosses to another agency.
 */

const INFO = '{ myInformation { flexworker { id firstName lastName email phone dateOfBirth address { street postalCode city } bsnMasked ibanMasked language version } agencyContact { name email phone } } }';
const REQUEST = `mutation ($input: RequestPersonalDataChangeInput!) {
  requestPersonalDataChange(input: $input) { changeRequest { id status note flexworkerVersion proposed { fields phone ibanMasked address { postalCode } } } }
}`;
const LIST = 'query ($status: ChangeRequestStatus) { changeRequests(status: $status, first: 50) { nodes { id flexworkerId status note rejectionReason decidedAt proposed { fields phone } } pageInfo { hasNextPage } } }';
const APPROVE = 'mutation ($input: ApproveChangeRequestInput!) { approveChangeRequest(input: $input) { changeRequest { id status decidedAt } flexworker { id phone ibanMasked version } } }';
const REJECT = 'mutation ($input: RejectChangeRequestInput!) { rejectChangeRequest(input: $input) { changeRequest { id status rejectionReason } } }';
const WORKER = 'query ($id: ID!) { flexworker(id: $id) { id phone ibanMasked version } }';

interface Side {
  readonly agency: TestAgency;
  readonly workerId: string;
  readonly workerToken: string;
  readonly contactToken: string;
}

type Request = { id: string; status: string; note: string; flexworkerVersion: number; proposed: { fields: string[]; phone: string | null; ibanMasked: string | null } };

describe('your information: change requests', () => {
  let t: TestApp;
  let a: Side;
  let b: Side;

  async function side(label: string): Promise<Side> {
    const agency = await createAgencyWithStaff(t, unique(`Self-service ${label} `));
    const worker = await createFlexworker(t, agency.staffToken, { lastName: unique('Visser'), phone: '+31 6 1000 0000', bsn: '111222333', iban: 'NL91ABNA0417164300' });
    const email = `${unique('self-worker')}@example.com`;
    await createUser(t, agency.staffToken, { email, role: 'FLEXWORKER', password: TEST_PASSWORD, displayName: 'Self worker', flexworkerId: worker.id });
    const relation = dataOf(await t.gql<{ createRelation: { relation: { id: string } } }>(
      'mutation ($input: CreateRelationInput!) { createRelation(input: $input) { relation { id } } }',
      { input: { name: unique('Client ') } },
      { token: agency.staffToken },
    )).createRelation.relation;
    const contactEmail = `${unique('self-contact')}@example.com`;
    await createUser(t, agency.staffToken, { email: contactEmail, role: 'RELATION_CONTACT', password: TEST_PASSWORD, displayName: 'Contact', relationId: relation.id });
    return { agency, workerId: worker.id, workerToken: await login(t, email, TEST_PASSWORD), contactToken: await login(t, contactEmail, TEST_PASSWORD) };
  }

  async function ask(s: Side, changes: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<Request> {
    const response = await t.gql<{ requestPersonalDataChange: { changeRequest: Request } }>(REQUEST, { input: { changes, note: 'Please update', ...extra } }, { token: s.workerToken });
    return dataOf(response).requestPersonalDataChange.changeRequest;
  }

  async function requestsOf(token: string, status?: string): Promise<{ id: string; status: string; rejectionReason: string | null }[]> {
    return dataOf(await t.gql<{ changeRequests: { nodes: { id: string; status: string; rejectionReason: string | null }[] } }>(LIST, { status }, { token })).changeRequests.nodes;
  }

  async function auditRows(s: Side): Promise<{ action: string; subject_id: string; before: Record<string, unknown>; after: Record<string, unknown> }[]> {
    return t.app.database.dataSource.query(`SELECT action, subject_id, before, after FROM audit_entries WHERE agency_id = $1 AND subject_type = 'FLEXWORKER' ORDER BY at`, [s.agency.agencyId]);
  }

  beforeAll(async () => {
    t = await startTestApp();
    a = await side('A');
    b = await side('B');
    dataOf(await t.gql('mutation ($input: UpdateAgencySettingsInput!) { updateAgencySettings(input: $input) { agency { id } } }', {
      input: { contactEmail: 'planning@uboss.example', contactPhone: '+31 20 123 4567' },
    }, { token: a.agency.staffToken }));
  }, 60_000);

  afterAll(async () => {
    await t?.stop();
  });

  it('shows the worker their own data (BSN and IBAN masked) and the agency contact; nobody else has the tab', async () => {
    const info = dataOf(await t.gql<{ myInformation: { flexworker: Record<string, unknown>; agencyContact: Record<string, unknown> } }>(INFO, {}, { token: a.workerToken })).myInformation;
    expect(info.flexworker).toMatchObject({ id: a.workerId, phone: '+31 6 1000 0000', bsnMasked: expect.stringMatching(/\*+333$/), ibanMasked: expect.stringMatching(/^NL\*[* ]+43 00$/) });
    expect(JSON.stringify(info)).not.toContain('111222333');
    expect(JSON.stringify(info)).not.toContain('0417164300');
    expect(info.agencyContact).toMatchObject({ email: 'planning@uboss.example', phone: '+31 20 123 4567' });
    expectError(await t.gql(INFO, {}, { token: a.agency.staffToken }), 'FORBIDDEN', 'ROLE_NOT_ALLOWED');
    expectError(await t.gql(INFO, {}, { token: a.contactToken }), 'FORBIDDEN', 'ROLE_NOT_ALLOWED');
    expectError(await t.gql(INFO, {}), 'UNAUTHENTICATED');
  });

  it('applies an approved request through the staff update, with an audit entry, and shows the state to the worker', async () => {
    const request = await ask(a, { phone: '+31 6 2000 0000', address: { street: 'Damrak', houseNumber: '1', postalCode: '1012 LG', city: 'Amsterdam' } });
    expect(request).toMatchObject({ status: 'OPEN', proposed: { fields: ['PHONE', 'ADDRESS'], phone: '+31 6 2000 0000' } });
    expect((await requestsOf(a.agency.staffToken, 'OPEN')).map((r) => r.id)).toContain(request.id);
    // Another agency's staff and the worker's contact: nothing.
    expect((await requestsOf(b.agency.staffToken)).map((r) => r.id)).not.toContain(request.id);
    expectError(await t.gql(APPROVE, { input: { id: request.id } }, { token: b.agency.staffToken }), 'NOT_FOUND');
    expectError(await t.gql(APPROVE, { input: { id: request.id } }, { token: a.workerToken }), 'FORBIDDEN', 'ROLE_NOT_ALLOWED');
    expectError(await t.gql(LIST, {}, { token: a.contactToken }), 'FORBIDDEN', 'ROLE_NOT_ALLOWED');

    const approved = dataOf(await t.gql<{ approveChangeRequest: { changeRequest: { status: string }; flexworker: { phone: string; version: number } } }>(
      APPROVE, { input: { id: request.id } }, { token: a.agency.staffToken },
    )).approveChangeRequest;
    expect(approved.changeRequest.status).toBe('APPROVED');
    expect(approved.flexworker.phone).toBe('+31 6 2000 0000');
    expect(approved.flexworker.version).toBe(request.flexworkerVersion + 1);
    const audit = (await auditRows(a)).filter((row) => row.subject_id === a.workerId);
    expect(audit).toEqual([expect.objectContaining({ action: 'FLEXWORKER_CHANGE_REQUEST_APPLIED', before: expect.objectContaining({ phone: '+31 6 1000 0000' }), after: expect.objectContaining({ phone: '+31 6 2000 0000' }) })]);
    expect((await requestsOf(a.workerToken)).find((r) => r.id === request.id)?.status).toBe('APPROVED');
    expectError(await t.gql(APPROVE, { input: { id: request.id } }, { token: a.agency.staffToken }), 'CONFLICT', 'CHANGE_REQUEST_DECIDED');
  });

  it('rejects with a reason the worker reads, changing nothing', async () => {
    const request = await ask(a, { lastName: 'de Boer' });
    expectError(await t.gql(REJECT, { input: { id: request.id, reason: '   ' } }, { token: a.agency.staffToken }), 'BAD_USER_INPUT');
    const rejected = dataOf(await t.gql<{ rejectChangeRequest: { changeRequest: { status: string; rejectionReason: string } } }>(
      REJECT, { input: { id: request.id, reason: 'Send us a copy of your passport first' } }, { token: a.agency.staffToken },
    )).rejectChangeRequest.changeRequest;
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectionReason: 'Send us a copy of your passport first' });
    const mine = (await requestsOf(a.workerToken)).find((r) => r.id === request.id);
    expect(mine).toMatchObject({ status: 'REJECTED', rejectionReason: 'Send us a copy of your passport first' });
    const info = dataOf(await t.gql<{ myInformation: { flexworker: { lastName: string } } }>(INFO, {}, { token: a.workerToken })).myInformation;
    expect(info.flexworker.lastName).not.toBe('de Boer');
  });

  it('refuses a stale request and applies nothing of it', async () => {
    const request = await ask(a, { phone: '+31 6 3000 0000', email: `${unique('new')}@example.com` });
    const before = dataOf(await t.gql<{ flexworker: { version: number } }>(WORKER, { id: a.workerId }, { token: a.agency.staffToken })).flexworker;
    dataOf(await t.gql('mutation ($input: UpdateFlexworkerInput!) { updateFlexworker(input: $input) { flexworker { id } } }', {
      input: { id: a.workerId, phone: '+31 6 4000 0000' },
    }, { token: a.agency.staffToken }));
    const auditBefore = (await auditRows(a)).length;
    expectError(await t.gql(APPROVE, { input: { id: request.id } }, { token: a.agency.staffToken }), 'CONFLICT', 'CHANGE_REQUEST_STALE');
    const after = dataOf(await t.gql<{ flexworker: { phone: string; version: number } }>(WORKER, { id: a.workerId }, { token: a.agency.staffToken })).flexworker;
    expect(after).toMatchObject({ phone: '+31 6 4000 0000', version: before.version + 1 });
    expect(await auditRows(a)).toHaveLength(auditBefore);
    expect((await requestsOf(a.agency.staffToken)).find((r) => r.id === request.id)?.status).toBe('OPEN');
  });

  it('asks the current password again for a new IBAN, and never lets the worker change the BSN', async () => {
    const count = (await requestsOf(a.workerToken)).length;
    const iban = { iban: 'NL02ABNA0123456789' };
    expectError(await t.gql(REQUEST, { input: { changes: iban, note: 'New bank' } }, { token: a.workerToken }), 'BAD_USER_INPUT', 'PASSWORD_REQUIRED');
    expectError(await t.gql(REQUEST, { input: { changes: iban, note: 'New bank', currentPassword: 'not my password' } }, { token: a.workerToken }), 'BAD_USER_INPUT', 'PASSWORD_INCORRECT');
    // The BSN is not in the worker's input at all: only staff change it (the domain refuses it too).
    expectError(await t.gql(REQUEST, { input: { changes: { bsn: '123456782' }, note: 'My BSN' } }, { token: a.workerToken }), 'BAD_USER_INPUT');
    expect(await requestsOf(a.workerToken)).toHaveLength(count);

    const request = await ask(a, iban, { currentPassword: TEST_PASSWORD });
    expect(request.proposed.ibanMasked).toMatch(/^NL\*[* ]+67 89$/);
    const raw = await t.app.database.dataSource.query('SELECT changes::text AS changes FROM change_requests WHERE id = $1', [request.id]);
    expect(raw[0].changes).not.toContain('0123456789');
    const approved = dataOf(await t.gql<{ approveChangeRequest: { flexworker: { ibanMasked: string } } }>(APPROVE, { input: { id: request.id } }, { token: a.agency.staffToken })).approveChangeRequest;
    expect(approved.flexworker.ibanMasked).toMatch(/^NL\*[* ]+67 89$/);
  });

  it('refuses bad input with every problem at its path and stores nothing', async () => {
    const count = (await requestsOf(a.workerToken)).length;
    const bad = await t.gql(REQUEST, {
      input: { changes: { phone: 'call me', iban: 'NL00BANK0000000000', address: { street: 'Damrak', houseNumber: '1', postalCode: '0000 AA', city: 'Amsterdam' } }, note: '', currentPassword: TEST_PASSWORD },
    }, { token: a.workerToken });
    const error = expectError(bad, 'BAD_USER_INPUT');
    const paths = (error.extensions.problems ?? []).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['changes.phone', 'changes.iban', 'changes.address.postalCode', 'note']));
    expectError(await t.gql(REQUEST, { input: { changes: {}, note: 'Nothing' } }, { token: a.workerToken }), 'BAD_USER_INPUT', 'NO_CHANGES');
    expectError(await t.gql(REQUEST, { input: { changes: { phone: '+31 6 5000 0000' }, note: 'x'.repeat(2001) } }, { token: a.workerToken }), 'BAD_USER_INPUT');
    expect(await requestsOf(a.workerToken)).toHaveLength(count);
    expectError(await t.gql(APPROVE, { input: { id: '00000000-0000-4000-8000-000000000000' } }, { token: a.agency.staffToken }), 'NOT_FOUND');
    expectError(await t.gql(REJECT, { input: { id: 'not-an-id', reason: 'No' } }, { token: a.agency.staffToken }), 'NOT_FOUND');
  });

  it('refuses every operation of the tab with TAB_DISABLED when the agency switched it off, and leaves it out of enabledTabs', async () => {
    const open = await ask(b, { phone: '+31 6 6000 0000' });
    dataOf(await t.gql('mutation ($input: UpdateAgencySettingsInput!) { updateAgencySettings(input: $input) { agency { id } } }', {
      input: { enabledTabs: ['DECLARATION_STATUS', 'PAYSLIPS'] },
    }, { token: b.agency.staffToken }));
    const tabs = dataOf(await t.gql<{ viewer: { enabledTabs: string[] } }>('{ viewer { enabledTabs } }', {}, { token: b.workerToken })).viewer.enabledTabs;
    expect(tabs).not.toContain('PERSONAL_INFORMATION');
    expectError(await t.gql(INFO, {}, { token: b.workerToken }), 'FORBIDDEN', 'TAB_DISABLED');
    expectError(await t.gql(LIST, {}, { token: b.workerToken }), 'FORBIDDEN', 'TAB_DISABLED');
    expectError(await t.gql(LIST, {}, { token: b.agency.staffToken }), 'FORBIDDEN', 'TAB_DISABLED');
    expectError(await t.gql(REQUEST, { input: { changes: { phone: '+31 6 7000 0000' }, note: 'Off' } }, { token: b.workerToken }), 'FORBIDDEN', 'TAB_DISABLED');
    expectError(await t.gql(APPROVE, { input: { id: open.id } }, { token: b.agency.staffToken }), 'FORBIDDEN', 'TAB_DISABLED');
    expectError(await t.gql(REJECT, { input: { id: open.id, reason: 'Off' } }, { token: b.agency.staffToken }), 'FORBIDDEN', 'TAB_DISABLED');
  });
});
