import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GqlError, GqlResponse, TestApp, unique } from '../support/test-app';

/*
 * Shared helpers of the end-to-end suites: reading errors, the translations as they are on disk,
 * and the small fixtures (relation, worker, placement, logins) every suite needs.
 */

const LOCALES = path.resolve(__dirname, '..', '..', 'src', 'infrastructure', 'i18n', 'locales');

/** The locale files, read once when the suite loads (the server imports them at the same moment). */
const locales = new Map<string, Record<string, string>>();
function localeOf(language: string): Record<string, string> {
  let table = locales.get(language);
  if (!table) {
    table = JSON.parse(readFileSync(path.join(LOCALES, language, 'errors.json'), 'utf8')) as Record<string, string>;
    locales.set(language, table);
  }
  return table;
}
for (const language of ['en', 'nl', 'de']) localeOf(language);

function interpolate(text: string, params: Record<string, unknown>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => (name in params ? String(params[name]) : ''));
}

/**
 * The text the server should send for `reason` in `language`: that locale's, else English's
 * (the fallback), else undefined (no translation anywhere yet: the domain's English text stays).
 */
export function localeMessage(reason: string, params: Record<string, unknown>, language: string): string | undefined {
  const own = localeOf(language)[reason];
  if (typeof own === 'string') return interpolate(own, params);
  const english = localeOf('en')[reason];
  return typeof english === 'string' ? interpolate(english, params) : undefined;
}

/** Whether the locale file of `language` itself has the key (not only the English fallback). */
export function hasOwnTranslation(reason: string, language: string): boolean {
  return typeof localeOf(language)[reason] === 'string';
}

/** Asserts that the error's message and every problem's message are the `language` texts. */
export function expectMessageIn(error: GqlError, language: string): void {
  const reason = error.extensions.reason;
  expect(typeof reason).toBe('string');
  const params = { ...(error.extensions.params ?? {}), requestId: error.extensions.requestId };
  const expected = localeMessage(reason!, params, language);
  expect(error.message.length).toBeGreaterThan(0);
  if (expected !== undefined) expect(error.message).toBe(expected);
  for (const problem of error.extensions.problems ?? []) {
    const problemParams = (problem as { params?: Record<string, unknown> }).params ?? {};
    const expectedProblem = localeMessage(problem.reason, problemParams, language);
    if (expectedProblem !== undefined) expect(problem.message).toBe(expectedProblem);
  }
}

/** The one error of a response (fails when there is none). */
export function theError(response: GqlResponse<unknown>): GqlError {
  expect(response.body.errors).toBeDefined();
  expect(response.body.errors!.length).toBeGreaterThanOrEqual(1);
  return response.body.errors![0];
}

/** Asserts a refused request with this code (and reason when given); returns the error. */
export function expectError(response: GqlResponse<unknown>, code: string, reason?: string): GqlError {
  if (!response.body.errors) throw new Error(`expected ${code}, got data ${JSON.stringify(response.body.data)}`);
  const error = theError(response);
  expect(error.extensions.code).toBe(code);
  if (reason !== undefined) expect(error.extensions.reason).toBe(reason);
  expect(JSON.stringify(response.body.errors)).not.toMatch(/stacktrace|\bat .*\.(ts|js):\d+/i);
  return error;
}

/**
 * The one place where the helpers that wrap a mutation unwrap its payload: `data.<mutation>` becomes the
 * payload's `key` (the week, the declarations, the schedule), as the suites read it. The payloads themselves
 * (removedFromOpenTimesheets, …) are asserted in mutation-payloads.test.ts.
 */
export async function unwrapPayload<T>(response: Promise<GqlResponse<Record<string, unknown>>>, mutation: string, key: string): Promise<GqlResponse<T>> {
  const answer = await response;
  const data = answer.body.data as Record<string, Record<string, unknown> | null> | null | undefined;
  if (data && data[mutation]) (data as Record<string, unknown>)[mutation] = data[mutation]![key];
  return answer as unknown as GqlResponse<T>;
}

/** The data of a response that must have succeeded. */
export function dataOf<T>(response: GqlResponse<T>): T {
  if (response.body.errors) throw new Error(`unexpected errors: ${JSON.stringify(response.body.errors)}`);
  expect(response.status).toBe(200);
  return response.body.data as T;
}

export const RELATION_FIELDS = 'id name chamberOfCommerceNumber contactEmail contactPhone active version';
export const FLEXWORKER_FIELDS =
  'id firstName lastName fullName email phone language dateOfBirth bsnMasked ibanMasked access version address { street houseNumber postalCode city country }';
export const PLACEMENT_FIELDS =
  'id flexworkerId relationId startDate endDate functionName costCentre contractHoursPerWeek allowedEntryModes hoursEnteredBy sendInvitations sendReminders caoScheduleId hourCodes { code percentage label } version';

export interface RelationNode {
  id: string;
  name: string;
  chamberOfCommerceNumber: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  active: boolean;
  version: number;
}

export interface FlexworkerNode {
  id: string;
  firstName: string;
  lastName: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  language: string | null;
  dateOfBirth: string | null;
  bsnMasked: string | null;
  ibanMasked: string | null;
  access: string;
  version: number | null;
}

export interface PlacementNode {
  id: string;
  flexworkerId: string;
  relationId: string;
  startDate: string;
  endDate: string | null;
  functionName: string;
  costCentre: string | null;
  contractHoursPerWeek: string;
  allowedEntryModes: string[];
  hoursEnteredBy: string;
  caoScheduleId: string | null;
  hourCodes: { code: string; percentage: number; label: string | null }[];
  version: number;
}

export interface Connection<T> {
  nodes: T[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

export async function createRelation(t: TestApp, token: string, input: Record<string, unknown> = {}): Promise<RelationNode> {
  const response = await t.gql<{ createRelation: { relation: RelationNode } }>(
    `mutation ($input: CreateRelationInput!) { createRelation(input: $input) { relation { ${RELATION_FIELDS} } } }`,
    { input: { name: unique('Relation '), ...input } },
    { token },
  );
  return dataOf(response).createRelation.relation;
}

export async function createFlexworker(t: TestApp, token: string, input: Record<string, unknown> = {}): Promise<FlexworkerNode> {
  const response = await t.gql<{ createFlexworker: { flexworker: FlexworkerNode } }>(
    `mutation ($input: CreateFlexworkerInput!) { createFlexworker(input: $input) { flexworker { ${FLEXWORKER_FIELDS} } } }`,
    { input: { firstName: 'Jan', lastName: unique('Worker'), email: `${unique('worker')}@example.com`, ...input } },
    { token },
  );
  return dataOf(response).createFlexworker.flexworker;
}

export async function createPlacement(
  t: TestApp,
  token: string,
  input: { flexworkerId: string; relationId: string } & Record<string, unknown>,
): Promise<PlacementNode> {
  const response = await t.gql<{ createPlacement: { placement: PlacementNode } }>(
    `mutation ($input: CreatePlacementInput!) { createPlacement(input: $input) { placement { ${PLACEMENT_FIELDS} } } }`,
    {
      input: {
        startDate: '2026-01-05',
        functionName: 'Order picker',
        hourCodes: [{ code: 'H100', percentage: 100, label: 'Normal' }],
        ...input,
      },
    },
    { token },
  );
  return dataOf(response).createPlacement.placement;
}

export async function createUser(t: TestApp, token: string, input: Record<string, unknown>): Promise<string> {
  const response = await t.gql<{ createUser: { user: { id: string } } }>(
    'mutation ($input: CreateUserInput!) { createUser(input: $input) { user { id } } }',
    { input: { displayName: 'Someone', language: 'EN', ...input } },
    { token },
  );
  return dataOf(response).createUser.user.id;
}

export async function listRelations(t: TestApp, token: string, variables: object = {}): Promise<Connection<RelationNode>> {
  const response = await t.gql<{ relations: Connection<RelationNode> }>(
    `query ($first: Int, $after: String, $filter: RelationFilterInput) {
       relations(first: $first, after: $after, filter: $filter) { nodes { ${RELATION_FIELDS} } pageInfo { endCursor hasNextPage } } }`,
    { first: 100, ...variables },
    { token },
  );
  return dataOf(response).relations;
}

export async function listFlexworkers(t: TestApp, token: string, variables: object = {}): Promise<Connection<FlexworkerNode>> {
  const response = await t.gql<{ flexworkers: Connection<FlexworkerNode> }>(
    `query ($first: Int, $after: String, $filter: FlexworkerFilterInput) {
       flexworkers(first: $first, after: $after, filter: $filter) { nodes { ${FLEXWORKER_FIELDS} } pageInfo { endCursor hasNextPage } } }`,
    { first: 100, ...variables },
    { token },
  );
  return dataOf(response).flexworkers;
}

export async function listPlacements(t: TestApp, token: string, variables: object = {}): Promise<Connection<PlacementNode>> {
  const response = await t.gql<{ placements: Connection<PlacementNode> }>(
    `query ($first: Int, $after: String, $filter: PlacementFilterInput) {
       placements(first: $first, after: $after, filter: $filter) { nodes { ${PLACEMENT_FIELDS} } pageInfo { endCursor hasNextPage } } }`,
    { first: 100, ...variables },
    { token },
  );
  return dataOf(response).placements;
}

/** A POST to /graphql with any body and content type; the parsed JSON (or null) and the status. */
export async function rawPost(
  t: TestApp,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Headers; json: unknown; text: string }> {
  const response = await fetch(t.url, { method: 'POST', headers, body });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, json, text };
}
