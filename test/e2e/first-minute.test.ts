import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_LOGINS } from '../../src/infrastructure/demo/demo-seed';
import { buildServer, ChildServer, startChildServer } from './child-server';

/*
 * Issue 9, item 9, the first minute: `npm start` (the compiled server, as its own process, on a
 * fresh DATA_DIR) says it is ready only when the demo data exists and a demo login works, so the
 * README's first curl, sent the moment the URL is printed, succeeds; and nothing on the way (start,
 * migrations, the demo seed, a few requests) makes the process print a warning.
 */
const STOP_BOUND_MS = 15_000;

async function post(url: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] } };
}

describe('the first minute of `npm start` on a fresh data folder', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'flexportal-first-minute-'));
  let server: ChildServer | undefined;

  beforeAll(() => {
    buildServer();
  }, 300_000);
  afterAll(async () => {
    await server?.stop('SIGKILL', 5_000).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('prints the URL and the demo logins only when a demo login works, and no warning on the way', async () => {
    server = await startChildServer({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' });
    // At once, as the README's first curl does: every demo login works.
    for (const { email, role } of DEMO_LOGINS.users) {
      const login = await post(server.url, 'mutation ($input: LoginInput!) { login(input: $input) { token viewer { role } } }', {
        input: { email, password: DEMO_LOGINS.password },
      });
      expect(login).toMatchObject({ status: 200, body: { data: { login: { viewer: { role } } } } });
      expect(login.body.errors).toBeUndefined();
    }
    const jan = await post(server.url, 'mutation { login(input: {email: "jan.jansen@example.com", password: "flexportal-demo"}) { token } }');
    const token = (jan.body.data!.login as { token: string }).token;
    const weeks = await post(server.url, '{ openTimesheets { nodes { week status } } declarationStatus { nodes { week status late expectedPayDate } } }', {}, token);
    expect(weeks.body.errors).toBeUndefined();
    expect((weeks.body.data!.declarationStatus as { nodes: unknown[] }).nodes.length).toBeGreaterThan(0);

    const output = server.output();
    // The order of the log: the demo is created, then "ready", then the URL; never "listening" before.
    const created = output.indexOf('"msg":"demo data created"');
    const ready = output.indexOf('"msg":"ready"');
    const url = output.indexOf('Flexportal GraphQL API:');
    expect(created).toBeGreaterThan(-1);
    expect(ready).toBeGreaterThan(created);
    expect(url).toBeGreaterThan(ready);
    expect(output).not.toMatch(/"msg":"listening"/);
    // The web portal is served next to the API, and said where (the test run builds it first).
    const portalUrl = server.url.replace(/\/graphql$/, '/');
    expect(output).toContain(`Flexportal web portal: ${portalUrl}`);
    const portal = await fetch(portalUrl, { headers: { accept: 'text/html' } });
    expect(portal.status).toBe(200);
    expect(await portal.text()).toContain('<div id="root">');
    // No warning of Node or a dependency (DeprecationWarning, ExperimentalWarning, MaxListenersExceededWarning, …).
    expect(output).not.toMatch(/Warning/);

    const exit = await server.stop('SIGTERM', STOP_BOUND_MS);
    server = undefined;
    expect(exit).toMatchObject({ code: 0, signal: null });
  }, 180_000);
});
