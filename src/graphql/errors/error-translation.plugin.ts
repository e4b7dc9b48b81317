import { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLFormattedError } from 'graphql';
import { MessageTranslator } from '../../application/ports/message-translator';
import { GraphQLContext } from '../context';
import { isExpectedError } from './format-error';
import { REQUEST_LEVEL_CODES } from './request-errors';
import { DATABASE_UNAVAILABLE, retryAfter, SERVICE_UNAVAILABLE, Unavailability } from './unavailable';

type Params = Readonly<Record<string, unknown>>;

const TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS';

/**
 * Logs unexpected errors with the request id, and translates every error message into the
 * viewer's language by its `reason` (the English text stays when a key has no translation).
 * An outage of the database is logged once per request with its cause, and answered 503 with
 * Retry-After.
 */
export function errorTranslationPlugin(translator: MessageTranslator, unavailable?: Unavailability): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      let outageLogged = false;
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            const cause = unwrapResolverError(error);
            if (unavailable?.isCause(cause)) {
              if (!outageLogged) contextValue.logger.error({ err: cause, reason: DATABASE_UNAVAILABLE, path: error.path }, 'database unavailable');
              outageLogged = true;
            } else if (!isExpectedError(error)) {
              contextValue.logger.error({ err: error.originalError ?? error, path: error.path }, 'unexpected error');
            }
          }
        },
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const language = contextValue.language;
          response.body.singleResult.errors = joinInputProblems(
            response.body.singleResult.errors.map((e) => translate(e, translator, language, contextValue.requestId)),
          );
          if (unavailable && response.body.singleResult.errors.some((e) => e.extensions?.code === SERVICE_UNAVAILABLE)) {
            response.http.status = 503;
            for (const [name, value] of retryAfter(unavailable)) response.http.headers.set(name, value);
          } else {
            answerTooManyAttempts(response.body.singleResult.errors, response.http);
          }
        },
      };
    },
  };
}

/**
 * Too many attempts (a throttled login) is answered as the HTTP rate limit answers: 429 with
 * Retry-After, the longest wait when there are several.
 */
function answerTooManyAttempts(errors: readonly GraphQLFormattedError[], http: { status?: number; headers: Map<string, string> }): void {
  const waits = errors
    .filter((e) => e.extensions?.code === TOO_MANY_REQUESTS)
    .map((e) => e.extensions?.retryAfterSeconds)
    .filter((s): s is number => typeof s === 'number');
  if (waits.length === 0) return;
  http.status = 429;
  http.headers.set('retry-after', String(Math.max(...waits)));
}

function translate(
  error: GraphQLFormattedError,
  translator: MessageTranslator,
  language: string,
  requestId: string,
): GraphQLFormattedError {
  const extensions = { ...(error.extensions ?? {}) };
  const reason = typeof extensions.reason === 'string' ? extensions.reason : undefined;
  if (reason === 'INTERNAL_SERVER_ERROR' || extensions.code === SERVICE_UNAVAILABLE || REQUEST_LEVEL_CODES.has(String(extensions.code))) {
    extensions.requestId = requestId;
  }
  const params = { ...((extensions.params as Params | undefined) ?? {}), requestId };
  const message = (reason && textOf(translator, reason, params, language)) || error.message;
  if (Array.isArray(extensions.problems)) {
    extensions.problems = extensions.problems.map((p: { reason: string; params?: Params; message: string }) => ({
      ...p,
      message: textOf(translator, p.reason, p.params ?? {}, language) ?? p.message,
    }));
  }
  return { ...error, message, extensions };
}

/**
 * graphql-js refuses values in the wrong form (inline or in variables) before anything runs, one
 * error per value; the API's rule is one BAD_USER_INPUT listing every problem of the input
 * (docs/api.md, errors), so those are joined into the first of them. Errors of resolvers (with a
 * response path) and of other kinds stay as they are.
 */
export function joinInputProblems(errors: readonly GraphQLFormattedError[]): GraphQLFormattedError[] {
  const isInput = (e: GraphQLFormattedError) => e.path === undefined && e.extensions?.code === 'BAD_USER_INPUT' && Array.isArray(e.extensions.problems);
  const inputs = errors.filter(isInput);
  if (inputs.length < 2) return [...errors];
  const [first] = inputs;
  const joined: GraphQLFormattedError = {
    ...first,
    locations: inputs.flatMap((e) => e.locations ?? []),
    extensions: { ...first.extensions, problems: inputs.flatMap((e) => e.extensions!.problems as unknown[]) },
  };
  return errors.filter((e) => e === first || !isInput(e)).map((e) => (e === first ? joined : e));
}

/**
 * The `errors` namespace first; the engine's own reasons (a work day's blocks and breaks, a
 * schedule's rules) live in the `unravel` namespace.
 */
function textOf(translator: MessageTranslator, reason: string, params: Params, language: string): string | undefined {
  return translator.translate(reason, params, language) ?? translator.translate(`unravel:${reason}`, params, language);
}
