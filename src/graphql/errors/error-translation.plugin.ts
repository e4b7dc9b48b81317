import { ApolloServerPlugin } from '@apollo/server';
import { GraphQLFormattedError } from 'graphql';
import { MessageTranslator } from '../../application/ports/message-translator';
import { GraphQLContext } from '../context';
import { isExpectedError } from './format-error';

type Params = Readonly<Record<string, unknown>>;

/**
 * Logs unexpected errors with the request id, and translates every error message into the
 * viewer's language by its `reason` (the English text stays when a key has no translation).
 */
export function errorTranslationPlugin(translator: MessageTranslator): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            if (!isExpectedError(error)) {
              contextValue.logger.error({ err: error.originalError ?? error, path: error.path }, 'unexpected error');
            }
          }
        },
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const language = contextValue.language;
          response.body.singleResult.errors = response.body.singleResult.errors.map((e) =>
            translate(e, translator, language, contextValue.requestId),
          );
        },
      };
    },
  };
}

function translate(
  error: GraphQLFormattedError,
  translator: MessageTranslator,
  language: string,
  requestId: string,
): GraphQLFormattedError {
  const extensions = { ...(error.extensions ?? {}) };
  const reason = typeof extensions.reason === 'string' ? extensions.reason : undefined;
  if (reason === 'INTERNAL_SERVER_ERROR') extensions.requestId = requestId;
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
 * The `errors` namespace first; the engine's own reasons (a work day's blocks and breaks, a
 * schedule's rules) live in the `unravel` namespace.
 */
function textOf(translator: MessageTranslator, reason: string, params: Params, language: string): string | undefined {
  return translator.translate(reason, params, language) ?? translator.translate(`unravel:${reason}`, params, language);
}
