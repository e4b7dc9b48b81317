import { createAgencyWithStaff, startTestApp, TestApp, unique } from '../support/test-app';
import { createRelation, dataOf } from './e2e-helpers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

describe('the HTTP edge', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('GET /healthz answers 200 {status: ok}', async () => {
    const response = await fetch(`${t.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('GET /readyz answers 200 while the database answers, 503 when it does not', async () => {
    const ready = await fetch(`${t.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });

    const spy = jest.spyOn(t.app.database.dataSource, 'query').mockRejectedValueOnce(new Error('connection terminated'));
    try {
      const down = await fetch(`${t.baseUrl}/readyz`);
      expect(down.status).toBe(503);
      const text = await down.text();
      expect(JSON.parse(text)).toEqual({ status: 'unavailable' });
      expect(text).not.toContain('connection terminated');
    } finally {
      spy.mockRestore();
    }
    expect((await fetch(`${t.baseUrl}/readyz`)).status).toBe(200);
  });

  it('X-Request-Id is echoed when sent, and made when not (or when it is not sane)', async () => {
    const sent = await fetch(`${t.baseUrl}/healthz`, { headers: { 'x-request-id': 'abc-123.def_4' } });
    expect(sent.headers.get('x-request-id')).toBe('abc-123.def_4');

    const made1 = await fetch(`${t.baseUrl}/healthz`);
    const made2 = await fetch(`${t.baseUrl}/healthz`);
    expect(made1.headers.get('x-request-id')).toMatch(UUID);
    expect(made2.headers.get('x-request-id')).toMatch(UUID);
    expect(made1.headers.get('x-request-id')).not.toBe(made2.headers.get('x-request-id'));

    for (const insane of ['has spaces in it', 'x'.repeat(65), '<script>', 'a;b']) {
      const replaced = await fetch(`${t.baseUrl}/healthz`, { headers: { 'x-request-id': insane } });
      expect(replaced.headers.get('x-request-id')).toMatch(UUID);
    }

    // On GraphQL answers too, errors included.
    const gql = await t.gql('{ viewer { id } }', {}, { headers: { 'x-request-id': 'gql-request-7' } });
    expect(gql.headers.get('x-request-id')).toBe('gql-request-7');
    expect(gql.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('a CORS preflight from any origin is allowed by default (no credentials)', async () => {
    const preflight = await fetch(t.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://portal.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization,accept-language',
      },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toMatch(/POST/);
    const allowedHeaders = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const header of ['content-type', 'authorization', 'accept-language']) expect(allowedHeaders).toContain(header);
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();

    const actual = await fetch(t.url, {
      method: 'POST',
      headers: { origin: 'https://portal.example', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(actual.status).toBe(200);
    expect(actual.headers.get('access-control-allow-origin')).toBe('*');
    expect((actual.headers.get('access-control-expose-headers') ?? '').toLowerCase()).toContain('x-request-id');
  });

  it('with CORS_ORIGINS only the listed origins are allowed', async () => {
    const limited = await startTestApp({ env: { CORS_ORIGINS: 'https://portal.example, https://admin.example' } });
    try {
      const ask = (origin: string) =>
        fetch(limited.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
      expect((await ask('https://portal.example')).headers.get('access-control-allow-origin')).toBe('https://portal.example');
      expect((await ask('https://admin.example')).headers.get('access-control-allow-origin')).toBe('https://admin.example');
      expect((await ask('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await limited.stop();
    }
  });

  it('stop() lets a slow request in flight finish, within the shutdown bound, then refuses new ones', async () => {
    const shutdownTimeoutMs = 5000;
    const app = await startTestApp({ env: { SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs) } });
    let stopped = false;
    try {
      const agency = await createAgencyWithStaff(app, unique('Shutdown agency '));
      const relation = await createRelation(app, agency.staffToken);
      const repository = app.app.services.repositories.relations;
      const original = repository.list.bind(repository);
      let entered!: () => void;
      const inside = new Promise<void>((resolve) => (entered = resolve));
      const spy = jest.spyOn(repository, 'list').mockImplementationOnce(async (...args: Parameters<typeof repository.list>) => {
        entered();
        await new Promise((resolve) => setTimeout(resolve, 400));
        return original(...args);
      });

      const slow = app.gql<{ relations: { nodes: { id: string }[] } }>('{ relations(first: 10) { nodes { id } } }', {}, { token: agency.staffToken });
      await inside;
      const started = Date.now();
      await app.stop();
      stopped = true;
      const took = Date.now() - started;

      const answer = await slow;
      expect(spy).toHaveBeenCalledTimes(1);
      expect(dataOf(answer).relations.nodes.map((r) => r.id)).toEqual([relation.id]);
      // stop() waited for the request (it slept 400 ms after it had started), but not for the bound.
      expect(took).toBeGreaterThanOrEqual(250);
      expect(took).toBeLessThan(shutdownTimeoutMs);
      // Stopping twice is harmless, and the port no longer answers.
      await app.stop();
      await expect(fetch(`${app.baseUrl}/healthz`)).rejects.toThrow();
    } finally {
      if (!stopped) await app.stop();
    }
  });
});
