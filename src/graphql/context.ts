import { Actor } from '../application/shared/actor';
import { Logger } from '../application/ports/logger';
import { DomainError, UnauthenticatedError } from '../domain/shared/domain-error';
import { Loaders } from './loaders';

/**
 * Per request: who asks (resolved from the bearer token before any resolver runs), in which
 * language, and the request's own DataLoaders. A bad token does not fail the request at once,
 * so `login` still works with a stale token in the headers; it fails the first resolver that
 * needs the viewer.
 */
export interface GraphQLContext {
  readonly requestId: string;
  readonly logger: Logger;
  /** The viewer's language, or the Accept-Language choice for anonymous requests. */
  language: string;
  readonly actor?: Actor;
  readonly authError?: DomainError;
  readonly loaders: Loaders;
  /** The client's address as the HTTP rate limits count it (TRUST_PROXY applies), for throttling failed logins. */
  readonly clientAddress?: string;
  /** The User-Agent header, kept as evidence with a signature. */
  readonly userAgent?: string;
  /** A message key (`unravel:line.ort`, …) in the request's language; undefined when it has no text. */
  readonly translate: (key: string, params: Readonly<Record<string, unknown>>) => string | undefined;
}

export function actorOf(context: GraphQLContext): Actor {
  if (context.actor) return context.actor;
  throw context.authError ?? new UnauthenticatedError();
}
