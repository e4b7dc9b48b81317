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
