import { startSmtpSink, SmtpSink } from '../../support/smtp-sink';
import { createAgencyWithStaff, login, startTestApp, TEST_PASSWORD, TestAgency, TestApp, unique } from '../../support/test-app';
import { createFlexworker, createUser, dataOf, expectError } from '../e2e-helpers';

const REQUEST = 'mutation ($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { accepted } }';
const RESET = 'mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) { token expiresAt viewer { id } } }';
const VIEWER = '{ viewer { id } }';
const NEW_PASSWORD = 'purple elephant on a bicycle';

/** "Wachtwoord vergeten" over HTTP, with the mail delivered to a real SMTP server (test/support/smtp-sink.ts). */
describe('forgot password (requestPasswordReset, resetPassword)', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  let agency: TestAgency;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, PASSWORD_RESET_TTL_MINUTES: '60' } });
    agency = await createAgencyWithStaff(t, 'Uitzendbureau Zon');
  });

  afterAll(async () => {
    await t?.stop();
    await smtp?.stop();
  });

  /** Only this file's agencies: other test files share the database. */
  const deliver = (...agencyIds: string[]) => t.app.services.mail.deliverDue({ agencyIds: [agency.agencyId, ...agencyIds] });
  const tokenOf = (text: string) => decodeURIComponent(/reset-password#token=([^\s"<]+)/.exec(text)![1]);

  /** A worker whose language (on the Flexworker) is Polish, and whose login says Dutch. */
  async function polishWorker(email = `${unique('kasia')}@example.com`): Promise<string> {
    const worker = await createFlexworker(t, agency.staffToken, { firstName: 'Kasia', email, language: 'PL' });
    await createUser(t, agency.staffToken, { email, role: 'FLEXWORKER', flexworkerId: worker.id, password: TEST_PASSWORD, displayName: 'Kasia Nowak', language: 'NL' });
    return email;
  }

  async function requestReset(email: string, agencyId?: string): Promise<void> {
    const response = await t.gql(REQUEST, { input: { email, ...(agencyId ? { agencyId } : {}) } });
    expect(response.body).toEqual({ data: { requestPasswordReset: { accepted: true } } });
  }

  it("mails a link in the worker's language; the token sets the password once, ends every session and logs in", async () => {
    const email = await polishWorker();
    const oldSessions = [await login(t, email, TEST_PASSWORD), await login(t, email, TEST_PASSWORD)];
    await requestReset(email.toUpperCase());
    await deliver();
    const mail = await smtp.waitForMailTo(email);
    expect(mail.language).toBe('pl');
    expect(mail.subject).toBe('Uitzendbureau Zon: ustaw nowe hasło');
    const token = tokenOf(mail.text);
    expect(token).toMatch(/^fpr_[A-Za-z0-9_-]{43}$/);
    // The token is stored only as a hash.
    const stored = await t.app.database.dataSource.query('SELECT count(*)::int AS n FROM password_resets WHERE token_hash = $1', [token]);
    expect(stored[0].n).toBe(0);

    const reset = dataOf(await t.gql<{ resetPassword: { token: string; viewer: { id: string } } }>(RESET, { input: { token, newPassword: NEW_PASSWORD } }));
    for (const old of oldSessions) expectError(await t.gql(VIEWER, {}, { token: old }), 'UNAUTHENTICATED');
    // The reset logged in: its token is the login's.
    expect(dataOf(await t.gql(VIEWER, {}, { token: reset.resetPassword.token }))).toEqual({ viewer: { id: reset.resetPassword.viewer.id } });
    expectError(await t.gql('mutation ($input: LoginInput!) { login(input: $input) { token } }', { input: { email, password: TEST_PASSWORD } }), 'UNAUTHENTICATED', 'INVALID_CREDENTIALS');
    await login(t, email, NEW_PASSWORD);

    const again = await t.gql(RESET, { input: { token, newPassword: 'another long passphrase' } }, { headers: { 'accept-language': 'de' } });
    const error = expectError(again, 'BAD_USER_INPUT', 'RESET_TOKEN_USED');
    expect(error.extensions.field).toBe('token');
    expect(error.message).toContain('bereits verwendet');
    await login(t, email, NEW_PASSWORD);
  });

  it('refuses an expired token, an unknown one, and a weak password (which leaves the token usable)', async () => {
    const email = await polishWorker();
    await requestReset(email);
    await deliver();
    const token = tokenOf((await smtp.waitForMailTo(email)).text);
    expectError(await t.gql(RESET, { input: { token, newPassword: 'short' } }), 'BAD_USER_INPUT', 'PASSWORD_TOO_SHORT');
    expectError(await t.gql(RESET, { input: { token: `${token}x`, newPassword: NEW_PASSWORD } }), 'BAD_USER_INPUT', 'RESET_TOKEN_INVALID');
    t.clock.advance(61 * 60_000);
    try {
      expectError(await t.gql(RESET, { input: { token, newPassword: NEW_PASSWORD } }), 'BAD_USER_INPUT', 'RESET_TOKEN_EXPIRED');
    } finally {
      t.clock.advance(-61 * 60_000);
    }
    await login(t, email, TEST_PASSWORD);
  });

  it('a newer reset uses up the older links of the same login', async () => {
    const email = await polishWorker();
    await requestReset(email);
    await requestReset(email);
    await deliver();
    const mails = await smtp.waitFor((all) => all.filter((m) => m.envelopeTo.includes(email)).length === 2);
    const [first, second] = mails.filter((m) => m.envelopeTo.includes(email)).map((m) => tokenOf(m.text));
    dataOf(await t.gql(RESET, { input: { token: second, newPassword: NEW_PASSWORD } }));
    expectError(await t.gql(RESET, { input: { token: first, newPassword: 'another long passphrase' } }), 'BAD_USER_INPUT', 'RESET_TOKEN_USED');
  });

  it('two resets with one token at the same moment: exactly one sets the password', async () => {
    const email = await polishWorker();
    await requestReset(email);
    await deliver();
    const token = tokenOf((await smtp.waitForMailTo(email)).text);
    const answers = await Promise.all(['first racing passphrase', 'second racing passphrase'].map((newPassword) => t.gql(RESET, { input: { token, newPassword } })));
    const won = answers.filter((a) => a.body.data?.resetPassword);
    expect(won).toHaveLength(1);
    expectError(answers.find((a) => !a.body.data?.resetPassword)!, 'BAD_USER_INPUT', 'RESET_TOKEN_USED');
    const winner = answers.indexOf(won[0]) === 0 ? 'first racing passphrase' : 'second racing passphrase';
    await login(t, email, winner);
  });

  it('the same address at two agencies: one mail per login, each resetting its own', async () => {
    const other = await createAgencyWithStaff(t, 'Uitzendbureau Maan');
    const email = `${unique('both')}@example.com`;
    await createUser(t, agency.staffToken, { email, role: 'AGENCY_STAFF', password: TEST_PASSWORD, displayName: 'Both', language: 'EN' });
    await createUser(t, other.staffToken, { email, role: 'AGENCY_STAFF', password: TEST_PASSWORD, displayName: 'Both', language: 'DE' });
    await requestReset(email);
    await deliver(other.agencyId);
    const mails = (await smtp.waitFor((all) => all.filter((m) => m.envelopeTo.includes(email)).length === 2)).filter((m) => m.envelopeTo.includes(email));
    expect(mails.map((m) => m.subject).sort()).toEqual(['Uitzendbureau Maan: Neues Passwort festlegen', 'Uitzendbureau Zon: set a new password'].sort());
    const german = mails.find((m) => m.language === 'de')!;
    dataOf(await t.gql(RESET, { input: { token: tokenOf(german.text), newPassword: NEW_PASSWORD } }));
    // Only the login at Maan changed: the one at Zon still has the old password.
    const atZon = await t.gql('mutation ($input: LoginInput!) { login(input: $input) { token } }', { input: { email, password: TEST_PASSWORD, agencyId: agency.agencyId } });
    expect(atZon.body.errors).toBeUndefined();
    const atMaan = await t.gql('mutation ($input: LoginInput!) { login(input: $input) { token } }', { input: { email, password: NEW_PASSWORD, agencyId: other.agencyId } });
    expect(atMaan.body.errors).toBeUndefined();
  });

  it('answers a known and an unknown address alike, in body and (within a factor of 2) in time', async () => {
    const known = await polishWorker();
    const unknown = `${unique('nobody')}@example.com`;
    const times: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] };
    const bodies = new Set<string>();
    const ask = async (which: 'known' | 'unknown') => {
      const started = process.hrtime.bigint();
      const response = await fetch(t.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: REQUEST, variables: { input: { email: which === 'known' ? known : unknown } } }),
      });
      const text = await response.text();
      times[which].push(Number(process.hrtime.bigint() - started) / 1e6);
      bodies.add(`${response.status} ${text}`);
    };
    // Warm up both paths, then alternate so that a slow moment of the machine hits both alike.
    await ask('known');
    await ask('unknown');
    times.known.length = 0;
    times.unknown.length = 0;
    for (let i = 0; i < 30; i++) {
      await ask(i % 2 === 0 ? 'known' : 'unknown');
      await ask(i % 2 === 0 ? 'unknown' : 'known');
    }
    expect([...bodies]).toEqual(['200 {"data":{"requestPasswordReset":{"accepted":true}}}\n']);
    const ratio = median(times.known) / median(times.unknown);
    expect(ratio).toBeLessThan(2);
    expect(ratio).toBeGreaterThan(0.5);
  });
});

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 0 ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle];
}

describe('forgot password: the rate limits', () => {
  let t: TestApp;
  let agency: TestAgency;

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_PASSWORD_RESET: '3/600', RATE_LIMIT_PASSWORD_RESET_EMAIL: '2/3600', TRUST_PROXY: 'true' } });
    agency = await createAgencyWithStaff(t, 'Uitzendbureau Zon');
  });

  afterAll(async () => {
    await t?.stop();
  });

  /** A client address of its own (the HTTP counters are shared with every other test file); TRUST_PROXY=true takes the left-most. */
  const newAddress = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 254) + 1).join('.')}`;
  const ask = (email: string, address = newAddress()) => t.gql(REQUEST, { input: { email } }, { headers: { 'x-forwarded-for': address } });
  const resetMailsTo = async (email: string) =>
    (await t.app.database.dataSource.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE recipient_email = $1 AND kind = 'PASSWORD_RESET'`, [email]))[0].n as number;

  it('per e-mail address: past the limit the answer stays the same, but no more mail goes out until the window ends', async () => {
    const email = `${unique('limited')}@example.com`;
    await createUser(t, agency.staffToken, { email, role: 'AGENCY_STAFF', password: TEST_PASSWORD, displayName: 'Limited' });
    for (let i = 0; i < 4; i++) expect((await ask(email)).body).toEqual({ data: { requestPasswordReset: { accepted: true } } });
    expect(await resetMailsTo(email)).toBe(2);
    t.clock.advance(3600_000 + 1000);
    expect((await ask(email)).body).toEqual({ data: { requestPasswordReset: { accepted: true } } });
    expect(await resetMailsTo(email)).toBe(3);
  });

  it('per client address: requests and resets share an allowance, then 429 with Retry-After', async () => {
    const address = newAddress();
    for (let i = 0; i < 2; i++) dataOf(await ask(`${unique('spray')}@example.com`, address));
    expectError(
      await t.gql(RESET, { input: { token: 'fpr_unknown', newPassword: NEW_PASSWORD } }, { headers: { 'x-forwarded-for': address } }),
      'BAD_USER_INPUT',
      'RESET_TOKEN_INVALID',
    );
    const refused = await ask(`${unique('spray')}@example.com`, address);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expectError(refused, 'TOO_MANY_REQUESTS', 'RATE_LIMITED');
    // Another address is not held back.
    dataOf(await ask(`${unique('spray')}@example.com`));
  });
});
