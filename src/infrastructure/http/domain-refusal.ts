import { DomainError, ValidationError } from '../../domain/shared/domain-error';
import { HttpRefusal } from './http-errors';

const STATUS: Record<DomainError['category'], number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

/** A domain error as the plain HTTP routes answer it: the GraphQL code and reason, with the matching status. */
export function refusalOf(error: DomainError): HttpRefusal {
  const params = error instanceof ValidationError ? { ...error.params, path: error.field } : error.params;
  return { status: STATUS[error.category], code: error.category, reason: error.reason, params, message: error.message };
}

const BEARER = /^Bearer\s+(\S+)$/i;

/** The bearer token of a request, or undefined. */
export function bearerOf(header: string | undefined): string | undefined {
  return BEARER.exec(header ?? '')?.[1];
}
