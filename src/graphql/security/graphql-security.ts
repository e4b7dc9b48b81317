import { ApolloServerOptions, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { Clock } from '../../application/ports/clock';
import { GraphQLContext } from '../context';
import { executionDeadlinePlugin } from './execution-deadline.plugin';
import { QueryLimits, queryLimitRules } from './query-limits';
import { queryLimitsPlugin } from './query-limits.plugin';
import { withoutSuggestions } from './schema-privacy';

/** How the GraphQL endpoint defends itself (from the configuration). */
export interface GraphqlSecurity {
  readonly limits: QueryLimits;
  /** From a request's arrival; past it no further field is resolved. */
  readonly executionTimeoutMs: number;
  /** NODE_ENV=production: no landing page. */
  readonly production: boolean;
  /** Introspection, and the "Did you mean …?" suggestions in errors that name the schema's fields. */
  readonly introspection: boolean;
}

type FormatError = NonNullable<ApolloServerOptions<GraphQLContext>['formatError']>;

/** The parts of Apollo's configuration that the security settings decide. */
export function apolloSecurity(security: GraphqlSecurity, clock: Clock, formatError: FormatError) {
  const plugins: ApolloServerPlugin<GraphQLContext>[] = [
    queryLimitsPlugin(security.limits),
    executionDeadlinePlugin(security.executionTimeoutMs, clock),
  ];
  // Outside production Apollo serves its local landing page (Sandbox, loaded from its CDN) to browsers.
  if (security.production) plugins.push(ApolloServerPluginLandingPageDisabled());
  return {
    nodeEnv: security.production ? 'production' : 'development',
    introspection: security.introspection,
    parseOptions: { maxTokens: security.limits.maxTokens },
    validationRules: queryLimitRules(security.limits),
    formatError: security.introspection ? formatError : withoutSuggestions(formatError),
    plugins,
  };
}
