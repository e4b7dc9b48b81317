import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError as ClassValidatorError } from 'class-validator';
import { DomainError, ErrorParams, Problem, TooManyAttemptsError, ValidationError } from '../../domain/shared/domain-error';
import { DATABASE_UNAVAILABLE, RequestFailure, SERVICE_UNAVAILABLE, Unavailability } from './unavailable';
import { literalPointer, variablePointer } from './input-pointer';
import { fromRequestError } from './request-errors';
import { findRefusal, fromRefusal, tokenLimitRefusal } from './request-refusal';

/** Codes that graphql-js and Apollo give to errors of the request itself; they keep their code and get a reason (request-errors.ts). */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export interface ProblemExtension {
  readonly path: string;
  readonly reason: string;
  readonly message: string;
  readonly params?: ErrorParams;
}

/**
 * The one place where errors become GraphQL errors: domain errors keep their category as
 * `extensions.code` and their `reason`; anything unexpected is hidden behind
 * INTERNAL_SERVER_ERROR (its stack and SQL never leave the server; the plugin logs it).
 * Messages are translated afterwards by the translation plugin, which knows the viewer.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, unavailable?: Unavailability): GraphQLFormattedError {
  if (error instanceof RequestFailure) return { message: formatted.message, extensions: formatted.extensions };
  // A limit refusal keeps its own code, reason and params (Apollo wraps a validation rule's as GRAPHQL_VALIDATION_FAILED).
  const refusal = findRefusal(error) ?? tokenLimitRefusal(error);
  if (refusal) return fromRefusal(formatted, refusal);
  const original = unwrapResolverError(error);
  const domain = findDomainError(original) ?? findDomainError(error);
  if (domain) return fromDomainError(formatted, locate(domain, error));
  if (original instanceof ArgumentValidationError) return fromArgumentValidation(formatted, original);
  if (unavailable?.isCause(original)) {
    // The translation plugin words it, adds the request id, answers 503 with Retry-After and logs the cause.
    const extensions = { code: SERVICE_UNAVAILABLE, reason: DATABASE_UNAVAILABLE };
    return { message: 'The service is unavailable for a moment', locations: formatted.locations, path: formatted.path, extensions };
  }
  const code = formatted.extensions?.code;
  const coercion = code === 'BAD_USER_INPUT' && error instanceof GraphQLError ? variablePointer(error) : undefined;
  if (coercion !== undefined) {
    // A variable a built-in or library scalar refused (an unknown enum value, a date that does not exist).
    const problem = { path: coercion, reason: 'INVALID_INPUT', message: formatted.message, params: {} };
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code, reason: problem.reason, params: {}, field: coercion, problems: [problem] },
    };
  }
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) return fromRequestError(formatted, code);
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL_SERVER_ERROR' },
  };
}

/** formatError for ApolloServer, knowing how an outage of the database shows. */
export function formatErrorWith(unavailable: Unavailability): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => formatError(formatted, error, unavailable);
}

export function findDomainError(error: unknown): DomainError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof DomainError) return current;
    current = current instanceof GraphQLError ? current.originalError : undefined;
  }
  return undefined;
}

export function isExpectedError(error: unknown): boolean {
  if (findRefusal(error)) return true;
  const original = unwrapResolverError(error);
  if (findDomainError(original) || findDomainError(error) || original instanceof ArgumentValidationError) return true;
  const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
  return typeof code === 'string' && REQUEST_ERROR_CODES.has(code);
}

/**
 * A scalar (HoursMinutes, LocalDate, LocalTime, IsoWeek) refuses a value without knowing where it
 * sits. graphql-js knows: in a variable, it names the place in its message; written inline, the
 * error points at the literal. Either way the problem gets the same path, relative to the input
 * object (`days[1].total`), since the variable's own name is the client's choice.
 */
function locate(error: DomainError, raised: unknown): DomainError {
  if (!(error instanceof ValidationError) || error.problems.every((p) => p.path !== '')) return error;
  // Only the request's own input: an error of a resolver has a response path and its own places.
  if (!(raised instanceof GraphQLError) || raised.path !== undefined) return error;
  const path = variablePointer(raised) ?? literalPointer(raised);
  if (path === undefined) return error;
  return new ValidationError(error.problems.map((p) => (p.path === '' ? { ...p, path } : p)));
}

function fromDomainError(formatted: GraphQLFormattedError, error: DomainError): GraphQLFormattedError {
  const problems = error instanceof ValidationError ? error.problems.map(toProblemExtension) : undefined;
  return {
    message: error.message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: {
      code: error.category,
      reason: error.reason,
      params: error.params,
      ...(error instanceof ValidationError
        ? { field: error.field, problems }
        : typeof error.params.field === 'string'
          ? { field: error.params.field }
          : {}),
      // As the HTTP rate limit's 429 carries it (the translation plugin also sets Retry-After).
      ...(error instanceof TooManyAttemptsError ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    },
  };
}

function toProblemExtension(problem: Problem): ProblemExtension {
  return { path: problem.path, reason: problem.reason, message: problem.message, params: problem.params ?? {} };
}

function fromArgumentValidation(formatted: GraphQLFormattedError, error: ArgumentValidationError): GraphQLFormattedError {
  const problems = flatten(error.extensions.validationErrors, '');
  return {
    message: problems.map((p) => `${p.path}: ${p.message}`).join('; '),
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'BAD_USER_INPUT', reason: problems[0].reason, field: problems[0].path, params: problems[0].params, problems },
  };
}

function flatten(errors: readonly ClassValidatorError[], prefix: string): ProblemExtension[] {
  return errors.flatMap((e) => {
    // An element of a list is `days[2]`, as the domain writes it.
    const path = /^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([constraint, message]) => toProblem(path, constraint, message));
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

function toProblem(path: string, constraint: string, message: string): ProblemExtension {
  const bound = /(\d+)/.exec(message)?.[1];
  if (constraint === 'maxLength') {
    return { path, reason: 'VALUE_TOO_LONG', message, params: { max: Number(bound ?? 0) } };
  }
  if (constraint === 'arrayMaxSize') {
    // A list over its bound is not a text that is too long.
    return { path, reason: 'TOO_MANY_ITEMS', message, params: { max: Number(bound ?? 0) } };
  }
  return { path, reason: 'INVALID_INPUT', message, params: {} };
}
