import { ApolloServerPlugin } from '@apollo/server';
import { FragmentDefinitionNode, Kind } from 'graphql';
import { GraphQLContext } from '../context';
import { BAD_REQUEST, findRefusal, RequestRefusal } from '../errors/request-refusal';
import { queryCost } from './query-cost';
import { QueryLimits } from './query-limits';

/**
 * The limits that need more than the document: the cost, which reads `first` from the variables,
 * is weighed once the operation is known and before anything runs. And a document refused by a
 * limit is answered with that refusal alone: the other validation errors of a flood (ten unknown
 * directives, a thousand unknown fields) would only repeat it at length.
 */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async validationDidStart() {
          return async (errors) => {
            if (!errors?.some((e) => findRefusal(e))) return;
            // Apollo answers with this very array once its hooks have seen it (Apollo's own
            // suggestion remover edits the errors in it the same way); done before any await.
            const list = errors as Error[];
            const refusals = list.filter((e) => findRefusal(e));
            list.splice(0, list.length, ...refusals);
          };
        },
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
          const cost = queryCost(schema, operation, fragments, request.variables ?? {});
          if (cost > limits.maxCost) {
            const params = { max: limits.maxCost, actual: cost };
            throw new RequestRefusal(BAD_REQUEST, 'QUERY_TOO_COSTLY', params, `The query could return up to ${cost} fields; at most ${limits.maxCost} are allowed`, { status: 400 });
          }
        },
      };
    },
  };
}
