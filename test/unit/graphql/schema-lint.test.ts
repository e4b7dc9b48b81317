import { buildSchema } from 'graphql';
import {
  connectionOffenders,
  growingListOffenders,
  missingDescriptionOffenders,
  mutationShapeOffenders,
  namingOffenders,
} from './schema-lint';

/*
 * The rules of the schema lint on small schemas: each finds what it is meant to find, by name,
 * and passes what follows the convention. schema-conventions.test.ts runs them on the real schema.
 */

const PAGING = `
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type Relation { id: ID! name: String! }
  type RelationEdge { cursor: String! node: Relation! }
  type RelationConnection { edges: [RelationEdge!]! nodes: [Relation!]! pageInfo: PageInfo! }
`;

describe('mutationShapeOffenders', () => {
  it('passes a mutation with its own payload and input, and logout without arguments', () => {
    const schema = buildSchema(`
      type Query { ok: Boolean }
      input CreateRelationInput { name: String! }
      type CreateRelationPayload { ok: Boolean }
      type LogoutPayload { sessionEnded: Boolean! }
      type Mutation { createRelation(input: CreateRelationInput!): CreateRelationPayload! logout: LogoutPayload! }
    `);
    expect(mutationShapeOffenders(schema)).toEqual([]);
  });

  it('names every mutation with a bare or borrowed result, another input or more arguments', () => {
    const schema = buildSchema(`
      type Query { ok: Boolean }
      input ApproveTimesheetInput { id: ID! }
      type SessionPayload { token: String! }
      type Mutation {
        createUser(input: ApproveTimesheetInput!): ID!
        changeMyPassword(input: ApproveTimesheetInput): SessionPayload!
        revokeApiClient(id: ID!): Boolean
        logout(everywhere: Boolean): Boolean!
      }
    `);
    expect(mutationShapeOffenders(schema)).toEqual([
      'Mutation.createUser returns ID!, not CreateUserPayload!',
      'Mutation.createUser takes (input: ApproveTimesheetInput!), not (input: CreateUserInput!)',
      'Mutation.changeMyPassword returns SessionPayload!, not ChangeMyPasswordPayload!',
      'Mutation.changeMyPassword takes (input: ApproveTimesheetInput), not (input: ChangeMyPasswordInput!)',
      'Mutation.revokeApiClient returns Boolean, not RevokeApiClientPayload!',
      'Mutation.revokeApiClient takes (id: ID!), not (input: RevokeApiClientInput!)',
      'Mutation.logout returns Boolean!, not LogoutPayload!',
      'Mutation.logout takes (everywhere: Boolean), not ()',
    ]);
  });
});

describe('growingListOffenders', () => {
  it('names plain lists of entities or ids on queries and objects, not lists of values or of bounded parts', () => {
    const schema = buildSchema(`
      ${PAGING}
      type ApiClient { id: ID! }
      type Note { text: String! }
      type Placement { id: ID! relations: [Relation!]! relationIds: [ID!] notes: [Note!]! codes: [String!]! }
      type Query { apiClients: [ApiClient!]! relations(first: Int, after: String): RelationConnection! placement: Placement }
    `);
    expect(growingListOffenders(schema, {})).toEqual([
      'Placement.relations returns [Relation!]!: make it a connection with first/after, or add it to BOUNDED_LISTS with why it stays small',
      'Placement.relationIds returns [ID!]: make it a connection with first/after, or add it to BOUNDED_LISTS with why it stays small',
      'Query.apiClients returns [ApiClient!]!: make it a connection with first/after, or add it to BOUNDED_LISTS with why it stays small',
    ]);
  });

  it('passes the allow-listed lists of a week and the lists in connections and payloads', () => {
    const schema = buildSchema(`
      ${PAGING}
      type Declaration { id: ID! }
      type AuditEntry { id: ID! }
      type Timesheet { id: ID! declarations: [Declaration!]! auditTrail: [AuditEntry!]! }
      type ApproveDeclarationsPayload { declarations: [Declaration!]! timesheetIds: [ID!]! }
      type ApiClient { id: ID! }
      type Query { timesheet: Timesheet relations(first: Int, after: String): RelationConnection! apiClients: [ApiClient!]! }
      type Mutation { approveDeclarations: ApproveDeclarationsPayload! }
    `);
    expect(growingListOffenders(schema)).toEqual([]);
  });

  it('names an allow-list entry that no longer is a list of entities', () => {
    const schema = buildSchema(`
      type Declaration { id: ID! }
      type Timesheet { id: ID! declarations(first: Int, after: String): Boolean }
      type Query { timesheet: Timesheet }
    `);
    expect(growingListOffenders(schema)).toEqual([
      'Timesheet.declarations is in BOUNDED_LISTS but is no list of entities: remove it',
      'Timesheet.auditTrail is in BOUNDED_LISTS but is no list of entities: remove it',
      'Query.apiClients is in BOUNDED_LISTS but is no list of entities: remove it',
    ]);
  });
});

describe('connectionOffenders', () => {
  it('passes a Relay connection with first/after', () => {
    const schema = buildSchema(`${PAGING} type Query { relations(first: Int, after: String, filter: String): RelationConnection! }`);
    expect(connectionOffenders(schema)).toEqual([]);
  });

  it('names a connection field without paging arguments and a connection of the wrong shape', () => {
    const schema = buildSchema(`
      type Relation { id: ID! }
      type RelationEdge { node: Relation }
      type RelationConnection { nodes: [Relation] }
      type Query { relations(first: String): RelationConnection! }
    `);
    expect(connectionOffenders(schema)).toEqual([
      'Query.relations takes no first: Int',
      'Query.relations takes no after: String',
      'RelationConnection.edges is nothing, not [RelationEdge!]!',
      'RelationConnection.nodes is [Relation], not [Relation!]!',
      'RelationConnection.pageInfo is nothing, not PageInfo!',
      'RelationEdge.cursor is nothing, not String!',
      'RelationEdge.node is Relation, not Relation!',
    ]);
  });
});

describe('namingOffenders', () => {
  it('names lower-case enum values, type names that are not PascalCase and fields that are not camelCase', () => {
    const schema = buildSchema(`
      enum Language { nl en }
      enum Role { AGENCY_STAFF FLEXWORKER PAYROLL2 }
      type hour_line { ok: Boolean }
      input FilterInput { Week: String }
      type Query { line: hour_line, find(filter: FilterInput, Page_Size: Int): Boolean, week_start: String }
    `);
    expect(namingOffenders(schema)).toEqual([
      'FilterInput.Week is not camelCase',
      'type hour_line is not PascalCase',
      'Language.nl is not UPPER_CASE',
      'Language.en is not UPPER_CASE',
      'Query.find(Page_Size:) is not camelCase',
      'Query.week_start is not camelCase',
    ]);
  });
});

describe('missingDescriptionOffenders', () => {
  it('names every type, field, argument and input field without a description, not the roots or enum values', () => {
    const schema = buildSchema(`
      """A week."""
      type Timesheet {
        """The id."""
        id: ID!
        week: String!
      }
      enum Weekday { MON TUE }
      """Which weeks."""
      input TimesheetFilterInput {
        """ISO week."""
        week: String
        status: String
      }
      """ """
      scalar LocalDate
      type Query {
        """One week."""
        timesheet(id: ID!, filter: TimesheetFilterInput, on: LocalDate): Timesheet
      }
    `);
    expect(missingDescriptionOffenders(schema)).toEqual([
      'LocalDate',
      'Query.timesheet(id:)',
      'Query.timesheet(filter:)',
      'Query.timesheet(on:)',
      'Timesheet.week',
      'TimesheetFilterInput.status',
      'Weekday',
    ]);
  });
});
