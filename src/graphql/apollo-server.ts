import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { Request, RequestHandler } from 'express';
import { GraphQLSchema } from 'graphql';
import { Server } from 'node:http';
import { Clock } from '../application/ports/clock';
import { Logger } from '../application/ports/logger';
import { MessageTranslator } from '../application/ports/message-translator';
import { Actor } from '../application/shared/actor';
import { DomainError } from '../domain/shared/domain-error';
import { GraphQLContext } from './context';
import { errorTranslationPlugin } from './errors/error-translation.plugin';
import { formatErrorWith } from './errors/format-error';
import { contextFailure, Unavailability } from './errors/unavailable';
import { LoadersFactory } from './loaders';
import { apolloSecurity, GraphqlSecurity } from './security/graphql-security';

export interface GraphqlDeps {
  readonly schema: GraphQLSchema;
  readonly httpServer: Server;
  readonly translator: MessageTranslator;
  /** Turns the bearer token into the request's Actor (rejects with a DomainError when it is not valid). */
  readonly authenticate: { execute(bearer: string): Promise<Actor> };
  readonly loaders: LoadersFactory;
  /** How an outage of the database shows in errors (503 with Retry-After instead of 500). */
  readonly unavailable: Unavailability;
  /** Query limits, the execution deadline, production mode. */
  readonly security: GraphqlSecurity;
  /** Reads the time for the execution deadline. */
  readonly clock: Clock;
  /** The key of the request's client address, as the HTTP rate limits count it. */
  readonly clientAddress?: (req: Request) => string;
  /** More plugins (the metrics' timing of each operation). */
  readonly plugins?: readonly ApolloServerPlugin<GraphQLContext>[];
}

export function createApolloServer(deps: GraphqlDeps): ApolloServer<GraphQLContext> {
  const security = apolloSecurity(deps.security, deps.clock, formatErrorWith(deps.unavailable));
  return new ApolloServer<GraphQLContext>({
    schema: deps.schema,
    formatError: security.formatError,
    csrfPrevention: true,
    // main.ts owns the signals: it drains HTTP, stops Apollo and closes the database, in that order.
    stopOnTerminationSignals: false,
    nodeEnv: security.nodeEnv,
    introspection: security.introspection,
    includeStacktraceInErrorResponses: false,
    parseOptions: security.parseOptions,
    validationRules: security.validationRules,
    plugins: [
      errorTranslationPlugin(deps.translator, deps.unavailable),
      ...security.plugins,
      ...(deps.plugins ?? []),
      ApolloServerPluginDrainHttpServer({ httpServer: deps.httpServer }),
      // No @cacheControl hints here (answers are per viewer, never cached by HTTP caches): without
      // it Apollo's cache-control plugin still visits every field of every answer (issue 14).
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
}

/** The express handler; resolves the viewer from `Authorization: Bearer …` for each request. */
export function graphqlHandler(server: ApolloServer<GraphQLContext>, deps: GraphqlDeps): RequestHandler {
  return expressMiddleware(server, {
    context: async ({ req, res }) => {
      const requestId = res.locals.requestId as string;
      const logger = res.locals.logger as Logger;
      const fallbackLanguage = deps.translator.negotiate(req.header('accept-language'));
      const bearer = /^Bearer\s+(\S+)$/i.exec(req.header('authorization') ?? '')?.[1];
      let actor: Actor | undefined;
      let authError: DomainError | undefined;
      if (bearer) {
        try {
          // The rate limits have asked already for this request's token (res.locals.authentication): not twice.
          const asked = res.locals.authentication as Promise<Actor> | undefined;
          actor = await (asked ?? deps.authenticate.execute(bearer));
        } catch (error) {
          // A refused token fails the first resolver that needs the viewer; a database that cannot check it fails the request.
          if (!(error instanceof DomainError)) throw contextFailure(error, { requestId, logger, language: fallbackLanguage, ...deps });
          authError = error;
        }
      }
      const language = actor?.language ?? fallbackLanguage;
      const context: GraphQLContext = {
        requestId,
        logger,
        language,
        actor,
        authError,
        loaders: deps.loaders(actor),
        clientAddress: deps.clientAddress?.(req),
        userAgent: req.header('user-agent'),
        translate: (key, params) => deps.translator.translate(key, params, context.language),
      };
      return context;
    },
  });
}
