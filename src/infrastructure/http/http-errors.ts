import { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import { Logger } from '../../application/ports/logger';
import { MessageTranslator } from '../../application/ports/message-translator';

/**
 * Errors answered by the HTTP edge itself (no such path, a method /graphql does not take, an origin
 * CORS_ORIGINS does not list, a body too large or not JSON) and the refusals Apollo answers before
 * any plugin runs (CSRF prevention, a body without a query, a batch): like every other error, each
 * has a stable `extensions.code` and `reason`, the request id, and a message in the requester's
 * language: the viewer's when the request carries a valid token, else the best match of its
 * Accept-Language (as the GraphQL edge and the rate limits do).
 */
export interface HttpErrorOptions {
  readonly translator: MessageTranslator;
  /** The language of the token's viewer; undefined without a valid token. Never throws for a bad one. */
  readonly viewerLanguage?: (bearer: string) => Promise<string | undefined>;
}

export interface HttpRefusal {
  readonly status: number;
  readonly code: string;
  readonly reason: string;
  readonly params?: Readonly<Record<string, string | number | readonly string[]>>;
  /** English, for when the reason has no translation. */
  readonly message: string;
}

const BEARER = /^Bearer\s+(\S+)$/i;

/** The requester's language, worked out once per request. */
export function requestLanguage(req: Request, res: Response, options: HttpErrorOptions): Promise<string> {
  const known = res.locals.language as Promise<string> | undefined;
  if (known) return known;
  const fallback = options.translator.negotiate(req.header('accept-language'));
  const bearer = BEARER.exec(req.header('authorization') ?? '')?.[1];
  const language =
    bearer && options.viewerLanguage
      ? options.viewerLanguage(bearer).then(
          (viewer) => viewer ?? fallback,
          // The token cannot be checked now (e.g. the database is down): the header still says something.
          () => fallback,
        )
      : Promise.resolve(fallback);
  res.locals.language = language;
  return language;
}

/** Answers the refusal as `{ errors: [ … ] }` in the requester's language, with the request id. */
export async function sendRefusal(req: Request, res: Response, options: HttpErrorOptions, refusal: HttpRefusal): Promise<void> {
  const requestId = res.locals.requestId as string;
  const params = refusal.params ?? {};
  const language = await requestLanguage(req, res, options);
  const message = options.translator.translate(refusal.reason, { ...params, requestId }, language) ?? refusal.message;
  if (res.headersSent) return;
  res.status(refusal.status).json({ errors: [{ message, extensions: { code: refusal.code, reason: refusal.reason, params, requestId } }] });
}

/** Any other path: JSON like every other answer (express's own page would be HTML). */
export function pathNotFound(options: HttpErrorOptions): RequestHandler {
  return (req, res) => {
    const path = req.path.slice(0, 200);
    void sendRefusal(req, res, options, {
      status: 404,
      code: 'NOT_FOUND',
      reason: 'PATH_NOT_FOUND',
      params: { method: req.method, path },
      message: `Nothing here: ${req.method} ${path}`,
    });
  };
}

/** What the JSON body parser refuses: a body over BODY_LIMIT (413), one that is not JSON (400); anything else is a fault (500, logged). */
export function bodyErrors(options: HttpErrorOptions & { readonly bodyLimit: string }): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const status = typeof error === 'object' && error && 'status' in error ? Number(error.status) : 500;
    const type = typeof error === 'object' && error && 'type' in error ? String(error.type) : '';
    if (status === 413) {
      const params = { limit: options.bodyLimit };
      return void sendRefusal(req, res, options, { status, code: 'PAYLOAD_TOO_LARGE', reason: 'BODY_TOO_LARGE', params, message: 'The request is too large' });
    }
    if (status >= 400 && status < 500) {
      const reason = type === 'entity.parse.failed' ? 'BODY_NOT_JSON' : 'REQUEST_INVALID';
      const params: Record<string, string> = reason === 'REQUEST_INVALID' ? { detail: type || `HTTP ${status}` } : {};
      return void sendRefusal(req, res, options, { status, code: 'BAD_REQUEST', reason, params, message: 'The request could not be read' });
    }
    (res.locals.logger as Logger | undefined)?.error({ err: error }, 'http error');
    const params = { requestId: res.locals.requestId as string };
    void sendRefusal(req, res, options, { status: 500, code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL_SERVER_ERROR', params, message: 'Internal server error' });
  };
}

interface WireError {
  message?: unknown;
  extensions?: { reason?: unknown; params?: Record<string, unknown>; requestId?: unknown; [key: string]: unknown };
  [key: string]: unknown;
}

/**
 * Apollo answers some refusals (CSRF prevention, a body without a query, a batch, a bad
 * `variables`) from its HTTP layer, where no plugin and no context runs: formatError gives them
 * their reason, and here, on the way out, they get the request id and their message in the
 * requester's language. Only error answers (status 400 and up) that carry no request id yet are
 * touched; everything the GraphQL pipeline answered has its own.
 */
export function localizeErrorAnswers(options: HttpErrorOptions): RequestHandler {
  return (req, res, next) => {
    const send = res.send.bind(res);
    res.send = function sendLocalized(body?: unknown) {
      const errors = res.statusCode >= 400 ? untranslatedErrors(body) : undefined;
      if (!errors) return send(body);
      void requestLanguage(req, res, options).then((language) => {
        const requestId = res.locals.requestId as string;
        const translated = errors.map((e) => {
          const reason = typeof e.extensions?.reason === 'string' ? e.extensions.reason : undefined;
          const params = { ...(e.extensions?.params ?? {}), requestId };
          const message = (reason && options.translator.translate(reason, params, language)) || e.message;
          return { ...e, message, extensions: { ...e.extensions, requestId } };
        });
        send(JSON.stringify({ ...(JSON.parse(body as string) as object), errors: translated }));
      });
      return res;
    } as Response['send'];
    next();
  };
}

function untranslatedErrors(body: unknown): WireError[] | undefined {
  if (typeof body !== 'string' || !body.startsWith('{')) return undefined;
  try {
    const parsed = JSON.parse(body) as { errors?: unknown };
    if (!Array.isArray(parsed.errors) || parsed.errors.length === 0) return undefined;
    const errors = parsed.errors as WireError[];
    return errors.every((e) => e.extensions?.requestId === undefined) ? errors : undefined;
  } catch {
    return undefined;
  }
}
