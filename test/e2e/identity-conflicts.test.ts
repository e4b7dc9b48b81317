import { createAgencyWithStaff, login, startTestApp, TestAgency, TestApp, TEST_PASSWORD, unique } from '../support/test-app';
import { createFlexworker, createUser, dataOf, expectError, expectMessageIn, FlexworkerNode } from './e2e-helpers';

/*
 * A flexworker has at most one login (issue 16): the database's unique constraint on the worker
 * decides, and the refusal reaches the client as CONFLICT FLEXWORKER_HAS_LOGIN.
 */
const CREATE_USER = 'mutation ($input: CreateUserInput!) { createUser(input: $input) { user { id } } }';
const VIEWER = '{ viewer { id role flexworkerId email } }';

describe('one login per flexworker, over HTTP', () => {
  let t: TestApp;
  let agency: TestAgency;

  beforeAll(async () => {
    t = await startTestApp();
    agency = await createAgencyWithStaff(t, unique('Identity conflicts agency '));
  });
  afterAll(async () => {
    await t.stop();
  });

  function workerLoginInput(worker: FlexworkerNode, email = `${unique('fw')}@example.com`): Record<string, unknown> {
    return { email, displayName: worker.firstName, role: 'FLEXWORKER', flexworkerId: worker.id, password: TEST_PASSWORD, language: 'NL' };
  }

  async function expectNoLogin(email: string): Promise<void> {
    expectError(await t.gql('mutation ($input: LoginInput!) { login(input: $input) { token } }', { input: { email, password: TEST_PASSWORD } }), 'UNAUTHENTICATED', 'INVALID_CREDENTIALS');
    expect(await t.app.services.repositories.users.findActiveByEmail(email)).toEqual([]);
  }

  it('createUser for a worker who already has a login is CONFLICT FLEXWORKER_HAS_LOGIN, and creates nothing', async () => {
    const worker = await createFlexworker(t, agency.staffToken);
    const firstEmail = `${unique('first')}@example.com`;
    const firstId = await createUser(t, agency.staffToken, workerLoginInput(worker, firstEmail));

    const secondEmail = `${unique('second')}@example.com`;
    const response = await t.gql<{ createUser: { user: { id: string } } }>(CREATE_USER, { input: workerLoginInput(worker, secondEmail) }, { token: agency.staffToken });

    const error = expectError(response, 'CONFLICT', 'FLEXWORKER_HAS_LOGIN');
    expect(error.extensions.field).toBe('flexworkerId');
    expect(error.path).toEqual(['createUser']);
    expectMessageIn(error, 'en');
    expect(response.body.data ?? null).toBeNull();

    await expectNoLogin(secondEmail);
    const stored = await t.app.services.repositories.users.findByFlexworkerId(agency.agencyId, worker.id);
    expect(stored?.id).toBe(firstId);
    // The worker's own login is untouched and still works.
    const viewer = dataOf(await t.gql<{ viewer: { id: string; role: string; flexworkerId: string; email: string } }>(VIEWER, {}, { token: await login(t, firstEmail, TEST_PASSWORD) })).viewer;
    expect(viewer).toEqual({ id: firstId, role: 'FLEXWORKER', flexworkerId: worker.id, email: firstEmail });
  });

  it('the refusal is worded in the staff member’s language', async () => {
    const worker = await createFlexworker(t, agency.staffToken);
    await createUser(t, agency.staffToken, workerLoginInput(worker));
    const dutchStaffEmail = `${unique('staff-nl')}@agency.example`;
    await createUser(t, agency.staffToken, { email: dutchStaffEmail, role: 'AGENCY_STAFF', password: TEST_PASSWORD, language: 'NL' });
    const dutchStaff = await login(t, dutchStaffEmail, TEST_PASSWORD);

    const email = `${unique('again')}@example.com`;
    const error = expectError(await t.gql(CREATE_USER, { input: workerLoginInput(worker, email) }, { token: dutchStaff }), 'CONFLICT', 'FLEXWORKER_HAS_LOGIN');
    expectMessageIn(error, 'nl');
    expect(error.message).not.toBe('This flexworker already has a login.');
    await expectNoLogin(email);
  });

  it('of two logins for one worker sent at the same moment, exactly one is created', async () => {
    const worker = await createFlexworker(t, agency.staffToken);
    const emails = [`${unique('twin-a')}@example.com`, `${unique('twin-b')}@example.com`];
    const responses = await Promise.all(emails.map((email) => t.gql<{ createUser: { user: { id: string } } }>(CREATE_USER, { input: workerLoginInput(worker, email) }, { token: agency.staffToken })));

    const created = responses.filter((r) => !r.body.errors);
    const refused = responses.filter((r) => r.body.errors);
    expect([created.length, refused.length]).toEqual([1, 1]);
    expectError(refused[0], 'CONFLICT', 'FLEXWORKER_HAS_LOGIN');
    const stored = await t.app.services.repositories.users.findByFlexworkerId(agency.agencyId, worker.id);
    expect(stored?.id).toBe(dataOf(created[0]).createUser.user.id);
    await expectNoLogin(emails[responses.indexOf(refused[0])]);
  });

  it('another worker of the agency still gets a login', async () => {
    const [one, two] = [await createFlexworker(t, agency.staffToken), await createFlexworker(t, agency.staffToken)];
    await createUser(t, agency.staffToken, workerLoginInput(one));
    const email = `${unique('other')}@example.com`;
    const id = await createUser(t, agency.staffToken, workerLoginInput(two, email));
    const viewer = dataOf(await t.gql<{ viewer: { id: string; flexworkerId: string } }>(VIEWER, {}, { token: await login(t, email, TEST_PASSWORD) })).viewer;
    expect([viewer.id, viewer.flexworkerId]).toEqual([id, two.id]);
  });
});
