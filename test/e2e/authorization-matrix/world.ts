import { createAgencyWithStaff, login, TestApp, TEST_PASSWORD, unique } from '../../support/test-app';
import { createFlexworker, createPlacement, createRelation, createUser, dataOf, FlexworkerNode, RelationNode } from '../e2e-helpers';
import { userIdOf } from '../week-helpers';
import { annualPath, makePdf, payslipPath, put } from '../document-helpers';
import { createExport } from '../payroll-helpers';
import { putBeforeWorker, uploadPdf } from '../signing-helpers';
import { buildWeeks, WeekRef, Weeks } from './world-weeks';

/*
 * One agency with an object of every kind for the authorization matrix: two relations with a
 * contact each, a worker placed twice at the first (once entering the hours themself, once where
 * the relation enters them, with a CAO schedule), a colleague at the second relation, weeks in
 * every status the API can reach, an audit entry, two API keys and spare logins for the
 * operations that end a session. Names and e-mails are unique, so that they can be looked for in
 * answers as well as the ids.
 */

export type UserRole = 'FLEXWORKER' | 'RELATION_CONTACT' | 'AGENCY_STAFF';
export type Role = UserRole | 'PAYROLL';

export interface Caller {
  readonly token: string;
  /** The user id (the API client id for PAYROLL). */
  readonly id: string;
  readonly email: string | null;
}

/** A placement and its weeks as the party that enters its hours sees them. */
export interface Side {
  readonly placementId: string;
  /** A week that is approved and has a declaration: the one every reader is shown. */
  readonly read: WeekRef;
  /** An open week with a saved draft. */
  readonly draft: WeekRef;
  /** An open week with nothing in it yet. */
  readonly toSubmit: WeekRef;
}

export interface World {
  readonly label: string;
  readonly agency: { readonly id: string; readonly name: string };
  readonly callers: Readonly<Record<Role, Caller>>;
  /** A second session of each main login (logout ends it). */
  readonly spareSessions: Readonly<Record<UserRole, string>>;
  /** Another login of each role (changeMyPassword ends all of its sessions). */
  readonly spareUsers: Readonly<Record<UserRole, Caller>>;
  readonly relation: RelationNode;
  readonly otherRelation: RelationNode;
  readonly worker: FlexworkerNode;
  /** The worker's payroll number (Flexworker.payrollNumber): staff, payroll and the worker see it; a contact does not. */
  readonly workerPayrollNumber: string;
  readonly otherWorker: FlexworkerNode;
  /** A worker with no placement and no login, for createPlacement. */
  readonly placeableWorker: FlexworkerNode;
  /** Where the worker enters the hours, and where the relation does. */
  readonly sides: { readonly worker: Side; readonly relation: Side };
  /** The colleague's placement at the other relation. */
  readonly hiddenPlacementId: string;
  readonly weeks: Weeks;
  readonly schedule: { readonly id: string; readonly name: string; readonly version: number };
  readonly spareApiClientId: string;
  readonly auditEntryIds: readonly string[];
  /** Documents payroll uploaded: the worker's payslip and annual statement, and the colleague's payslip. */
  readonly documents: { readonly payslipId: string; readonly annualStatementId: string; readonly colleaguePayslipId: string };
  /**
   * Documents to sign, PENDING: the worker's, one for each cell that changes one (signed, declined,
   * withdrawn) and one only read; and one of the colleague (hidden from the worker).
   */
  readonly signing: { readonly toSign: string; readonly toDecline: string; readonly toWithdraw: string; readonly toRead: string; readonly hidden: string };
  /** PDFs uploaded beforehand (an upload works once, for its uploader only): staff's to create a document and to verify one, the worker's to verify one. */
  readonly uploads: { readonly staffCreate: string; readonly staffVerify: string; readonly workerVerify: string };
  /**
   * Payroll exports: the first holds the world's approved weeks (PENDING, read by the queries);
   * the others are empty, one for each caller that settles one, so that settling changes no week.
   */
  readonly payrollExports: { readonly held: string; readonly confirmed: string; readonly cancelledByPayroll: string; readonly cancelledByStaff: string };
  /** For resetPassword: the token of a reset mail to a login of its own, one per caller (a token works once). */
  readonly resetTokens: Readonly<Record<Role | 'anonymous', string>>;
  /** Invited contacts (no password): one whose invitation is re-sent, one whose invitation is revoked. */
  readonly invitees: { readonly resend: string; readonly revoke: string };
  /** For acceptInvitation: the token of an invitation mail to a contact of its own, one per caller (a token works once). */
  readonly invitationTokens: Readonly<Record<Role | 'anonymous', string>>;
  /**
   * Conversations with the agency (contact tab): the worker's and the contact's own, the
   * colleague's (hidden from both), and one of the worker's for closeMessageThread alone.
   */
  readonly messageThreads: { readonly worker: string; readonly contact: string; readonly colleague: string; readonly toClose: string };
  /** Open change requests of a worker of their own (so approving one races no other cell on the main worker). */
  readonly changeRequests: { readonly toApprove: string; readonly toReject: string };
}

/** The exports of the world, made one after another by its payroll key once its weeks are approved. */
async function makeExports(t: TestApp, key: string): Promise<World['payrollExports']> {
  const ids: string[] = [];
  for (const name of ['held', 'confirmed', 'cancelledByPayroll', 'cancelledByStaff']) {
    ids.push((await createExport(t, key, unique(`matrix-${name}-`))).payrollExport.id);
  }
  const [held, confirmed, cancelledByPayroll, cancelledByStaff] = ids;
  return { held, confirmed, cancelledByPayroll, cancelledByStaff };
}

/** Payroll uploads a payslip and an annual statement for the worker and a payslip for the colleague. */
async function uploadDocuments(t: TestApp, key: string, workerId: string, colleagueId: string): Promise<World['documents']> {
  const period = { start: '2026-11-16', end: '2026-11-22', pay: '2026-11-25' };
  const upload = async (path: string, text: string) => {
    const answer = await put<{ id: string }>(t, path, await makePdf(text), { token: key });
    if (answer.status !== 201) throw new Error(`upload failed: ${JSON.stringify(answer.json)}`);
    return answer.json.id;
  };
  const [payslipId, annualStatementId, colleaguePayslipId] = await Promise.all([
    upload(payslipPath(workerId, period), 'Matrix payslip'),
    upload(annualPath(workerId, 2026), 'Matrix annual statement'),
    upload(payslipPath(colleagueId, period), 'Matrix colleague payslip'),
  ]);
  return { payslipId, annualStatementId, colleaguePayslipId };
}

/** Staff put PDFs before the worker and the colleague; staff and the worker upload the PDFs their cells use. */
async function signingObjects(t: TestApp, staffToken: string, workerToken: string, workerId: string, colleagueId: string): Promise<Pick<World, 'signing' | 'uploads'>> {
  const [toSign, toDecline, toWithdraw, toRead, hidden, staffCreate, staffVerify, workerVerify] = await Promise.all([
    putBeforeWorker(t, staffToken, workerId, 'Matrix contract to sign'),
    putBeforeWorker(t, staffToken, workerId, 'Matrix contract to decline'),
    putBeforeWorker(t, staffToken, workerId, 'Matrix contract to withdraw'),
    putBeforeWorker(t, staffToken, workerId, 'Matrix contract to read'),
    putBeforeWorker(t, staffToken, colleagueId, 'Matrix colleague contract'),
    uploadPdf(t, staffToken).then((u) => u.id),
    uploadPdf(t, staffToken).then((u) => u.id),
    uploadPdf(t, workerToken).then((u) => u.id),
  ]);
  return { signing: { toSign, toDecline, toWithdraw, toRead, hidden }, uploads: { staffCreate, staffVerify, workerVerify } };
}

const SCHEDULE = 'mutation ($input: CreateCaoUnravelScheduleInput!) { createCaoUnravelSchedule(input: $input) { caoUnravelSchedule { id name version } } }';
const API_CLIENT = 'mutation ($input: CreateApiClientInput!) { createApiClient(input: $input) { apiKey apiClient { id } } }';

async function apiClient(t: TestApp, token: string): Promise<{ id: string; key: string }> {
  const created = dataOf(await t.gql<{ createApiClient: { apiKey: string; apiClient: { id: string } } }>(API_CLIENT, { input: { name: unique('Payroll ') } }, { token }));
  return { id: created.createApiClient.apiClient.id, key: created.createApiClient.apiKey };
}

/** A new staff login that asked for a password reset: the token from the mail in the outbox. */
async function resetToken(t: TestApp, staffToken: string): Promise<string> {
  const email = `${unique('matrix-reset')}@example.com`;
  await createUser(t, staffToken, { email, role: 'AGENCY_STAFF', password: TEST_PASSWORD, displayName: 'Matrix reset' });
  dataOf(await t.gql('mutation ($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { accepted } }', { input: { email } }));
  const [row] = await t.app.database.dataSource.query(`SELECT payload->>'link' AS link FROM mail_outbox WHERE recipient_email = $1 AND kind = 'PASSWORD_RESET'`, [email]);
  return decodeURIComponent(/#token=(.+)$/.exec(row.link as string)![1]);
}

const INVITE = 'mutation ($input: InviteUserInput!) { inviteUser(input: $input) { user { id } } }';

/** A new contact of the relation invited by staff: its login id and the token from the mail in the outbox. */
async function invitee(t: TestApp, staffToken: string, relationId: string): Promise<{ userId: string; token: string }> {
  const email = `${unique('matrix-invitee')}@example.com`;
  const invited = dataOf(await t.gql<{ inviteUser: { user: { id: string } } }>(INVITE, { input: { relationId, email, name: 'Matrix invitee' } }, { token: staffToken }));
  const [row] = await t.app.database.dataSource.query(`SELECT payload->>'link' AS link FROM mail_outbox WHERE recipient_email = $1 AND kind = 'INVITATION'`, [email]);
  return { userId: invited.inviteUser.user.id, token: decodeURIComponent(/#token=(.+)$/.exec(row.link as string)![1]) };
}

async function invitations(t: TestApp, staffToken: string, relationId: string): Promise<Pick<World, 'invitees' | 'invitationTokens'>> {
  const made: { userId: string; token: string }[] = [];
  for (let i = 0; i < 7; i += 1) made.push(await invitee(t, staffToken, relationId));
  const [resend, revoke, anonymous, FLEXWORKER, RELATION_CONTACT, AGENCY_STAFF, PAYROLL] = made;
  return {
    invitees: { resend: resend.userId, revoke: revoke.userId },
    invitationTokens: { anonymous: anonymous.token, FLEXWORKER: FLEXWORKER.token, RELATION_CONTACT: RELATION_CONTACT.token, AGENCY_STAFF: AGENCY_STAFF.token, PAYROLL: PAYROLL.token },
  };
}

/** Two open change requests of a new worker with a login: one for approveChangeRequest, one for rejectChangeRequest. */
async function changeRequests(t: TestApp, staffToken: string): Promise<World['changeRequests']> {
  const requester = await createFlexworker(t, staffToken, { lastName: unique('Bakker') });
  const login = await newLogin(t, staffToken, 'FLEXWORKER', { flexworkerId: requester.id });
  const ask = async (note: string) =>
    dataOf(
      await t.gql<{ requestPersonalDataChange: { changeRequest: { id: string } } }>(
        'mutation ($input: RequestPersonalDataChangeInput!) { requestPersonalDataChange(input: $input) { changeRequest { id } } }',
        { input: { changes: { phone: '+31 6 1111 2222' }, note } },
        { token: login.token },
      ),
    ).requestPersonalDataChange.changeRequest.id;
  return { toApprove: await ask('Matrix approve'), toReject: await ask('Matrix reject') };
}

async function resetTokens(t: TestApp, staffToken: string): Promise<World['resetTokens']> {
  const [anonymous, FLEXWORKER, RELATION_CONTACT, AGENCY_STAFF, PAYROLL] = await Promise.all([1, 2, 3, 4, 5].map(() => resetToken(t, staffToken)));
  return { anonymous, FLEXWORKER, RELATION_CONTACT, AGENCY_STAFF, PAYROLL };
}

/** A login of `role` (with a new user), signed in. */
async function newLogin(t: TestApp, staffToken: string, role: UserRole, link: Record<string, string> = {}): Promise<Caller> {
  const email = `${unique(`matrix-${role.toLowerCase()}`)}@example.com`;
  const id = await createUser(t, staffToken, { email, role, password: TEST_PASSWORD, displayName: `Matrix ${role}`, ...link });
  return { token: await login(t, email, TEST_PASSWORD), id, email };
}

export async function buildWorld(t: TestApp, label: string): Promise<World> {
  const agencyName = unique(`Matrix agency ${label} `);
  const agency = await createAgencyWithStaff(t, agencyName);
  const staffToken = agency.staffToken;
  const workerPayrollNumber = unique(`PN-${label}-`);
  const [relation, otherRelation, worker, otherWorker, placeableWorker, schedule, payroll, spareApiClient, spareStaff, staffId] = await Promise.all([
    createRelation(t, staffToken, { name: unique(`Relation ${label} `), contactEmail: `${unique('desk')}@client.example` }),
    createRelation(t, staffToken, { name: unique(`Other relation ${label} `) }),
    createFlexworker(t, staffToken, { lastName: unique('Visser'), phone: '+31612345678', bsn: '111222333', iban: 'NL91ABNA0417164300', payrollNumber: workerPayrollNumber }),
    createFlexworker(t, staffToken, { lastName: unique('Jansen') }),
    createFlexworker(t, staffToken, { lastName: unique('Smit') }),
    t.gql<{ createCaoUnravelSchedule: { caoUnravelSchedule: { id: string; name: string; version: number } } }>(
      SCHEDULE,
      { input: { name: unique(`Schedule ${label} `), versions: [{ validFrom: '2026-01-01', hourCodes: { normal: 'U100' } }] } },
      { token: staffToken },
    ),
    apiClient(t, staffToken),
    apiClient(t, staffToken),
    newLogin(t, staffToken, 'AGENCY_STAFF'),
    userIdOf(t, staffToken),
  ]);
  const base = { functionName: 'Order picker', startDate: '2026-09-28' };
  const [placement, relationPlacement, hiddenPlacement, workerLogin, contactLogin, colleagueLogin, otherContactLogin] = await Promise.all([
    createPlacement(t, staffToken, { ...base, flexworkerId: worker.id, relationId: relation.id }),
    createPlacement(t, staffToken, {
      ...base,
      flexworkerId: worker.id,
      relationId: relation.id,
      startDate: '2026-11-02',
      caoScheduleId: dataOf(schedule).createCaoUnravelSchedule.caoUnravelSchedule.id,
      hourCodes: undefined,
      hoursEnteredBy: 'RELATION',
    }),
    createPlacement(t, staffToken, { ...base, flexworkerId: otherWorker.id, relationId: otherRelation.id }),
    newLogin(t, staffToken, 'FLEXWORKER', { flexworkerId: worker.id }),
    newLogin(t, staffToken, 'RELATION_CONTACT', { relationId: relation.id }),
    newLogin(t, staffToken, 'FLEXWORKER', { flexworkerId: otherWorker.id }),
    newLogin(t, staffToken, 'RELATION_CONTACT', { relationId: otherRelation.id }),
  ]);
  const staffLogin: Caller = { token: staffToken, id: staffId, email: agency.staffEmail };
  const spareUsers = { FLEXWORKER: colleagueLogin, RELATION_CONTACT: otherContactLogin, AGENCY_STAFF: spareStaff };
  const [built, documents, ...spareSessions] = await Promise.all([
    buildWeeks(t, {
      worker: workerLogin.token,
      contact: contactLogin.token,
      colleague: colleagueLogin.token,
      staff: staffToken,
      placementId: placement.id,
      relationPlacementId: relationPlacement.id,
      hiddenPlacementId: hiddenPlacement.id,
    }),
    uploadDocuments(t, payroll.key, worker.id, otherWorker.id),
    login(t, workerLogin.email!, TEST_PASSWORD),
    login(t, contactLogin.email!, TEST_PASSWORD),
    login(t, agency.staffEmail, TEST_PASSWORD),
  ]);
  return {
    label,
    agency: { id: agency.agencyId, name: agencyName },
    callers: { FLEXWORKER: workerLogin, RELATION_CONTACT: contactLogin, AGENCY_STAFF: staffLogin, PAYROLL: { token: payroll.key, id: payroll.id, email: null } },
    spareSessions: { FLEXWORKER: spareSessions[0], RELATION_CONTACT: spareSessions[1], AGENCY_STAFF: spareSessions[2] },
    spareUsers,
    relation,
    otherRelation,
    worker,
    workerPayrollNumber,
    otherWorker,
    placeableWorker,
    sides: {
      worker: { placementId: placement.id, read: built.weeks.corrected, draft: built.weeks.draft, toSubmit: built.weeks.toSubmit },
      relation: { placementId: relationPlacement.id, read: built.weeks.relationApproved, draft: built.weeks.relationDraft, toSubmit: built.weeks.relationToSubmit },
    },
    hiddenPlacementId: hiddenPlacement.id,
    weeks: built.weeks,
    schedule: dataOf(schedule).createCaoUnravelSchedule.caoUnravelSchedule,
    spareApiClientId: spareApiClient.id,
    auditEntryIds: built.auditEntryIds,
    documents,
    ...(await signingObjects(t, staffToken, workerLogin.token, worker.id, otherWorker.id)),
    payrollExports: await makeExports(t, payroll.key),
    resetTokens: await resetTokens(t, staffToken),
    ...(await invitations(t, staffToken, relation.id)),
    changeRequests: await changeRequests(t, staffToken),
    messageThreads: {
      worker: await startThread(t, workerLogin.token, 'Matrix worker thread'),
      contact: await startThread(t, contactLogin.token, 'Matrix contact thread'),
      colleague: await startThread(t, colleagueLogin.token, 'Matrix colleague thread'),
      toClose: await startThread(t, workerLogin.token, 'Matrix thread to close'),
    },
  };
}

/** A new conversation of the login of `token` with its agency. */
async function startThread(t: TestApp, token: string, subject: string): Promise<string> {
  const response = await t.gql<{ startMessageThread: { thread: { id: string } } }>(
    'mutation ($input: StartMessageThreadInput!) { startMessageThread(input: $input) { thread { id } } }',
    { input: { subject, text: `${subject}: hello` } },
    { token },
  );
  return dataOf(response).startMessageThread.thread.id;
}
