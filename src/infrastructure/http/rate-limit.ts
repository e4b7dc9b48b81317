import { Request, RequestHandler, Response } from 'express';
import { Logger } from '../../application/ports/logger';
import { MessageTranslator } from '../../application/ports/message-translator';
import { Actor } from '../../application/shared/actor';
import { DomainError } from '../../domain/shared/domain-error';
import { rootFieldsOf } from '../rate-limit/graphql-root-fields';
import { Caller, chargesFor, RateLimitCounters, Refusal } from '../rate-limit/rate-limit-policy';
import { addressKey } from './rate-limit-address';

export interface RateLimitOptions {
  readonly counters: RateLimitCounters;
  /** The bearer token's user or API key; rejects with a DomainError when the token is not valid. */
  readonly authenticate: (bearer: string) => Promise<Actor>;
  readonly translator: MessageTranslator;
  /**
   * Documents longer than this are not read here: the GraphQL server's own limit (GRAPHQL_MAX_TOKENS,
   * counted by the same parser), so that a flood is not read far and every accepted document is.
   */
  readonly maxTokens: number;
}

const BEARER = /^Bearer\s+(\S+)$/i;

/** `res.locals` key of the bearer token's authentication (a Promise<Actor>), asked once per request. */
export const AUTHENTICATION_OF_REQUEST = 'authentication';

/**
 * Rate limits at /graphql, after the body is parsed and before GraphQL parses, validates or runs
 * anything: a request over a limit is answered 429 with Retry-After and a message in the caller's
 * language, so no resolver and no password hash runs for it. A request with no valid token counts
 * for its client address (req.ip: the socket's address, or X-Forwarded-For as far as TRUST_PROXY
 * trusts it), one with a valid token for its user or API key; see rate-limit-policy.ts for what
 * each operation costs. When the counters cannot be reached (the database is down) the request
 * goes on unlimited, with a warning in the log: it fails or succeeds on its own merits then, and a
 * database outage is answered 503 by the GraphQL edge rather than a 500 from here.
 */
export function rateLimit(options: RateLimitOptions): RequestHandler {
  return async (req, res, next) => {
    const logger = res.locals.logger as Logger;
    let refusals: Refusal[];
    let actor: Actor | undefined;
    try {
      actor = await identify(req, res.locals, options.authenticate);
      const address = addressKey(req.ip ?? req.socket.remoteAddress);
      const caller: Caller = actor ? { kind: 'token', principal: principalOf(actor), address } : { kind: 'address', address };
      const fields = rootFieldsOf(req.method === 'GET' ? req.query : req.body, options.maxTokens);
      refusals = await options.counters.charge(chargesFor(caller, fields));
    } catch (error) {
      logger.warn({ err: error }, 'rate limits could not be checked; request let through');
      next();
      return;
    }
    if (refusals.length === 0) {
      next();
      return;
    }
    const language = actor?.language ?? options.translator.negotiate(req.header('accept-language'));
    refuse(res, longestWait(refusals), language, options.translator);
  };
}

/** The token's owner; undefined without a token or with one that is not valid (counted as anonymous). */
async function identify(req: Request, locals: Record<string, unknown>, authenticate: RateLimitOptions['authenticate']): Promise<Actor | undefined> {
  const bearer = BEARER.exec(req.header('authorization') ?? '')?.[1];
  if (!bearer) return undefined;
  // The GraphQL context takes this answer (AUTHENTICATION_OF_REQUEST) instead of asking again.
  const answer = authenticate(bearer);
  locals[AUTHENTICATION_OF_REQUEST] = answer;
  try {
    return await answer;
  } catch (error) {
    if (error instanceof DomainError) return undefined;
    throw error;
  }
}

/**
 * Per user rather than per session: changeMyPassword starts a new session, and a user who logs
 * in again must not get a fresh allowance.
 */
function principalOf(actor: Actor): string {
  return actor.kind === 'USER' ? `user:${actor.id}` : `api-client:${actor.id}`;
}

function longestWait(refusals: readonly Refusal[]): Refusal {
  return refusals.reduce((worst, r) => (r.retryAfterMs > worst.retryAfterMs ? r : worst));
}

function refuse(res: Response, refusal: Refusal, language: string, translator: MessageTranslator): void {
  const retryAfterSeconds = Math.max(1, Math.ceil(refusal.retryAfterMs / 1000));
  const params = { scope: refusal.limit, limit: refusal.points, windowSeconds: refusal.windowSeconds, retryAfterSeconds };
  const requestId = res.locals.requestId as string;
  (res.locals.logger as Logger).info({ scope: refusal.limit, retryAfterSeconds }, 'rate limited');
  res.setHeader('Retry-After', String(retryAfterSeconds));
  res.status(429).json({
    errors: [
      {
        message: translator.translate('RATE_LIMITED', params, language) ?? 'Too many requests: try again later',
        extensions: { code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED', params, requestId },
      },
    ],
  });
}
