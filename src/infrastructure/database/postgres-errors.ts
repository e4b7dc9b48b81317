import { QueryRunnerAlreadyReleasedError } from 'typeorm';

/** PostgreSQL error codes the adapters translate into domain errors. */
const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';
const EXCLUSION_VIOLATION = '23P01';
const SERIALIZATION_FAILURE = '40001';
const DEADLOCK_DETECTED = '40P01';

interface PgError {
  code?: string;
  constraint?: string;
  driverError?: PgError;
}

function pgError(error: unknown): PgError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as PgError;
  return e.driverError ?? e;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = pgError(error);
  return e?.code === UNIQUE_VIOLATION && (constraint === undefined || e.constraint === constraint);
}

export function isForeignKeyViolation(error: unknown, constraint?: string): boolean {
  const e = pgError(error);
  return e?.code === FOREIGN_KEY_VIOLATION && (constraint === undefined || e.constraint === constraint);
}

export function isExclusionViolation(error: unknown, constraint?: string): boolean {
  const e = pgError(error);
  return e?.code === EXCLUSION_VIOLATION && (constraint === undefined || e.constraint === constraint);
}

/** Two transactions got in each other's way (a deadlock, or a serialization failure): one was undone. */
export function isConcurrencyFailure(error: unknown): boolean {
  const code = pgError(error)?.code;
  return code === SERIALIZATION_FAILURE || code === DEADLOCK_DETECTED;
}

export function violatedConstraint(error: unknown): string | undefined {
  return pgError(error)?.constraint;
}

/** Network errors of a connection that could not be made or was cut (Node's own codes). */
const CONNECTION_NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/**
 * Server states in which it takes no queries: 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03
 * cannot_connect_now (starting up or shutting down), 53300 too_many_connections; class 08 is
 * "connection exception" as a whole.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** pg and pg-pool say these in words only (no code): the connection ended or never came. */
const CONNECTION_LOST = /^(Connection terminated|Client has encountered a connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect)/;

interface ConnectionError {
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
  thrownValue?: unknown;
}

/**
 * Whether the database could not be reached for this error (refused, cut, shutting down, not yet
 * up), as opposed to a query it refused: the server answers 503 and tries again on the next
 * request, since the pool opens new connections by itself. The one place that knows how pg,
 * pg-pool and TypeORM say it (TypeORM wraps a query's error in `driverError`; Node wraps an
 * attempt at several addresses in an AggregateError; graphql-js wraps a thrown value that is not
 * `instanceof Error`, as Node's own errors are inside jest's sandbox, in `thrownValue`).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return unavailableAt(error, 0);
}

function unavailableAt(error: unknown, depth: number): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  // TypeORM releases a transaction's query runner when its connection fails (the server ended it);
  // the transaction's next query then says only this. Our runners are TypeORM's own, used nowhere else.
  if (error instanceof QueryRunnerAlreadyReleasedError) return true;
  const e = error as ConnectionError;
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (code !== undefined && (CONNECTION_NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  if (typeof e.message === 'string' && CONNECTION_LOST.test(e.message)) return true;
  const inner = [e.driverError, e.cause, e.thrownValue, ...(Array.isArray(e.errors) ? e.errors : [])];
  return inner.some((next) => next !== error && unavailableAt(next, depth + 1));
}
