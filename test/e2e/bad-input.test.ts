import { createAgencyWithStaff, GqlResponse, login, startTestApp, TestAgency, TestApp, TEST_PASSWORD, unique } from '../support/test-app';
import {
  createFlexworker,
  createRelation,
  createUser,
  dataOf,
  expectError,
  expectMessageIn,
  FlexworkerNode,
  listFlexworkers,
  listPlacements,
  listRelations,
  localeMessage,
  rawPost,
  RelationNode,
} from './e2e-helpers';

const MEGABYTE = 'x'.repeat(1024 * 1024);
const CREATE_RELATION = 'mutation ($input: CreateRelationInput!) { createRelation(input: $input) { relation { id name } } }';
const UPDATE_RELATION = 'mutation ($input: UpdateRelationInput!) { updateRelation(input: $input) { relation { id name } } }';
const CREATE_FLEXWORKER = 'mutation ($input: CreateFlexworkerInput!) { createFlexworker(input: $input) { flexworker { id } } }';
const CREATE_PLACEMENT = 'mutation ($input: CreatePlacementInput!) { createPlacement(input: $input) { placement { id } } }';
const UPDATE_PLACEMENT = 'mutation ($input: UpdatePlacementInput!) { updatePlacement(input: $input) { placement { id endDate } } }';
const CREATE_USER = 'mutation ($input: CreateUserInput!) { createUser(input: $input) { user { id } } }';

describe('bad input over HTTP', () => {
  let t: TestApp;
  let agency: TestAgency;
  let dutchStaffToken: string;
  let relation: RelationNode;
  let worker: FlexworkerNode;
  let placementId: string;

  beforeAll(async () => {
    t = await startTestApp();
    agency = await createAgencyWithStaff(t, unique('Bad input agency '));
    const dutchEmail = `${unique('nl')}@agency.example`;
    await createUser(t, agency.staffToken, { email: dutchEmail, role: 'AGENCY_STAFF', password: TEST_PASSWORD, language: 'NL' });
    dutchStaffToken = await login(t, dutchEmail, TEST_PASSWORD);
    relation = await createRelation(t, agency.staffToken);
    worker = await createFlexworker(t, agency.staffToken);
    placementId = dataOf(
      await t.gql<{ createPlacement: { placement: { id: string } } }>(
        CREATE_PLACEMENT,
        {
          input: {
            flexworkerId: worker.id,
            relationId: relation.id,
            startDate: '2026-03-02',
            functionName: 'Picker',
            hourCodes: [{ code: 'H100', percentage: 100 }],
          },
        },
        { token: agency.staffToken },
      ),
    ).createPlacement.placement.id;
  });
  afterAll(async () => {
    await t.stop();
  });

  /** Everything the agency has, as staff read it. */
  async function everything() {
    const token = agency.staffToken;
    return JSON.stringify([
      await listRelations(t, token),
      await listFlexworkers(t, token),
      await listPlacements(t, token),
      dataOf(await t.gql('{ agency { version name settings { enabledTabs } } }', {}, { token })),
    ]);
  }

  function expectRefused(response: GqlResponse<unknown>, reason: string, field: RegExp | string, language: string) {
    const error = expectError(response, 'BAD_USER_INPUT', reason);
    if (typeof field === 'string') expect(error.extensions.field).toBe(field);
    else expect(error.extensions.field).toMatch(field);
    expect(error.extensions.problems?.some((p) => p.reason === reason)).toBe(true);
    expect(response.body.data ?? null).toBeNull();
    expectMessageIn(error, language);
    return error;
  }

  const viewers = [
    { label: 'staff whose language is en', language: 'en', token: () => agency.staffToken, headers: { 'accept-language': 'nl' } },
    { label: 'staff whose language is nl', language: 'nl', token: () => dutchStaffToken, headers: { 'accept-language': 'en' } },
  ];

  describe.each(viewers)('as $label', ({ language, token, headers }) => {
    const as = () => ({ token: token(), headers });

    it('a bad e-mail is refused at its field, in the viewer language, and nothing is stored', async () => {
      const before = await everything();
      expectRefused(
        await t.gql(CREATE_FLEXWORKER, { input: { firstName: 'Bad', lastName: 'Mail', email: 'jan@@example' } }, as()),
        'EMAIL_INVALID',
        'email',
        language,
      );
      expectRefused(await t.gql(CREATE_RELATION, { input: { name: unique('Mail '), contactEmail: 'not an e-mail' } }, as()), 'EMAIL_INVALID', 'contactEmail', language);
      expectRefused(
        await t.gql(CREATE_USER, { input: { email: 'nobody-at-example.com', displayName: 'x', role: 'AGENCY_STAFF', password: TEST_PASSWORD } }, as()),
        'EMAIL_INVALID',
        'email',
        language,
      );
      expect(await everything()).toBe(before);
    });

    it('a BSN failing the eleven-test and an IBAN failing mod-97 are refused; nothing is stored', async () => {
      const before = await everything();
      const base = { firstName: 'Check', lastName: 'Digits', email: `${unique('digits')}@example.com` };
      expectRefused(await t.gql(CREATE_FLEXWORKER, { input: { ...base, bsn: '123456789' } }, as()), 'BSN_INVALID', 'bsn', language);
      expectRefused(await t.gql(CREATE_FLEXWORKER, { input: { ...base, iban: 'NL91ABNA0417164301' } }, as()), 'IBAN_INVALID', 'iban', language);
      expectRefused(
        await t.gql('mutation ($input: UpdateFlexworkerInput!) { updateFlexworker(input: $input) { flexworker { id } } }', { input: { id: worker.id, bsn: '123456789' } }, as()),
        'BSN_INVALID',
        'bsn',
        language,
      );
      expect(await everything()).toBe(before);
    });

    it('a placement ending before it starts is refused; nothing is stored', async () => {
      const before = await everything();
      const input = {
        flexworkerId: worker.id,
        relationId: relation.id,
        startDate: '2026-06-01',
        endDate: '2026-05-31',
        functionName: 'Backwards',
        hourCodes: [{ code: 'H100', percentage: 100 }],
      };
      expectRefused(await t.gql(CREATE_PLACEMENT, { input }, as()), 'END_BEFORE_START', 'endDate', language);
      expectRefused(await t.gql(UPDATE_PLACEMENT, { input: { id: placementId, endDate: '2026-03-01' } }, as()), 'END_BEFORE_START', 'endDate', language);
      expect(await everything()).toBe(before);
    });

    it('a megabyte string is refused at its field before anything else; nothing is stored', async () => {
      const before = await everything();
      expectRefused(await t.gql(CREATE_RELATION, { input: { name: MEGABYTE } }, as()), 'VALUE_TOO_LONG', 'name', language);
      expectRefused(await t.gql(UPDATE_RELATION, { input: { id: relation.id, name: MEGABYTE } }, as()), 'VALUE_TOO_LONG', 'name', language);
      expectRefused(
        await t.gql(CREATE_FLEXWORKER, { input: { firstName: 'Big', lastName: MEGABYTE, email: `${unique('big')}@example.com` } }, as()),
        'VALUE_TOO_LONG',
        'lastName',
        language,
      );
      expect(await everything()).toBe(before);
    });

    it('contract hours as a decimal (7.5) are refused: hours are H:MM', async () => {
      const before = await everything();
      const input = {
        flexworkerId: worker.id,
        relationId: relation.id,
        startDate: '2026-06-01',
        functionName: 'Decimal',
        contractHoursPerWeek: '7.5',
        hourCodes: [{ code: 'H100', percentage: 100 }],
      };
      // The path is relative to the input object, as the domain's paths are (the variable's name is the client's).
      expectRefused(await t.gql(CREATE_PLACEMENT, { input }, as()), 'HOURS_MINUTES_FORMAT', /^contractHoursPerWeek$/, language);
      expectRefused(
        await t.gql(UPDATE_PLACEMENT, { input: { id: placementId, contractHoursPerWeek: '7.5' } }, as()),
        'HOURS_MINUTES_FORMAT',
        /^contractHoursPerWeek$/,
        language,
      );
      expect(await everything()).toBe(before);
    });

    it('an unknown language is BAD_USER_INPUT naming the field; nothing is stored', async () => {
      const before = await everything();
      const responses = [
        await t.gql(CREATE_FLEXWORKER, { input: { firstName: 'Lang', lastName: 'Uage', email: `${unique('lang')}@example.com`, language: 'xx' } }, as()),
        await t.gql(CREATE_USER, { input: { email: `${unique('lang')}@example.com`, displayName: 'x', role: 'AGENCY_STAFF', password: TEST_PASSWORD, language: 'klingon' } }, as()),
      ];
      for (const response of responses) {
        const error = expectError(response, 'BAD_USER_INPUT');
        expect(error.extensions.field).toBe('language');
        expect(response.body.data ?? null).toBeNull();
        expectMessageIn(error, language);
      }
      expect(await everything()).toBe(before);
    });
  });

  it('an unknown language (anonymous too) and an impossible date name their field in the viewer language', async () => {
    const cases = [
      { options: { token: agency.staffToken }, language: 'en' },
      { options: { headers: { 'accept-language': 'nl' } }, language: 'nl' },
    ];
    for (const { options, language } of cases) {
      const response = await t.gql(
        CREATE_FLEXWORKER,
        { input: { firstName: 'Lang', lastName: 'Uage', email: `${unique('lang')}@example.com`, language: 'xx' } },
        options,
      );
      const error = expectError(response, 'BAD_USER_INPUT');
      expect(error.extensions.field).toMatch(/(^|\.)language$/);
      expectMessageIn(error, language);
    }
    // The same holds for a date that does not exist.
    const impossible = await t.gql(
      CREATE_PLACEMENT,
      { input: { flexworkerId: worker.id, relationId: relation.id, startDate: '2026-02-30', functionName: 'x', hourCodes: [{ code: 'H100', percentage: 100 }] } },
      { token: agency.staffToken },
    );
    const dateError = expectError(impossible, 'BAD_USER_INPUT');
    expect(dateError.extensions.field).toMatch(/(^|\.)startDate$/);
    expectMessageIn(dateError, 'en');
  });

  it('several bad fields are all listed in extensions.problems', async () => {
    const before = await everything();
    const response = await t.gql(
      CREATE_FLEXWORKER,
      {
        input: {
          firstName: 'Many',
          lastName: 'Problems',
          email: 'bad',
          phone: 'call me',
          bsn: '123456789',
          iban: 'NL91ABNA0417164301',
          dateOfBirth: '2025-01-01',
        },
      },
      { token: agency.staffToken },
    );
    const error = expectError(response, 'BAD_USER_INPUT');
    const problems = error.extensions.problems ?? [];
    const byPath = new Map(problems.map((p) => [p.path, p.reason]));
    expect(byPath.get('email')).toBe('EMAIL_INVALID');
    expect(byPath.get('bsn')).toBe('BSN_INVALID');
    expect(byPath.get('iban')).toBe('IBAN_INVALID');
    expect(byPath.has('phone')).toBe(true);
    expect(byPath.has('dateOfBirth')).toBe(true);
    expect(problems.length).toBe(5);
    expect(error.extensions.field).toBe(problems[0].path);
    for (const problem of problems) expect(problem.message.length).toBeGreaterThan(0);
    expectMessageIn(error, 'en');
    expect(await everything()).toBe(before);
  });

  it('anonymous with Accept-Language nl: size limits answer in Dutch; anything else asks to log in, in Dutch', async () => {
    const before = await everything();
    const nl = { headers: { 'accept-language': 'nl-NL,nl;q=0.9,en;q=0.5' } };
    expectRefused(await t.gql(CREATE_RELATION, { input: { name: MEGABYTE } }, nl), 'VALUE_TOO_LONG', 'name', 'nl');
    expectRefused(
      await t.gql('mutation ($input: LoginInput!) { login(input: $input) { token } }', { input: { email: MEGABYTE, password: 'x' } }, nl),
      'VALUE_TOO_LONG',
      'email',
      'nl',
    );
    const error = expectError(
      await t.gql(CREATE_FLEXWORKER, { input: { firstName: 'A', lastName: 'B', email: 'bad', bsn: '123456789' } }, nl),
      'UNAUTHENTICATED',
    );
    expectMessageIn(error, 'nl');
    const enError = expectError(await t.gql(CREATE_RELATION, { input: { name: MEGABYTE } }, { headers: { 'accept-language': 'en' } }), 'BAD_USER_INPUT', 'VALUE_TOO_LONG');
    expectMessageIn(enError, 'en');
    expect(await everything()).toBe(before);
  });

  it('a text/plain (or form) POST is refused as CSRF and does not run the mutation', async () => {
    const before = await everything();
    const name = unique('Csrf ');
    const body = JSON.stringify({ query: `mutation { createRelation(input: {name: "${name}"}) { relation { id } } }` });
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'text/plain;charset=UTF-8']) {
      const response = await rawPost(t, body, { 'content-type': contentType, authorization: `Bearer ${agency.staffToken}` });
      expect(response.status).toBe(400);
      const json = response.json as { errors?: { message: string; extensions?: { code?: string } }[] } | null;
      expect(json?.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      expect(json?.errors?.[0]?.message).toMatch(/CSRF|Cross-Site/i);
      expect(response.text).not.toContain('"data"');
    }
    expect((await listRelations(t, agency.staffToken, { filter: { search: name } })).nodes).toEqual([]);
    expect(await everything()).toBe(before);
  });

  it('a body over BODY_LIMIT is 413 with a JSON error, and nothing runs', async () => {
    const before = await everything();
    const name = unique('Huge ');
    const body = JSON.stringify({ query: CREATE_RELATION, variables: { input: { name }, padding: 'y'.repeat(3 * 1024 * 1024) } });
    const response = await rawPost(t, body, { 'content-type': 'application/json', authorization: `Bearer ${agency.staffToken}` });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const json = response.json as { errors: { message: string; extensions: { code: string } }[] };
    expect(json.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(response.text).not.toMatch(/stack|node_modules|at .*\.js/);
    expect((await listRelations(t, agency.staffToken, { filter: { search: name } })).nodes).toEqual([]);
    expect(await everything()).toBe(before);

    // Broken JSON is a plain 400 with a JSON error too.
    const broken = await rawPost(t, '{"query": ', { 'content-type': 'application/json' });
    expect(broken.status).toBe(400);
    expect((broken.json as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('an unexpected error is INTERNAL_SERVER_ERROR with a reference, never a stack trace or SQL', async () => {
    const secret = 'SELECT bsn_encrypted FROM flexworker WHERE agency_id = $1 -- relation "flexworker" does not exist';
    const spy = jest.spyOn(t.app.services.repositories.relations, 'list').mockRejectedValueOnce(new Error(secret));
    try {
      const response = await t.gql('{ relations(first: 5) { nodes { id } } }', {}, { token: agency.staffToken, headers: { 'x-request-id': 'bad-input-internal-1' } });
      expect(spy).toHaveBeenCalled();
      const error = expectError(response, 'INTERNAL_SERVER_ERROR', 'INTERNAL_SERVER_ERROR');
      expect(error.extensions.requestId).toBe('bad-input-internal-1');
      expect(response.headers.get('x-request-id')).toBe('bad-input-internal-1');
      expect(error.extensions).not.toHaveProperty('stacktrace');
      expect(error.extensions).not.toHaveProperty('exception');
      const text = JSON.stringify(response.body);
      expect(text).not.toContain('SELECT');
      expect(text).not.toContain('bsn_encrypted');
      expect(text).not.toMatch(/\.ts:\d+|\.js:\d+|node_modules/);
      expect(error.message).toBe(localeMessage('INTERNAL_SERVER_ERROR', { requestId: 'bad-input-internal-1' }, 'en') ?? error.message);
      expect(error.message).toContain('bad-input-internal-1');
    } finally {
      spy.mockRestore();
    }
    // The server goes on as before.
    expect((await listRelations(t, agency.staffToken)).nodes.map((r) => r.id)).toContain(relation.id);
  });
});
