import { Logger } from '../../src/application/ports/logger';
import { startApp } from '../../src/composition-root';
import { loadConfig } from '../../src/infrastructure/config/config';
import { GENEROUS_RATE_LIMITS, GqlResponse, RequestOptions, TEST_FIELD_KEY, TestApp, TravelClock } from '../support/test-app';

/** One line the server logged: its level, its fields (the child loggers' included) and its message. */
export interface LogLine {
  readonly level: 'info' | 'warn' | 'error';
  readonly fields: Record<string, unknown>;
  readonly message: string;
}

/** A Logger whose lines a test reads back (the server's lines, request lines with their requestId). */
export class RecordingLogger implements Logger {
  constructor(
    readonly lines: LogLine[] = [],
    private readonly bound: Record<string, unknown> = {},
  ) {}

  info(fields: object, message: string): void {
    this.lines.push({ level: 'info', fields: { ...this.bound, ...fields }, message });
  }
  warn(fields: object, message: string): void {
    this.lines.push({ level: 'warn', fields: { ...this.bound, ...fields }, message });
  }
  error(fields: object, message: string): void {
    this.lines.push({ level: 'error', fields: { ...this.bound, ...fields }, message });
  }
  child(fields: object): Logger {
    return new RecordingLogger(this.lines, { ...this.bound, ...fields });
  }

  /** The lines of one request (by the X-Request-Id it was answered with). */
  ofRequest(requestId: string | null): LogLine[] {
    return this.lines.filter((line) => line.fields.requestId === requestId);
  }
}

/**
 * The real server (HTTP on 127.0.0.1, a free port) on the database at `url`, logging into
 * `logger`: startTestApp's twin for tests that read the log or bring their own database.
 */
export async function startRecordingApp(url: string, logger: Logger, env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({
    DATABASE_URL: url,
    HOST: '127.0.0.1',
    PORT: '0',
    FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY,
    SEED_DEMO: 'false',
    DATABASE_POOL_SIZE: '4',
    // As in startTestApp: no background jobs unless a test asks for them.
    JOBS: 'false',
    // Like every other test app: the run's logins from 127.0.0.1 must not use up the default login allowance.
    ...GENEROUS_RATE_LIMITS,
    ...env,
  });
  const clock = new TravelClock();
  const app = await startApp({ config, clock, logger });
  return {
    app,
    url: app.url,
    baseUrl: app.url.replace(/\/graphql$/, ''),
    clock,
    gql: <T>(query: string, variables?: object, options: RequestOptions = {}) => postGraphql<T>(app.url, query, variables, options),
    stop: () => app.stop(),
  };
}

/** One GraphQL request over HTTP, as startTestApp's `gql` sends it (bounded by `options.timeoutMs`, default 30 s). */
export async function postGraphql<T>(url: string, query: string, variables: object | undefined, options: RequestOptions & { timeoutMs?: number }): Promise<GqlResponse<T>> {
  const response = await fetch(url, {
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  try {
    return { status: response.status, headers: response.headers, body: JSON.parse(text) as GqlResponse<T>['body'] };
  } catch {
    throw new Error(`not JSON (HTTP ${response.status}): ${text.slice(0, 300)}`);
  }
}
