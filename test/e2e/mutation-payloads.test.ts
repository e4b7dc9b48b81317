import { createAgencyWithStaff, login, TestAgency, TestApp, TravelClock, TEST_PASSWORD, unique } from '../support/test-app';
import { createUser, dataOf, expectError } from './e2e-helpers';
import {
  awaitingApproval,
  DECLARATION_FIELDS,
  DeclarationNode,
  DayInput,
  openTimesheets,
  startWeekApp,
  TIMESHEET_FIELDS,
  TimesheetNode,
  timesheetForWeek,
  WED_W48_1000,
  weekWorld,
  WeekWorld,
} from './week-helpers';

/*
 * What every week mutation answers, so that a normalising cache can follow without refetching:
 * the objects as they are now, and the ids that left the viewer's own lists. Each removed-id list
 * is checked against the list itself, read before and after: it holds exactly what left it.
 * Then the identity payloads (createUser's User, logout, revokeApiClient's input) and the
 * upper-case Language enum over the lower-case codes the domain keeps.
 */

const CODES = { hourCodes: [{ code: 'H100', percentage: 100 }] };
const day = (date: string, hours = '8:00'): DayInput => ({ date, hours: [{ hourCode: 'H100', hours }] });

const SAVE = `mutation ($input: SaveTimesheetInput!) { saveTimesheet(input: $input) { timesheet { ${TIMESHEET_FIELDS} } } }`;
const SAVE_AND_APPROVE = `mutation ($input: SaveAndApproveTimesheetInput!) {
  saveAndApproveTimesheet(input: $input) { timesheet { ${TIMESHEET_FIELDS} currentDeclarationId } declaration { ${DECLARATION_FIELDS} } removedFromOpenTimesheets } }`;
const APPROVE = `mutation ($input: ApproveDeclarationsInput!) {
  approveDeclarations(input: $input) { declarations { id status } timesheets { id status version } removedFromAwaitingApproval removedFromOpenTimesheets } }`;
const REJECT = `mutation ($input: RejectDeclarationInput!) {
  rejectDeclaration(input: $input) { declaration { id status rejectionReason } timesheet { id status version rejection { reason } } removedFromAwaitingApproval } }`;
const CORRECT = `mutation ($input: CorrectDeclarationInput!) {
  correctDeclaration(input: $input) { declaration { id number origin status previousDeclarationId } timesheet { id version currentDeclarationId } } }`;

interface Approved {
  timesheet: TimesheetNode & { currentDeclarationId: string };
  declaration: DeclarationNode;
  removedFromOpenTimesheets: string[];
}

const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id);
const gone = (before: string[], after: string[]) => before.filter((id) => !after.includes(id));

describe('mutation payloads: what changed, for the cache', () => {
  const clock = new TravelClock(WED_W48_1000);
  let t: TestApp;
  let agency: TestAgency;

  beforeAll(async () => {
    t = await startWeekApp(clock);
    agency = await createAgencyWithStaff(t, unique('Payload agency '));
  });
  afterAll(async () => {
    await t.stop();
  });

  async function saveAndApprove(token: string, week: { id: string; version: number }, days: DayInput[]): Promise<Approved> {
    const input = { timesheetId: week.id, expectedVersion: week.version, days, confirm: true };
    return dataOf(await t.gql<{ saveAndApproveTimesheet: Approved }>(SAVE_AND_APPROVE, { input }, { token })).saveAndApproveTimesheet;
  }

  describe('the week story', () => {
    let w: WeekWorld;
    let w46: Approved;
    let w47: Approved;

    beforeAll(async () => {
      w = await weekWorld(t, agency, { placement: CODES });
    });

    it('saveTimesheet answers the week, still OPEN and still in the blue bar', async () => {
      const week = await timesheetForWeek(t, w.workerToken, w.placement.id, '2026-W46');
      const saved = dataOf(
        await t.gql<{ saveTimesheet: { timesheet: TimesheetNode } }>(SAVE, { input: { timesheetId: week.id, expectedVersion: week.version, days: [day('2026-11-09')] } }, { token: w.workerToken }),
      ).saveTimesheet;
      expect(saved.timesheet).toMatchObject({ id: week.id, status: 'OPEN', version: week.version + 1 });
      expect(ids(await openTimesheets(t, w.workerToken))).toContain(week.id);
    });

    it('saveAndApproveTimesheet answers the week, its new declaration and the blue bar entry that went', async () => {
      const barBefore = ids(await openTimesheets(t, w.workerToken));
      const week = await timesheetForWeek(t, w.workerToken, w.placement.id, '2026-W46');
      w46 = await saveAndApprove(w.workerToken, week, [day('2026-11-09'), day('2026-11-10', '7:30')]);

      expect(w46.timesheet).toMatchObject({ id: week.id, status: 'SUBMITTED', version: week.version + 1 });
      expect(w46.declaration).toMatchObject({ timesheetId: week.id, number: 1, origin: 'WORKER', status: 'AWAITING_RELATION' });
      expect(w46.timesheet.currentDeclarationId).toBe(w46.declaration.id);
      expect(w46.removedFromOpenTimesheets).toEqual([week.id]);
      expect(gone(barBefore, ids(await openTimesheets(t, w.workerToken)))).toEqual(w46.removedFromOpenTimesheets);

      w47 = await saveAndApprove(w.workerToken, await timesheetForWeek(t, w.workerToken, w.placement.id, '2026-W47'), [day('2026-11-16')]);
      expect(w47.removedFromOpenTimesheets).toEqual([w47.timesheet.id]);
    });

    it("approveDeclarations answers the declarations and their weeks, and the ids that left the contact's inbox", async () => {
      const inboxBefore = ids(await awaitingApproval(t, w.contactToken));
      expect(inboxBefore).toEqual(expect.arrayContaining([w46.declaration.id, w47.declaration.id]));

      const approved = dataOf(
        await t.gql<{ approveDeclarations: Record<string, unknown> }>(APPROVE, { input: { declarationIds: [w46.declaration.id, w46.declaration.id] } }, { token: w.contactToken }),
      ).approveDeclarations;
      expect(approved).toEqual({
        declarations: [{ id: w46.declaration.id, status: 'APPROVED' }],
        timesheets: [{ id: w46.timesheet.id, status: 'APPROVED', version: w46.timesheet.version + 1 }],
        removedFromAwaitingApproval: [w46.declaration.id],
        // The contact's blue bar lists weeks where the relation enters the hours: none of these.
        removedFromOpenTimesheets: [],
      });
      expect(gone(inboxBefore, ids(await awaitingApproval(t, w.contactToken)))).toEqual([w46.declaration.id]);
    });

    it('rejectDeclaration answers the declaration, its week OPEN again with the reason, and the inbox entry that went', async () => {
      const inboxBefore = ids(await awaitingApproval(t, w.contactToken));
      const rejected = dataOf(
        await t.gql<{ rejectDeclaration: Record<string, unknown> }>(REJECT, { input: { declarationId: w47.declaration.id, reason: 'Monday was 7:00' } }, { token: w.contactToken }),
      ).rejectDeclaration;
      expect(rejected).toEqual({
        declaration: { id: w47.declaration.id, status: 'REJECTED', rejectionReason: 'Monday was 7:00' },
        timesheet: { id: w47.timesheet.id, status: 'OPEN', version: w47.timesheet.version + 1, rejection: { reason: 'Monday was 7:00' } },
        removedFromAwaitingApproval: [w47.declaration.id],
      });
      expect(gone(inboxBefore, ids(await awaitingApproval(t, w.contactToken)))).toEqual([w47.declaration.id]);
      // It comes back to the worker's blue bar (a list of another viewer: that client refetches it).
      expect(ids(await openTimesheets(t, w.workerToken))).toContain(w47.timesheet.id);
    });

    it('correctDeclaration answers the new version and the week pointing at it', async () => {
      const expectedVersion = w46.timesheet.version + 1;
      const corrected = dataOf(
        await t.gql<{ correctDeclaration: { declaration: Record<string, unknown> & { id: string }; timesheet: Record<string, unknown> } }>(
          CORRECT,
          { input: { declarationId: w46.declaration.id, expectedVersion, days: [day('2026-11-09', '9:00')], reason: 'Monday was 9:00' } },
          { token: agency.staffToken },
        ),
      ).correctDeclaration;
      expect(corrected.declaration).toMatchObject({ number: 2, origin: 'CORRECTION', status: 'APPROVED', previousDeclarationId: w46.declaration.id });
      expect(corrected.timesheet).toEqual({ id: w46.timesheet.id, version: expectedVersion + 1, currentDeclarationId: corrected.declaration.id });
    });

    it('a refused mutation answers no payload at all', async () => {
      const week = await timesheetForWeek(t, w.workerToken, w.placement.id, '2026-W48');
      const response = await t.gql(SAVE_AND_APPROVE, { input: { timesheetId: week.id, expectedVersion: week.version, days: [day('2026-11-23')], confirm: false } }, { token: w.workerToken });
      expectError(response, 'BAD_USER_INPUT', 'APPROVAL_CONFIRMATION_REQUIRED');
      expect(response.body.data ?? null).toBeNull();
      expect(ids(await openTimesheets(t, w.workerToken))).toContain(week.id);
    });
  });

  it("a relation that enters the hours: the approval takes the week out of the contact's own blue bar", async () => {
    const w = await weekWorld(t, agency, { placement: { ...CODES, hoursEnteredBy: 'RELATION' } });
    const barBefore = ids(await openTimesheets(t, w.contactToken));
    const week = await timesheetForWeek(t, w.contactToken, w.placement.id, '2026-W47');
    expect(barBefore).toContain(week.id);

    const approved = await saveAndApprove(w.contactToken, week, [day('2026-11-16')]);
    expect(approved.timesheet.status).toBe('APPROVED');
    expect(approved.declaration).toMatchObject({ origin: 'RELATION', status: 'APPROVED' });
    expect(approved.removedFromOpenTimesheets).toEqual([week.id]);
    expect(gone(barBefore, ids(await openTimesheets(t, w.contactToken)))).toEqual([week.id]);
  });

  describe('identity payloads and languages', () => {
    const CREATE_USER = 'mutation ($input: CreateUserInput!) { createUser(input: $input) { user { id email displayName role language flexworkerId relationId } } }';

    it('createUser answers the new User in the schema\'s upper-case Language; the domain keeps the lower-case code', async () => {
      const email = `${unique('new')}@agency.example`;
      const input = { email, displayName: 'Dieter', role: 'AGENCY_STAFF', language: 'DE', password: TEST_PASSWORD };
      const { user } = dataOf(await t.gql<{ createUser: { user: Record<string, unknown> & { id: string } } }>(CREATE_USER, { input }, { token: agency.staffToken })).createUser;
      expect(user).toEqual({ id: expect.any(String), email, displayName: 'Dieter', role: 'AGENCY_STAFF', language: 'DE', flexworkerId: null, relationId: null });
      const stored = await t.app.services.repositories.users.findActiveByEmail(email);
      expect(stored.map((u) => [u.id, u.language])).toEqual([[user.id, 'de']]);

      const token = await login(t, email, TEST_PASSWORD);
      const viewer = dataOf(await t.gql<{ viewer: { language: string } }>('{ viewer { language } }', {}, { token })).viewer;
      expect(viewer.language).toBe('DE');
      // Inline too, and a lower-case code is no longer a value of the enum.
      const inline = dataOf(await t.gql<{ updateMySettings: { viewer: { language: string } } }>('mutation { updateMySettings(input: { language: PT }) { viewer { language } } }', {}, { token }));
      expect(inline.updateMySettings.viewer.language).toBe('PT');
      expectError(await t.gql('mutation { updateMySettings(input: { language: pt }) { viewer { language } } }', {}, { token }), 'GRAPHQL_VALIDATION_FAILED');
      expectError(await t.gql(CREATE_USER, { input: { ...input, email: `${unique('low')}@agency.example`, language: 'de' } }, { token: agency.staffToken }), 'BAD_USER_INPUT');
    });

    it('logout says whether a session ended: yes for a login, no for an API key', async () => {
      const email = `${unique('out')}@agency.example`;
      await createUser(t, agency.staffToken, { email, role: 'AGENCY_STAFF', password: TEST_PASSWORD });
      const token = await login(t, email, TEST_PASSWORD);
      expect(dataOf(await t.gql('mutation { logout { sessionEnded } }', {}, { token }))).toEqual({ logout: { sessionEnded: true } });

      const created = dataOf(
        await t.gql<{ createApiClient: { apiKey: string; apiClient: { id: string } } }>(
          'mutation ($input: CreateApiClientInput!) { createApiClient(input: $input) { apiKey apiClient { id } } }',
          { input: { name: unique('Payroll ') } },
          { token: agency.staffToken },
        ),
      ).createApiClient;
      expect(dataOf(await t.gql('mutation { logout { sessionEnded } }', {}, { token: created.apiKey }))).toEqual({ logout: { sessionEnded: false } });

      const revoked = dataOf(
        await t.gql<{ revokeApiClient: { apiClient: { id: string; revokedAt: string | null } } }>(
          'mutation ($input: RevokeApiClientInput!) { revokeApiClient(input: $input) { apiClient { id revokedAt } } }',
          { input: { id: created.apiClient.id } },
          { token: agency.staffToken },
        ),
      ).revokeApiClient;
      expect(revoked.apiClient).toEqual({ id: created.apiClient.id, revokedAt: expect.any(String) });
    });
  });
});
