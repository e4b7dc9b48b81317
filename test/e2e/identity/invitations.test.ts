import { DateTime } from 'luxon';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { startSmtpSink, SmtpSink } from '../../support/smtp-sink';
import { createAgencyWithStaff, login, startTestApp, TestAgency, TestApp, unique } from '../../support/test-app';
import { createFlexworker, createPlacement, createRelation, dataOf, expectError } from '../e2e-helpers';

const INVITE = 'mutation ($input: InviteUserInput!) { inviteUser(input: $input) { user { id email role } invitation { id userId state expiresAt } } }';
const RESEND = 'mutation ($input: ResendInvitationInput!) { resendInvitation(input: $input) { invitation { id state } } }';
const REVOKE = 'mutation ($input: RevokeInvitationInput!) { revokeInvitation(input: $input) { invitation { id state } } }';
const ACCEPT =
  'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { token viewer { id role flexworkerId } landing { week placementId url } } }';
const VIEWER = '{ viewer { id role } }';
const PASSWORD = 'purple elephant on a bicycle';

interface Invited { inviteUser: { user: { id: string; email: string; role: string }; invitation: { id: string; userId: string; state: string; expiresAt: string } } }
interface Accepted { acceptInvitation: { token: string; viewer: { id: string; role: string; flexworkerId: string | null }; landing: { week: string; placementId: string | null; url: string } } }

/** Invitations and sign-up over HTTP, with the mail delivered to a real SMTP server (test/support/smtp-sink.ts). */
describe('invitations (inviteUser, resendInvitation, revokeInvitation, acceptInvitation)', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  let agency: TestAgency;
  let relationId: string;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, INVITATION_TTL_HOURS: '48' } });
    agency = await createAgencyWithStaff(t, 'Uitzendbureau Maan');
    relationId = (await createRelation(t, agency.staffToken, { name: 'Bakkerij Brood' })).id;
  });

  afterAll(async () => {
    await t?.stop();
    await smtp?.stop();
  });

  /** Only this file's agency: other test files share the database. */
  const deliver = () => t.app.services.mail.deliverDue({ agencyIds: [agency.agencyId] });
  const tokenOf = (text: string) => decodeURIComponent(/invitation#token=([^\s"<]+)/.exec(text)![1]);
  const currentWeek = () => DateTime.fromJSDate(t.clock.now()).setZone('Europe/Amsterdam').toFormat("kkkk-'W'WW");

  async function polishWorker(): Promise<{ id: string; email: string }> {
    const email = `${unique('kasia')}@example.com`;
    const worker = await createFlexworker(t, agency.staffToken, { firstName: 'Kasia', email, language: 'PL' });
    return { id: worker.id, email };
  }

  async function invite(input: Record<string, unknown>): Promise<Invited['inviteUser']> {
    return dataOf(await t.gql<Invited>(INVITE, { input }, { token: agency.staffToken })).inviteUser;
  }

  async function mailedToken(email: string, after = 0): Promise<string> {
    await deliver();
    const mails = await smtp.waitFor((all) => all.filter((m) => m.to.includes(email)).length > after);
    return tokenOf(mails.filter((m) => m.to.includes(email))[after].text);
  }

  it("mails a link in the worker's language; accepting it sets the password, logs in and lands on the current week's timesheet", async () => {
    const worker = await polishWorker();
    const placement = await createPlacement(t, agency.staffToken, { flexworkerId: worker.id, relationId, sendInvitations: false });
    const invited = await invite({ flexworkerId: worker.id });
    expect(invited.user).toMatchObject({ email: worker.email, role: 'FLEXWORKER' });
    expect(invited.invitation.state).toBe('OPEN');
    expect(new Date(invited.invitation.expiresAt).getTime() - t.clock.now().getTime()).toBe(48 * 3600_000);
    await deliver();
    const mail = await smtp.waitForMailTo(worker.email);
    expect(mail.language).toBe('pl');
    expect(mail.subject).toBe('Uitzendbureau Maan: załóż konto w Flexportal');
    const token = tokenOf(mail.text);
    expect(token).toMatch(/^fpi_[A-Za-z0-9_-]{43}$/);
    const stored = await t.app.database.dataSource.query('SELECT count(*)::int AS n FROM invitations WHERE token_hash = $1', [token]);
    expect(stored[0].n).toBe(0);
    // Before accepting, the login has no password: any password is answered as a wrong one.
    expectError(await t.gql('mutation ($input: LoginInput!) { login(input: $input) { token } }', { input: { email: worker.email, password: PASSWORD } }), 'UNAUTHENTICATED', 'INVALID_CREDENTIALS');

    const accepted = dataOf(await t.gql<Accepted>(ACCEPT, { input: { token, password: PASSWORD } })).acceptInvitation;
    expect(accepted.viewer).toEqual({ id: invited.user.id, role: 'FLEXWORKER', flexworkerId: worker.id });
    expect(accepted.landing).toEqual({ week: currentWeek(), placementId: placement.id, url: expect.stringMatching(new RegExp(`/week/${currentWeek()}$`)) });
    expect(dataOf(await t.gql(VIEWER, {}, { token: accepted.token }))).toEqual({ viewer: { id: invited.user.id, role: 'FLEXWORKER' } });
    await login(t, worker.email, PASSWORD);

    const again = expectError(await t.gql(ACCEPT, { input: { token, password: 'another long passphrase' } }), 'BAD_USER_INPUT', 'INVITATION_INVALID');
    expect(again.extensions.field).toBe('token');
    // Now an account: inviting again is refused.
    expectError(await t.gql(INVITE, { input: { flexworkerId: worker.id } }, { token: agency.staffToken }), 'CONFLICT', 'ACCOUNT_ACTIVE');
  });

  it('refuses an expired link (INVITATION_EXPIRED), in the language asked for', async () => {
    const worker = await polishWorker();
    await invite({ flexworkerId: worker.id });
    const token = await mailedToken(worker.email);
    t.clock.advance(48 * 3600_000 + 1000);
    try {
      const error = expectError(await t.gql(ACCEPT, { input: { token, password: PASSWORD } }, { headers: { 'accept-language': 'nl' } }), 'BAD_USER_INPUT', 'INVITATION_EXPIRED');
      expect(error.message).toContain('verlopen');
    } finally {
      t.clock.advance(-(48 * 3600_000 + 1000));
    }
  });

  it('a revoked link and a replaced link stop working; the re-sent one works', async () => {
    const worker = await polishWorker();
    const invited = await invite({ flexworkerId: worker.id });
    const first = await mailedToken(worker.email);
    expectError(await t.gql(INVITE, { input: { flexworkerId: worker.id } }, { token: agency.staffToken }), 'CONFLICT', 'INVITATION_OPEN');
    const resent = dataOf(await t.gql<{ resendInvitation: { invitation: { id: string; state: string } } }>(RESEND, { input: { userId: invited.user.id } }, { token: agency.staffToken }));
    expect(resent.resendInvitation.invitation.id).not.toBe(invited.invitation.id);
    const second = await mailedToken(worker.email, 1);
    expect(second).not.toBe(first);
    expectError(await t.gql(ACCEPT, { input: { token: first, password: PASSWORD } }), 'BAD_USER_INPUT', 'INVITATION_INVALID');

    const revoked = dataOf(await t.gql<{ revokeInvitation: { invitation: { state: string } } }>(REVOKE, { input: { userId: invited.user.id } }, { token: agency.staffToken }));
    expect(revoked.revokeInvitation.invitation.state).toBe('REVOKED');
    expectError(await t.gql(ACCEPT, { input: { token: second, password: PASSWORD } }), 'BAD_USER_INPUT', 'INVITATION_INVALID');
    expectError(await t.gql(REVOKE, { input: { userId: invited.user.id } }, { token: agency.staffToken }), 'BAD_USER_INPUT', 'INVITATION_NOT_OPEN');

    // Invited again after the revocation: a third link, which works.
    await invite({ flexworkerId: worker.id });
    const third = await mailedToken(worker.email, 2);
    dataOf(await t.gql<Accepted>(ACCEPT, { input: { token: third, password: PASSWORD } }));
    expectError(await t.gql(ACCEPT, { input: { token: 'fpi_unknown', password: PASSWORD } }), 'BAD_USER_INPUT', 'INVITATION_INVALID');
  });

  it('invites a relation contact, who lands on the approval inbox', async () => {
    const email = `${unique('piet')}@example.com`;
    const invited = await invite({ relationId, email, name: 'Piet Bakker', language: 'DE' });
    expect(invited.user.role).toBe('RELATION_CONTACT');
    await deliver();
    const mail = await smtp.waitForMailTo(email);
    expect(mail.language).toBe('de');
    const accepted = dataOf(await t.gql<Accepted>(ACCEPT, { input: { token: tokenOf(mail.text), password: PASSWORD } })).acceptInvitation;
    expect(accepted.landing).toEqual({ week: currentWeek(), placementId: null, url: expect.stringMatching(/\/approvals$/) });
  });

  it('createPlacement with sendInvitations invites a worker without a login, never where the relation enters the hours', async () => {
    const worker = await polishWorker();
    await createPlacement(t, agency.staffToken, { flexworkerId: worker.id, relationId });
    const token = await mailedToken(worker.email);
    const accepted = dataOf(await t.gql<Accepted>(ACCEPT, { input: { token, password: PASSWORD } })).acceptInvitation;
    expect(accepted.viewer.flexworkerId).toBe(worker.id);

    const other = await polishWorker();
    await createPlacement(t, agency.staffToken, { flexworkerId: other.id, relationId, hoursEnteredBy: 'RELATION', sendInvitations: false, sendReminders: false });
    const off = await polishWorker();
    await createPlacement(t, agency.staffToken, { flexworkerId: off.id, relationId, sendInvitations: false });
    await deliver();
    const rows = await t.app.database.dataSource.query(
      `SELECT count(*)::int AS n FROM invitations i JOIN users u ON u.id = i.user_id WHERE u.flexworker_id = ANY($1::uuid[])`,
      [[other.id, off.id]],
    );
    expect(rows[0].n).toBe(0);
    expect(smtp.received.filter((m) => m.to.includes(other.email) || m.to.includes(off.email))).toEqual([]);
  });

  it("shows staff each worker's and contact's account state, in one query each whatever the list's length", async () => {
    const [none, invited, expired, revoked, active] = [await polishWorker(), await polishWorker(), await polishWorker(), await polishWorker(), await polishWorker()];
    await invite({ flexworkerId: invited.id });
    const revokedLogin = await invite({ flexworkerId: revoked.id });
    await t.gql(REVOKE, { input: { userId: revokedLogin.user.id } }, { token: agency.staffToken });
    await invite({ flexworkerId: active.id });
    const activeToken = await mailedToken(active.email);
    dataOf(await t.gql(ACCEPT, { input: { token: activeToken, password: PASSWORD } }));
    t.clock.advance(-49 * 3600_000);
    try {
      await invite({ flexworkerId: expired.id });
    } finally {
      t.clock.advance(49 * 3600_000);
    }
    const contactEmail = `${unique('els')}@example.com`;
    await invite({ relationId, email: contactEmail, name: 'Els Brood' });

    const LIST = '{ flexworkers(first: 100) { nodes { id account { state userId email } } } relations(first: 50) { nodes { id contacts { name email account { state } } } } }';
    const list = dataOf(await t.gql<{
      flexworkers: { nodes: { id: string; account: { state: string; userId: string | null; email: string | null } }[] };
      relations: { nodes: { id: string; contacts: { name: string; email: string; account: { state: string } }[] }[] };
    }>(LIST, {}, { token: agency.staffToken }));
    const stateOf = (id: string) => list.flexworkers.nodes.find((n) => n.id === id)!.account;
    expect(stateOf(none.id)).toEqual({ state: 'NONE', userId: null, email: null });
    expect(stateOf(invited.id)).toMatchObject({ state: 'INVITED', email: invited.email });
    expect(stateOf(expired.id).state).toBe('INVITATION_EXPIRED');
    expect(stateOf(revoked.id)).toEqual({ state: 'INVITATION_REVOKED', userId: revokedLogin.user.id, email: revoked.email });
    expect(stateOf(active.id).state).toBe('ACTIVE');
    const contacts = list.relations.nodes.find((n) => n.id === relationId)!.contacts;
    expect(contacts).toContainEqual({ name: 'Els Brood', email: contactEmail, account: { state: 'INVITED' } });

    // Batched: the states of all these workers cost two statements (their logins, their invitations), not one per worker.
    const statements = async (fields: string) => {
      const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
      try {
        const response = await t.gql<{ flexworkers: { nodes: unknown[] } }>(`{ flexworkers(first: 100) { nodes { ${fields} } } }`, {}, { token: agency.staffToken });
        expect(dataOf(response).flexworkers.nodes.length).toBeGreaterThanOrEqual(10);
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    expect(await statements('id account { state }')).toBe((await statements('id')) + 2);

    // A worker sees no account states.
    const session = await login(t, active.email, PASSWORD);
    const mine = await t.gql<{ flexworker: unknown }>('query ($id: ID!) { flexworker(id: $id) { id account { state } } }', { id: active.id }, { token: session });
    expect(dataOf(mine).flexworker).toEqual({ id: active.id, account: null });
  });

  it('only staff invite', async () => {
    const worker = await polishWorker();
    const placement = await createPlacement(t, agency.staffToken, { flexworkerId: worker.id, relationId, sendInvitations: false });
    expect(placement.id).toBeDefined();
    expectError(await t.gql(INVITE, { input: { flexworkerId: worker.id } }), 'UNAUTHENTICATED');
  });
});
