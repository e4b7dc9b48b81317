import { createAgencyWithStaff, startTestApp, TestApp, unique } from '../support/test-app';
import { testDatabaseUrl } from '../support/test-database';
import { GENEROUS_RATE_LIMITS, TEST_FIELD_KEY } from '../support/test-app';
import { buildServer, ChildServer, startChildServer } from './child-server';
import { dataOf } from './e2e-helpers';
import { postGraphql } from './recording-app';

/** The sum of a metric's samples whose labels contain `labels` (Prometheus text format). */
function sample(text: string, name: string, labels = ''): number {
  let sum = 0;
  let seen = false;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name || !(match[2] ?? '').includes(labels)) continue;
    sum += Number(match[3]);
    seen = true;
  }
  return seen ? sum : NaN;
}

describe('/metrics (issue 14)', () => {
  describe('one process', () => {
    let t: TestApp;
    let guarded: TestApp;
    let off: TestApp;

    beforeAll(async () => {
      t = await startTestApp();
      guarded = await startTestApp({ env: { METRICS_TOKEN: 'scrape-me' } });
      off = await startTestApp({ env: { METRICS: 'false' } });
    });
    afterAll(async () => {
      await Promise.all([t?.stop(), guarded?.stop(), off?.stop()]);
    });

    it('counts requests and their latency per operation name and outcome, the statements sent, the pool, the auth cache and the process', async () => {
      const agency = await createAgencyWithStaff(t, unique('Metrics agency '));
      const before = await (await fetch(`${t.baseUrl}/metrics`)).text();
      for (let i = 0; i < 3; i += 1) dataOf(await t.gql('query MetricsViewer { viewer { role } }', {}, { token: agency.staffToken }));
      await t.gql('query MetricsBroken { viewer { role } }'); // no token: an error
      await t.gql('query Wrong$Name { __typename }'); // not a name a client sends: a syntax error, still counted
      const response = await fetch(`${t.baseUrl}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await response.text();
      const count = (labels: string) => sample(text, 'flexportal_graphql_request_duration_seconds_count', labels) - (sample(before, 'flexportal_graphql_request_duration_seconds_count', labels) || 0);
      expect(count('operation="MetricsViewer",outcome="ok"')).toBe(3);
      expect(count('operation="MetricsBroken",outcome="error"')).toBe(1);
      expect(sample(text, 'flexportal_graphql_request_duration_seconds_bucket', 'le="+Inf",operation="MetricsViewer",outcome="ok"')).toBe(3);
      // The first request reads the session and its user; the two after come from the cache.
      expect(sample(text, 'flexportal_auth_cache', 'figure="hits"') - sample(before, 'flexportal_auth_cache', 'figure="hits"')).toBeGreaterThanOrEqual(2);
      expect(sample(text, 'flexportal_db_statements_total')).toBeGreaterThan(sample(before, 'flexportal_db_statements_total'));
      expect(sample(text, 'flexportal_db_pool_connections', 'state="total"')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
      expect(sample(text, 'nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0);
      expect(sample(text, 'flexportal_server_processes')).toBe(1);
    });

    it('asks for METRICS_TOKEN when it is set, and is not there with METRICS=false', async () => {
      const refused = await fetch(`${guarded.baseUrl}/metrics`);
      expect(refused.status).toBe(401);
      expect(await refused.json()).toEqual({ error: 'METRICS_TOKEN_REQUIRED', message: 'The metrics need the METRICS_TOKEN as a bearer token' });
      expect((await fetch(`${guarded.baseUrl}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      const allowed = await fetch(`${guarded.baseUrl}/metrics`, { headers: { authorization: 'Bearer scrape-me' } });
      expect(allowed.status).toBe(200);
      expect(await allowed.text()).toContain('flexportal_db_statements_total');
      expect((await fetch(`${off.baseUrl}/metrics`)).status).toBe(404);
    });
  });

  describe('WEB_CONCURRENCY=2: two server processes on one port', () => {
    let server: ChildServer | undefined;

    beforeAll(async () => {
      buildServer();
      server = await startChildServer({
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        SEED_DEMO: 'false',
        JOBS: 'false',
        DATABASE_URL: testDatabaseUrl(),
        FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY,
        DATABASE_POOL_SIZE: '2',
        WEB_CONCURRENCY: '2',
        ...GENEROUS_RATE_LIMITS,
      });
    }, 300_000);
    afterAll(async () => {
      await server?.stop('SIGTERM', 20_000);
    });

    it('serves from both; /metrics, from whichever answers, sums both; SIGTERM stops them all within the bound', async () => {
      expect(server!.output()).toContain('2 server processes) ready');
      const answers = await Promise.all(Array.from({ length: 40 }, () => postGraphql<{ __typename: string }>(server!.url, 'query ClusterBare { __typename }', undefined, {})));
      expect(answers.map((a) => dataOf(a).__typename)).toEqual(Array(40).fill('Query'));
      const metricsUrl = server!.url.replace(/\/graphql$/, '/metrics');
      for (let i = 0; i < 4; i += 1) {
        const text = await (await fetch(metricsUrl)).text();
        expect(sample(text, 'flexportal_server_processes')).toBe(2);
        expect(sample(text, 'flexportal_graphql_request_duration_seconds_count', 'operation="ClusterBare"')).toBe(40);
      }
      const exit = await server!.stop('SIGTERM', 20_000);
      server = undefined;
      expect(exit.code).toBe(0);
    });
  });
});
