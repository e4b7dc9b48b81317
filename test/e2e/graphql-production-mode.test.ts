import { startTestApp, TestApp } from '../support/test-app';

/*
 * Issue 8, item 6: with NODE_ENV=production the schema stays private (no introspection, no "Did
 * you mean …?" in any error) unless GRAPHQL_INTROSPECTION=true, and there is no landing page.
 * Outside production both stay on for developers. The last test sends the probes graphql-cop
 * sends (dolevf/graphql-cop, lib/tests) and checks each finds nothing.
 */

const INTROSPECTION = 'query cop { __schema { types { name fields { name } } } }';
const MISSPELT_FIELD = '{ viewr { id } }';
const SUGGESTION = /Did you mean/;
/** What Apollo's landing pages load: scripts, from its CDN, for its Sandbox or Explorer. */
const LANDING_PAGE = /<script|embeddable|landing-page/i;

describe('GraphQL in production mode', () => {
  let production: TestApp;
  let introspective: TestApp;
  let development: TestApp;

  beforeAll(async () => {
    production = await startTestApp({ env: { NODE_ENV: 'production' } });
    introspective = await startTestApp({ env: { NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' } });
    development = await startTestApp({ env: { NODE_ENV: 'development' } });
  });
  afterAll(async () => {
    await Promise.all([production, introspective, development].map((t) => t?.stop()));
  });

  it('refuses introspection, unless GRAPHQL_INTROSPECTION=true; outside production it is on', async () => {
    const refused = await production.gql(INTROSPECTION);
    expect(refused.status).toBe(400);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(refused.body.errors?.[0].message).toMatch(/introspection/i);

    for (const t of [introspective, development]) {
      const answered = await t.gql<{ __schema: { types: { name: string }[] } }>(INTROSPECTION);
      expect(answered.body.errors).toBeUndefined();
      expect(answered.body.data?.__schema.types.map((type) => type.name)).toEqual(expect.arrayContaining(['Timesheet', 'Declaration']));
    }
  });

  it('names no field, argument, input field or enum value of the schema in its errors', async () => {
    const cases: [string, object | undefined][] = [
      [MISSPELT_FIELD, undefined],
      ['{ timesheets(fist: 5) { nodes { id } } }', undefined],
      ['{ timesheets(filter: { stauses: [OPEN] }) { nodes { id } } }', undefined],
      ['{ timesheets(filter: { statuses: [OPN] }) { nodes { id } } }', undefined],
      ['query cop { __schema { directive } }', undefined],
    ];
    for (const [query, variables] of cases) {
      const hidden = await production.gql(query, variables);
      const shown = await introspective.gql(query, variables);
      const texts = (r: typeof hidden) => JSON.stringify(r.body.errors);
      expect({ query, errors: hidden.body.errors?.length }).toEqual({ query, errors: expect.any(Number) });
      expect({ query, hidden: texts(hidden) }).toEqual({ query, hidden: expect.not.stringMatching(SUGGESTION) });
      // The same request names them where introspection is on: the check above can fail.
      expect({ query, shown: texts(shown) }).toEqual({ query, shown: expect.stringMatching(SUGGESTION) });
    }
    const field = await production.gql(MISSPELT_FIELD);
    // Worded in the server's default language (Dutch) around graphql-js's own sentence, with its suggestion cut off.
    expect(field.body.errors?.[0].message).toBe('De GraphQL-query past niet bij het schema van de API: Cannot query field "viewr" on type "Query".');
    expect(field.body.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_INVALID', params: { detail: 'Cannot query field "viewr" on type "Query".' } });
  });

  it('serves no landing page; outside production Apollo serves its own', async () => {
    const asBrowser = { headers: { accept: 'text/html' } };
    for (const url of [production.url, production.baseUrl + '/']) {
      const response = await fetch(url, asBrowser);
      const body = await response.text();
      expect({ url, landingPage: LANDING_PAGE.test(body) }).toEqual({ url, landingPage: false });
    }
    const landing = await fetch(development.url, asBrowser);
    expect(landing.status).toBe(200);
    expect(landing.headers.get('content-type')).toMatch(/text\/html/);
    expect(await landing.text()).toMatch(LANDING_PAGE);
  });

  it('gives graphql-cop nothing to report', async () => {
    const url = production.url;
    const post = (body: unknown) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => ({
        status: r.status,
        json: JSON.parse(await r.text()),
      }));
    const get = (query?: string) => fetch(query === undefined ? url : `${url}?${new URLSearchParams({ query })}`).then((r) => r.text());
    const cop = (query: string) => post({ query, operationName: 'cop' });
    const aliases = Array.from({ length: 101 }, (_, i) => `alias${i}:__typename \n`).join('');
    const page = await fetch(url, { headers: { accept: 'text/html' } }).then((r) => r.text());

    const findings = {
      aliasOverloading: (await cop(`query cop { ${aliases} }`)).json.data?.alias100 !== undefined,
      batchQueries: [(await post(Array(10).fill({ query: 'query cop { __typename }' }))).json].flat().length >= 10,
      directiveOverloading: (await cop('query cop { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }')).json.errors?.length === 10,
      fieldSuggestions: SUGGESTION.test((await cop('query cop { __schema { directive } }')).json.errors?.[0]?.message ?? ''),
      introspection: Boolean((await cop(INTROSPECTION)).json.data?.__schema?.types),
      circularIntrospection:
        ((await cop('query cop { __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }')).json.data?.__schema?.types
          ?.length ?? 0) > 25,
      traceMode: JSON.stringify((await cop('query cop { __typename }')).json).toLowerCase().includes('"tracing"'),
      unhandledErrors: JSON.stringify((await cop('qwerty cop { abc }')).json).toLowerCase().includes('"exception"'),
      getQueries: /"__typename"/.test(await get('query cop {__typename}')),
      getMutations: /"__typename"/.test(await get('mutation cop {__typename}')),
      graphiql: ['graphiql.min.css', 'GraphQL Playground', 'GraphiQL', 'graphql-playground'].some((word) => page.includes(word)),
      postFormCsrf: /"__typename"/.test(
        await fetch(url, { method: 'POST', body: new URLSearchParams({ query: 'query cop { __typename }' }) }).then((r) => r.text()),
      ),
    };
    expect(findings).toEqual(Object.fromEntries(Object.keys(findings).map((k) => [k, false])));
  });
});
