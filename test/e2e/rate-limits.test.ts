import { randomInt } from 'node:crypto';
import { request } from 'node:http';
import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { Agency } from '../../src/domain/agency/agency.entity';
import { User } from '../../src/domain/identity/user.entity';
import { GqlResponse, startTestApp, TEST_PASSWORD, TestApp, unique } from '../support/test-app';
import { localeMessage } from './e2e-helpers';

/*
 * Issue 8, item 3: rate limits, counted in PostgreSQL so that every server process counts
 * together, and a request over a limit refused with 429 before GraphQL runs anything.
 *
 * Every other suite calls from 127.0.0.1 with generous limits, and the counters are shared
 * through the database, so this file never calls from there: each request leaves from an
 * address of its own on the loopback network (127.x.y.z, drawn per run; on Linux all of
 * 127.0.0.0/8 is the loopback), or names one in X-Forwarded-For where the app trusts a proxy.
 * Users and tokens are made through the services, without HTTP.
 */

const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { token } }';
const VIEWER = '{ viewer { id } }';
const CREATE_USER = 'mutation ($input: CreateUserInput!) { createUser(input: $input) { user { id } } }';
const FLEXWORKERS = 'query ($first: Int) { flexworkers(first: $first) { nodes { id } } }';

/** The limits of the apps under test: small, and each test uses counters (addresses, users) of its own. */
const TIGHT = {
  RATE_LIMIT_ANONYMOUS: '8/60',
  RATE_LIMIT_LOGIN: '3/60',
  RATE_LIMIT_TOKEN: '6/60',
  RATE_LIMIT_PASSWORD_HASHING: '2/60',
  RATE_LIMIT_LIST_ROWS: '150/60',
};

const NETWORK = `127.${randomInt(1, 255)}.${randomInt(0, 256)}`;
let hosts = 1;
/** A loopback address no other request of this run (or of another suite) leaves from. */
function freshAddress(): string {
  hosts += 1;
  if (hosts > 254) throw new Error('out of test addresses');
  return `${NETWORK}.${hosts}`;
}

/** A /64 of the IPv6 documentation prefix, drawn per call (the same one a proxy may name). */
function freshIpv6Network(): string {
  const group = () => randomInt(0, 0xffff).toString(16);
  return `2001:db8:${group()}:${group()}`;
}

interface Call {
  readonly from: string;
  readonly token?: string;
  readonly headers?: Record<string, string>;
}

/** POST /graphql from a given local address (http.request can choose it; fetch cannot). */
function post<T = Record<string, unknown>>(t: TestApp, call: Call, query: string, variables: object = {}): Promise<GqlResponse<T>> {
  const body = JSON.stringify({ query, variables });
  const url = new URL(t.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress: call.from,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(call.token ? { authorization: `Bearer ${call.token}` } : {}),
          ...call.headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') headers.set(name, value);
          try {
            resolve({ status: res.statusCode ?? 0, headers, body: JSON.parse(text) });
          } catch {
            reject(new Error(`not JSON (HTTP ${res.statusCode}): ${text.slice(0, 300)}`));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function login(t: TestApp, call: Call, email: string, password = 'not the password') {
  return post<{ login: { token: string } }>(t, call, LOGIN, { input: { email, password } });
}

/** Asserts a 429 of the given limit and returns its Retry-After in seconds. */
function expectRefused(response: GqlResponse<unknown>, scope: string, limit: number, windowSeconds: number): number {
  expect({ status: response.status, data: response.body.data }).toEqual({ status: 429, data: undefined });
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= windowSeconds).toBe(true);
  expect(response.body.errors).toHaveLength(1);
  expect(response.body.errors![0].extensions).toEqual({
    code: 'TOO_MANY_REQUESTS',
    reason: 'RATE_LIMITED',
    params: { scope, limit, windowSeconds, retryAfterSeconds: retryAfter },
    requestId: response.headers.get('x-request-id'),
  });
  return retryAfter;
}

function expectServed(response: GqlResponse<unknown>): void {
  expect(response.status).not.toBe(429);
  expect(response.status).toBeLessThan(500);
  expect(response.body.errors?.map((e) => e.extensions.code) ?? []).not.toContain('TOO_MANY_REQUESTS');
}

interface Staff {
  readonly userId: string;
  readonly email: string;
  readonly agencyId: string;
  readonly token: string;
}

/** A staff member and a token, made through the services (no HTTP, so no counter is touched). */
async function staffMember(t: TestApp, agencyId?: string): Promise<Staff> {
  const s = t.app.services;
  const agency = agencyId ?? s.ids.next();
  if (!agencyId) await s.repositories.agencies.insert(Agency.create({ id: agency, name: 'Rate-limit agency' }));
  const email = `${unique('rl')}@agency.example`;
  const user = User.create({
    id: s.ids.next(),
    agencyId: agency,
    email,
    displayName: 'Rate Limit Staff',
    role: 'AGENCY_STAFF',
    language: 'en',
    passwordHash: await s.hasher.hash(TEST_PASSWORD),
    now: t.clock.now(),
  });
  await s.repositories.users.insert(user);
  const { token } = await s.identity.login.execute({ email, password: TEST_PASSWORD });
  return { userId: user.id, email, agencyId: agency, token };
}

/** Counts the argon2 work of an app: every hash, verify and the dummy verify of an unknown e-mail. */
function countHashing(t: TestApp): { calls: () => number; restore: () => void } {
  const hasher = t.app.services.hasher;
  const spies = [jest.spyOn(hasher, 'hash'), jest.spyOn(hasher, 'verify'), jest.spyOn(hasher, 'verifyNothing')];
  return {
    calls: () => spies.reduce((sum, spy) => sum + spy.mock.calls.length, 0),
    restore: () => spies.forEach((spy) => spy.mockRestore()),
  };
}

describe('rate limits', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    [a, b] = await Promise.all([startTestApp({ env: TIGHT }), startTestApp({ env: TIGHT })]);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  describe('login from one address', () => {
    it('is refused after the limit with 429, Retry-After and a translated message, without hashing a password', async () => {
      const staff = await staffMember(a);
      const from = freshAddress();
      const hashing = countHashing(a);
      try {
        for (let i = 0; i < 3; i++) {
          const response = await login(a, { from }, staff.email);
          expectServed(response);
          expect(response.body.errors?.[0].extensions.reason).toBe('INVALID_CREDENTIALS');
        }
        expect(hashing.calls()).toBe(3);

        const refused = await login(a, { from, headers: { 'accept-language': 'de' } }, staff.email);
        const retryAfter = expectRefused(refused, 'login', 3, 60);
        const params = { scope: 'login', limit: 3, windowSeconds: 60, retryAfterSeconds: retryAfter };
        expect(refused.body.errors![0].message).toBe(localeMessage('RATE_LIMITED', params, 'de'));
        expect(refused.body.errors![0].message).not.toBe(localeMessage('RATE_LIMITED', params, 'en'));

        // The right password is refused the same way: nothing tells whether it was right.
        const right = await login(a, { from }, staff.email, TEST_PASSWORD);
        expectRefused(right, 'login', 3, 60);
        // No Accept-Language: Dutch, the portal's default.
        expect(right.body.errors![0].message).toBe(localeMessage('RATE_LIMITED', right.body.errors![0].extensions.params!, 'nl'));
        expect(hashing.calls()).toBe(3);
      } finally {
        hashing.restore();
      }
    });

    it('leaves other addresses alone', async () => {
      const staff = await staffMember(a);
      const busy = freshAddress();
      for (let i = 0; i < 3; i++) expectServed(await login(a, { from: busy }, staff.email));
      expectRefused(await login(a, { from: busy }, staff.email), 'login', 3, 60);

      const other = await login(a, { from: freshAddress() }, staff.email, TEST_PASSWORD);
      expectServed(other);
      expect(other.body.data?.login.token).toEqual(expect.any(String));
    });

    it('counts each aliased login of one request, also through a fragment', async () => {
      const staff = await staffMember(a);
      const input = { input: { email: staff.email, password: TEST_PASSWORD } };
      const three = `mutation ($input: LoginInput!) {
        one: login(input: $input) { token }
        two: login(input: $input) { token }
        ...more
      }
      fragment more on Mutation { three: login(input: $input) { token } }`;
      const four = three.replace('...more', '...more four: login(input: $input) { token }');
      const hashing = countHashing(a);
      try {
        const from = freshAddress();
        const served = await post<Record<string, { token: string }>>(a, { from }, three, input);
        expectServed(served);
        expect(Object.keys(served.body.data ?? {}).sort()).toEqual(['one', 'three', 'two']);
        expect(hashing.calls()).toBe(3);
        expectRefused(await login(a, { from }, staff.email), 'login', 3, 60);

        // Four guesses in one request from a fresh address: over the limit at once, none hashed.
        expectRefused(await post(a, { from: freshAddress() }, four, input), 'login', 3, 60);
        expect(hashing.calls()).toBe(3);
      } finally {
        hashing.restore();
      }
    });
  });

  it('is shared by two server processes on the same database', async () => {
    // Each app has its own pool and its own limiter objects; only the database is common.
    expect(a.app.database.dataSource).not.toBe(b.app.database.dataSource);
    const staff = await staffMember(a);
    const from = freshAddress();
    expectServed(await login(a, { from }, staff.email));
    expectServed(await login(b, { from }, staff.email));
    expectServed(await login(a, { from }, staff.email));
    expectRefused(await login(b, { from }, staff.email), 'login', 3, 60);
    expectRefused(await login(a, { from }, staff.email), 'login', 3, 60);
  });

  it('lets exactly the limit through when both processes are asked at once', async () => {
    const staff = await staffMember(a);
    const from = freshAddress();
    // Eight: within the anonymous limit of the address, so only the login limit refuses.
    const responses = await Promise.all(Array.from({ length: 8 }, (_, i) => login(i % 2 ? a : b, { from }, staff.email)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((status) => status !== 429)).toHaveLength(3);
    for (const refused of responses.filter((r) => r.status === 429)) expectRefused(refused, 'login', 3, 60);
  });

  it('serves an address again once its window is over', async () => {
    const short = await startTestApp({ env: { ...TIGHT, RATE_LIMIT_LOGIN: '1/1' } });
    try {
      const staff = await staffMember(short);
      const from = freshAddress();
      // One login per second: the second inside the same second is refused. However slow this machine
      // is, some request is refused before long, and a second after that refusal its window has ended.
      let refused: GqlResponse<unknown> | undefined;
      for (let i = 0; i < 20 && !refused; i++) {
        const response = await login(short, { from }, staff.email);
        if (response.status === 429) refused = response;
      }
      expect(refused).toBeDefined();
      expect(expectRefused(refused!, 'login', 1, 1)).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const again = await login(short, { from }, staff.email, TEST_PASSWORD);
      expectServed(again);
      expect(again.body.data?.login.token).toEqual(expect.any(String));
    } finally {
      await short.stop();
    }
  });

  describe('anonymous requests', () => {
    it('count per address, and a request with a bad token counts as anonymous', async () => {
      const from = freshAddress();
      const tokens = [undefined, 'not-a-token', undefined, 'fpk_not-a-key', undefined, 'x'.repeat(600), 'nope', undefined];
      for (const token of tokens) {
        const response = await post(a, { from, token }, VIEWER);
        expectServed(response);
        expect(response.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      }
      expectRefused(await post(a, { from }, VIEWER), 'anonymous', 8, 60);
      expectRefused(await post(a, { from, token: 'still-not-a-token' }, VIEWER), 'anonymous', 8, 60);

      // A valid token counts for its user, not for the address.
      const staff = await staffMember(a);
      const served = await post<{ viewer: { id: string } }>(a, { from, token: staff.token }, VIEWER);
      expectServed(served);
      expect(served.body.data?.viewer.id).toBe(staff.userId);
    });
  });

  describe('per user or API key', () => {
    it('limits the mutations that hash a password, per user across sessions, before the hash', async () => {
      const staff = await staffMember(a);
      const colleague = await staffMember(a, staff.agencyId);
      const from = freshAddress();
      const newUser = () => ({
        input: { email: `${unique('new')}@agency.example`, displayName: 'New Colleague', role: 'AGENCY_STAFF', password: 'a long enough password 1' },
      });
      const hashing = countHashing(a);
      try {
        for (let i = 0; i < 2; i++) {
          const created = await post<{ createUser: { user: { id: string } } }>(a, { from, token: staff.token }, CREATE_USER, newUser());
          expectServed(created);
          expect(created.body.data?.createUser.user.id).toEqual(expect.any(String));
        }
        expect(hashing.calls()).toBe(2);
        expectRefused(await post(a, { from, token: staff.token }, CREATE_USER, newUser()), 'passwordHashing', 2, 60);

        // A second login of the same user brings no fresh allowance; changeMyPassword shares it.
        const { token: secondSession } = await a.app.services.identity.login.execute({ email: staff.email, password: TEST_PASSWORD });
        const hashesBefore = hashing.calls();
        expectRefused(await post(a, { from, token: secondSession }, CREATE_USER, newUser()), 'passwordHashing', 2, 60);
        const change = 'mutation ($input: ChangeMyPasswordInput!) { changeMyPassword(input: $input) { token } }';
        const changeInput = { input: { currentPassword: TEST_PASSWORD, newPassword: 'another long password 2' } };
        expectRefused(await post(a, { from, token: secondSession }, change, changeInput), 'passwordHashing', 2, 60);
        expect(hashing.calls()).toBe(hashesBefore);

        // Another user, from the same address, is served.
        expectServed(await post(a, { from, token: colleague.token }, CREATE_USER, newUser()));
        expect(hashing.calls()).toBe(hashesBefore + 1);
      } finally {
        hashing.restore();
      }
    });

    it('limits the rows asked of top-level lists', async () => {
      const staff = await staffMember(a);
      const from = freshAddress();
      expectServed(await post(a, { from, token: staff.token }, FLEXWORKERS, { first: 100 }));
      expectRefused(await post(a, { from, token: staff.token }, FLEXWORKERS, { first: 100 }), 'listRows', 150, 60);
      // A refused request counts too: even one row is over the limit until the window ends.
      expectRefused(await post(a, { from, token: staff.token }, 'query { flexworkers(first: 1) { nodes { id } } }'), 'listRows', 150, 60);
      // Other calls of the same user go on.
      expectServed(await post(a, { from, token: staff.token }, VIEWER));
    });

    it('limits all requests of a token generously', async () => {
      const staff = await staffMember(a);
      const from = freshAddress();
      for (let i = 0; i < 6; i++) expectServed(await post(a, { from, token: staff.token }, VIEWER));
      expectRefused(await post(a, { from, token: staff.token }, VIEWER), 'token', 6, 60);
      // Another user from the same address is not affected.
      const colleague = await staffMember(a, staff.agencyId);
      expectServed(await post(a, { from, token: colleague.token }, VIEWER));
    });
  });

  describe('the client address behind a proxy', () => {
    it('ignores X-Forwarded-For unless TRUST_PROXY is set', async () => {
      const staff = await staffMember(a);
      const from = freshAddress();
      for (let i = 0; i < 3; i++) {
        expectServed(await login(a, { from, headers: { 'x-forwarded-for': `${freshIpv6Network()}::1` } }, staff.email));
      }
      expectRefused(await login(a, { from, headers: { 'x-forwarded-for': `${freshIpv6Network()}::1` } }, staff.email), 'login', 3, 60);
    });

    it('with TRUST_PROXY=1 counts the address the proxy saw, by /64 for IPv6, whatever the client wrote before it', async () => {
      const proxied = await startTestApp({ env: { ...TIGHT, TRUST_PROXY: '1' } });
      try {
        const staff = await staffMember(proxied);
        const proxy = freshAddress();
        const network = freshIpv6Network();
        const via = (client: string, forged = `${freshIpv6Network()}::1`) => ({ from: proxy, headers: { 'x-forwarded-for': `${forged}, ${client}` } });
        expectServed(await login(proxied, via(`${network}::1`), staff.email));
        expectServed(await login(proxied, via(`${network}::2`), staff.email));
        expectServed(await login(proxied, via(`${network}:0:0:0:beef`), staff.email));
        expectRefused(await login(proxied, via(`${network}::abcd`), staff.email), 'login', 3, 60);
        // The next /64, through the same proxy, is another client.
        const [, , third, fourth] = network.split(':');
        const neighbour = `2001:db8:${third}:${(parseInt(fourth, 16) ^ 1).toString(16)}::1`;
        expectServed(await login(proxied, via(neighbour), staff.email));
      } finally {
        await proxied.stop();
      }
    });
  });

  it('lets requests through when the counters cannot be reached, rather than failing them', async () => {
    const staff = await staffMember(a);
    const from = freshAddress();
    for (let i = 0; i < 3; i++) expectServed(await login(a, { from }, staff.email));
    expectRefused(await login(a, { from }, staff.email), 'login', 3, 60);

    const pool = (a.app.database.dataSource.driver as PostgresDriver).master as Pool;
    const query = pool.query.bind(pool);
    const broken = jest.spyOn(pool, 'query').mockImplementation(((config: unknown, ...rest: unknown[]) => {
      const text = typeof config === 'string' ? config : (config as { text?: string }).text;
      if (text?.includes('rate_limits')) return Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
      return (query as (...args: unknown[]) => unknown)(config, ...rest);
    }) as never);
    try {
      const response = await login(a, { from }, staff.email, TEST_PASSWORD);
      expect(broken).toHaveBeenCalled();
      expectServed(response);
      expect(response.body.data?.login.token).toEqual(expect.any(String));
    } finally {
      broken.mockRestore();
    }
    expectRefused(await login(a, { from }, staff.email), 'login', 3, 60);
  });
});
