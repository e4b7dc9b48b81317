import { GraphQLFormattedError } from 'graphql';

/**
 * Errors of the request itself, which graphql-js and Apollo word in English with a code only: the
 * code stays (clients such as Apollo Client know it), and each gets a stable `reason` (the key of
 * its translated message) and the `params` its message is made of. `detail` is graphql-js's or
 * Apollo's own English sentence, kept because it names the schema's fields and the place in the
 * document. The translation plugin, or for Apollo's HTTP-level refusals the HTTP edge, words the
 * message in the requester's language and adds the request id.
 */
export const REQUEST_ERROR_REASONS = [
  'QUERY_SYNTAX_ERROR',
  'QUERY_INVALID',
  'OPERATION_NOT_FOUND',
  'CSRF_PREVENTED',
  'MUTATION_OVER_GET',
  'QUERY_MISSING',
  'BATCH_NOT_SUPPORTED',
  'REQUEST_INVALID',
] as const;
export type RequestErrorReason = (typeof REQUEST_ERROR_REASONS)[number];

/** Apollo's BAD_REQUEST messages by what they mean (@apollo/server 5: runHttpQuery, preventCsrf, httpBatching, requestPipeline). */
const BAD_REQUESTS: readonly [RegExp, RequestErrorReason][] = [
  [/Cross-Site Request Forgery/, 'CSRF_PREVENTED'],
  [/^GET requests only support query operations/, 'MUTATION_OVER_GET'],
  [/non-empty `query`|^POST body missing|^GraphQL queries must be strings/, 'QUERY_MISSING'],
  [/^Operation batching disabled|^No operations found in request/, 'BATCH_NOT_SUPPORTED'],
];

/** The reason and params of a request error with Apollo's or graphql-js's `code`; undefined for codes it does not know. */
export function requestErrorReason(code: string, message: string): { reason: string; params: Record<string, string> } | undefined {
  const detail = message.trim().slice(0, 500);
  switch (code) {
    case 'GRAPHQL_PARSE_FAILED':
      return { reason: 'QUERY_SYNTAX_ERROR', params: { detail } };
    case 'GRAPHQL_VALIDATION_FAILED':
      return { reason: 'QUERY_INVALID', params: { detail } };
    case 'OPERATION_RESOLUTION_FAILURE':
      return { reason: 'OPERATION_NOT_FOUND', params: { detail } };
    case 'PERSISTED_QUERY_NOT_FOUND':
    case 'PERSISTED_QUERY_NOT_SUPPORTED':
      return { reason: 'REQUEST_INVALID', params: { detail } };
    case 'BAD_REQUEST': {
      const known = BAD_REQUESTS.find(([pattern]) => pattern.test(message));
      return known ? { reason: known[1], params: {} } : { reason: 'REQUEST_INVALID', params: { detail } };
    }
    default:
      return undefined;
  }
}

/** formatError's answer for an error of the request: its code, with its reason and params when it has them. */
export function fromRequestError(formatted: GraphQLFormattedError, code: string): GraphQLFormattedError {
  const known = requestErrorReason(code, formatted.message);
  return {
    message: formatted.message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: known ? { code, reason: known.reason, params: known.params } : { code },
  };
}

/** Codes whose errors carry the request id, so that a report of one can be found in the log. */
export const REQUEST_LEVEL_CODES: ReadonlySet<string> = new Set([
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);
