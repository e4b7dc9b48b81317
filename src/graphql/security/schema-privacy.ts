import { GraphQLFormattedError } from 'graphql';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** graphql-js ends a message with the names it finds close: `Did you mean "first"?`, `… the enum value "APPROVED"?`. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * With introspection off, the names of the schema stay private in every error too: validation's
 * (an unknown field or argument), a refused variable's (an unknown enum value or input field),
 * and each problem's.
 */
export function withoutSuggestions(format: FormatError): FormatError {
  return (formatted, error) => {
    const result = format(formatted, error);
    const problems = result.extensions?.problems;
    const params = result.extensions?.params as Record<string, unknown> | undefined;
    return {
      ...result,
      message: strip(result.message),
      ...(result.extensions
        ? {
            extensions: {
              ...result.extensions,
              // A request error's `detail` (graphql-js's own sentence) is worded into the translated message.
              ...(params ? { params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? strip(v) : v])) } : {}),
              ...(Array.isArray(problems) ? { problems: problems.map((p: { message: string }) => ({ ...p, message: strip(p.message) })) } : {}),
            },
          }
        : {}),
    };
  };
}

function strip(message: string): string {
  return message.replace(SUGGESTION, '');
}
