import { createAgencyWithStaff, startTestApp, TestAgency, TestApp, unique } from '../support/test-app';
import { listRelations } from './e2e-helpers';

/*
 * Issue 8, item 7: the HTTP edge. Security headers on every answer (a strict Content-Security-
 * Policy wherever HTML could be served), /graphql only by GET, POST and OPTIONS, and a browser
 * request from an origin CORS_ORIGINS does not list refused with 403 before anything runs: a
 * mutation that would create something creates nothing. Bearer tokens only, no cookies: the
 * portal runs inside other sites.
 */

const PORTAL = 'https://portal.example';
const EVIL = 'https://evil.example';
const CREATE_RELATION = 'mutation ($input: CreateRelationInput!) { createRelation(input: $input) { relation { id name } } }';

function directives(csp: string | null): Map<string, string> {
  return new Map((csp ?? '').split(';').map((part) => part.trim()).filter(Boolean).map((part) => {
    const [name, ...values] = part.split(/\s+/);
    return [name, values.join(' ')] as [string, string];
  }));
}

function expectSecurityHeaders(response: Response): void {
  const headers = response.headers;
  expect({
    nosniff: headers.get('x-content-type-options'),
    referrer: headers.get('referrer-policy'),
    frame: headers.get('x-frame-options'),
    poweredBy: headers.get('x-powered-by'),
    cookie: headers.get('set-cookie'),
    resourcePolicy: headers.get('cross-origin-resource-policy'),
  }).toEqual({ nosniff: 'nosniff', referrer: 'no-referrer', frame: 'DENY', poweredBy: null, cookie: null, resourcePolicy: 'same-origin' });
  expect(headers.get('strict-transport-security')).toMatch(/^max-age=\d+$/);
}

/** The policy of the API's JSON: nothing may load, run, be framed, or post a form. */
function expectStrictCsp(response: Response): void {
  const csp = directives(response.headers.get('content-security-policy'));
  expect(csp.get('default-src')).toBe("'none'");
  expect(csp.get('frame-ancestors')).toBe("'none'");
}

async function send(t: TestApp, init: RequestInit & { headers?: Record<string, string> }, body?: object): Promise<Response> {
  return fetch(t.url, {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function relationNamed(t: TestApp, agency: TestAgency, name: string): Promise<string[]> {
  return (await listRelations(t, agency.staffToken, { filter: { search: name } })).nodes.map((r) => r.name);
}

describe('the HTTP edge, hardened', () => {
  let t: TestApp;
  let agency: TestAgency;

  beforeAll(async () => {
    t = await startTestApp({ env: { CORS_ORIGINS: `${PORTAL}, https://admin.example` } });
    agency = await createAgencyWithStaff(t, unique('Hardening agency '));
  });
  afterAll(async () => {
    await t.stop();
  });

  describe('security headers', () => {
    it('are on every answer: probes, GraphQL data and errors, a refusal, an unknown path', async () => {
      const answers = [
        await fetch(`${t.baseUrl}/healthz`),
        await fetch(`${t.baseUrl}/readyz`),
        await send(t, { method: 'POST' }, { query: '{ __typename }' }),
        await send(t, { method: 'POST' }, { query: '{ viewer { id } }' }),
        await send(t, { method: 'POST' }, { query: '{ nope' }),
        await send(t, { method: 'POST', headers: { origin: EVIL } }, { query: '{ __typename }' }),
        await fetch(`${t.baseUrl}/no-such-page`),
      ];
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 400, 403, 404]);
      expect(answers.map((a) => a.headers.get('content-type'))).toEqual(Array(7).fill(expect.stringMatching(/^application\/json/)));
      for (const answer of answers) {
        expectSecurityHeaders(answer);
        expectStrictCsp(answer);
      }
    });

    it('HTML is served only under a strict policy: the landing page with its own nonce policy and no framing, anything else with none at all', async () => {
      const page = await fetch(t.url, { headers: { accept: 'text/html' } });
      const html = await page.text();
      expectSecurityHeaders(page);
      const csp = directives(page.headers.get('content-security-policy'));
      if ((page.headers.get('content-type') ?? '').startsWith('text/html')) {
        // Apollo's landing page (outside production): scripts only by its nonce and its CDN, never inline or eval.
        expect({ frame: csp.get('frame-ancestors'), object: csp.get('object-src'), base: csp.get('base-uri') }).toEqual({ frame: "'none'", object: "'none'", base: "'none'" });
        const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
        const scripts = directives(meta ?? '').get('script-src') ?? '';
        expect(scripts).toMatch(/'nonce-[0-9a-f]+'/);
        expect(scripts).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      } else {
        expectStrictCsp(page);
      }
    });

    it('a request for JSON gets no relaxed policy, also as a GET', async () => {
      const get = await fetch(`${t.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
      expect(get.status).toBe(200);
      expectStrictCsp(get);
    });
  });

  describe('methods', () => {
    it.each(['PUT', 'PATCH', 'DELETE'])('%s /graphql is refused with 405 and Allow, and its mutation creates nothing', async (method) => {
      const name = unique(`Relation by ${method} `);
      const response = await send(t, { method, headers: { authorization: `Bearer ${agency.staffToken}` } }, { query: CREATE_RELATION, variables: { input: { name } } });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, POST, OPTIONS');
      expect(await response.json()).toEqual({ errors: [{ message: expect.stringContaining(method), extensions: { code: 'METHOD_NOT_ALLOWED', requestId: response.headers.get('x-request-id') } }] });
      expectSecurityHeaders(response);
      expect(await relationNamed(t, agency, name)).toEqual([]);
    });

    it('a preflight names only GET, POST and OPTIONS, also when it asks for PUT', async () => {
      for (const asked of ['POST', 'PUT', 'DELETE']) {
        const preflight = await fetch(t.url, { method: 'OPTIONS', headers: { origin: PORTAL, 'access-control-request-method': asked } });
        expect(preflight.status).toBe(204);
        expect(preflight.headers.get('access-control-allow-methods')).toBe('GET,POST,OPTIONS');
      }
    });
  });

  describe('origins (CORS_ORIGINS lists two)', () => {
    it('a listed origin: the preflight allows it with the headers a bearer-token client sends, no credentials, and the request runs', async () => {
      const preflight = await fetch(t.url, {
        method: 'OPTIONS',
        headers: { origin: PORTAL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization,accept-language' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(PORTAL);
      expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
      const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').toLowerCase();
      for (const header of ['content-type', 'authorization', 'accept-language']) expect(allowed).toContain(header);

      const name = unique('Relation from the portal ');
      const response = await send(t, { method: 'POST', headers: { origin: PORTAL, authorization: `Bearer ${agency.staffToken}` } }, { query: CREATE_RELATION, variables: { input: { name } } });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe(PORTAL);
      expect(response.headers.get('vary')).toMatch(/origin/i);
      expect(((await response.json()) as { data: { createRelation: { relation: { name: string } } } }).data.createRelation.relation.name).toBe(name);
      expect(await relationNamed(t, agency, name)).toEqual([name]);
    });

    it('an origin not listed: its mutation is refused with 403 and a clear JSON error, and creates nothing', async () => {
      const name = unique('Relation from evil ');
      const response = await send(t, { method: 'POST', headers: { origin: EVIL, authorization: `Bearer ${agency.staffToken}` } }, { query: CREATE_RELATION, variables: { input: { name } } });
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(await response.json()).toEqual({
        errors: [
          {
            message: `Requests from the origin ${EVIL} are not allowed (CORS_ORIGINS)`,
            extensions: { code: 'FORBIDDEN', reason: 'ORIGIN_NOT_ALLOWED', requestId: response.headers.get('x-request-id') },
          },
        ],
      });
      expect(await relationNamed(t, agency, name)).toEqual([]);
    });

    it("an origin not listed is refused in its preflight, in a GET, and as `null` (a sandboxed frame's)", async () => {
      const preflight = await fetch(t.url, { method: 'OPTIONS', headers: { origin: EVIL, 'access-control-request-method': 'POST' } });
      const get = await fetch(`${t.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { origin: EVIL, 'apollo-require-preflight': 'true' } });
      const sandboxed = await send(t, { method: 'POST', headers: { origin: 'null' } }, { query: '{ __typename }' });
      expect([preflight.status, get.status, sandboxed.status]).toEqual([403, 403, 403]);
      for (const answer of [preflight, get, sandboxed]) expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('callers that are not browsers on other sites pass: no Origin (a server, the payroll system), and the server\'s own origin', async () => {
      const name = unique('Relation from a server ');
      const server = await send(t, { method: 'POST', headers: { authorization: `Bearer ${agency.staffToken}` } }, { query: CREATE_RELATION, variables: { input: { name } } });
      expect(server.status).toBe(200);
      expect(await relationNamed(t, agency, name)).toEqual([name]);
      const own = await send(t, { method: 'POST', headers: { origin: new URL(t.url).origin } }, { query: '{ __typename }' });
      expect(own.status).toBe(200);
    });
  });

  describe('with the default CORS_ORIGINS (*)', () => {
    let open: TestApp;
    beforeAll(async () => {
      open = await startTestApp();
    });
    afterAll(async () => {
      await open.stop();
    });

    it('any origin may call with a bearer token (no cookies, no credentials), by GET, POST and OPTIONS only', async () => {
      const preflight = await fetch(open.url, { method: 'OPTIONS', headers: { origin: EVIL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' } });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
      expect(preflight.headers.get('access-control-allow-methods')).toBe('GET,POST,OPTIONS');
      expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
      const response = await send(open, { method: 'POST', headers: { origin: EVIL } }, { query: '{ __typename }' });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect((await send(open, { method: 'DELETE', headers: { origin: EVIL } }, { query: '{ __typename }' })).status).toBe(405);
    });
  });
});
