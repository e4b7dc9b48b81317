import {
  getNamedType,
  GraphQLField,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  isLeafType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { CONSENT_VERSION } from '../../src/application/signing/consent';
import { buildSchemaForPrinting } from '../../src/composition-root';
import { startTestApp, TestApp, TEST_PASSWORD, TravelClock } from '../support/test-app';
import { putBeforeWorker } from './signing-helpers';
import { peopleWorld, PeopleWorld } from './week-people-world';
import { WED_W48_1000 } from './week-helpers';

/*
 * Issue 9, item 1: a normalising cache (Apollo's InMemoryCache) keeps one record per
 * `__typename:id`, so every object type with an `id` must answer the same through every path it
 * is reached by. This walks the schema: for each root query it asks for every argument-free field
 * (objects a few levels deep, no type twice on one path), fills the root arguments from a small
 * real world, and sends the whole set as the worker, a relation contact and staff. Each object
 * with __typename and id is kept with the path it came by; two sightings of one key by one viewer
 * that differ in a field both hold fail the test, naming the type, the field and both paths.
 */

const MAX_DEPTH = 6;
const WEEKS = ['2026-W46', '2026-W47', '2026-W48'];
type Json = null | string | number | boolean | Json[] | { [key: string]: Json };
type Row = { [key: string]: Json };

/** A selection of every field without required arguments, objects to MAX_DEPTH, each type once per path. */
function selectionOf(type: GraphQLObjectType, depth: number, onPath: ReadonlySet<string>): string {
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (isObjectType(named) && depth < MAX_DEPTH && !onPath.has(named.name)) {
      parts.push(`${field.name} { ${selectionOf(named, depth + 1, new Set([...onPath, named.name]))} }`);
    }
  }
  return parts.join(' ');
}

/** Ids seen so far per type, to fill `id: ID!` arguments of the queries that read one object. */
type Known = Map<string, Set<string>>;

/** Every way to call a root query with arguments from the world; none when an argument cannot be filled. */
function callsOf(field: GraphQLField<unknown, unknown>, world: PeopleWorld, known: Known): string[] {
  let calls: string[][] = [[]];
  for (const arg of field.args) {
    const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
    let values: string[];
    if (arg.name === 'first') values = ['50'];
    else if (arg.name === 'id' && required) values = [...(known.get(getNamedType(field.type).name) ?? [])].slice(0, 6).map((id) => JSON.stringify(id));
    else if (arg.name === 'placementId') values = [world.placementId, world.manualPlacementId].map((id) => JSON.stringify(id));
    else if (arg.name === 'week' && required) values = WEEKS.map((week) => JSON.stringify(week));
    else if (arg.name === 'signingRequestId' && required) values = [...(known.get('SigningRequest') ?? [])].slice(0, 6).map((id) => JSON.stringify(id));
    else if (!required) continue;
    else return [];
    calls = calls.flatMap((call) => values.map((value) => [...call, `${arg.name}: ${value}`]));
  }
  return calls.map((args) => (args.length > 0 ? `(${args.join(', ')})` : ''));
}

interface Sighting {
  readonly path: string;
  readonly row: Row;
}

/** A sighting's fields: nested objects with an id become references (the cache stores them apart). */
function normalised(value: Json): Json {
  if (Array.isArray(value)) return value.map(normalised);
  if (value === null || typeof value !== 'object') return value;
  const out: Row = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = inner !== null && typeof inner === 'object' && !Array.isArray(inner) && typeof inner.id === 'string' && typeof inner.__typename === 'string'
      ? { __ref: `${inner.__typename}:${inner.id}` }
      : normalised(inner);
  }
  return out;
}

/** The first difference in the fields both hold (a shallower selection holds fewer), or null. */
function difference(a: Json, b: Json, at: string): string | null {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${at}: ${a.length} items vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const found = difference(a[i], b[i], `${at}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    for (const key of Object.keys(a)) {
      if (!(key in b)) continue;
      const found = difference(a[key], b[key], at ? `${at}.${key}` : key);
      if (found) return found;
    }
    return null;
  }
  return a === b ? null : `${at}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
}

class Sightings {
  readonly byKey = new Map<string, Sighting[]>();

  collect(value: Json, path: string, known: Known): void {
    if (Array.isArray(value)) return value.forEach((item, i) => this.collect(item, `${path}[${i}]`, known));
    if (value === null || typeof value !== 'object') return;
    if (typeof value.__typename === 'string' && typeof value.id === 'string') {
      const key = `${value.__typename}:${value.id}`;
      this.byKey.set(key, [...(this.byKey.get(key) ?? []), { path, row: normalised(value) as Row }]);
      known.set(value.__typename, new Set([...(known.get(value.__typename) ?? []), value.id]));
    } else if (typeof value.__typename === 'string' && !known.has(value.__typename)) {
      // A type without an id is kept as reached, with no ids (SignatureEvidence, SigningConsent).
      known.set(value.__typename, new Set());
    }
    for (const [field, inner] of Object.entries(value)) this.collect(inner, `${path}.${field}`, known);
  }

  conflicts(): string[] {
    const found: string[] = [];
    for (const [key, sightings] of this.byKey) {
      const [first, ...rest] = sightings;
      for (const other of rest) {
        const diff = difference(first.row, other.row, '');
        if (diff) {
          found.push(`${key} ${diff}\n    via ${first.path}\n    and ${other.path}`);
          break;
        }
      }
    }
    return found;
  }
}

/** The root queries whose answers hold objects (the others have nothing for a cache to merge). */
function rootQueries(schema: GraphQLSchema): GraphQLField<unknown, unknown>[] {
  return Object.values(schema.getQueryType()!.getFields()).filter((f) => isObjectType(getNamedType(f.type)));
}

describe('cache identity: every object type with an id answers the same through every path', () => {
  const clock = new TravelClock(WED_W48_1000);
  let t: TestApp;
  let world: PeopleWorld;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    // The generated documents are far larger and deeper than a front end's: room for them.
    t = await startTestApp({
      clock,
      env: {
        SESSION_TTL_MINUTES: String(90 * 24 * 60),
        GRAPHQL_MAX_DEPTH: '100',
        GRAPHQL_MAX_TOKENS: '1000000',
        GRAPHQL_MAX_COST: '100000000',
        GRAPHQL_EXECUTION_TIMEOUT_MS: '120000',
      },
    });
    world = await peopleWorld(t);
    // A forgotten password puts a mail in the agency's outbox, so staff's mailMessages has a MailMessage to answer.
    const viewer = await t.gql<{ viewer: { email: string } }>('{ viewer { email } }', {}, { token: world.worker.token });
    const reset = await t.gql<{ requestPasswordReset: { accepted: boolean } }>('mutation R($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { accepted } }', {
      input: { email: viewer.body.data!.viewer.email },
    });
    expect(reset.body.data?.requestPasswordReset.accepted).toBe(true);
    // A change request of the worker (the "your information" tab), for changeRequests to answer.
    const asked = await t.gql(
      'mutation ($input: RequestPersonalDataChangeInput!) { requestPersonalDataChange(input: $input) { changeRequest { id } } }',
      { input: { changes: { phone: '+31 6 1234 0000' }, note: 'Cache identity' } },
      { token: world.worker.token },
    );
    expect(asked.body.errors).toBeUndefined();
    // Conversations with the agency (the contact tab), one of the worker and one of the contact, with a staff answer.
    for (const token of [world.worker.token, world.contact.token]) {
      const started = await t.gql<{ startMessageThread: { thread: { id: string } } }>(
        'mutation ($input: StartMessageThreadInput!) { startMessageThread(input: $input) { thread { id } } }',
        { input: { subject: 'Cache identity', text: 'Hello' } },
        { token },
      );
      expect(started.body.errors).toBeUndefined();
      const answered = await t.gql(
        'mutation ($input: WriteMessageInput!) { writeMessage(input: $input) { message { id } } }',
        { input: { threadId: started.body.data!.startMessageThread.thread.id, text: 'Answer' } },
        { token: world.staff.token },
      );
      expect(answered.body.errors).toBeUndefined();
    }
    // Documents to sign: one PENDING for the worker's placement, one the worker signed (with its evidence).
    await putBeforeWorker(t, world.staff.token, world.flexworkerId, 'Cache identity contract', { placementId: world.placementId });
    const toSign = await putBeforeWorker(t, world.staff.token, world.flexworkerId, 'Cache identity signed');
    const signed = await t.gql(
      'mutation ($input: SignDocumentInput!) { signDocument(input: $input) { signingRequest { id status } } }',
      { input: { id: toSign, currentPassword: TEST_PASSWORD, consent: true, consentVersion: CONSENT_VERSION } },
      { token: world.worker.token },
    );
    expect(signed.body.errors).toBeUndefined();
    schema = await buildSchemaForPrinting();
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
  });

  /** Sends every root query (the list queries first, so their ids fill the queries of one object) as one viewer. */
  async function walk(token: string, sightings: Sightings | null, known: Known): Promise<number> {
    let sent = 0;
    const readsOne = (f: GraphQLField<unknown, unknown>) => Number(f.args.some((x) => x.name === 'id' || x.name === 'signingRequestId'));
    const roots = rootQueries(schema).sort((a, b) => readsOne(a) - readsOne(b));
    for (const field of roots) {
      const named = getNamedType(field.type) as GraphQLObjectType;
      const selection = selectionOf(named, 1, new Set([named.name]));
      for (const call of callsOf(field, world, known)) {
        const response = await t.gql<Row>(`{ ${field.name}${call} { ${selection} } }`, {}, { token });
        sent += 1;
        const data = response.body.data?.[field.name];
        if (data !== undefined && data !== null) (sightings ?? new Sightings()).collect(data, `${field.name}${call}`, known);
      }
    }
    return sent;
  }

  it.each([
    ['the worker', () => world.worker.token],
    ['a relation contact', () => world.contact.token],
    ['staff', () => world.staff.token],
  ])('as %s', async (_, token) => {
    const known: Known = new Map();
    // A first round opens the weeks that reading opens (the blue bar, timesheetForWeek), so the
    // round that counts reads a world that no longer changes under it.
    await walk(token(), null, known);
    const sightings = new Sightings();
    const sent = await walk(token(), sightings, known);

    expect(sent).toBeGreaterThan(10);
    const reachedTwice = [...sightings.byKey].filter(([, s]) => new Set(s.map((x) => x.path)).size > 1).map(([key]) => key.split(':')[0]);
    // The walk reaches the week's objects by several paths (else it proves nothing).
    for (const type of ['Timesheet', 'Declaration', 'Placement', 'Person']) expect(reachedTwice).toContain(type);
    expect(sightings.conflicts()).toEqual([]);
  }, 300_000);

  it('reaches a payroll export both as a list item and through the declarations it pays, as staff', async () => {
    const known: Known = new Map();
    const sightings = new Sightings();
    await walk(world.staff.token, sightings, known);
    const paths = [...sightings.byKey].filter(([key]) => key.startsWith('PayrollExport:')).flatMap(([, seen]) => seen.map((x) => x.path));
    expect(paths.some((p) => p.startsWith('payrollExports'))).toBe(true);
    expect(paths.some((p) => !p.startsWith('payrollExport'))).toBe(true);
    expect(sightings.conflicts()).toEqual([]);
  }, 300_000);

  it('covers every object type with an id that a viewer can reach', async () => {
    const withId = Object.values(schema.getTypeMap())
      .filter((type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__') && 'id' in type.getFields())
      .map((type: GraphQLNamedType) => type.name)
      .sort();
    const known: Known = new Map();
    for (const token of [world.worker.token, world.contact.token, world.staff.token]) await walk(token, new Sightings(), known);
    // Types with an id that no query of this world reaches, by design: listed so a new one is a decision.
    const unreached = withId.filter((name) => !known.has(name));
    // User: only createUser's and the invitation mutations' payloads answer one; Invitation: only
    // those payloads (staff's lists show Flexworker.account, which has no id of its own); AnnualStatement, Payslip: payroll uploads them over
    // HTTP, not in this world (payroll-documents.test.ts reads them). ApiClient and PayrollExport are
    // reached: the world's payroll key made an export; MailMessage through the reset mail above, and
    // ChangeRequest: the worker asked for one; MessageThread and Message: the worker and the contact wrote to the agency.
    expect(unreached).toEqual(['AnnualStatement', 'Invitation', 'Payslip', 'User']);
    // Documents to sign are reached, SigningRequest by the list and by id; of the types without an
    // id, the evidence inside the signed one and the worker's consent statement (signingConsent).
    // SignedDocumentVerification is only verifySignedDocument's answer, a mutation this walk does not send.
    expect([...known.keys()]).toEqual(expect.arrayContaining(['SigningRequest', 'SignatureEvidence', 'SigningConsent']));
    // The schedule's rules answer as `ruleId`: the same id holds other values in another version.
    expect(withId).not.toContain('OrtWindow');
  }, 300_000);
});
