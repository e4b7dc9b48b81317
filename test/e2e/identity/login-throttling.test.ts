import { createAgencyWithStaff, startTestApp, TEST_PASSWORD, TestAgency, TestApp, unique } from '../../support/test-app';
import { createUser, dataOf, expectError } from '../e2e-helpers';

const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { token } }';
const WINDOW_MINUTES = 15;
/** Counted per account (3 failures) and per client address (6), as X-Forwarded-For says it behind a trusted proxy. */
const THROTTLE = {
  LOGIN_MAX_FAILURES: '3',
  LOGIN_MAX_FAILURES_PER_ADDRESS: '6',
  LOGIN_FAILURE_WINDOW_MINUTES: String(WINDOW_MINUTES),
  TRUST_PROXY: 'true',
};

/** Login throttling over HTTP: counted in the database, so two server processes on it count together. */
describe('login throttling', () => {
  let one: TestApp;
  let other: TestApp;
  let agency: TestAgency;

  beforeAll(async () => {
    one = await startTestApp({ env: THROTTLE });
    // A second server on the same database, on its own clock set to the same moment.
    other = await startTestApp({ env: THROTTLE });
    other.clock.set(one.clock.now());
    // Staff log in on a server with the generous test limits: other test files fail logins from 127.0.0.1 too.
    const setup = await startTestApp();
    try {
      agency = await createAgencyWithStaff(setup, 'Throttled agency');
    } finally {
      await setup.stop();
    }
  });

  afterAll(async () => {
    await one?.stop();
    await other?.stop();
  });

  /** A client address of its own (the counters are shared with every other test file and run); TRUST_PROXY=true takes the left-most. */
  const newAddress = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 254) + 1).slice(0, 3).join('.')}, 127.0.0.1`;
  const attempt = (t: TestApp, email: string, password: string, address: string) =>
    t.gql<{ login: { token: string } }>(LOGIN, { input: { email, password } }, { headers: { 'x-forwarded-for': address } });

  async function newLogin(): Promise<string> {
    const email = `${unique('guessed')}@example.com`;
    await createUser(one, agency.staffToken, { email, role: 'AGENCY_STAFF', password: TEST_PASSWORD, displayName: 'Guessed' });
    return email;
  }

  function travel(ms: number): void {
    one.clock.advance(ms);
    other.clock.advance(ms);
  }

  it('after the failures counted on two servers, the right password is refused too, with a retry-after, until the window ends', async () => {
    const email = await newLogin();
    const address = newAddress();
    expectError(await attempt(one, email, 'wrong password 1', address), 'UNAUTHENTICATED', 'INVALID_CREDENTIALS');
    expectError(await attempt(other, email, 'wrong password 2', newAddress()), 'UNAUTHENTICATED', 'INVALID_CREDENTIALS');
    expectError(await attempt(one, email, 'wrong password 3', newAddress()), 'UNAUTHENTICATED', 'INVALID_CREDENTIALS');
    for (const t of [other, one]) {
      const refused = await attempt(t, email, TEST_PASSWORD, newAddress());
      const error = expectError(refused, 'TOO_MANY_REQUESTS', 'TOO_MANY_ATTEMPTS');
      expect(refused.status).toBe(429);
      const retryAfter = (error.extensions as { retryAfterSeconds?: number }).retryAfterSeconds!;
      expect(retryAfter).toBeGreaterThan(WINDOW_MINUTES * 60 - 30);
      expect(retryAfter).toBeLessThanOrEqual(WINDOW_MINUTES * 60);
      expect(refused.headers.get('retry-after')).toBe(String(retryAfter));
      expect(error.extensions.params).toEqual({ retryAfterSeconds: retryAfter });
    }
    // A wrong password gets the very same refusal: nothing tells whether the password was right.
    const wrong = await attempt(one, email, 'wrong password 4', newAddress());
    expectError(wrong, 'TOO_MANY_REQUESTS', 'TOO_MANY_ATTEMPTS');
    travel(WINDOW_MINUTES * 60_000 + 1000);
    dataOf(await attempt(other, email, TEST_PASSWORD, address));
  });

  it('a successful login clears the account counter', async () => {
    const email = await newLogin();
    for (let i = 0; i < 2; i++) expectError(await attempt(one, email, `wrong ${i}`, newAddress()), 'UNAUTHENTICATED');
    dataOf(await attempt(other, email, TEST_PASSWORD, newAddress()));
    for (let i = 0; i < 2; i++) expectError(await attempt(one, email, `wrong again ${i}`, newAddress()), 'UNAUTHENTICATED', 'INVALID_CREDENTIALS');
    dataOf(await attempt(one, email, TEST_PASSWORD, newAddress()));
  });

  it('an unknown address is counted like a known one', async () => {
    const email = `${unique('nobody')}@example.com`;
    for (let i = 0; i < 3; i++) expectError(await attempt(one, email, `wrong ${i}`, newAddress()), 'UNAUTHENTICATED', 'INVALID_CREDENTIALS');
    expectError(await attempt(one, email, 'wrong 4', newAddress()), 'TOO_MANY_REQUESTS', 'TOO_MANY_ATTEMPTS');
  });

  it('one client address failing on many accounts is refused at its own, larger limit, also for a right password', async () => {
    const address = newAddress();
    for (let i = 0; i < 6; i++) {
      expectError(await attempt(i % 2 ? one : other, `${unique('spray')}@example.com`, 'Winter2026!', address), 'UNAUTHENTICATED', 'INVALID_CREDENTIALS');
    }
    const email = await newLogin();
    expectError(await attempt(one, email, TEST_PASSWORD, address), 'TOO_MANY_REQUESTS', 'TOO_MANY_ATTEMPTS');
    // From another address the same login works.
    dataOf(await attempt(one, email, TEST_PASSWORD, newAddress()));
  });

  it('a password reset clears the account counter', async () => {
    const email = await newLogin();
    for (let i = 0; i < 3; i++) expectError(await attempt(one, email, `wrong ${i}`, newAddress()), 'UNAUTHENTICATED');
    expectError(await attempt(one, email, TEST_PASSWORD, newAddress()), 'TOO_MANY_REQUESTS', 'TOO_MANY_ATTEMPTS');
    await one.gql('mutation ($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { accepted } }', { input: { email } });
    const [row] = await one.app.database.dataSource.query(
      `SELECT payload->>'link' AS link FROM mail_outbox WHERE recipient_email = $1 AND kind = 'PASSWORD_RESET'`,
      [email],
    );
    const token = decodeURIComponent(/#token=(.+)$/.exec(row.link as string)![1]);
    dataOf(await one.gql('mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) { token } }', { input: { token, newPassword: 'a brand new passphrase' } }));
    dataOf(await attempt(one, email, 'a brand new passphrase', newAddress()));
  });
});
