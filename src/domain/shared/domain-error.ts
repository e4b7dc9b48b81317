/**
 * The one error family of the domain and the application.
 *
 * `category` is the stable GraphQL `extensions.code` (BAD_USER_INPUT, NOT_FOUND, …);
 * `reason` is a finer stable code (e.g. `BSN_INVALID`) that is also the translation key of
 * the message, with `params` for interpolation. The English `message` is for logs and tests.
 */
export type ErrorCategory =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS';

/** A param is a text, a number, or a list of texts (e.g. `roles: ['AGENCY_STAFF']`), sent as a JSON list. */
export type ErrorParam = string | number | readonly string[];
export type ErrorParams = Readonly<Record<string, ErrorParam>>;

/** One problem of an input, located by a path such as `placement.endDate` or `days[2].blocks[0]`. */
export interface Problem {
  readonly path: string;
  readonly reason: string;
  readonly message: string;
  readonly params?: ErrorParams;
}

export abstract class DomainError extends Error {
  abstract readonly category: ErrorCategory;

  protected constructor(
    readonly reason: string,
    message: string,
    readonly params: ErrorParams = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input: one or more problems, each with the path of the field it concerns. */
export class ValidationError extends DomainError {
  readonly category = 'BAD_USER_INPUT' as const;
  readonly problems: readonly Problem[];

  constructor(problems: Problem | readonly Problem[]) {
    const list = Array.isArray(problems) ? (problems as readonly Problem[]) : [problems as Problem];
    if (list.length === 0) throw new Error('ValidationError needs at least one problem');
    super(list[0].reason, list.map((p) => `${p.path}: ${p.message}`).join('; '), list[0].params);
    this.problems = list;
  }

  get field(): string {
    return this.problems[0].path;
  }

  static of(path: string, reason: string, message: string, params?: ErrorParams): ValidationError {
    return new ValidationError({ path, reason, message, params });
  }

  /** The same problems, each path prefixed (e.g. `input.` + `bsn`). */
  prefixed(prefix: string): ValidationError {
    return new ValidationError(
      this.problems.map((p) => ({ ...p, path: p.path ? `${prefix}.${p.path}` : prefix })),
    );
  }
}

export class NotFoundError extends DomainError {
  readonly category = 'NOT_FOUND' as const;
  constructor(entity: string, id?: string) {
    super('NOT_FOUND', `${entity} not found`, id === undefined ? { entity } : { entity, id });
  }
}

export class ForbiddenError extends DomainError {
  readonly category = 'FORBIDDEN' as const;
  constructor(reason = 'FORBIDDEN', message = 'You are not allowed to do this', params?: ErrorParams) {
    super(reason, message, params);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly category = 'UNAUTHENTICATED' as const;
  constructor(reason = 'UNAUTHENTICATED', message = 'You must be logged in to do this') {
    super(reason, message);
  }
}

export class ConflictError extends DomainError {
  readonly category = 'CONFLICT' as const;
  constructor(reason: string, message: string, params?: ErrorParams) {
    super(reason, message, params);
  }
}

/**
 * Too many attempts in a short time (failed logins of one account or from one address): refused
 * before anything is checked, until `retryAfterSeconds` have passed. The same code as the HTTP rate
 * limit's (TOO_MANY_REQUESTS), with its own reason.
 */
export class TooManyAttemptsError extends DomainError {
  readonly category = 'TOO_MANY_REQUESTS' as const;
  constructor(reason: string, message: string, readonly retryAfterSeconds: number) {
    super(reason, message, { retryAfterSeconds });
  }
}

/** Collects problems so that an input is refused with all of them at once. */
export class ProblemCollector {
  private readonly list: Problem[] = [];

  add(path: string, reason: string, message: string, params?: ErrorParams): void {
    this.list.push({ path, reason, message, params });
  }

  /** Runs `fn`; a ValidationError it throws is collected (paths prefixed), and undefined returned. */
  attempt<T>(path: string, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      for (const p of error.problems) this.list.push({ ...p, path: p.path ? `${path}.${p.path}` : path });
      return undefined;
    }
  }

  get problems(): readonly Problem[] {
    return this.list;
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw new ValidationError(this.list);
  }
}
