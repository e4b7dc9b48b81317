import path from 'node:path';
import { readFileSync } from 'node:fs';
import { buildSchema, FragmentDefinitionNode, Kind, OperationDefinitionNode, parse } from 'graphql';
import { queryCost } from '../../../../src/graphql/security/query-cost';

/*
 * The cost of an operation is the most objects its answer could hold: leaves are free, a paged
 * list counts `first` items, a connection hands its page to `nodes` and `edges`, a plain list
 * counts its bound (LIST_BOUNDS), introspection nothing.
 */
const schema = buildSchema(readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'schema.graphql'), 'utf8'));

function cost(text: string, variables: Record<string, unknown> = {}): number {
  const document = parse(text);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
  return queryCost(schema, operation, fragments, variables);
}

describe('queryCost', () => {
  it('counts objects, not leaves', () => {
    expect(cost('{ __typename }')).toBe(0);
    expect(cost('{ viewer { id displayName enabledTabs } }')).toBe(1);
    expect(cost('{ viewer { id } agency { id settings { timeZone approvalDeadline { time } } } }')).toBe(1 + 3);
  });

  it('counts a page of `first` items once per connection: pageInfo is not multiplied', () => {
    expect(cost('{ timesheets(first: 500) { nodes { id } pageInfo { hasNextPage } } }')).toBe(1 + 500 + 1);
    expect(cost('{ timesheets(first: 3) { edges { cursor node { id } } } }')).toBe(1 + 3 * 2);
    expect(cost('{ timesheets(first: 3) { nodes { id } edges { node { id } } } }')).toBe(1 + 3 + 3 * 2);
  });

  it('reads `first` from a literal, a variable or its default; 20 when left out or null', () => {
    const query = 'query ($n: Int) { relations(first: $n) { nodes { id } } }';
    expect(cost(query, { n: 7 })).toBe(1 + 7);
    expect(cost(query)).toBe(1 + 20);
    expect(cost(query, { n: null })).toBe(1 + 20);
    expect(cost('query ($n: Int = 9) { relations(first: $n) { nodes { id } } }')).toBe(1 + 9);
    expect(cost('{ relations { nodes { id } } }')).toBe(1 + 20);
  });

  it('weighs a `first` outside the range as a full page (the resolver refuses it anyway)', () => {
    expect(cost('{ relations(first: 100000) { nodes { id } } }')).toBe(1 + 100);
    expect(cost('{ timesheets(first: 100000) { nodes { id } } }')).toBe(1 + 500);
    expect(cost('query ($n: Int) { declarations(first: $n) { nodes { id } } }', { n: 'many' })).toBe(1 + 500);
    expect(cost('{ relations(first: 0) { nodes { id } } }')).toBe(1 + 100);
  });

  it('adds the weight of a field whose work is more than its answer (FIELD_WEIGHTS)', () => {
    const impact = (first: number) =>
      `query ($d: CaoUnravelScheduleVersionInput!) { caoScheduleChangeImpact(scheduleId: "x", draft: $d, first: ${first}) { totalCount nodes { week differences { hourCode } } totals { hourCode } } }`;
    expect(cost(impact(10))).toBe(100_000 + 1 + 10 * (1 + 40) + 40);
    const five = `query ($d: CaoUnravelScheduleVersionInput!) { ${[1, 2, 3, 4, 5].map((i) => `a${i}: caoScheduleChangeImpact(scheduleId: "x", draft: $d) { totalCount }`).join(' ')} }`;
    expect(cost(five)).toBe(5 * (100_000 + 1));
  });

  it('multiplies a plain list by its bound, level after level', () => {
    expect(cost('query ($id: ID!) { timesheet(id: $id) { declarations { id } } }')).toBe(1 + 10);
    expect(cost('query ($id: ID!) { timesheet(id: $id) { declarations { timesheet { declarations { id } } } } }')).toBe(1 + 10 * (1 + 1 + 10));
    expect(cost('query ($id: ID!) { timesheet(id: $id) { days { blocks { start } hours { hours } } } }')).toBe(1 + 7 * (1 + 8 + 20));
    expect(cost('{ apiClients { id } }')).toBe(20);
  });

  it('follows fragments and inline fragments as if written in place', () => {
    const inline = cost('{ timesheets(first: 5) { nodes { id declarations { id } } } }');
    expect(cost('{ timesheets(first: 5) { nodes { ...Week } } } fragment Week on Timesheet { id declarations { id } }')).toBe(inline);
    expect(cost('{ timesheets(first: 5) { nodes { ... on Timesheet { id declarations { id } } } } }')).toBe(inline);
    expect(inline).toBe(1 + 5 * (1 + 10));
  });

  it('weighs only the operation given, and introspection not at all', () => {
    expect(cost('{ __schema { types { name fields { name type { name } } } } }')).toBe(0);
    expect(cost('mutation ($input: ApproveDeclarationsInput!) { approveDeclarations(input: $input) { declarations { id days { date } } } }')).toBe(1 + 100 * (1 + 7));
  });
});
