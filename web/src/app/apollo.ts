import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { currentLanguageTag } from '../i18n/i18n';
import { typePolicies } from './cache-policies';
import { getToken, setSession } from './session';

/*
 * The portal's one Apollo Client: the documented cache policies (docs/front-end.md), the bearer
 * token from session.ts, the UI language as Accept-Language (messages before login come in it),
 * and a refused token (UNAUTHENTICATED) ending the session so that the login screen shows.
 */
export function createApolloClient(uri = '/graphql'): ApolloClient {
  const headers = new ApolloLink((operation, forward) => {
    const token = getToken();
    operation.setContext(({ headers: existing = {} }: { headers?: Record<string, string> }) => ({
      headers: {
        ...existing,
        'accept-language': currentLanguageTag(),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    }));
    return forward(operation);
  });
  const sessionEnded = new ErrorLink(({ error }) => {
    const unauthenticated =
      (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) ||
      (ServerError.is(error) && error.statusCode === 401);
    if (unauthenticated && getToken()) setSession(null);
  });
  return new ApolloClient({
    cache: new InMemoryCache({ typePolicies }),
    link: ApolloLink.from([sessionEnded, headers, new HttpLink({ uri })]),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
