import { GraphQLError } from 'graphql';
import { Logger } from '../../application/ports/logger';
import { MessageTranslator } from '../../application/ports/message-translator';

/** `extensions.code` of a request the server could not serve for now (HTTP 503 with Retry-After). */
export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';
/** Its `extensions.reason` (and translation key) when the database could not be reached. */
export const DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE';

/**
 * How the GraphQL edge recognises an outage of the database, and what it tells clients. The
 * adapters know the driver's errors (infrastructure/database/postgres-errors.ts); the composition
 * root hands that knowledge in here.
 */
export interface Unavailability {
  /** Whether this error means the database could not be reached (refused, cut, shutting down). */
  readonly isCause: (error: unknown) => boolean;
  /** Sent as `Retry-After` with every 503. */
  readonly retryAfterSeconds: number;
}

interface FailureExtensions {
  readonly code: string;
  readonly reason: string;
  readonly requestId: string;
}

/**
 * A failure of the request as a whole, raised while its context is built (before any resolver):
 * Apollo answers it with the status and headers it carries, and no plugin sees it, so it comes
 * with its message already in the request's language and its request id; formatError passes it on.
 */
export class RequestFailure extends GraphQLError {
  constructor(message: string, extensions: FailureExtensions, http: { status: number; headers?: Map<string, string> }) {
    super(message, { extensions: { ...extensions, http: { status: http.status, headers: http.headers ?? new Map() } } });
  }
}

export interface ContextFailureScene {
  readonly requestId: string;
  readonly logger: Logger;
  readonly language: string;
  readonly translator: MessageTranslator;
  readonly unavailable: Unavailability;
}

/**
 * The token could not be checked because something other than the token failed: the database is
 * unreachable (503 with Retry-After) or something unexpected happened (500). Logged once with its
 * cause and the request id; answered in the request's language with that id.
 */
export function contextFailure(error: unknown, scene: ContextFailureScene): RequestFailure {
  const { requestId, logger, language, translator, unavailable } = scene;
  const outage = unavailable.isCause(error);
  const reason = outage ? DATABASE_UNAVAILABLE : 'INTERNAL_SERVER_ERROR';
  logger.error({ err: error, reason }, outage ? 'database unavailable' : 'unexpected error');
  const message = translator.translate(reason, { requestId }, language) ?? reason;
  return outage
    ? new RequestFailure(message, { code: SERVICE_UNAVAILABLE, reason, requestId }, { status: 503, headers: retryAfter(unavailable) })
    : new RequestFailure(message, { code: 'INTERNAL_SERVER_ERROR', reason, requestId }, { status: 500 });
}

export function retryAfter(unavailable: Unavailability): Map<string, string> {
  return new Map([['retry-after', String(unavailable.retryAfterSeconds)]]);
}
