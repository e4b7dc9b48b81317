import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import { BAD_REQUEST, RequestRefusal } from '../errors/request-refusal';

/** What a document may ask for before anything runs. */
export interface QueryLimits {
  /** Nested field levels (`{ viewer { id } }` is 2). */
  readonly maxDepth: number;
  /** Aliased fields in the operation, `__typename` included. */
  readonly maxAliases: number;
  /** Directives in the operation (`@include`, `@skip`, unknown ones). */
  readonly maxDirectives: number;
  /** Lexical tokens of the document; the parser stops reading past it. */
  readonly maxTokens: number;
  /** The most fields the answer could hold (see query-cost.ts). */
  readonly maxCost: number;
}

type ArmorConfig = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>;

/**
 * Depth, aliases and directives, counted by graphql-armor's validation rules; each refusal comes
 * back as a RequestRefusal with the limit and the measured value. Armor's token and cost rules
 * and its suggestion masking are not used: the parser's own token limit stops reading earlier,
 * armor's cost ignores variables and list bounds (see query-cost.ts), and suggestions are hidden
 * from every error, not only validation's (schema-privacy.ts).
 */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  const config: ArmorConfig = {
    // Levels of fields only: a fragment spread or inline fragment is not a level (a front end's
    // fragments would otherwise cost it depth it does not use); the fields inside them count.
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ...refuseAs('QUERY_TOO_DEEP', 'levels of fields') },
    // graphql-cop's alias probe aliases __typename, so it is counted like any other field.
    maxAliases: { n: limits.maxAliases, allowList: [], ...refuseAs('TOO_MANY_ALIASES', 'aliases') },
    maxDirectives: { n: limits.maxDirectives, ...refuseAs('TOO_MANY_DIRECTIVES', 'directives') },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  };
  return new ApolloArmor(config).protect().validationRules;
}

/** Armor words its refusal `… limit of N exceeded, found M.` (with exposeLimits, its default). */
const MEASURED = /limit of (\d+) exceeded, found (\d+)/;

function refuseAs(reason: string, what: string) {
  return {
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const measured = MEASURED.exec(error.message);
        const [max, actual] = measured ? [Number(measured[1]), Number(measured[2])] : [Number.NaN, Number.NaN];
        const message = `The query has ${actual} ${what}; at most ${max} are allowed`;
        context?.reportError(new RequestRefusal(BAD_REQUEST, reason, { max, actual }, message, { status: 400 }));
      },
    ],
  };
}
