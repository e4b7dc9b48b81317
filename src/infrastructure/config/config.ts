import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { RateLimit, RateLimits } from '../rate-limit/rate-limit-policy';

/** All configuration comes from environment variables; every one has a default or a clear error. */
export interface Config {
  readonly host: string;
  readonly port: number;
  /** Unset: the embedded PostgreSQL in `dataDir`. */
  readonly databaseUrl?: string;
  readonly dataDir: string;
  readonly databasePoolSize: number;
  /** Base64 of 32 bytes; unset with the embedded database: generated once into `dataDir`. */
  readonly fieldEncryptionKey?: string;
  readonly corsOrigins: readonly string[] | '*';
  readonly bodyLimit: string;
  readonly sessionTtlMinutes: number;
  readonly logLevel: string;
  readonly shutdownTimeoutMs: number;
  /** Retry-After (seconds) of the 503 answered while the database cannot be reached. */
  readonly outageRetryAfterSeconds: number;
  readonly seedDemo: boolean;
  /**
   * Whose X-Forwarded-For to believe (TRUST_PROXY): false (the socket's address), a number of proxy
   * hops, or a list of proxy addresses/subnets; true trusts every hop (the left-most address).
   */
  readonly trustProxy: boolean | number | string;
  /** Requests allowed per window, counted in PostgreSQL for all processes (RATE_LIMIT_*, `points/seconds`). */
  readonly rateLimits: RateLimits;
  /** The earliest placement or schedule-version date staff may give (`YYYY-MM-DD`, DATE_WINDOW_EARLIEST). */
  readonly dateWindowEarliest: string;
  /** The latest such date: 31 December of the current year plus this many years (DATE_WINDOW_YEARS_AHEAD). */
  readonly dateWindowYearsAhead: number;
  /** The blue bar creates and lists blank weeks this many weeks back from the current one (OPEN_WEEKS_HORIZON_WEEKS). */
  readonly openWeeksHorizonWeeks: number;
  /** NODE_ENV=production: no landing page; introspection and suggestions off by default. */
  readonly production: boolean;
  /** Introspection and "Did you mean …?" suggestions (GRAPHQL_INTROSPECTION; default: on outside production). */
  readonly graphqlIntrospection: boolean;
  /** What one GraphQL document may ask for (GRAPHQL_MAX_*); see docs/api.md, "Limits". */
  readonly graphqlLimits: {
    readonly maxDepth: number;
    readonly maxAliases: number;
    readonly maxDirectives: number;
    readonly maxTokens: number;
    readonly maxCost: number;
  };
  /** Past this, a request resolves no further field (GRAPHQL_EXECUTION_TIMEOUT_MS). */
  readonly graphqlExecutionTimeoutMs: number;
  /** A PENDING payroll export not confirmed within this many minutes expires (PAYROLL_EXPORT_EXPIRY_MINUTES). */
  readonly payrollExportExpiryMinutes: number;
  /** Lines read from the database per batch of a CSV/NDJSON download (PAYROLL_DOWNLOAD_BATCH_SIZE). */
  readonly payrollDownloadBatchSize: number;
  /** Where document bytes are kept (DOCUMENT_STORE): `postgres` (default) or `fs:<dir>`. */
  readonly documentStore: DocumentStoreConfig;
  /** The largest document an upload may carry, in bytes (DOCUMENT_MAX_BYTES, default 10 MiB). */
  readonly documentMaxBytes: number;
  /** How long a download link works, in seconds (DOCUMENT_LINK_TTL_SECONDS, default 300). */
  readonly documentLinkTtlSeconds: number;
  /** How long a file uploaded with POST /uploads can be used, in minutes (UPLOAD_TTL_MINUTES, default 60). */
  readonly uploadTtlMinutes: number;
  /**
   * The server's address as browsers reach it (PUBLIC_URL, e.g. https://api.example.com), for the
   * download links in answers; unset: the address the server listens on.
   */
  readonly publicUrl?: string;
  /** How long a password reset link works, in minutes (PASSWORD_RESET_TTL_MINUTES, default 60). */
  readonly passwordResetTtlMinutes: number;
  /** How long an invitation link works, in hours (INVITATION_TTL_HOURS, default 168: 7 days). */
  readonly invitationTtlHours: number;
  /** Reset mails per e-mail address per window (RATE_LIMIT_PASSWORD_RESET_EMAIL, `points/seconds`, default 3/3600). */
  readonly passwordResetPerEmail: RateLimit;
  /** Failed logins of one account (e-mail) in the window before its logins are refused (LOGIN_MAX_FAILURES, default 10). */
  readonly loginMaxFailures: number;
  /** Failed logins from one client address in the window before its logins are refused (LOGIN_MAX_FAILURES_PER_ADDRESS, default 50). */
  readonly loginMaxFailuresPerAddress: number;
  /** The window of the failed-login counters, from the first failure (LOGIN_FAILURE_WINDOW_MINUTES, default 15). */
  readonly loginFailureWindowMinutes: number;
  /** The mail server (SMTP_URL, e.g. smtp://user:pass@mail.example:587); unset: `.eml` files under DATA_DIR/mail and links logged. */
  readonly smtpUrl?: string;
  /** The sender of every mail (MAIL_FROM). */
  readonly mailFrom: string;
  /** Tries per mail before it is FAILED (MAIL_MAX_ATTEMPTS, default 5). */
  readonly mailMaxAttempts: number;
  /** The wait after the first refusal, doubling after each further one (MAIL_RETRY_SECONDS, default 60). */
  readonly mailRetrySeconds: number;
  /** SENT and FAILED mails are deleted this many days after they were written (MAIL_RETENTION_DAYS, default 90). */
  readonly mailRetentionDays: number;
  /** Run the background jobs (pg-boss) in this process (JOBS, default true). */
  readonly jobs: boolean;
  /** A reminder moment missed (server down) is still sent this many minutes after it (REMINDER_CATCH_UP_MINUTES, default 240). */
  readonly reminderCatchUpMinutes: number;
  /**
   * The PKCS#12 file (certificate and RSA key) that seals signed documents (SIGNING_P12_PATH).
   * Unset: a self-signed "Flexportal document seal" is generated once into DATA_DIR/signing/seal.p12.
   * Configure it when several servers share a database: each would otherwise seal with its own
   * certificate, and copies sealed by one would count as another signer's on the others.
   */
  readonly signingP12Path?: string;
  /** The password of that P12 (SIGNING_P12_PASSWORD); may be empty. */
  readonly signingP12Password: string;
  /** How long a process keeps who a token belongs to and the rows requests read by id (AUTH_CACHE_TTL_SECONDS, 0 = not at all); changes reach every process at once anyway. */
  readonly authCacheTtlSeconds: number;
  /** Log every SQL statement's text, without its parameters (LOG_SQL; for finding where a request's time goes). */
  readonly logSql: boolean;
  /** Serve Prometheus figures at /metrics (METRICS). */
  readonly metrics: boolean;
  /** When set, /metrics asks for `Authorization: Bearer <METRICS_TOKEN>`. */
  readonly metricsToken?: string;
  /** Server processes on this machine sharing the port (WEB_CONCURRENCY; needs DATABASE_URL above 1). */
  readonly webConcurrency: number;
  /**
   * The built web portal served at `/` (PORTAL_DIR, default web/dist; PORTAL=false serves the API
   * alone). Undefined when it is off.
   */
  readonly portalDir?: string;
  /** Which sites may show the portal in a frame (PORTAL_FRAME_ANCESTORS: `*`, `'self'`, or a list of origins). */
  readonly portalFrameAncestors: string;
  /**
   * Where browsers open the portal when it is served apart from the API (PORTAL_URL, e.g.
   * https://portal.example.com): the start of the links in mails. Unset: PUBLIC_URL (the portal at `/`).
   */
  readonly portalUrl?: string;
}

export type DocumentStoreConfig = { readonly kind: 'postgres' } | { readonly kind: 'fs'; readonly dir: string };

export class ConfigError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const databaseUrl = nonEmpty(env.DATABASE_URL);
  const production = nonEmpty(env.NODE_ENV) === 'production';
  return {
    host: env.HOST ?? '127.0.0.1',
    port: integer(env, 'PORT', 4000, 0, 65535),
    databaseUrl,
    dataDir: path.resolve(cwd, env.DATA_DIR ?? '.data'),
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 200),
    fieldEncryptionKey: encryptionKey(env.FIELD_ENCRYPTION_KEY),
    corsOrigins: origins(env.CORS_ORIGINS ?? '*'),
    bodyLimit: env.BODY_LIMIT ?? '2mb',
    sessionTtlMinutes: integer(env, 'SESSION_TTL_MINUTES', 12 * 60, 1, 60 * 24 * 90),
    logLevel: env.LOG_LEVEL ?? 'info',
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 100, 600_000),
    outageRetryAfterSeconds: integer(env, 'OUTAGE_RETRY_AFTER_SECONDS', 5, 1, 3600),
    seedDemo: boolean(env, 'SEED_DEMO', databaseUrl === undefined),
    trustProxy: trustProxy(env.TRUST_PROXY),
    rateLimits: {
      anonymous: rate(env, 'RATE_LIMIT_ANONYMOUS', '120/60'),
      login: rate(env, 'RATE_LIMIT_LOGIN', '20/60'),
      token: rate(env, 'RATE_LIMIT_TOKEN', '1200/60'),
      passwordHashing: rate(env, 'RATE_LIMIT_PASSWORD_HASHING', '20/60'),
      listRows: rate(env, 'RATE_LIMIT_LIST_ROWS', '20000/60'),
      passwordReset: rate(env, 'RATE_LIMIT_PASSWORD_RESET', '10/900'),
    },
    dateWindowEarliest: isoDate(env, 'DATE_WINDOW_EARLIEST', '2000-01-01'),
    dateWindowYearsAhead: integer(env, 'DATE_WINDOW_YEARS_AHEAD', 10, 1, 100),
    openWeeksHorizonWeeks: integer(env, 'OPEN_WEEKS_HORIZON_WEEKS', 26, 1, 520),
    production,
    graphqlIntrospection: boolean(env, 'GRAPHQL_INTROSPECTION', !production),
    graphqlLimits: {
      maxDepth: integer(env, 'GRAPHQL_MAX_DEPTH', 10, 2, 100),
      maxAliases: integer(env, 'GRAPHQL_MAX_ALIASES', 30, 0, 1000),
      maxDirectives: integer(env, 'GRAPHQL_MAX_DIRECTIVES', 8, 0, 1000),
      maxTokens: integer(env, 'GRAPHQL_MAX_TOKENS', 1000, 100, 1_000_000),
      maxCost: integer(env, 'GRAPHQL_MAX_COST', 500_000, 10, 100_000_000),
    },
    graphqlExecutionTimeoutMs: integer(env, 'GRAPHQL_EXECUTION_TIMEOUT_MS', 5000, 1, 600_000),
    payrollExportExpiryMinutes: integer(env, 'PAYROLL_EXPORT_EXPIRY_MINUTES', 24 * 60, 1, 60 * 24 * 30),
    payrollDownloadBatchSize: integer(env, 'PAYROLL_DOWNLOAD_BATCH_SIZE', 2000, 1, 50_000),
    documentStore: documentStore(env.DOCUMENT_STORE, cwd),
    documentMaxBytes: integer(env, 'DOCUMENT_MAX_BYTES', 10 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    documentLinkTtlSeconds: integer(env, 'DOCUMENT_LINK_TTL_SECONDS', 300, 10, 3600),
    uploadTtlMinutes: integer(env, 'UPLOAD_TTL_MINUTES', 60, 5, 24 * 60),
    publicUrl: publicUrl(env.PUBLIC_URL),
    passwordResetTtlMinutes: integer(env, 'PASSWORD_RESET_TTL_MINUTES', 60, 1, 60 * 24 * 7),
    invitationTtlHours: integer(env, 'INVITATION_TTL_HOURS', 168, 1, 24 * 90),
    passwordResetPerEmail: rate(env, 'RATE_LIMIT_PASSWORD_RESET_EMAIL', '3/3600'),
    loginMaxFailures: integer(env, 'LOGIN_MAX_FAILURES', 10, 1, 1_000_000),
    loginMaxFailuresPerAddress: integer(env, 'LOGIN_MAX_FAILURES_PER_ADDRESS', 50, 1, 1_000_000),
    loginFailureWindowMinutes: integer(env, 'LOGIN_FAILURE_WINDOW_MINUTES', 15, 1, 60 * 24),
    smtpUrl: smtpUrl(env.SMTP_URL),
    mailFrom: nonEmpty(env.MAIL_FROM) ?? 'Flexportal <no-reply@flexportal.localhost>',
    mailMaxAttempts: integer(env, 'MAIL_MAX_ATTEMPTS', 5, 1, 100),
    mailRetrySeconds: integer(env, 'MAIL_RETRY_SECONDS', 60, 1, 86_400),
    mailRetentionDays: integer(env, 'MAIL_RETENTION_DAYS', 90, 1, 3650),
    jobs: boolean(env, 'JOBS', true),
    reminderCatchUpMinutes: integer(env, 'REMINDER_CATCH_UP_MINUTES', 240, 1, 7 * 24 * 60),
    signingP12Path: signingP12Path(env.SIGNING_P12_PATH, cwd),
    signingP12Password: env.SIGNING_P12_PASSWORD ?? '',
    authCacheTtlSeconds: integer(env, 'AUTH_CACHE_TTL_SECONDS', 10, 0, 300),
    logSql: boolean(env, 'LOG_SQL', false),
    metrics: boolean(env, 'METRICS', true),
    metricsToken: nonEmpty(env.METRICS_TOKEN),
    webConcurrency: webConcurrency(env, databaseUrl),
    portalDir: boolean(env, 'PORTAL', true) ? path.resolve(cwd, env.PORTAL_DIR ?? path.join('web', 'dist')) : undefined,
    portalFrameAncestors: frameAncestors(env.PORTAL_FRAME_ANCESTORS),
    portalUrl: publicUrl(env.PORTAL_URL, 'PORTAL_URL'),
  };
}

/** A CSP frame-ancestors source list: `*`, `'self'`, `'none'` or http(s) origins separated by spaces or commas. */
function frameAncestors(raw: string | undefined): string {
  const sources = (nonEmpty(raw) ?? '*').split(/[\s,]+/).filter(Boolean);
  for (const source of sources) {
    if (source === '*' || source === "'self'" || source === "'none'") continue;
    if (!/^https?:\/\/[A-Za-z0-9.*-]+(:\d{1,5})?$/.test(source)) {
      throw new ConfigError(`PORTAL_FRAME_ANCESTORS must list *, 'self', 'none' or origins such as https://www.example.com, got "${source}"`);
    }
  }
  return sources.join(' ');
}

/** WEB_CONCURRENCY: a number, or `auto` for one process per CPU. The embedded database serves one process only. */
function webConcurrency(env: Env, databaseUrl: string | undefined): number {
  const raw = nonEmpty(env.WEB_CONCURRENCY)?.toLowerCase();
  const value = raw === 'auto' ? Math.max(1, availableParallelism()) : integer(env, 'WEB_CONCURRENCY', 1, 1, 64);
  if (value > 1 && !databaseUrl) {
    throw new ConfigError('WEB_CONCURRENCY above 1 needs DATABASE_URL: the embedded database serves one process (run one, or point all of them at one PostgreSQL)');
  }
  return value;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() !== '' ? value.trim() : undefined;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = nonEmpty(env[name])?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function origins(raw: string): readonly string[] | '*' {
  const list = raw.split(',').map((o) => o.trim()).filter(Boolean);
  return list.includes('*') ? '*' : list;
}

function encryptionKey(raw: string | undefined): string | undefined {
  const value = nonEmpty(raw);
  if (value === undefined) return undefined;
  if (Buffer.from(value, 'base64').length !== 32) {
    throw new ConfigError('FIELD_ENCRYPTION_KEY must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)');
  }
  return value;
}

/** A calendar date `YYYY-MM-DD` from 1900 on. */
function isoDate(env: Env, name: string, fallback: string): string {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  const ms = Date.parse(`${raw}T00:00:00Z`);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(raw) && Number.isFinite(ms) && new Date(ms).toISOString().startsWith(raw) && raw >= '1900-01-01';
  if (!valid) throw new ConfigError(`${name} must be a date written as YYYY-MM-DD from 1900-01-01 on, got "${raw}"`);
  return raw;
}

/** `points/seconds`, e.g. `20/60`: at most 20 in any fixed window of 60 seconds. */
function rate(env: Env, name: string, fallback: string): RateLimit {
  const raw = nonEmpty(env[name]) ?? fallback;
  const match = /^(\d{1,9})\s*\/\s*(\d{1,6})$/.exec(raw);
  const points = Number(match?.[1]);
  const windowSeconds = Number(match?.[2]);
  if (!match || points < 1 || windowSeconds < 1 || windowSeconds > 86_400) {
    throw new ConfigError(`${name} must be written as points/seconds (e.g. 20/60, seconds from 1 to 86400), got "${raw}"`);
  }
  return { points, windowSeconds };
}

/** false, true, a number of proxy hops, or a comma-separated list of proxy addresses or subnets (express's "trust proxy"). */
function trustProxy(value: string | undefined): boolean | number | string {
  const raw = nonEmpty(value)?.toLowerCase();
  if (raw === undefined || ['0', 'false', 'no', 'off'].includes(raw)) return false;
  if (['true', 'yes', 'on'].includes(raw)) return true;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  const entries = raw.split(',').map((entry) => entry.trim());
  if (entries.every((entry) => /^(loopback|linklocal|uniquelocal|[0-9a-f:.]+(\/\d{1,3})?)$/.test(entry))) return entries.join(',');
  throw new ConfigError(`TRUST_PROXY must be true, false, a number of proxy hops, or proxy addresses/subnets, got "${raw}"`);
}

/** `postgres`, or `fs:<dir>` (a directory, relative to the working directory or absolute). */
function documentStore(value: string | undefined, cwd: string): DocumentStoreConfig {
  const raw = nonEmpty(value) ?? 'postgres';
  if (raw === 'postgres') return { kind: 'postgres' };
  const dir = raw.startsWith('fs:') ? raw.slice(3).trim() : '';
  if (dir === '') throw new ConfigError(`DOCUMENT_STORE must be postgres or fs:<directory>, got "${raw}"`);
  return { kind: 'fs', dir: path.resolve(cwd, dir) };
}

/** An http(s) origin with an optional path, without a trailing slash. */
function publicUrl(value: string | undefined, name = 'PUBLIC_URL'): string | undefined {
  const raw = nonEmpty(value);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an http or https URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:' || url.search || url.hash) {
    throw new ConfigError(`${name} must be an http or https URL without query or fragment, got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

/** An smtp:// or smtps:// URL (nodemailer's form, with user, password and query options). */
function smtpUrl(value: string | undefined): string | undefined {
  const raw = nonEmpty(value);
  if (raw === undefined) return undefined;
  if (!/^smtps?:\/\/[^/\s]+/.test(raw)) throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.com:587');
  return raw;
}

/** A file path, relative to the working directory or absolute. */
function signingP12Path(value: string | undefined, cwd: string): string | undefined {
  const raw = nonEmpty(value);
  return raw === undefined ? undefined : path.resolve(cwd, raw);
}
