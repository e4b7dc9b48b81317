import { ApolloServerPlugin } from '@apollo/server';
import { GraphQLFormattedError } from 'graphql';
import { Clock } from '../../application/ports/clock';
import { GraphQLContext } from '../context';
import { RequestRefusal, TIMEOUT } from '../errors/request-refusal';

export const EXECUTION_TIMEOUT = 'EXECUTION_TIMEOUT';

/** Below the top level, the deadline is looked at every this many fields. */
const CHECK_EVERY = 16;

/**
 * Every request gets a deadline when it arrives. Past it, no further top-level field is resolved,
 * and below one at most CHECK_EVERY - 1 more: a field is refused before its resolver starts, so
 * the work stops (an answer cut short while the resolvers ran on is what left the server
 * unresponsive for minutes). What has started finishes (a database call, a DataLoader batch).
 *
 * A mutation is stopped between its writes only: a top-level field that has started is a write
 * that will commit, so its payload is resolved in full. A later write does not start; as every
 * write's field is non-null, the answer's data is then null; an error names each write that did
 * not run by its path, and those before it are stored.
 *
 * The clock is the application's: tests stop or move time with it, and a frozen test clock never
 * times out on a slow machine.
 */
export function executionDeadlinePlugin(timeoutMs: number, clock: Clock): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      const deadline = clock.now().getTime() + timeoutMs;
      return {
        async executionDidStart({ operation, operationName, contextValue }) {
          // No operation when the document's cannot be picked (several, no operationName): graphql-js refuses it then.
          const mutation = operation?.operation === 'mutation';
          let logged = false;
          let nested = 0;
          return {
            willResolveField({ info }) {
              const topLevel = info.path.prev === undefined;
              if (mutation && !topLevel) return;
              // The clock is read for every top-level field and every CHECK_EVERY-th field below one:
              // reading it for each of an answer's hundreds of plain fields cost more than they did.
              if (!topLevel && ++nested % CHECK_EVERY !== 0) return;
              if (clock.now().getTime() <= deadline) return;
              if (!logged) contextValue.logger.warn({ timeoutMs, operationName, path: info.path.key }, 'execution stopped at its deadline');
              logged = true;
              throw new RequestRefusal(TIMEOUT, EXECUTION_TIMEOUT, { timeoutMs }, `The request took longer than ${timeoutMs} ms and was stopped`);
            },
          };
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = oncePerRootField(response.body.singleResult.errors);
        },
      };
    },
  };
}

/** Each field refused past the deadline reports it; the answer says it once for each top-level field. */
function oncePerRootField(errors: readonly GraphQLFormattedError[]): GraphQLFormattedError[] {
  const seen = new Set<string | number | undefined>();
  return errors.filter((e) => {
    if (e.extensions?.reason !== EXECUTION_TIMEOUT) return true;
    const root = e.path?.[0];
    if (seen.has(root)) return false;
    seen.add(root);
    return true;
  });
}
