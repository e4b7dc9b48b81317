import { RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { HttpErrorOptions, sendRefusal } from './http-errors';

/** What /graphql takes: POST for everything, GET for queries, OPTIONS for a browser's preflight. */
export const GRAPHQL_METHODS = ['GET', 'POST', 'OPTIONS'] as const;

/** The API answers JSON: nothing in it may load, run, be framed or post a form. */
const API_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
/**
 * Apollo's landing page (outside production) brings its own nonce-based policy in a `<meta>` tag
 * for its scripts, styles, images and frames; the header adds what a `<meta>` cannot say.
 */
const LANDING_PAGE_CSP = "base-uri 'none'; object-src 'none'; frame-ancestors 'none'";
/**
 * helmet's headers (nosniff, no referrer, no framing, HSTS without subdomains, which are not the
 * API's to decide), and a Content-Security-Policy per response: the strict one, or the landing
 * page's complement when GET /graphql answers with HTML.
 */
export function securityHeaders(): RequestHandler[] {
  return [
    helmet({
      contentSecurityPolicy: false,
      strictTransportSecurity: { maxAge: 180 * 24 * 3600, includeSubDomains: false },
      xFrameOptions: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
    }),
    contentSecurityPolicy(),
  ];
}

/** Whether Apollo serves its landing page is its own choice (by Accept, and off in production): decided when the headers go out. */
function contentSecurityPolicy(): RequestHandler {
  return (req, res, next) => {
    res.setHeader('Content-Security-Policy', API_CSP);
    if (req.method === 'GET' && req.path === '/graphql') {
      const writeHead = res.writeHead;
      res.writeHead = function writeHeadWithPolicy(this: Response, ...args: unknown[]) {
        if (/^text\/html/i.test(String(res.getHeader('content-type') ?? ''))) res.setHeader('Content-Security-Policy', LANDING_PAGE_CSP);
        return (writeHead as (...a: unknown[]) => Response).apply(this, args);
      } as Response['writeHead'];
    }
    next();
  };
}

/** Any other method on /graphql is refused before it is read: 405 with `Allow`. */
export function onlyGraphqlMethods(errors: HttpErrorOptions): RequestHandler {
  const allowed = new Set<string>(GRAPHQL_METHODS);
  return (req, res, next) => {
    if (allowed.has(req.method)) return next();
    res.setHeader('Allow', GRAPHQL_METHODS.join(', '));
    void sendRefusal(req, res, errors, {
      status: 405,
      code: 'METHOD_NOT_ALLOWED',
      reason: 'METHOD_NOT_ALLOWED',
      params: { method: req.method.slice(0, 20), allowed: [...GRAPHQL_METHODS] },
      message: `The method ${req.method} is not allowed here: use POST, or GET for queries`,
    });
  };
}

/**
 * A browser's request (it says its `Origin`) from an origin that CORS_ORIGINS does not list is
 * refused with 403 before it is read or executed, preflight included: a missing CORS header only
 * hides the answer from the page, it does not stop the request. The server's own origin, and
 * callers that send no Origin (servers, the payroll system, curl), are not browsers on other sites.
 */
export function allowedOrigins(origins: readonly string[] | '*', errors: HttpErrorOptions): RequestHandler {
  if (origins === '*') return (_req, _res, next) => next();
  const listed = new Set(origins);
  return (req, res, next) => {
    const origin = req.header('origin');
    if (origin === undefined || listed.has(origin) || origin === `${req.protocol}://${req.get('host')}`) return next();
    void sendRefusal(req, res, errors, {
      status: 403,
      code: 'FORBIDDEN',
      reason: 'ORIGIN_NOT_ALLOWED',
      params: { origin: origin.slice(0, 200) },
      message: `Requests from the origin ${origin.slice(0, 200)} are not allowed (CORS_ORIGINS)`,
    });
  };
}
