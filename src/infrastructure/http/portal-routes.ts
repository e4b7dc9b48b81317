import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import express, { RequestHandler, Router } from 'express';

export interface PortalOptions {
  /** The built portal (vite's output: index.html and assets/). */
  readonly dir: string;
  /** CSP frame-ancestors: which sites may show the portal in a frame (config PORTAL_FRAME_ANCESTORS). */
  readonly frameAncestors: string;
}

/** Paths of the server's own that the portal's fallback never answers with its page. */
const SERVER_PATHS = /^\/(graphql|healthz|readyz|metrics|documents|uploads|payroll)(\/|$)/;

/**
 * The portal's policy: its own scripts and styles only (vite emits no inline script), data from
 * this origin (`/graphql`, document links), images from itself and blob/data URLs (a photo chosen
 * for upload), no plugins, no forms posted anywhere, and framed only where the agency allows. The
 * API's own answers keep their strict policy (http-security.ts).
 */
export function portalContentSecurityPolicy(frameAncestors: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/**
 * The web portal (web/, built by `npm run build:web`) at `/`: hashed assets cached for a year,
 * `index.html` never cached and answered for every other GET that asks for HTML (the portal's
 * own routes: /week, /approvals, /invitation, …). It may be framed by the sites PORTAL_FRAME_ANCESTORS
 * names (an agency shows it inside its own website); the API is never framed. Undefined when the
 * portal was not built.
 */
export function portalRoutes(options: PortalOptions): RequestHandler | undefined {
  const indexFile = path.join(options.dir, 'index.html');
  if (!existsSync(indexFile)) return undefined;
  const policy = portalContentSecurityPolicy(options.frameAncestors);
  const framing: RequestHandler = (_req, res, next) => {
    res.setHeader('Content-Security-Policy', policy);
    res.removeHeader('X-Frame-Options'); // frame-ancestors decides; XFO cannot name sites
    next();
  };
  const router = Router();
  router.use(
    '/assets',
    framing,
    express.static(path.join(options.dir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }),
  );
  router.get(/.*/, (req, res, next) => {
    if (SERVER_PATHS.test(req.path)) return next();
    const file = req.path === '/' ? indexFile : path.join(options.dir, path.normalize(req.path));
    const servesFile = req.path !== '/' && file.startsWith(options.dir + path.sep) && isFile(file);
    if (!servesFile && !/\btext\/html\b/i.test(req.header('accept') ?? '')) return next(); // a browser opening a page, not an API caller
    framing(req, res, () => {
      if (servesFile) {
        res.setHeader('Cache-Control', 'no-cache');
        res.sendFile(file);
        return;
      }
      res.setHeader('Cache-Control', 'no-store');
      res.type('html').send(readIndex(indexFile));
    });
  });
  return router;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

let cached: { file: string; html: string } | undefined;
function readIndex(file: string): string {
  if (cached?.file !== file || process.env.NODE_ENV !== 'production') cached = { file, html: readFileSync(file, 'utf8') };
  return cached.html;
}
