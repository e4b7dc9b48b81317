import './apollo-dev-mode';
import { ApolloClient, DocumentNode, HttpLink, InMemoryCache, OperationVariables } from '@apollo/client';
import { format } from 'node:util';
import { print } from 'graphql';
import { TestApp } from '../support/test-app';
import { createCache } from '../../web/src/app/cache-policies';

/*
 * One person's front end: an Apollo Client with its own cache (the documented policies) and its
 * own token, talking HTTP to the real server; and the checks every step of the story makes on
 * that cache.
 */

export interface Person {
  readonly name: string;
  readonly token: string;
  readonly client: ApolloClient;
  readonly cache: InMemoryCache;
}

export function personClient(t: TestApp, name: string, token: string): Person {
  const cache = createCache();
  const client = new ApolloClient({
    cache,
    link: new HttpLink({ uri: t.url, headers: { authorization: `Bearer ${token}` } }),
    // As a front end: every read goes to the cache first; a list another person changed is refetched on purpose.
    defaultOptions: { query: { fetchPolicy: 'cache-first' }, watchQuery: { fetchPolicy: 'cache-first' } },
  });
  return { name, token, client, cache };
}

/** What the person's screen shows for this query from the cache alone (fails when something is missing). */
export function fromCache<T>(person: Person, query: DocumentNode, variables?: OperationVariables): T {
  const data = person.client.readQuery<T>({ query, variables });
  if (data === null) throw new Error(`${person.name}: the cache cannot answer ${operationName(query)} ${JSON.stringify(variables ?? {})} by itself`);
  return data;
}

/**
 * The cache answers the query exactly as the server would answer it now: no stale list entry,
 * no old status, nothing of another week. `serverVariables` ask the server for the whole list
 * where the cache holds several pages of it.
 */
export async function expectCacheIsServer(
  t: TestApp,
  person: Person,
  query: DocumentNode,
  variables?: OperationVariables,
  serverVariables?: OperationVariables,
): Promise<void> {
  const cached = fromCache<unknown>(person, query, variables);
  const response = await t.gql(print(person.cache.transformDocument(query)), serverVariables ?? variables ?? {}, { token: person.token });
  if (response.body.errors) throw new Error(`${person.name}: ${operationName(query)}: ${JSON.stringify(response.body.errors)}`);
  expect({ [operationName(query)]: cached }).toEqual({ [operationName(query)]: response.body.data });
}

function operationName(query: DocumentNode): string {
  for (const definition of query.definitions) {
    if (definition.kind === 'OperationDefinition') return definition.name?.value ?? 'anonymous';
  }
  return 'anonymous';
}

/** The cache's stored entities of a type, by id, as `cache.extract()` holds them. */
export function entitiesOf(person: Person, typename: string): Map<string, Record<string, unknown>> {
  const entities = new Map<string, Record<string, unknown>>();
  for (const [key, value] of Object.entries(person.cache.extract() as Record<string, Record<string, unknown>>)) {
    if (key.startsWith(`${typename}:`)) entities.set(String(value.id ?? key.slice(typename.length + 1)), value);
  }
  return entities;
}

/** The stored values of a root field, one per keyArgs variant (`openTimesheets:{"placementId":null}` …). */
export function rootFieldVariants(person: Person, fieldName: string): string[] {
  const root = (person.cache.extract() as Record<string, Record<string, unknown>>).ROOT_QUERY ?? {};
  return Object.keys(root).filter((key) => key === fieldName || key.startsWith(`${fieldName}:`) || key.startsWith(`${fieldName}(`));
}

/** Everything Apollo writes to console.warn and console.error while the suite runs. */
export class ConsoleCapture {
  private readonly seen: string[] = [];
  private spies: jest.SpyInstance[] = [];

  start(): void {
    const keep = (...args: unknown[]) => {
      this.seen.push(format(...args)); // Apollo passes printf-style arguments ("replacing the %s field")
    };
    this.spies = [jest.spyOn(console, 'warn').mockImplementation(keep), jest.spyOn(console, 'error').mockImplementation(keep)];
  }

  stop(): void {
    for (const spy of this.spies) spy.mockRestore();
  }

  /** What was written since the last call. */
  take(): string[] {
    return this.seen.splice(0, this.seen.length);
  }
}
