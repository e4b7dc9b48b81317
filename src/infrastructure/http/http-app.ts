import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import cors from 'cors';
import express, { Express, RequestHandler } from 'express';
import { Logger } from '../../application/ports/logger';
import { MessageTranslator } from '../../application/ports/message-translator';
import { bodyErrors, HttpErrorOptions, localizeErrorAnswers, pathNotFound } from './http-errors';
import { allowedOrigins, GRAPHQL_METHODS, onlyGraphqlMethods, securityHeaders } from './http-security';

export interface HttpAppOptions {
  readonly logger: Logger;
  readonly corsOrigins: readonly string[] | '*';
  readonly bodyLimit: string;
  /** Express's "trust proxy": which X-Forwarded-For hops name the client (config TRUST_PROXY). */
  readonly trustProxy: boolean | number | string;
  /** The GraphQL handler (Apollo), mounted at /graphql after JSON parsing. */
  readonly graphql: RequestHandler;
  /** Refuses a request over its rate limits (429) before GraphQL reads it (rate-limit.ts). */
  readonly rateLimit: RequestHandler;
  /** Answers when the database answers. */
  readonly isReady: () => Promise<boolean>;
  /** Retry-After (seconds) of /readyz's 503; default 5. */
  readonly retryAfterSeconds?: number;
  /** Words the edge's own refusals in the requester's language. */
  readonly translator: MessageTranslator;
  /** The language of a bearer token's viewer (undefined when the token is not valid), for those refusals. */
  readonly viewerLanguage?: (bearer: string) => Promise<string | undefined>;
  /**
   * Plain HTTP routes next to GraphQL (payroll's streaming downloads, binary uploads, signed
   * document links): each a router that answers its own paths, mounted before the 404.
   */
  readonly routes?: readonly RequestHandler[];
  /** Prometheus figures at GET /metrics; `token` set: only with `Authorization: Bearer <token>`. */
  readonly metrics?: MetricsEndpoint;
  /** The web portal at `/` (portal-routes.ts), after every API route and before the 404. */
  readonly portal?: RequestHandler;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The HTTP edge: security headers, request ids and access logs, CORS from configuration (other
 * origins and methods refused before anything runs), a JSON body limit, liveness and readiness
 * probes, and GraphQL at /graphql. No cookies anywhere: bearer tokens only.
 */
export function createHttpApp(options: HttpAppOptions): Express {
  const errors: HttpErrorOptions = { translator: options.translator, viewerLanguage: options.viewerLanguage };
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy);
  app.use(securityHeaders());
  app.use(requestContext(options.logger));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await options.isReady().catch(() => false);
    if (!ready) res.setHeader('Retry-After', String(options.retryAfterSeconds ?? 5));
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable' });
  });
  if (options.metrics) app.get('/metrics', metricsHandler(options.metrics));
  app.use(
    '/graphql',
    localizeErrorAnswers(errors),
    onlyGraphqlMethods(errors),
    allowedOrigins(options.corsOrigins, errors),
    browserCors(options.corsOrigins, GRAPHQL_METHODS),
    express.json({ limit: options.bodyLimit }),
    options.rateLimit,
    options.graphql,
  );
  // Uploads (a file attached to a message) come from the portal too, also when it is served from its own origin.
  app.use('/uploads', allowedOrigins(options.corsOrigins, errors), browserCors(options.corsOrigins, ['POST', 'OPTIONS']));
  for (const route of options.routes ?? []) app.use(route);
  if (options.portal) app.use(options.portal);
  app.use(pathNotFound(errors));
  app.use(bodyErrors({ ...errors, bodyLimit: options.bodyLimit }));
  return app;
}

/** CORS for a browser's calls from the origins CORS_ORIGINS lists (bearer tokens, never credentials). */
function browserCors(origins: readonly string[] | '*', methods: readonly string[]): RequestHandler {
  return cors({
    origin: origins === '*' ? '*' : [...origins],
    methods: [...methods],
    allowedHeaders: ['Content-Type', 'Authorization', 'Accept-Language', 'X-Request-Id', 'Apollo-Require-Preflight'],
    exposedHeaders: ['X-Request-Id', 'Retry-After'],
    maxAge: 600,
  });
}

export interface MetricsEndpoint {
  text(): Promise<string>;
  readonly contentType: string;
  readonly token?: string;
}

function metricsHandler(metrics: MetricsEndpoint): RequestHandler {
  const expected = metrics.token ? createHash('sha256').update(`Bearer ${metrics.token}`).digest() : undefined;
  return async (req, res) => {
    if (expected) {
      const given = createHash('sha256').update(req.header('authorization') ?? '').digest();
      if (!timingSafeEqual(given, expected)) {
        res.status(401).setHeader('WWW-Authenticate', 'Bearer').json({ error: 'METRICS_TOKEN_REQUIRED', message: 'The metrics need the METRICS_TOKEN as a bearer token' });
        return;
      }
    }
    try {
      const text = await metrics.text();
      res.setHeader('Content-Type', metrics.contentType);
      res.setHeader('Cache-Control', 'no-store');
      res.send(text);
    } catch (error) {
      (res.locals.logger as Logger | undefined)?.warn({ err: error }, 'metrics could not be gathered');
      res.status(503).json({ error: 'METRICS_UNAVAILABLE', message: 'The metrics could not be gathered; try again' });
    }
  };
}

function requestContext(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.header('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const log = logger.child({ requestId });
    res.locals.requestId = requestId;
    res.locals.logger = log;
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info({ method: req.method, url: req.originalUrl, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
    });
    next();
  };
}
