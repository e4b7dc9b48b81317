import { Clock } from '../../src/application/ports/clock';
import { Logger } from '../../src/application/ports/logger';
import { Actor } from '../../src/application/shared/actor';
import { RunningApp, startApp } from '../../src/composition-root';
import { Agency } from '../../src/domain/agency/agency.entity';
import { User } from '../../src/domain/identity/user.entity';
import { loadConfig } from '../../src/infrastructure/config/config';
import { testDatabaseUrl } from './test-database';

/** A fixed key for tests: encryption works as in production, with a key everyone can see. */
export const TEST_FIELD_KEY = Buffer.alloc(32, 7).toString('base64');
export const TEST_PASSWORD = 'correct horse battery';

/** A clock the test moves by hand (starts at the given instant). */
export class TravelClock extends Clock {
  constructor(private current: Date = new Date()) {
    super();
  }
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(instant: Date): void {
    this.current = new Date(instant.getTime());
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface GqlResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: { data?: T | null; errors?: GqlError[] };
}

export interface GqlError {
  readonly message: string;
  readonly path?: string[];
  readonly extensions: {
    code: string;
    reason?: string;
    field?: string;
    params?: Record<string, unknown>;
    problems?: { path: string; reason: string; message: string }[];
    requestId?: string;
  };
}

export interface RequestOptions {
  readonly token?: string;
  readonly headers?: Record<string, string>;
}

export interface TestApp {
  readonly app: RunningApp;
  readonly url: string;
  readonly baseUrl: string;
  readonly clock: TravelClock;
  gql<T = Record<string, unknown>>(query: string, variables?: object, options?: RequestOptions): Promise<GqlResponse<T>>;
  stop(): Promise<void>;
}

/**
 * Every suite calls from 127.0.0.1 and the counters are shared through the database (also between
 * jest's workers), so tests run with limits no suite reaches; rate-limits.test.ts sets tight ones.
 */
export const GENEROUS_RATE_LIMITS: Readonly<Record<string, string>> = {
  RATE_LIMIT_ANONYMOUS: '1000000/60',
  RATE_LIMIT_LOGIN: '1000000/60',
  RATE_LIMIT_TOKEN: '1000000/60',
  RATE_LIMIT_PASSWORD_HASHING: '1000000/60',
  RATE_LIMIT_LIST_ROWS: '100000000/60',
  RATE_LIMIT_PASSWORD_RESET: '1000000/60',
  RATE_LIMIT_PASSWORD_RESET_EMAIL: '1000000/60',
  LOGIN_MAX_FAILURES: '1000000',
  LOGIN_MAX_FAILURES_PER_ADDRESS: '1000000',
};

/** The real server (HTTP on 127.0.0.1, a free port) on the test database. */
export async function startTestApp(
  options: { clock?: TravelClock; env?: Record<string, string>; mailAgencies?: () => readonly string[]; logger?: Logger } = {},
): Promise<TestApp> {
  const config = loadConfig({
    DATABASE_URL: testDatabaseUrl(),
    HOST: '127.0.0.1',
    PORT: '0',
    FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY,
    SEED_DEMO: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_POOL_SIZE: '4',
    // The background jobs (pg-boss) are off unless a test turns them on (env: { JOBS: 'true' }); tests call services.mail.deliverDue().
    JOBS: 'false',
    // The web portal is served by the browser tests (test/browser), which turn it on.
    PORTAL: 'false',
    ...GENEROUS_RATE_LIMITS,
    ...options.env,
  });
  const clock = options.clock ?? new TravelClock();
  const app = await startApp({ config, clock, mailAgencies: options.mailAgencies, logger: options.logger });
  const baseUrl = app.url.replace(/\/graphql$/, '');
  return {
    app,
    url: app.url,
    baseUrl,
    clock,
    async gql(query, variables, requestOptions = {}) {
      const response = await fetch(app.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(requestOptions.token ? { authorization: `Bearer ${requestOptions.token}` } : {}),
          ...requestOptions.headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      let body: GqlResponse['body'];
      try {
        body = JSON.parse(text);
      } catch {
        throw new Error(`not JSON (HTTP ${response.status}): ${text.slice(0, 300)}`);
      }
      return { status: response.status, headers: response.headers, body } as never;
    },
    stop: () => app.stop(),
  };
}

export interface TestAgency {
  readonly agencyId: string;
  readonly staff: Actor;
  readonly staffEmail: string;
  readonly staffToken: string;
}

let counter = 0;
/** A unique suffix so that test files never collide in the shared database. */
export function unique(label = 'x'): string {
  counter += 1;
  return `${label}${Date.now().toString(36)}${process.pid.toString(36)}${counter}`;
}

/** A fresh agency with one staff member who is logged in. */
export async function createAgencyWithStaff(t: TestApp, name = 'Test agency'): Promise<TestAgency> {
  const services = t.app.services;
  const agencyId = services.ids.next();
  await services.repositories.agencies.insert(Agency.create({ id: agencyId, name }));
  const staffEmail = `${unique('staff')}@agency.example`;
  const user = User.create({
    id: services.ids.next(),
    agencyId,
    email: staffEmail,
    displayName: 'Test Staff',
    role: 'AGENCY_STAFF',
    language: 'en',
    passwordHash: await services.hasher.hash(TEST_PASSWORD),
    now: t.clock.now(),
  });
  await services.repositories.users.insert(user);
  const staffToken = await login(t, staffEmail, TEST_PASSWORD);
  return {
    agencyId,
    staffEmail,
    staffToken,
    staff: { kind: 'USER', id: user.id, role: 'AGENCY_STAFF', agencyId },
  };
}

export async function login(t: TestApp, email: string, password: string): Promise<string> {
  const response = await t.gql<{ login: { token: string } }>(
    'mutation ($input: LoginInput!) { login(input: $input) { token } }',
    { input: { email, password } },
  );
  if (!response.body.data?.login) throw new Error(`login failed: ${JSON.stringify(response.body.errors)}`);
  return response.body.data.login.token;
}
