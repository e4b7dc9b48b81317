import { GraphQLField, GraphQLSchema } from 'graphql';
import { createAgencyWithStaff, login, TestAgency, TestApp, TEST_PASSWORD, TravelClock, unique } from '../support/test-app';
import { createUser, dataOf, expectError, expectMessageIn } from './e2e-helpers';
import {
  buildFuzzWorld,
  executableSchema,
  FuzzWorld,
  languageOf,
  MUTATION_PLANS,
  mutationsOf,
  sendMutation,
  TextLeaf,
  textFieldsOf,
  textLeaves,
  tokenOf,
} from './mutation-fuzz-world';
import { approveWeek, problemsOf, saveTimesheet, startWeekApp, timesheetForWeek, WED_W48_1000, weekWorld, WeekWorld } from './week-helpers';

/*
 * Issue 8, item 4: one text rule for every text input. A NUL, a control character, an ANSI
 * escape or half a surrogate pair is refused with the same reason at its own field, wherever it
 * is sent; nothing reaches the database (which refuses NUL with a 500 and stores half a pair as
 * U+FFFD). Names are trimmed; reasons keep their line breaks. A list over its bound says so.
 */

// The scalars of dates, times and weeks are text on the wire too: the rule comes before their format.
const TEXT_SCALARS = new Set(['String', 'HoursMinutes', 'LocalDate', 'LocalTime', 'IsoWeek']);
const POISONS: [string, string][] = [
  ['\u0000', 'TEXT_CONTROL_CHARACTERS'],
  ['\ud800', 'TEXT_LONE_SURROGATE'],
];
/** Fields where a poisoned value is, by decision, another refusal: a password at login is only compared. */
const OTHER_REFUSALS: Record<string, [code: string, reason: string]> = {
  'LoginInput.password': ['UNAUTHENTICATED', 'INVALID_CREDENTIALS'],
  'ChangeMyPasswordInput.currentPassword': ['BAD_USER_INPUT', 'PASSWORD_INCORRECT'],
  'RequestPersonalDataChangeInput.currentPassword': ['BAD_USER_INPUT', 'PASSWORD_INCORRECT'],
  'SignDocumentInput.currentPassword': ['BAD_USER_INPUT', 'PASSWORD_INCORRECT'],
};

const CREATE_USER = 'mutation ($input: CreateUserInput!) { createUser(input: $input) { user { id } } }';
const CREATE_API_CLIENT = 'mutation ($input: CreateApiClientInput!) { createApiClient(input: $input) { apiClient { id name } } }';
const API_CLIENTS = '{ apiClients { id name } }';
const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { token } }';
const CREATE_RELATION = 'mutation ($input: CreateRelationInput!) { createRelation(input: $input) { relation { id name } } }';

/** A copy of `value` with the text at `path` (`input.days[0].blocks[0].start`) replaced. */
function replaceAt(value: unknown, path: string, replace: (text: string) => string): unknown {
  const set = (current: unknown, [key, ...rest]: string[]): unknown => {
    const copy = (Array.isArray(current) ? [...current] : { ...(current as object) }) as Record<string, unknown>;
    copy[key] = rest.length ? set(copy[key], rest) : replace(copy[key] as string);
    return copy;
  };
  return set(value, path.match(/[^.[\]]+/g)!);
}

/** The second character replaced: length and trimming play no part. */
const poisoned = (poison: string) => (text: string) => text.slice(0, 1) + poison + text.slice(2);

describe('one text rule for every text input, over HTTP', () => {
  const clock = new TravelClock(WED_W48_1000);
  let t: TestApp;
  let schema: GraphQLSchema;
  let world: FuzzWorld;

  beforeAll(async () => {
    t = await startWeekApp(clock);
    schema = await executableSchema();
    world = await buildFuzzWorld(t);
  }, 60_000);
  afterAll(async () => {
    await t.stop();
  });

  describe('every text field of every mutation, generated from the schema', () => {
    function leavesOf(field: GraphQLField<unknown, unknown>): TextLeaf[] {
      const args = MUTATION_PLANS[field.name].args(world);
      return field.args.flatMap((arg) => textLeaves(arg.type, args[arg.name], arg.name, `${field.name}(${arg.name})`, TEXT_SCALARS));
    }

    it('has a plan for every mutation, and the plans give a value to every text field', () => {
      const mutations = mutationsOf(schema);
      expect(mutations.map((m) => m.name).filter((name) => !MUTATION_PLANS[name])).toEqual([]);
      const covered = new Set(mutations.flatMap((m) => leavesOf(m).map((leaf) => leaf.owner)));
      expect(textFieldsOf(schema, TEXT_SCALARS).filter((owner) => !covered.has(owner))).toEqual([]);
    });

    it.each(POISONS)('refuses %j in any of them with the one reason at its path, and the message is translated', async (poison, reason) => {
      const refusals: string[] = [];
      for (const field of mutationsOf(schema)) {
        const plan = MUTATION_PLANS[field.name];
        for (const leaf of leavesOf(field)) {
          const args = replaceAt(plan.args(world), leaf.path, poisoned(poison)) as Record<string, unknown>;
          const token = await tokenOf(t, world, plan.caller);
          const response = await sendMutation(t, field, args, token);
          const [code, expected] = OTHER_REFUSALS[leaf.owner] ?? ['BAD_USER_INPUT', reason];
          const error = response.body.errors?.[0];
          const path = leaf.path.replace(/^input\./, '');
          const got = error ? `${error.extensions.code} ${JSON.stringify(code === 'BAD_USER_INPUT' ? problemsOf(error) : error.extensions.reason)}` : 'accepted';
          const want = `${code} ${JSON.stringify(code === 'BAD_USER_INPUT' ? [[path, expected]] : expected)}`;
          refusals.push(`${field.name} ${leaf.path}: ${got === want ? 'ok' : `${got}, expected ${want}`}`);
          if (error && code === 'BAD_USER_INPUT') expectMessageIn(error, await languageOf(t, token));
          expect(response.status).toBeLessThan(500);
        }
      }
      expect(refusals.filter((line) => !line.endsWith(': ok'))).toEqual([]);
      expect(refusals.length).toBeGreaterThan(60);
    }, 90_000);
  });

  describe('the holes the probes found', () => {
    let agency: TestAgency;
    beforeAll(async () => {
      agency = await createAgencyWithStaff(t, unique('Text agency '));
    });

    async function apiClientNames(): Promise<string[]> {
      return dataOf(await t.gql<{ apiClients: { name: string }[] }>(API_CLIENTS, {}, { token: agency.staffToken })).apiClients.map((c) => c.name);
    }

    it('a NUL in the login e-mail is bad input at `email`, not an INTERNAL_SERVER_ERROR', async () => {
      for (const [email, reason] of [
        ['a\u0000@example.com', 'TEXT_CONTROL_CHARACTERS'],
        [`${agency.staffEmail}\u0000`, 'TEXT_CONTROL_CHARACTERS'],
        ['a\ud800@example.com', 'TEXT_LONE_SURROGATE'],
      ]) {
        const response = await t.gql(LOGIN, { input: { email, password: TEST_PASSWORD } }, { headers: { 'accept-language': 'en' } });
        expect(response.status).toBe(200);
        const error = expectError(response, 'BAD_USER_INPUT', reason);
        expect(problemsOf(error)).toEqual([['email', reason]]);
        expectMessageIn(error, 'en');
      }
    });

    it('a NUL or an escape in the login password is just not the password', async () => {
      for (const password of [`${TEST_PASSWORD}\u0000`, '\u0000', `\u001b[31m${TEST_PASSWORD}`]) {
        const response = await t.gql(LOGIN, { input: { email: agency.staffEmail, password } });
        expect(response.status).toBe(200);
        expectError(response, 'UNAUTHENTICATED', 'INVALID_CREDENTIALS');
      }
      expect(await login(t, agency.staffEmail, TEST_PASSWORD)).toEqual(expect.any(String));
    });

    it.each([
      ['a NUL', 'Petra\u0000', 'TEXT_CONTROL_CHARACTERS'],
      ['an ANSI escape', '\u001b[31mPetra\u001b[0m', 'TEXT_CONTROL_CHARACTERS'],
      ['the C1 CSI', 'Petra\u009b2J', 'TEXT_CONTROL_CHARACTERS'],
      ['a line break', 'Petra\nde Vries', 'TEXT_CONTROL_CHARACTERS'],
      ['half a surrogate pair', 'Petra \ud83d', 'TEXT_LONE_SURROGATE'],
    ])('createUser refuses %s in the display name and stores nothing', async (_label, displayName, reason) => {
      const email = `${unique('petra')}@agency.example`;
      const input = { email, displayName, role: 'AGENCY_STAFF', password: TEST_PASSWORD, language: 'EN' };
      const error = expectError(await t.gql(CREATE_USER, { input }, { token: agency.staffToken }), 'BAD_USER_INPUT', reason);
      expect(problemsOf(error)).toEqual([['displayName', reason]]);
      expectError(await t.gql(LOGIN, { input: { email, password: TEST_PASSWORD } }), 'UNAUTHENTICATED', 'INVALID_CREDENTIALS');
      // The same address is still free.
      dataOf(await t.gql(CREATE_USER, { input: { ...input, displayName: 'Petra' } }, { token: agency.staffToken }));
    });

    it('createUser trims the display name', async () => {
      const email = `${unique('trim')}@agency.example`;
      await createUser(t, agency.staffToken, { email, displayName: '  Petra de Vries \t', role: 'AGENCY_STAFF', password: TEST_PASSWORD });
      const token = await login(t, email, TEST_PASSWORD);
      expect(dataOf(await t.gql<{ viewer: { displayName: string } }>('{ viewer { displayName } }', {}, { token })).viewer.displayName).toBe('Petra de Vries');
    });

    it.each([
      ['a NUL', 'Payroll\u0000', 'TEXT_CONTROL_CHARACTERS'],
      ['an ANSI escape', 'Pay\u001b[2Jroll', 'TEXT_CONTROL_CHARACTERS'],
      ['DEL', 'Payroll\u007f', 'TEXT_CONTROL_CHARACTERS'],
      ['half a surrogate pair', '\udc00Payroll', 'TEXT_LONE_SURROGATE'],
    ])('createApiClient refuses %s in the name and creates no key', async (_label, name, reason) => {
      const before = await apiClientNames();
      const error = expectError(await t.gql(CREATE_API_CLIENT, { input: { name } }, { token: agency.staffToken }), 'BAD_USER_INPUT', reason);
      expect(problemsOf(error)).toEqual([['name', reason]]);
      expect(await apiClientNames()).toEqual(before);
    });

    it('createApiClient trims the name', async () => {
      const created = dataOf(await t.gql<{ createApiClient: { apiClient: { name: string } } }>(CREATE_API_CLIENT, { input: { name: '  Loket \n' } }, { token: agency.staffToken }));
      expect(created.createApiClient.apiClient.name).toBe('Loket');
    });

    it('half a surrogate pair is refused, not stored as U+FFFD; a whole pair is stored as sent', async () => {
      const error = expectError(await t.gql(CREATE_RELATION, { input: { name: 'Café \ud83d' } }, { token: agency.staffToken }), 'BAD_USER_INPUT', 'TEXT_LONE_SURROGATE');
      expect(problemsOf(error)).toEqual([['name', 'TEXT_LONE_SURROGATE']]);
      const relations = await t.gql<{ relations: { nodes: { name: string }[] } }>('{ relations(first: 100) { nodes { name } } }', {}, { token: agency.staffToken });
      expect(dataOf(relations).relations.nodes.map((r) => r.name).filter((name) => name.includes('\ufffd'))).toEqual([]);
      const whole = unique('Café 😀 ');
      expect(dataOf(await t.gql<{ createRelation: { relation: { name: string } } }>(CREATE_RELATION, { input: { name: whole } }, { token: agency.staffToken })).createRelation.relation.name).toBe(whole);
    });
  });

  describe('multi-line reasons and lists over their bound', () => {
    let week: WeekWorld;
    let declarationId: string;
    let dutchStaffToken: string;

    beforeAll(async () => {
      const agency = await createAgencyWithStaff(t, unique('Reason agency '));
      const dutchEmail = `${unique('nl')}@agency.example`;
      week = await weekWorld(t, agency);
      await createUser(t, agency.staffToken, { email: dutchEmail, role: 'AGENCY_STAFF', password: TEST_PASSWORD, language: 'NL' });
      dutchStaffToken = await login(t, dutchEmail, TEST_PASSWORD);
      const timesheet = await timesheetForWeek(t, week.workerToken, week.placement.id, '2026-W47');
      declarationId = (await approveWeek(t, week.workerToken, timesheet, [{ date: '2026-11-16', hours: [{ hourCode: 'H100', hours: '8:00' }] }])).currentDeclaration.id;
    });

    const REJECT = 'mutation ($input: RejectDeclarationInput!) { rejectDeclaration(input: $input) { declaration { status rejectionReason } } }';

    it('a reason with an escape sequence is refused; one with line breaks and tabs is kept, CR LF as LF', async () => {
      const refused = expectError(
        await t.gql(REJECT, { input: { declarationId, reason: 'Wrong \u001b[2J\u001b[Hhours' } }, { token: week.contactToken }),
        'BAD_USER_INPUT',
        'TEXT_CONTROL_CHARACTERS',
      );
      expect(problemsOf(refused)).toEqual([['reason', 'TEXT_CONTROL_CHARACTERS']]);
      const kept = await t.gql<{ rejectDeclaration: { declaration: { status: string; rejectionReason: string } } }>(
        REJECT,
        { input: { declarationId, reason: ' Monday:\r\n\tstart 8:00, not 7:00\r\nTuesday: off ' } },
        { token: week.contactToken },
      );
      expect(dataOf(kept).rejectDeclaration.declaration).toEqual({ status: 'REJECTED', rejectionReason: 'Monday:\n\tstart 8:00, not 7:00\nTuesday: off' });
    });

    it('a list of days over its bound is TOO_MANY_ITEMS with the bound, not "too long (at most 14 characters)"', async () => {
      const timesheet = await timesheetForWeek(t, week.workerToken, week.placement.id, '2026-W48');
      const days = Array.from({ length: 15 }, () => ({ date: '2026-11-23', hours: [{ hourCode: 'H100', hours: '1:00' }] }));
      const response = await saveTimesheet(t, week.workerToken, { timesheetId: timesheet.id, expectedVersion: timesheet.version, days });
      const error = expectError(response, 'BAD_USER_INPUT', 'TOO_MANY_ITEMS');
      expect(error.extensions.field).toBe('days');
      expect(error.extensions.params).toEqual({ max: 14 });
      expect(problemsOf(error)).toEqual([['days', 'TOO_MANY_ITEMS']]);
      expect(error.message).toBe('This list is too long (at most 14 items).');
      expect(error.message).not.toMatch(/characters/);
    });

    it('a list inside a list names its place as the domain does (days[0].hours); the message is in the viewer language', async () => {
      const timesheet = await timesheetForWeek(t, week.workerToken, week.placement.id, '2026-W48');
      const hours = Array.from({ length: 21 }, () => ({ hourCode: 'H100', hours: '0:10' }));
      const response = await saveTimesheet(t, week.workerToken, { timesheetId: timesheet.id, expectedVersion: timesheet.version, days: [{ date: '2026-11-23', hours }] });
      const error = expectError(response, 'BAD_USER_INPUT', 'TOO_MANY_ITEMS');
      expect(problemsOf(error)).toEqual([['days[0].hours', 'TOO_MANY_ITEMS']]);
      expect(error.extensions.params).toEqual({ max: 20 });
      // The arguments are checked before anything else, so a staff member sees it too, in Dutch.
      const inDutch = await t.gql(
        'mutation ($input: ApproveDeclarationsInput!) { approveDeclarations(input: $input) { declarations { id } } }',
        { input: { declarationIds: Array.from({ length: 101 }, () => declarationId) } },
        { token: dutchStaffToken },
      );
      const dutchError = expectError(inDutch, 'BAD_USER_INPUT', 'TOO_MANY_ITEMS');
      expect(dutchError.extensions.params).toEqual({ max: 100 });
      expect(dutchError.message).toBe('Deze lijst is te lang (maximaal 100 items).');
      expectMessageIn(dutchError, 'nl');
    });

    it('a time with an escape in it is refused by the rule, and the message does not echo it', async () => {
      const timesheet = await timesheetForWeek(t, week.workerToken, week.placement.id, '2026-W48');
      const response = await saveTimesheet(t, week.workerToken, {
        timesheetId: timesheet.id,
        expectedVersion: timesheet.version,
        days: [{ date: '2026-11-23', hours: [{ hourCode: 'H\u001b[31m', hours: '8\u001b:0' }] }],
      });
      // The hours are a HoursMinutes: its scalar applies the rule before the week is read.
      const error = expectError(response, 'BAD_USER_INPUT', 'TEXT_CONTROL_CHARACTERS');
      expect(problemsOf(error)).toEqual([['days[0].hours[0].hours', 'TEXT_CONTROL_CHARACTERS']]);
      expect(JSON.stringify(response.body)).not.toContain('\\u001b');
      const code = await saveTimesheet(t, week.workerToken, {
        timesheetId: timesheet.id,
        expectedVersion: timesheet.version,
        days: [{ date: '2026-11-23', hours: [{ hourCode: 'H\u001b[31m', hours: '8:00' }] }],
      });
      expect(problemsOf(expectError(code, 'BAD_USER_INPUT', 'TEXT_CONTROL_CHARACTERS'))).toEqual([['days[0].hours[0].hourCode', 'TEXT_CONTROL_CHARACTERS']]);
      expect(JSON.stringify(code.body)).not.toContain('\\u001b');
    });
  });
});
