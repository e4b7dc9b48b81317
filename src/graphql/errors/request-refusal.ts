import { GraphQLError, GraphQLFormattedError, Lexer, Source, TokenKind } from 'graphql';

/** `extensions.code` of a request refused for what it asks, before anything ran (HTTP 400). */
export const BAD_REQUEST = 'BAD_REQUEST';
/** `extensions.code` of a request that ran past its deadline and was stopped. */
export const TIMEOUT = 'TIMEOUT';

export type RefusalParams = Readonly<Record<string, string | number>>;

/**
 * A request the server will not run (too deep, too costly, …) or stopped (past its deadline), with
 * a stable `reason` and the `params` its message is made of (the limit and what was measured).
 * Apollo wraps a refusal that a validation rule reports as GRAPHQL_VALIDATION_FAILED; formatError
 * finds it again and answers with its own code.
 */
export class RequestRefusal extends GraphQLError {
  constructor(
    readonly code: string,
    readonly reason: string,
    readonly params: RefusalParams,
    message: string,
    options: { status?: number; nodes?: GraphQLError['nodes'] } = {},
  ) {
    super(message, {
      nodes: options.nodes,
      extensions: { code, reason, params, ...(options.status ? { http: { status: options.status, headers: new Map() } } : {}) },
    });
  }
}

export function findRefusal(error: unknown): RequestRefusal | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof RequestRefusal) return current;
    current = current instanceof GraphQLError ? current.originalError : undefined;
  }
  return undefined;
}

/** graphql-js stops parsing at `parseOptions.maxTokens` with a syntax error of this wording (16.x). */
const TOKEN_LIMIT = /^Syntax Error: Document contains more th(?:at|an) (\d+) tokens\. Parsing aborted\.$/;

/**
 * The parser's own token limit (the cheapest refusal: it stops reading at the limit) as a
 * TOO_MANY_TOKENS refusal. `actual` is counted on the refused request only, and only up to ten
 * times the limit: reading all of a 2 MB flood would cost what the limit saves.
 */
export function tokenLimitRefusal(error: unknown): RequestRefusal | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof GraphQLError; depth++) {
    const match = TOKEN_LIMIT.exec(current.message);
    if (match && current.source) {
      const max = Number(match[1]);
      const actual = countTokens(current.source, max * TOKEN_COUNT_CAP);
      return new RequestRefusal(BAD_REQUEST, 'TOO_MANY_TOKENS', { max, actual }, `The query is too long: at most ${max} tokens are allowed`);
    }
    current = current.originalError;
  }
  return undefined;
}

export const TOKEN_COUNT_CAP = 10;

/** Tokens as graphql-js counts them (comments and the end are not tokens), up to `cap`; a lexing error ends the count. */
export function countTokens(source: Source | string, cap = Number.POSITIVE_INFINITY): number {
  const lexer = new Lexer(typeof source === 'string' ? new Source(source) : source);
  let count = 0;
  try {
    while (count < cap && lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    // A lexing error past the limit: what was counted up to it is what the parser would have read.
  }
  return count;
}

export function fromRefusal(formatted: GraphQLFormattedError, refusal: RequestRefusal): GraphQLFormattedError {
  return {
    message: refusal.message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: refusal.code, reason: refusal.reason, params: refusal.params },
  };
}
