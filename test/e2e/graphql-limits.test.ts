import 'reflect-metadata';
import path from 'node:path';
import { FragmentDefinitionNode, getNamedType, getNullableType, isLeafType, isListType, isObjectType, Kind, OperationDefinitionNode, parse, validate } from 'graphql';
import { countTokens } from '../../src/graphql/errors/request-refusal';
import { IdentityResolver } from '../../src/graphql/identity/identity.resolver';
import { OrganisationResolver } from '../../src/graphql/organisation/organisation.resolver';
import { LIST_BOUNDS, queryCost } from '../../src/graphql/security/query-cost';
import { queryLimitRules } from '../../src/graphql/security/query-limits';
import { loadConfig } from '../../src/infrastructure/config/config';
import { createAgencyWithStaff, startTestApp, TestAgency, TestApp, TravelClock, unique } from '../support/test-app';
import { loadSchema, readApiDoc } from './api-doc-examples-helpers';
import { dataOf, expectMessageIn } from './e2e-helpers';
import { aliases, declarationsCycle, expectRefusal, ResolverCalls, spyOnResolvers } from './graphql-limits-helpers';

/*
 * Issue 8, items 1 and 2: a document is weighed before anything runs (depth, aliases, directives,
 * tokens, cost), and a request past its deadline resolves no further field. "Refused before any
 * resolver ran" is checked by counting resolver calls, the deterministic stand-in for "in under
 * 100 ms with memory flat" (bench/graphql-limits.bench.ts measures those).
 */

const ROOT = path.resolve(__dirname, '..', '..');
const LIMITS = loadConfig({}).graphqlLimits;
const NO_ID = '00000000-0000-4000-8000-000000000000';
const TIMEOUT_MS = 1000;

describe('GraphQL limits, before execution', () => {
  let t: TestApp;
  let agency: TestAgency;
  let resolvers: ResolverCalls;

  beforeAll(async () => {
    t = await startTestApp({ env: { GRAPHQL_EXECUTION_TIMEOUT_MS: String(TIMEOUT_MS) } });
    agency = await createAgencyWithStaff(t);
    resolvers = spyOnResolvers();
  });
  afterAll(async () => {
    resolvers?.restore();
    await t?.stop();
  });
  beforeEach(() => resolvers.reset());

  const staff = (query: string, variables?: object) => t.gql(query, variables, { token: agency.staffToken });

  it('has the documented defaults', () => {
    expect(LIMITS).toEqual({ maxDepth: 10, maxAliases: 30, maxDirectives: 8, maxTokens: 1000, maxCost: 500_000 });
  });

  it('refuses depth 50 as QUERY_TOO_DEEP, and no resolver runs; depth 10 runs', async () => {
    const refused = expectRefusal(await staff(declarationsCycle(50), { id: NO_ID }), 'QUERY_TOO_DEEP', LIMITS.maxDepth);
    expect(refused.extensions.params).toEqual({ max: 10, actual: 50 });
    expect(resolvers.total()).toBe(0);

    expectRefusal(await staff(declarationsCycle(11), { id: NO_ID }), 'QUERY_TOO_DEEP', LIMITS.maxDepth);
    const within = await staff(declarationsCycle(10), { id: NO_ID });
    expect(within.body.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(resolvers.counts()).toEqual({ 'TimesheetResolver.timesheet': 1 });
  });

  it('counts levels of fields, not fragments: the same depth written with nested fragments runs, one level more is refused', async () => {
    // timesheet > declarations > timesheet > … (10 levels of fields) through three fragment spreads and an inline fragment.
    const withFragments = (depth: number) => {
      const flat = declarationsCycle(depth);
      const body = flat.slice(flat.indexOf('timesheet(id: $id) {') + 'timesheet(id: $id) {'.length, flat.lastIndexOf('}')).trim().slice(0, -1).trim();
      return `query ($id: ID!) { timesheet(id: $id) { ...A } } fragment A on Timesheet { ... on Timesheet { ...B } } fragment B on Timesheet { ...C } fragment C on Timesheet { ${body} }`;
    };
    const within = await staff(withFragments(10), { id: NO_ID });
    expect(within.body.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const refused = expectRefusal(await staff(withFragments(11), { id: NO_ID }), 'QUERY_TOO_DEEP', LIMITS.maxDepth);
    expect(refused.extensions.params).toEqual({ max: 10, actual: 11 });
  });

  it('refuses the declarations cycle of the issue (depth 34) and, within the depth, once it multiplies past the cost', async () => {
    expectRefusal(await staff(declarationsCycle(34), { id: NO_ID }), 'QUERY_TOO_DEEP', LIMITS.maxDepth);
    const cycle = 'timesheets(first: 500) { nodes { declarations { timesheet { declarations { timesheet { declarations { id } } } } } } }';
    const costly = expectRefusal(await staff(`{ ${cycle} }`), 'QUERY_TOO_COSTLY', LIMITS.maxCost);
    // 1 connection + 500 × (timesheet 1 + 10 declarations × (1 + timesheet 1 + 10 × (1 + 1 + 10)))
    expect(costly.extensions.params).toEqual({ max: 500_000, actual: 1 + 500 * (1 + 10 * (1 + 1 + 10 * (1 + 1 + 10))) });
    expect(resolvers.total()).toBe(0);
  });

  it('weighs `first` from the variables: a page of 500 is refused where a page of 20 runs', async () => {
    const query = `query ($n: Int) { timesheets(first: $n) { nodes { declarations { timesheet { declarations { timesheet { declarations { id } } } } } } } }`;
    expectRefusal(await staff(query, { n: 500 }), 'QUERY_TOO_COSTLY', LIMITS.maxCost);
    expect(resolvers.total()).toBe(0);
    expect(dataOf(await staff(query, { n: 20 }))).toEqual({ timesheets: { nodes: [] } });
    expect(resolvers.counts()).toEqual({ 'TimesheetResolver.timesheets': 1 });
  });

  it('refuses 10,000 aliases (209 KB) at the token limit, the parser stopping at the 1,001st token; in Dutch for a Dutch browser', async () => {
    const flood = aliases(10_000, 'viewer { id }');
    expect(flood.length).toBeGreaterThan(200_000);
    const response = await t.gql(flood, undefined, { token: agency.staffToken, headers: { 'accept-language': 'nl' } });
    // A staff member's own language (en) wins over the browser's; anonymous requests are checked below.
    const error = expectRefusal(response, 'TOO_MANY_TOKENS', LIMITS.maxTokens);
    // The count stops at ten times the limit: reading the whole flood would cost what the limit saves.
    expect(error.extensions.params).toEqual({ max: 1000, actual: 10_000 });
    expect(resolvers.total()).toBe(0);

    const anonymous = await t.gql(flood, undefined, { headers: { 'accept-language': 'nl' } });
    const dutch = expectRefusal(anonymous, 'TOO_MANY_TOKENS', LIMITS.maxTokens, 'nl');
    expect(dutch.message).toBe('Deze query is te lang: hoogstens 1000 tokens (namen, waarden en leestekens) zijn toegestaan.');
  });

  it('refuses a token flood with the exact count, and runs a document of exactly the limit', async () => {
    // The same field again and again is one field to GraphQL, but every name is a token to read.
    // (graphql-js itself gives up comparing about a thousand copies in one selection: split in two.)
    const repeated = (count: number) => {
      const half = Math.floor(count / 2);
      return `{ viewer { ${'id '.repeat(half)}} agency { ${'id '.repeat(count - half)}} }`;
    };
    const base = countTokens(repeated(0));
    const flood = expectRefusal(await staff(repeated(2000)), 'TOO_MANY_TOKENS', LIMITS.maxTokens);
    expect(flood.extensions.params).toEqual({ max: 1000, actual: base + 2000 });
    expectRefusal(await staff(repeated(LIMITS.maxTokens - base + 1)), 'TOO_MANY_TOKENS', LIMITS.maxTokens);
    expect(resolvers.total()).toBe(0);

    expect(countTokens(repeated(LIMITS.maxTokens - base))).toBe(LIMITS.maxTokens);
    expect(dataOf(await staff(repeated(LIMITS.maxTokens - base)))).toEqual({ viewer: { id: agency.staff.id }, agency: { id: agency.agencyId } });
    expect(resolvers.counts()).toEqual({ 'IdentityResolver.viewer': 1, 'OrganisationResolver.agency': 1 });
  });

  it('refuses more than 30 aliases (graphql-cop aliases __typename 101 times), and runs 30', async () => {
    const probe = expectRefusal(await staff(aliases(101, '__typename')), 'TOO_MANY_ALIASES', LIMITS.maxAliases);
    expect(probe.extensions.params).toEqual({ max: 30, actual: 101 });
    expectRefusal(await staff(aliases(31, 'viewer { id }')), 'TOO_MANY_ALIASES', LIMITS.maxAliases);
    expect(resolvers.total()).toBe(0);
    const thirty = dataOf(await staff(aliases(30, 'viewer { id }')));
    expect(Object.keys(thirty)).toHaveLength(30);
    expect(resolvers.counts()).toEqual({ 'IdentityResolver.viewer': 30 });
  });

  it('refuses many directives with that one error (not one per unknown directive), and runs 8', async () => {
    const overload = await staff(`query cop { __typename ${'@aa'.repeat(50)} }`);
    const error = expectRefusal(overload, 'TOO_MANY_DIRECTIVES', LIMITS.maxDirectives);
    expect(error.extensions.params).toEqual({ max: 8, actual: 50 });
    const fields = ['id', 'role', 'displayName', 'language', 'agencyId', 'agencyName', 'email', 'enabledTabs', 'flexworkerId'];
    const included = (count: number) => `{ viewer { ${fields.slice(0, count).map((f) => `${f} @include(if: true)`).join(' ')} } }`;
    expectRefusal(await staff(included(9)), 'TOO_MANY_DIRECTIVES', LIMITS.maxDirectives);
    expect(resolvers.total()).toBe(0);
    expect(Object.keys(dataOf(await staff(included(8))).viewer as object)).toHaveLength(8);
  });

  it('words each refusal in the language of an anonymous Dutch or German browser', async () => {
    const dutch = { headers: { 'accept-language': 'nl' } };
    expectRefusal(await t.gql(declarationsCycle(50), { id: NO_ID }, dutch), 'QUERY_TOO_DEEP', LIMITS.maxDepth, 'nl');
    expectRefusal(await t.gql(aliases(31, '__typename'), undefined, dutch), 'TOO_MANY_ALIASES', LIMITS.maxAliases, 'nl');
    const german = await t.gql('{ timesheets(first: 500) { nodes { declarations { timesheet { declarations { timesheet { declarations { id } } } } } } } }', undefined, {
      headers: { 'accept-language': 'de' },
    });
    const error = expectRefusal(german, 'QUERY_TOO_COSTLY', LIMITS.maxCost, 'de');
    expect(error.message).toMatch(/^Diese Abfrage könnte bis zu 610501 Objekte liefern; erlaubt sind höchstens 500000\./);
    expect(resolvers.total()).toBe(0);
  });
});

describe('GraphQL execution past its deadline', () => {
  const clock = new TravelClock(new Date());
  let t: TestApp;
  let agency: TestAgency;

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { GRAPHQL_EXECUTION_TIMEOUT_MS: String(TIMEOUT_MS) } });
    agency = await createAgencyWithStaff(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** Makes each call of a resolver take `ms` on the test clock, as a slow one would. */
  function slow<T extends object>(proto: T, method: keyof T & string, ms: number): jest.SpyInstance {
    const original = proto[method] as unknown as (...args: unknown[]) => unknown;
    return jest.spyOn(proto, method as never).mockImplementation(function (this: unknown, ...args: unknown[]) {
      clock.advance(ms);
      return original.apply(this, args);
    } as never);
  }

  it('resolves no further field once the deadline has passed, and says so, translated', async () => {
    const query = aliases(30, 'viewer { id displayName }');
    const viewer = jest.spyOn(IdentityResolver.prototype, 'viewer');
    expect(Object.keys(dataOf(await t.gql(query, undefined, { token: agency.staffToken })))).toHaveLength(30);
    expect(viewer).toHaveBeenCalledTimes(30);
    viewer.mockRestore();

    // Each viewer now takes 0.3 of the budget: the 4th starts at 0.9 of it, the 5th would start at 1.2.
    const slowViewer = slow(IdentityResolver.prototype, 'viewer', 0.3 * TIMEOUT_MS);
    let response;
    try {
      response = await t.gql(query, undefined, { token: agency.staffToken });
      expect(slowViewer).toHaveBeenCalledTimes(4);
    } finally {
      slowViewer.mockRestore();
    }
    // a4 is refused; its field is non-null, so GraphQL answers null data and runs none of a5 … a29.
    expect(response.status).toBe(200);
    expect(response.body.data).toBeNull();
    expect(response.body.errors).toHaveLength(1);
    const error = response.body.errors![0];
    expect(error.path).toEqual(['a4']);
    expect(error.extensions).toEqual({ code: 'TIMEOUT', reason: 'EXECUTION_TIMEOUT', params: { timeoutMs: TIMEOUT_MS } });
    expectMessageIn(error, 'en');
    expect(error.message).toBe(`This request took longer than ${TIMEOUT_MS} ms and was stopped. Ask for less at a time, or try again later.`);
  });

  it('lets a mutation that has started finish, and starts no further one', async () => {
    const alone = unique('Slow');
    const first = unique('Written');
    const second = unique('Never');
    const createRelation = slow(OrganisationResolver.prototype, 'createRelation', 2 * TIMEOUT_MS);
    try {
      // One slow write: stored, and its payload answered in full although the deadline passed meanwhile.
      const single = await t.gql(`mutation { createRelation(input: { name: "${alone}" }) { relation { id name active version } } }`, undefined, { token: agency.staffToken });
      expect(dataOf(single)).toEqual({ createRelation: { relation: { id: expect.any(String), name: alone, active: true, version: 1 } } });

      const response = await t.gql(
        `mutation { a: createRelation(input: { name: "${first}" }) { relation { id } } b: createRelation(input: { name: "${second}" }) { relation { id } } }`,
        undefined,
        { token: agency.staffToken },
      );
      expect(createRelation).toHaveBeenCalledTimes(2);
      // b's field is non-null, so the data is null; the error says b did not run, a was written.
      expect(response.body.data).toBeNull();
      expect(response.body.errors?.map((e) => [e.path, e.extensions.reason])).toEqual([[['b'], 'EXECUTION_TIMEOUT']]);
    } finally {
      createRelation.mockRestore();
    }
    const names = await t.gql<{ relations: { nodes: { name: string }[] } }>('{ relations(first: 100) { nodes { name } } }', undefined, { token: agency.staffToken });
    expect(dataOf(names).relations.nodes.map((r) => r.name).sort()).toEqual([alone, first].sort());
  });
});

describe('the limits and the documented operations', () => {
  const schema = loadSchema(path.join(ROOT, 'schema.graphql'));
  const doc = readApiDoc(path.join(ROOT, 'docs', 'api.md'));

  it('every graphql block of docs/api.md is within every default limit', () => {
    expect(doc.graphqlBlocks.length).toBeGreaterThan(20);
    const variablesOf = new Map([...doc.examples.values()].map((e) => [e.document, e.variables ?? {}]));
    const over = doc.graphqlBlocks.flatMap(({ line, text }) => {
      const document = parse(text);
      const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
      const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      const problems = validate(schema, document, queryLimitRules(LIMITS)).map((e) => e.message);
      if (countTokens(text) > LIMITS.maxTokens) problems.push(`${countTokens(text)} tokens`);
      for (const operation of operations) {
        const cost = queryCost(schema, operation, fragments, variablesOf.get(text) ?? {});
        if (cost > LIMITS.maxCost) problems.push(`cost ${cost}`);
      }
      return problems.length > 0 ? [{ line, problems }] : [];
    });
    expect(over).toEqual([]);
  });

  it('weighs every list of objects in the schema: a bound, or `first`, or the page of its connection', () => {
    const unweighed: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      const connection = Object.values(type.getFields()).some((f) => f.name === 'pageInfo');
      for (const field of Object.values(type.getFields())) {
        const list = isListType(getNullableType(field.type)) && !isLeafType(getNamedType(field.type));
        const paged = field.args.some((a) => a.name === 'first') || (connection && ['nodes', 'edges'].includes(field.name));
        if (list && !paged && LIST_BOUNDS[`${type.name}.${field.name}`] === undefined) unweighed.push(`${type.name}.${field.name}`);
      }
    }
    expect(unweighed).toEqual([]);
  });
});
