import { createAgencyWithStaff, login, startTestApp, TestAgency, TestApp, TEST_PASSWORD, unique } from '../support/test-app';
import { createFlexworker, createUser, dataOf, expectError, expectMessageIn } from './e2e-helpers';

const VIEWER = 'viewer { id role agencyId agencyName displayName email language enabledTabs flexworkerId relationId }';
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token expiresAt ${VIEWER} } }`;
const VIEWER_QUERY = `{ ${VIEWER} }`;
const CHANGE_PASSWORD = 'mutation ($input: ChangeMyPasswordInput!) { changeMyPassword(input: $input) { token expiresAt } }';

interface Viewer {
  id: string;
  role: string;
  agencyId: string;
  agencyName: string;
  displayName: string;
  email: string | null;
  language: string;
  enabledTabs: string[];
  flexworkerId: string | null;
  relationId: string | null;
}
interface LoginPayload {
  token: string;
  expiresAt: string;
  viewer: Viewer;
}

describe('authentication over HTTP', () => {
  let t: TestApp;
  let agency: TestAgency;
  const agencyName = unique('Auth agency ');

  beforeAll(async () => {
    t = await startTestApp();
    agency = await createAgencyWithStaff(t, agencyName);
  });
  afterAll(async () => {
    await t.stop();
  });

  /** A fresh staff login of the test agency (own password, so tests do not disturb each other). */
  async function newStaffUser(language = 'EN'): Promise<{ email: string; id: string }> {
    const email = `${unique('user')}@agency.example`;
    const id = await createUser(t, agency.staffToken, { email, role: 'AGENCY_STAFF', password: TEST_PASSWORD, language });
    return { email, id };
  }

  async function viewer(token: string) {
    return t.gql<{ viewer: Viewer }>(VIEWER_QUERY, {}, { token });
  }

  it('login returns a random fps_ token and the viewer, and sets no cookie', async () => {
    const response = await t.gql<{ login: LoginPayload }>(LOGIN, { input: { email: agency.staffEmail, password: TEST_PASSWORD } });
    const { login: payload } = dataOf(response);
    expect(response.headers.get('set-cookie')).toBeNull();
    // fps_ and at least 22 base64url characters: at least 128 bits of randomness.
    expect(payload.token).toMatch(/^fps_[A-Za-z0-9_-]{22,}$/);
    expect(new Date(payload.expiresAt).getTime()).toBeGreaterThan(t.clock.now().getTime());
    expect(payload.viewer).toMatchObject({
      role: 'AGENCY_STAFF',
      agencyId: agency.agencyId,
      agencyName,
      email: agency.staffEmail,
      language: 'EN',
      flexworkerId: null,
      relationId: null,
    });
    expect(Array.isArray(payload.viewer.enabledTabs)).toBe(true);
    expect(payload.viewer.enabledTabs.length).toBeGreaterThan(0);

    // Two logins never share a token; each works on its own.
    const second = await login(t, agency.staffEmail, TEST_PASSWORD);
    expect(second).not.toBe(payload.token);
    expect(dataOf(await viewer(payload.token)).viewer.id).toBe(payload.viewer.id);
    expect(dataOf(await viewer(second)).viewer.id).toBe(payload.viewer.id);
  });

  it('a wrong password and an unknown e-mail get the same INVALID_CREDENTIALS answer', async () => {
    const wrongPassword = await t.gql(LOGIN, { input: { email: agency.staffEmail, password: 'not the password' } });
    const unknownEmail = await t.gql(LOGIN, { input: { email: `${unique('nobody')}@agency.example`, password: TEST_PASSWORD } });
    const a = expectError(wrongPassword, 'UNAUTHENTICATED', 'INVALID_CREDENTIALS');
    const b = expectError(unknownEmail, 'UNAUTHENTICATED', 'INVALID_CREDENTIALS');
    expect(a.message).toBe(b.message);
    expect(wrongPassword.body.data ?? null).toBeNull();
    expect(unknownEmail.body.data ?? null).toBeNull();
    // Anonymous without Accept-Language: Dutch.
    expectMessageIn(a, 'nl');
  });

  it('the same e-mail at two agencies: login asks for the agency (after the password), then each logs into its own', async () => {
    const other = await createAgencyWithStaff(t, unique('Second agency '));
    const email = `${unique('twice')}@example.com`;
    const here = await createUser(t, agency.staffToken, { email, role: 'AGENCY_STAFF', password: TEST_PASSWORD });
    const there = await createUser(t, other.staffToken, { email, role: 'AGENCY_STAFF', password: TEST_PASSWORD });

    const ambiguous = expectError(await t.gql(LOGIN, { input: { email, password: TEST_PASSWORD } }), 'BAD_USER_INPUT', 'AGENCY_REQUIRED');
    expect(ambiguous.extensions.field).toBe('agencyId');
    expectMessageIn(ambiguous, 'nl');
    // A wrong password tells nothing about the two agencies.
    expectError(await t.gql(LOGIN, { input: { email, password: 'wrong password' } }), 'UNAUTHENTICATED', 'INVALID_CREDENTIALS');

    const a = dataOf(await t.gql<{ login: LoginPayload }>(LOGIN, { input: { email, password: TEST_PASSWORD, agencyId: agency.agencyId } })).login;
    const b = dataOf(await t.gql<{ login: LoginPayload }>(LOGIN, { input: { email, password: TEST_PASSWORD, agencyId: other.agencyId } })).login;
    expect(a.viewer).toMatchObject({ id: here, agencyId: agency.agencyId });
    expect(b.viewer).toMatchObject({ id: there, agencyId: other.agencyId });
  });

  it('viewer without a token is UNAUTHENTICATED; a garbage token is INVALID_TOKEN', async () => {
    expectError(await t.gql(VIEWER_QUERY), 'UNAUTHENTICATED');
    expectError(await viewer('fps_thisisnotatokenthisisnotatoken00'), 'UNAUTHENTICATED', 'INVALID_TOKEN');
    expectError(await viewer('garbage'), 'UNAUTHENTICATED', 'INVALID_TOKEN');
    expectError(await viewer('x'.repeat(2000)), 'UNAUTHENTICATED', 'INVALID_TOKEN');
  });

  it('after logout the same token is refused with SESSION_ENDED', async () => {
    const token = await login(t, agency.staffEmail, TEST_PASSWORD);
    const other = await login(t, agency.staffEmail, TEST_PASSWORD);
    expect(dataOf(await t.gql<{ logout: { sessionEnded: boolean } }>('mutation { logout { sessionEnded } }', {}, { token })).logout).toEqual({ sessionEnded: true });
    expectError(await viewer(token), 'UNAUTHENTICATED', 'SESSION_ENDED');
    // Only that session ended.
    expect(dataOf(await viewer(other)).viewer.email).toBe(agency.staffEmail);
    // Logging out without a token is refused.
    expectError(await t.gql('mutation { logout { sessionEnded } }'), 'UNAUTHENTICATED');
  });

  it('a token expires after SESSION_TTL_MINUTES (default 720)', async () => {
    const start = t.clock.now();
    const token = await login(t, agency.staffEmail, TEST_PASSWORD);
    try {
      t.clock.advance(719 * 60_000);
      expect(dataOf(await viewer(token)).viewer.email).toBe(agency.staffEmail);
      t.clock.advance(2 * 60_000);
      const error = expectError(await viewer(token), 'UNAUTHENTICATED', 'SESSION_EXPIRED');
      expectMessageIn(error, 'nl');
    } finally {
      t.clock.set(start);
    }
  });

  it('changeMyPassword: a wrong current password and a too short new one are refused and change nothing', async () => {
    const user = await newStaffUser();
    const token = await login(t, user.email, TEST_PASSWORD);
    const other = await login(t, user.email, TEST_PASSWORD);

    const wrong = await t.gql(CHANGE_PASSWORD, { input: { currentPassword: 'not my password', newPassword: 'a brand new password' } }, { token });
    const wrongError = expectError(wrong, 'BAD_USER_INPUT', 'PASSWORD_INCORRECT');
    expect(wrongError.extensions.field).toBe('currentPassword');
    expectMessageIn(wrongError, 'en');

    const short = await t.gql(CHANGE_PASSWORD, { input: { currentPassword: TEST_PASSWORD, newPassword: 'short' } }, { token });
    const shortError = expectError(short, 'BAD_USER_INPUT', 'PASSWORD_TOO_SHORT');
    expect(shortError.extensions.field).toMatch(/^newPassword/);
    expect(shortError.extensions.problems?.map((p) => p.path)).toEqual([shortError.extensions.field]);
    expectMessageIn(shortError, 'en');

    // Nothing changed: both sessions live, the old password still logs in, the new one does not.
    expect(dataOf(await viewer(token)).viewer.id).toBe(user.id);
    expect(dataOf(await viewer(other)).viewer.id).toBe(user.id);
    await login(t, user.email, TEST_PASSWORD);
    expectError(await t.gql(LOGIN, { input: { email: user.email, password: 'a brand new password' } }), 'UNAUTHENTICATED', 'INVALID_CREDENTIALS');
    expectError(await t.gql(LOGIN, { input: { email: user.email, password: 'short' } }), 'UNAUTHENTICATED', 'INVALID_CREDENTIALS');
  });

  it('changeMyPassword ends every session; the returned token works; only the new password logs in', async () => {
    const user = await newStaffUser();
    const token = await login(t, user.email, TEST_PASSWORD);
    const other = await login(t, user.email, TEST_PASSWORD);
    const newPassword = 'another long password';

    const response = await t.gql<{ changeMyPassword: { token: string; expiresAt: string } }>(
      CHANGE_PASSWORD,
      { input: { currentPassword: TEST_PASSWORD, newPassword } },
      { token },
    );
    const fresh = dataOf(response).changeMyPassword.token;
    expect(fresh).toMatch(/^fps_[A-Za-z0-9_-]{22,}$/);
    expect(fresh).not.toBe(token);

    expectError(await viewer(other), 'UNAUTHENTICATED', 'SESSION_ENDED');
    expectError(await viewer(token), 'UNAUTHENTICATED', 'SESSION_ENDED');
    expect(dataOf(await viewer(fresh)).viewer.id).toBe(user.id);

    expectError(await t.gql(LOGIN, { input: { email: user.email, password: TEST_PASSWORD } }), 'UNAUTHENTICATED', 'INVALID_CREDENTIALS');
    const again = await login(t, user.email, newPassword);
    expect(dataOf(await viewer(again)).viewer.id).toBe(user.id);
  });

  it('login works with a stale or garbage token in the Authorization header', async () => {
    const stale = await login(t, agency.staffEmail, TEST_PASSWORD);
    dataOf(await t.gql('mutation { logout { sessionEnded } }', {}, { token: stale }));
    for (const bad of [stale, 'garbage', 'fpk_revokedorunknownkey']) {
      const response = await t.gql<{ login: LoginPayload }>(LOGIN, { input: { email: agency.staffEmail, password: TEST_PASSWORD } }, { token: bad });
      const payload = dataOf(response).login;
      expect(payload.viewer.email).toBe(agency.staffEmail);
      expect(dataOf(await viewer(payload.token)).viewer.role).toBe('AGENCY_STAFF');
    }
  });

  it('updateMySettings changes the language of the viewer and of later error messages', async () => {
    const user = await newStaffUser('EN');
    const token = await login(t, user.email, TEST_PASSWORD);
    const before = expectError(
      await t.gql(CHANGE_PASSWORD, { input: { currentPassword: 'wrong password', newPassword: 'whatever password' } }, { token }),
      'BAD_USER_INPUT',
      'PASSWORD_INCORRECT',
    );
    expectMessageIn(before, 'en');

    const response = await t.gql<{ updateMySettings: { viewer: Viewer } }>(
      'mutation ($input: UpdateMySettingsInput!) { updateMySettings(input: $input) { viewer { id language } } }',
      { input: { language: 'DE' } },
      { token },
    );
    expect(dataOf(response).updateMySettings).toEqual({ viewer: { id: user.id, language: 'DE' } });
    expect(dataOf(await viewer(token)).viewer.language).toBe('DE');
    // A new login carries it too.
    expect(dataOf(await t.gql<{ login: LoginPayload }>(LOGIN, { input: { email: user.email, password: TEST_PASSWORD } })).login.viewer.language).toBe('DE');

    // The user's language wins over Accept-Language.
    const after = expectError(
      await t.gql(
        CHANGE_PASSWORD,
        { input: { currentPassword: 'wrong password', newPassword: 'whatever password' } },
        { token, headers: { 'accept-language': 'nl' } },
      ),
      'BAD_USER_INPUT',
      'PASSWORD_INCORRECT',
    );
    expectMessageIn(after, 'de');

    // An unknown language is refused and changes nothing.
    for (const language of ['xx', 'de']) {
      const bad = await t.gql(
        'mutation ($input: UpdateMySettingsInput!) { updateMySettings(input: $input) { viewer { language } } }',
        { input: { language } },
        { token },
      );
      expectError(bad, 'BAD_USER_INPUT'); // the schema's values are upper-case: a lower-case code is not one of them
    }
    expect(dataOf(await viewer(token)).viewer.language).toBe('DE');
  });

  describe('API keys for the payroll system', () => {
    const CREATE = `mutation ($input: CreateApiClientInput!) {
      createApiClient(input: $input) { apiKey apiClient { id name keyPrefix role createdAt revokedAt } } }`;
    const LIST = '{ apiClients { id name keyPrefix role createdAt revokedAt } }';
    const REVOKE = 'mutation ($input: RevokeApiClientInput!) { revokeApiClient(input: $input) { apiClient { id revokedAt } } }';

    interface ApiClient {
      id: string;
      name: string;
      keyPrefix: string;
      role: string;
      createdAt: string;
      revokedAt: string | null;
    }

    it('staff create a key shown once; it authenticates as PAYROLL until it is revoked', async () => {
      const name = unique('Payroll ');
      const created = dataOf(
        await t.gql<{ createApiClient: { apiKey: string; apiClient: ApiClient } }>(CREATE, { input: { name } }, { token: agency.staffToken }),
      ).createApiClient;
      expect(created.apiKey).toMatch(/^fpk_[A-Za-z0-9_-]{22,}$/);
      expect(created.apiClient).toMatchObject({ name, role: 'PAYROLL', revokedAt: null });
      expect(created.apiKey.startsWith(created.apiClient.keyPrefix)).toBe(true);
      expect(created.apiClient.keyPrefix.length).toBeLessThan(created.apiKey.length);

      const asPayroll = dataOf(await viewer(created.apiKey)).viewer;
      expect(asPayroll).toMatchObject({ id: created.apiClient.id, role: 'PAYROLL', agencyId: agency.agencyId, agencyName });

      const listResponse = await t.gql<{ apiClients: ApiClient[] }>(LIST, {}, { token: agency.staffToken });
      const listed = dataOf(listResponse).apiClients.find((c) => c.id === created.apiClient.id);
      expect(listed).toMatchObject({ name, keyPrefix: created.apiClient.keyPrefix, revokedAt: null });
      expect(JSON.stringify(listResponse.body)).not.toContain(created.apiKey);
      // The list type has no field for the key at all.
      expectError(await t.gql('{ apiClients { id apiKey } }', {}, { token: agency.staffToken }), 'GRAPHQL_VALIDATION_FAILED');

      // The app's clock stands still, so the revocation is stamped with exactly its time.
      const revokedAt = t.clock.now().toISOString();
      const revoked = dataOf(await t.gql<{ revokeApiClient: { apiClient: ApiClient } }>(REVOKE, { input: { id: created.apiClient.id } }, { token: agency.staffToken }));
      expect(revoked.revokeApiClient.apiClient).toEqual({ id: created.apiClient.id, revokedAt });
      expectError(await viewer(created.apiKey), 'UNAUTHENTICATED', 'API_KEY_REVOKED');
      const afterRevoke = dataOf(await t.gql<{ apiClients: ApiClient[] }>(LIST, {}, { token: agency.staffToken })).apiClients;
      // Still listed (a revoked key is kept, not deleted), now with the stored revocation.
      expect(afterRevoke.filter((c) => c.id === created.apiClient.id)).toEqual([{ ...created.apiClient, revokedAt }]);
    });

    it('an unknown fpk_ key is INVALID_TOKEN', async () => {
      expectError(await viewer('fpk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'), 'UNAUTHENTICATED', 'INVALID_TOKEN');
    });

    it('a flexworker may not create API keys, and none is created', async () => {
      const worker = await createFlexworker(t, agency.staffToken);
      const email = `${unique('fw')}@example.com`;
      await createUser(t, agency.staffToken, { email, role: 'FLEXWORKER', flexworkerId: worker.id, password: TEST_PASSWORD });
      const workerToken = await login(t, email, TEST_PASSWORD);
      const name = unique('Sneaky ');
      const response = await t.gql(CREATE, { input: { name } }, { token: workerToken });
      expectError(response, 'FORBIDDEN');
      expect(response.body.data ?? null).toBeNull();
      expectError(await t.gql(LIST, {}, { token: workerToken }), 'FORBIDDEN');
      const list = dataOf(await t.gql<{ apiClients: ApiClient[] }>(LIST, {}, { token: agency.staffToken })).apiClients;
      expect(list.some((c) => c.name === name)).toBe(false);
    });
  });
});
