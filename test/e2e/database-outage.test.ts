import { Client } from 'pg';
import { QueryRunnerAlreadyReleasedError } from 'typeorm';
import { LANGUAGE_CODES } from '../../src/domain/shared/language.value-object';
import { isDatabaseUnavailable } from '../../src/infrastructure/database/postgres-errors';
import { migrateDatabase, testDatabaseUrl } from '../support/test-database';
import { createAgencyWithStaff, GqlResponse, TestAgency, TestApp, unique } from '../support/test-app';
import { dataOf, localeMessage } from './e2e-helpers';
import { RecordingLogger, startRecordingApp } from './recording-app';
import { postgresBinaries, ThrowawayPostgres } from './throwaway-postgres';

/*
 * Issue 8, item 5: a database outage is answered honestly. The app runs on a PostgreSQL cluster
 * of this test's own, which the test stops and starts again as an operator (or a crash) would.
 * While it is down every request that needs it gets HTTP 503 with Retry-After, a message in the
 * request's language, its request id in `extensions`, and one log line with the cause; once it is
 * up, the same server process answers again. Needs PostgreSQL's server binaries (CI installs them).
 */

const BINARIES = postgresBinaries();
const RETRY_AFTER = '7';
const VIEWER = '{ viewer { id language } }';
const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { token } }';

if (!BINARIES) {
  console.warn(
    'database-outage.test.ts: skipped, no PostgreSQL server binaries in /usr/lib/postgresql/*/bin ' +
      '(apt-get install postgresql; CI installs them, so it runs there on both databases).',
  );
}

/** The answer of a request the outage refused: 503, Retry-After, the language's text, the request id; and its one log line. */
function expectOutageAnswer(response: GqlResponse<unknown>, language: string, log: RecordingLogger): void {
  const requestId = response.headers.get('x-request-id');
  expect({ status: response.status, retryAfter: response.headers.get('retry-after') }).toEqual({ status: 503, retryAfter: RETRY_AFTER });
  expect(response.body.errors).toHaveLength(1);
  const [error] = response.body.errors!;
  expect(error.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_UNAVAILABLE', requestId });
  expect(error.message).toBe(localeMessage('DATABASE_UNAVAILABLE', { requestId }, language));
  expect(error.message).toContain(requestId);
  expect(JSON.stringify(response.body)).not.toMatch(/ECONNREFUSED|terminat|127\.0\.0\.1|stacktrace|\.ts:\d+/i);

  const outageLines = log.ofRequest(requestId).filter((line) => line.message === 'database unavailable');
  expect(outageLines).toHaveLength(1);
  expect(outageLines[0].level).toBe('error');
  expect(outageLines[0].fields.reason).toBe('DATABASE_UNAVAILABLE');
  expect(isDatabaseUnavailable(outageLines[0].fields.err)).toBe(true);
  expect(log.ofRequest(requestId).filter((line) => line.message === 'unexpected error')).toEqual([]);
}

describe('which errors mean the database cannot be reached (isDatabaseUnavailable)', () => {
  const connectionError = (code: string, message = code) => Object.assign(new Error(message), { code });

  it.each([
    ['a refused connection', connectionError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a reset connection', connectionError('ECONNRESET')],
    ['57P01 admin_shutdown', connectionError('57P01', 'terminating connection due to administrator command')],
    ['57P02 crash_shutdown', connectionError('57P02')],
    ['57P03 cannot_connect_now', connectionError('57P03', 'the database system is starting up')],
    ['08006 connection_failure', connectionError('08006')],
    ['08001 unable to connect', connectionError('08001')],
    ['53300 too many connections', connectionError('53300', 'sorry, too many clients already')],
    ['pg: Connection terminated unexpectedly', new Error('Connection terminated unexpectedly')],
    ['pg: Connection terminated due to connection timeout', new Error('Connection terminated due to connection timeout')],
    ['pg: a client after its connection failed', new Error('Client has encountered a connection error and is not queryable')],
    ['pg-pool: no connection in time', new Error('timeout exceeded when trying to connect')],
    ['TypeORM QueryFailedError around 57P01', Object.assign(new Error('query failed'), { driverError: connectionError('57P01') })],
    ['TypeORM: the next query of a transaction whose connection failed', new QueryRunnerAlreadyReleasedError()],
    ['Node: every address refused', new AggregateError([connectionError('ECONNREFUSED')], 'connect failed')],
    ['a cause of a cause', new Error('outer', { cause: new Error('inner', { cause: connectionError('ECONNREFUSED') }) })],
    ["graphql-js's wrapper of a thrown non-Error", Object.assign(new Error('Unexpected error value'), { thrownValue: { code: 'ECONNREFUSED' } })],
  ])('%s: yes', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['23505 unique_violation', connectionError('23505')],
    ['40001 serialization_failure', connectionError('40001')],
    ['22P02 invalid_text_representation', connectionError('22P02')],
    ['42P01 undefined_table', connectionError('42P01')],
    ['a QueryFailedError around 23505', Object.assign(new Error('query failed'), { driverError: connectionError('23505') })],
    ['a plain Error', new Error('something broke')],
    ['a message that only mentions a connection', new Error('the relation has no connection to this agency')],
    ['not an error', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('%s: no', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

(BINARIES ? describe : describe.skip)('a PostgreSQL outage on a real server (stopped, then started again)', () => {
  let postgres: ThrowawayPostgres;
  let t: TestApp;
  let agency: TestAgency;
  const log = new RecordingLogger();

  beforeAll(async () => {
    postgres = await ThrowawayPostgres.create(BINARIES!);
    await migrateDatabase(postgres.url);
    t = await startRecordingApp(postgres.url, log, { OUTAGE_RETRY_AFTER_SECONDS: RETRY_AFTER });
    agency = await createAgencyWithStaff(t, 'Outage agency');
  }, 90_000);

  afterAll(async () => {
    await t?.stop();
    await postgres?.destroy();
  }, 60_000);

  it('while PostgreSQL runs, the server answers', async () => {
    expect(dataOf(await t.gql(VIEWER, {}, { token: agency.staffToken }))).toEqual({ viewer: { id: agency.staff.id, language: 'EN' } });
    expect((await fetch(`${t.baseUrl}/readyz`)).status).toBe(200);
  });

  describe('PostgreSQL stopped', () => {
    beforeAll(async () => {
      await postgres.stop();
    }, 60_000);

    it('a request with a token (checked before any resolver runs) gets 503, Retry-After, the message in its language and the request id', async () => {
      const response = await t.gql(VIEWER, {}, { token: agency.staffToken, headers: { 'accept-language': 'de' } });
      expectOutageAnswer(response, 'de', log);
      expect(response.body.data).toBeUndefined();
    });

    it.each([...LANGUAGE_CODES])('an anonymous login (the resolver queries) gets the same answer, in %s', async (language) => {
      const response = await t.gql(LOGIN, { input: { email: agency.staffEmail, password: 'whatever it is' } }, { headers: { 'accept-language': language } });
      expectOutageAnswer(response, language, log);
    });

    it('the eight messages are eight translations, each naming the request', async () => {
      const texts = LANGUAGE_CODES.map((language) => localeMessage('DATABASE_UNAVAILABLE', { requestId: 'r-1' }, language));
      expect(new Set(texts).size).toBe(8);
      for (const text of texts) expect(text).toContain('r-1');
    });

    it('GET /readyz answers 503 with Retry-After', async () => {
      const response = await fetch(`${t.baseUrl}/readyz`);
      expect({ status: response.status, retryAfter: response.headers.get('retry-after') }).toEqual({ status: 503, retryAfter: RETRY_AFTER });
    });

    it('a request that needs no database still answers 200', async () => {
      const response = await t.gql('{ __typename }');
      expect({ status: response.status, body: response.body }).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
    });
  });

  describe('PostgreSQL started again', () => {
    beforeAll(async () => {
      await postgres.start();
    }, 60_000);

    it('the same server process answers again: the token, a login, readiness', async () => {
      const viewer = await t.gql(VIEWER, {}, { token: agency.staffToken });
      expect({ status: viewer.status, body: viewer.body }).toEqual({ status: 200, body: { data: { viewer: { id: agency.staff.id, language: 'EN' } } } });
      const login = await t.gql<{ login: { token: string } }>(LOGIN, { input: { email: agency.staffEmail, password: 'correct horse battery' } });
      expect(dataOf(login).login.token).toEqual(expect.any(String));
      expect((await fetch(`${t.baseUrl}/readyz`)).status).toBe(200);
    });
  });

  it('a write whose transaction is open when PostgreSQL stops gets 503, keeps nothing, and the server answers once it is back', async () => {
    const { users } = t.app.services.repositories;
    const unitOfWork = t.app.services.unitOfWork;
    const findById = users.findById.bind(users);
    let entered!: () => void;
    let resume!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const held = new Promise<void>((resolve) => (resume = resolve));
    const spy = jest.spyOn(users, 'findById').mockImplementation(async (agencyId: string, id: string) => {
      // Only the read inside updateMySettings' transaction waits; the token check reads outside one.
      if (unitOfWork.inTransaction()) {
        entered();
        await held;
      }
      return findById(agencyId, id);
    });
    try {
      const pending = t.gql('mutation { updateMySettings(input: { language: NL }) { viewer { language } } }', {}, { token: agency.staffToken, headers: { 'accept-language': 'pl' } });
      await inside;
      await postgres.stop();
      resume();
      // The token was checked before the stop: the message is in the viewer's language, not the header's.
      expectOutageAnswer(await pending, 'en', log);
    } finally {
      resume();
      spy.mockRestore();
      await postgres.start();
    }
    expect(dataOf(await t.gql(VIEWER, {}, { token: agency.staffToken }))).toEqual({ viewer: { id: agency.staff.id, language: 'EN' } });
  });

  it("pg's own errors for a stopped server are the ones recognised: a query cut off, a connection refused", async () => {
    const client = new Client({ connectionString: postgres.url });
    client.on('error', () => undefined); // the termination also arrives as an event
    await client.connect();
    const cutOff = client.query('SELECT pg_sleep(30)').then(
      () => undefined,
      (error: unknown) => error,
    );
    await postgres.stop();
    try {
      expect(isDatabaseUnavailable(await cutOff)).toBe(true);
      const refused = await new Client({ connectionString: postgres.url }).connect().then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refused).toMatchObject({ code: 'ECONNREFUSED' });
      expect(isDatabaseUnavailable(refused)).toBe(true);
    } finally {
      await client.end().catch(() => undefined);
      await postgres.start();
    }
  });
});

describe("on the run's own database, with the failure put in by a spy (also where no PostgreSQL binaries are installed)", () => {
  let t: TestApp;
  let agency: TestAgency;
  const log = new RecordingLogger();

  beforeAll(async () => {
    t = await startRecordingApp(testDatabaseUrl(), log, { OUTAGE_RETRY_AFTER_SECONDS: RETRY_AFTER });
    agency = await createAgencyWithStaff(t, unique('Outage spy agency '));
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("a resolver's query that finds the connection refused: 503 with Retry-After, translated, the request id, one line with the cause", async () => {
    const { users } = t.app.services.repositories;
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const spy = jest.spyOn(users, 'findActiveByEmail').mockRejectedValueOnce(refused);
    try {
      const response = await t.gql(LOGIN, { input: { email: agency.staffEmail, password: 'whatever it is' } }, { headers: { 'accept-language': 'hu' } });
      expectOutageAnswer(response, 'hu', log);
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('a token check that fails for another reason: 500 INTERNAL_SERVER_ERROR with the request id, translated, one "unexpected error" line', async () => {
    const { sessions } = t.app.services.repositories;
    // Every look-up of the token fails while the request runs (the rate limiter looks it up too, first).
    const spy = jest.spyOn(sessions, 'findByTokenHash').mockRejectedValue(new Error('disk on fire'));
    try {
      const response = await t.gql(VIEWER, {}, { token: agency.staffToken, headers: { 'accept-language': 'de' } });
      const requestId = response.headers.get('x-request-id');
      expect({ status: response.status, retryAfter: response.headers.get('retry-after') }).toEqual({ status: 500, retryAfter: null });
      expect(response.body.errors).toEqual([
        {
          message: localeMessage('INTERNAL_SERVER_ERROR', { requestId }, 'de'),
          extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL_SERVER_ERROR', requestId },
        },
      ]);
      const lines = log.ofRequest(requestId).filter((line) => line.level === 'error');
      expect(lines.map((line) => [line.message, (line.fields.err as Error).message])).toEqual([['unexpected error', 'disk on fire']]);
    } finally {
      spy.mockRestore();
    }
    expect(dataOf(await t.gql(VIEWER, {}, { token: agency.staffToken }))).toEqual({ viewer: { id: agency.staff.id, language: 'EN' } });
  });
});
