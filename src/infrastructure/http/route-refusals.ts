import { Request, Response } from 'express';
import { Logger } from '../../application/ports/logger';
import { DomainError, ValidationError } from '../../domain/shared/domain-error';
import { isDatabaseUnavailable } from '../database/postgres-errors';
import { HttpErrorOptions, requestLanguage } from './http-errors';

/*
 * The answers of the plain HTTP routes (document uploads and links, payroll downloads) when they
 * refuse, in the shape of every other error of the server, GraphQL's and the edge's own:
 * `{ errors: [{ message, extensions: { code, reason, params, problems?, requestId } }] }`, with
 * `code` the category (BAD_USER_INPUT, NOT_FOUND, …), `reason` the stable finer code
 * (DOCUMENT_NOT_PDF, PERIOD_END_BEFORE_START, …) and `message` in the requester's language (the
 * viewer's, else Accept-Language).
 */

export interface RouteRefusal {
  readonly status: number;
  /** The category, as GraphQL's extensions.code. */
  readonly category: string;
  /** The stable reason, also the message's translation key. */
  readonly code: string;
  readonly message: string;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly problems?: readonly { path: string; reason: string; message: string; params?: Readonly<Record<string, unknown>> }[];
}

const STATUS_OF_CATEGORY: Readonly<Record<DomainError['category'], number>> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};

/** Reasons whose HTTP status is not their category's. */
const STATUS_OF_REASON: Readonly<Record<string, number>> = {
  DOCUMENT_TOO_LARGE: 413,
  DOCUMENT_LINK_EXPIRED: 410,
};

export async function sendRouteRefusal(req: Request, res: Response, options: HttpErrorOptions, refusal: RouteRefusal): Promise<void> {
  const requestId = res.locals.requestId as string;
  const language = await requestLanguage(req, res, options);
  const translate = (code: string, params: Readonly<Record<string, unknown>> | undefined, english: string) =>
    options.translator.translate(code, { ...(params ?? {}), requestId }, language) ?? english;
  const problems = refusal.problems?.map((p) => ({ ...p, message: translate(p.reason, p.params, p.message) }));
  if (res.headersSent) return;
  res.setHeader('Cache-Control', 'no-store');
  const message = translate(refusal.code, refusal.params, refusal.message);
  const extensions = { code: refusal.category, reason: refusal.code, params: refusal.params ?? {}, ...(problems ? { problems } : {}), requestId };
  res.status(refusal.status).json({ errors: [{ message, extensions }] });
}

/** A DomainError as its refusal; the database out of reach as 503; anything else 500, logged. */
export function refusalOf(error: unknown, res: Response, retryAfterSeconds: number): RouteRefusal {
  if (error instanceof DomainError) {
    const status = STATUS_OF_REASON[error.reason] ?? STATUS_OF_CATEGORY[error.category];
    const problems =
      error instanceof ValidationError ? error.problems.map((p) => ({ path: p.path, reason: p.reason, message: p.message, params: p.params ?? {} })) : undefined;
    return { status, category: error.category, code: error.reason, message: error.message, params: error.params, problems };
  }
  if (isDatabaseUnavailable(error)) {
    res.setHeader('Retry-After', String(retryAfterSeconds));
    return { status: 503, category: 'SERVICE_UNAVAILABLE', code: 'DATABASE_UNAVAILABLE', message: 'The service is unavailable for a moment; try again', params: { retryAfterSeconds } };
  }
  (res.locals.logger as Logger | undefined)?.error({ err: error }, 'route failed');
  return { status: 500, category: 'INTERNAL_SERVER_ERROR', code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error', params: { requestId: res.locals.requestId as string } };
}
