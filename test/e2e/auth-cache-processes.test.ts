import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GqlResponse, GENEROUS_RATE_LIMITS, TEST_FIELD_KEY, TEST_PASSWORD, createAgencyWithStaff, login, startTestApp, TestAgency, TestApp, unique } from '../support/test-app';
import { testDatabaseUrl } from '../support/test-database';
import { scheduleInput, versionInput } from './cao-schedule-helpers';
import { buildServer, ChildServer, startChildServer } from './child-server';
import { createFlexworker, createPlacement, createRelation, createUser, dataOf, expectError } from './e2e-helpers';
import { postGraphql } from './recording-app';

/*
 * Issue 14: each server process keeps who a token belongs to for a few seconds, so that a
 * request need not ask the database. A logout, a password change or a key revocation made
 * through one process must be refused by another within a second: here this jest process is
 * one server and a child process (the compiled server, `node dist/src/main.js`) on the same
 * database is the other. The child has answered with the token before the change, so that its
 * cache holds it (its /metrics show the hit), and is then asked every 20 ms until it refuses.
 */
const VIEWER = '{ viewer { id role } }';
const WITHIN_MS = 1_000;

describe('the authentication cache across server processes', () => {
  let t: TestApp;
  let other: ChildServer;
  let agency: TestAgency;

  beforeAll(async () => {
    buildServer();
    t = await startTestApp();
    agency = await createAgencyWithStaff(t, unique('Cache agency '));
    other = await startChildServer({
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      JOBS: 'false',
      DATABASE_URL: testDatabaseUrl(),
      FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY,
      DATABASE_POOL_SIZE: '2',
      // Long enough that only a notice, not the TTL, can explain a refusal within the second.
      AUTH_CACHE_TTL_SECONDS: '60',
      ...GENEROUS_RATE_LIMITS,
    });
  }, 300_000);

  afterAll(async () => {
    await other?.stop('SIGTERM', 15_000);
    await t?.stop();
  });

  const askOther = (token: string) => postGraphql<{ viewer: { id: string; role: string } }>(other.url, VIEWER, undefined, { token });

  async function cacheHits(): Promise<number> {
    const text = await (await fetch(other.url.replace(/\/graphql$/, '/metrics'))).text();
    return Number(/^flexportal_auth_cache\{figure="hits"\} (\d+)/m.exec(text)?.[1] ?? NaN);
  }

  /** The other process answers from its cache: a second request with the token is a hit there. */
  async function cachedInOther(token: string): Promise<void> {
    dataOf(await askOther(token));
    const before = await cacheHits();
    dataOf(await askOther(token));
    expect(await cacheHits()).toBe(before + 1);
  }

  /** Asks the other process until it refuses the token; the refusal and how long it took. */
  async function refusedByOther(token: string): Promise<{ answer: GqlResponse<unknown>; ms: number }> {
    const started = Date.now();
    for (;;) {
      const answer = await askOther(token);
      const ms = Date.now() - started;
      if (answer.body.errors || ms > 5 * WITHIN_MS) return { answer, ms };
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function aStaffLogin(): Promise<{ id: string; email: string; token: string }> {
    const email = `${unique('cached')}@example.com`;
    const id = await createUser(t, agency.staffToken, { email, role: 'AGENCY_STAFF', password: TEST_PASSWORD });
    return { id, email, token: await login(t, email, TEST_PASSWORD) };
  }

  it('a logout in one process is refused in the other within a second', async () => {
    const { token } = await aStaffLogin();
    await cachedInOther(token);

    expect(dataOf(await t.gql<{ logout: { sessionEnded: boolean } }>('mutation { logout { sessionEnded } }', {}, { token })).logout.sessionEnded).toBe(true);
    const { answer, ms } = await refusedByOther(token);
    expectError(answer, 'UNAUTHENTICATED', 'SESSION_ENDED');
    expect(ms).toBeLessThan(WITHIN_MS);
  });

  it('a password change in one process ends the other sessions in the other process within a second', async () => {
    const { email, token: kept } = await aStaffLogin();
    const changing = await login(t, email, TEST_PASSWORD);
    await cachedInOther(kept);

    const changed = await t.gql<{ changeMyPassword: { token: string } }>(
      'mutation ($input: ChangeMyPasswordInput!) { changeMyPassword(input: $input) { token } }',
      { input: { currentPassword: TEST_PASSWORD, newPassword: `${TEST_PASSWORD} changed` } },
      { token: changing },
    );
    const fresh = dataOf(changed).changeMyPassword.token;
    const { answer, ms } = await refusedByOther(kept);
    expectError(answer, 'UNAUTHENTICATED', 'SESSION_ENDED');
    expect(ms).toBeLessThan(WITHIN_MS);
    // The new session works there at once.
    expect(dataOf(await askOther(fresh)).viewer.role).toBe('AGENCY_STAFF');
  });

  it('an API key revoked in one process is refused in the other within a second', async () => {
    const created = dataOf(
      await t.gql<{ createApiClient: { apiKey: string; apiClient: { id: string } } }>(
        'mutation ($input: CreateApiClientInput!) { createApiClient(input: $input) { apiKey apiClient { id } } }',
        { input: { name: unique('Payroll ') } },
        { token: agency.staffToken },
      ),
    ).createApiClient;
    await cachedInOther(created.apiKey);

    dataOf(await t.gql('mutation ($input: RevokeApiClientInput!) { revokeApiClient(input: $input) { apiClient { id } } }', { input: { id: created.apiClient.id } }, { token: agency.staffToken }));
    const { answer, ms } = await refusedByOther(created.apiKey);
    expectError(answer, 'UNAUTHENTICATED', 'API_KEY_REVOKED');
    expect(ms).toBeLessThan(WITHIN_MS);
  });

  it('a change made straight in the database (a user deactivated by SQL) reaches the other process too', async () => {
    const { id, token } = await aStaffLogin();
    await cachedInOther(token);

    await t.app.database.dataSource.query('UPDATE users SET active = false WHERE id = $1', [id]);
    const { answer, ms } = await refusedByOther(token);
    expectError(answer, 'UNAUTHENTICATED', 'INVALID_TOKEN');
    expect(ms).toBeLessThan(WITHIN_MS);
  });

  /** Asks the other process until `accept` holds for the answer's data; how long it took. */
  async function otherShows<T>(query: string, token: string, accept: (data: T) => boolean): Promise<number> {
    const started = Date.now();
    for (;;) {
      const data = dataOf(await postGraphql<T>(other.url, query, undefined, { token }));
      const ms = Date.now() - started;
      if (accept(data) || ms > 5 * WITHIN_MS) return ms;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('agency settings changed in one process show in the other within a second (its copy of the agency is forgotten)', async () => {
    const TABS = '{ viewer { enabledTabs } agency { version settings { enabledTabs } } }';
    type Tabs = { viewer: { enabledTabs: string[] }; agency: { version: number; settings: { enabledTabs: string[] } } };
    const before = dataOf(await postGraphql<Tabs>(other.url, TABS, undefined, { token: agency.staffToken }));
    dataOf(await postGraphql<Tabs>(other.url, TABS, undefined, { token: agency.staffToken }));
    expect(before.agency.settings.enabledTabs).toContain('PAYSLIPS');

    dataOf(
      await t.gql(
        'mutation ($input: UpdateAgencySettingsInput!) { updateAgencySettings(input: $input) { agency { version } } }',
        { input: { enabledTabs: ['DECLARATION_STATUS'], expectedVersion: before.agency.version } },
        { token: agency.staffToken },
      ),
    );
    const ms = await otherShows<Tabs>(TABS, agency.staffToken, (d) => d.agency.settings.enabledTabs.join() === 'DECLARATION_STATUS' && d.agency.version === before.agency.version + 1);
    expect(ms).toBeLessThan(WITHIN_MS);
  });

  it('a language chosen in one process is the viewer\'s language in the other within a second', async () => {
    const { token } = await aStaffLogin();
    const LANGUAGE = '{ viewer { language } }';
    expect(dataOf(await postGraphql<{ viewer: { language: string } }>(other.url, LANGUAGE, undefined, { token })).viewer.language).toBe('EN');
    await cachedInOther(token);

    dataOf(await t.gql('mutation { updateMySettings(input: { language: PL }) { viewer { language } } }', {}, { token }));
    const ms = await otherShows<{ viewer: { language: string } }>(LANGUAGE, token, (d) => d.viewer.language === 'PL');
    expect(ms).toBeLessThan(WITHIN_MS);
  });

  it('a relation renamed, a placement changed by SQL and a new placement in one process show in the other within a second (its kept copies are forgotten)', async () => {
    const relation = await createRelation(t, agency.staffToken);
    const worker = await createFlexworker(t, agency.staffToken);
    const placement = await createPlacement(t, agency.staffToken, { flexworkerId: worker.id, relationId: relation.id });
    const PLACEMENT = `{ placement(id: "${placement.id}") { functionName relation { name } } }`;
    type Shown = { placement: { functionName: string; relation: { name: string } } };
    dataOf(await postGraphql<Shown>(other.url, PLACEMENT, undefined, { token: agency.staffToken }));
    expect(dataOf(await postGraphql<Shown>(other.url, PLACEMENT, undefined, { token: agency.staffToken })).placement.functionName).toBe('Order picker');

    const renamed = `${relation.name} renamed`;
    dataOf(await t.gql('mutation ($input: UpdateRelationInput!) { updateRelation(input: $input) { relation { version } } }', { input: { id: relation.id, name: renamed, expectedVersion: relation.version } }, { token: agency.staffToken }));
    expect(await otherShows<Shown>(PLACEMENT, agency.staffToken, (d) => d.placement.relation.name === renamed)).toBeLessThan(WITHIN_MS);

    await t.app.database.dataSource.query('UPDATE placements SET function_name = $2 WHERE id = $1', [placement.id, 'Forklift driver']);
    expect(await otherShows<Shown>(PLACEMENT, agency.staffToken, (d) => d.placement.functionName === 'Forklift driver')).toBeLessThan(WITHIN_MS);

    // What a worker may see of relations follows their placements: a new one shows at once there too.
    const email = `${unique('placed')}@example.com`;
    await createUser(t, agency.staffToken, { email, role: 'FLEXWORKER', flexworkerId: worker.id, password: TEST_PASSWORD });
    const workerToken = await login(t, email, TEST_PASSWORD);
    const second = await createRelation(t, agency.staffToken);
    const RELATIONS = '{ relations(first: 10) { nodes { id } } }';
    type Relations = { relations: { nodes: { id: string }[] } };
    expect(dataOf(await postGraphql<Relations>(other.url, RELATIONS, undefined, { token: workerToken })).relations.nodes.map((r) => r.id)).toEqual([relation.id]);
    await createPlacement(t, agency.staffToken, { flexworkerId: worker.id, relationId: second.id });
    expect(await otherShows<Relations>(RELATIONS, workerToken, (d) => d.relations.nodes.some((r) => r.id === second.id))).toBeLessThan(WITHIN_MS);
  });

  it('a CAO schedule version added in one process is the schedule in the other within a second', async () => {
    const schedule = JSON.parse(readFileSync(path.join(__dirname, '../fixtures/unravel/schoonmaak/schedule.json'), 'utf8')) as { name: string; versions: Record<string, unknown>[] };
    const created = dataOf(
      await t.gql<{ createCaoUnravelSchedule: { caoUnravelSchedule: { id: string; version: number } } }>(
        'mutation ($input: CreateCaoUnravelScheduleInput!) { createCaoUnravelSchedule(input: $input) { caoUnravelSchedule { id version } } }',
        { input: scheduleInput({ ...schedule, name: unique('Kept schedule ') }) },
        { token: agency.staffToken },
      ),
    ).createCaoUnravelSchedule.caoUnravelSchedule;
    const SCHEDULE = `{ caoUnravelSchedule(id: "${created.id}") { versions { validFrom } } }`;
    type Versions = { caoUnravelSchedule: { versions: { validFrom: string }[] } };
    dataOf(await postGraphql<Versions>(other.url, SCHEDULE, undefined, { token: agency.staffToken }));
    expect(dataOf(await postGraphql<Versions>(other.url, SCHEDULE, undefined, { token: agency.staffToken })).caoUnravelSchedule.versions).toHaveLength(schedule.versions.length);

    const latest = schedule.versions[schedule.versions.length - 1];
    dataOf(
      await t.gql(
        'mutation ($input: AddCaoUnravelScheduleVersionInput!) { addCaoUnravelScheduleVersion(input: $input) { caoUnravelSchedule { version } } }',
        { input: { scheduleId: created.id, expectedVersion: created.version, version: versionInput({ ...latest, validFrom: '2026-12-28' }) } },
        { token: agency.staffToken },
      ),
    );
    const ms = await otherShows<Versions>(SCHEDULE, agency.staffToken, (d) => d.caoUnravelSchedule.versions.length === schedule.versions.length + 1);
    expect(ms).toBeLessThan(WITHIN_MS);
  });
});
