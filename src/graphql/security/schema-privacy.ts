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
    return {
      ...result,
      message: strip(result.message),
      ...(result.extensions && Array.isArray(problems)
        ? { extensions: { ...result.extensions, problems: problems.map((p: { message: string }) => ({ ...p, message: strip(p.message) })) } }
        : {}),
    };
  };
}

function strip(message: string): string {
  return message.replace(SUGGESTION, '');
}
