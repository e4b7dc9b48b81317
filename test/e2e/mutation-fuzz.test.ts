import fc from 'fast-check';
import {
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from 'graphql';
import { loadConfig } from '../../src/infrastructure/config/config';
import { GqlResponse, TestApp, TEST_FIELD_KEY, TEST_PASSWORD, TravelClock } from '../support/test-app';
import { testDatabaseUrl } from '../support/test-database';
import { buildFuzzWorld, executableSchema, FuzzWorld, MUTATION_PLANS, mutationsOf, sendMutation, TextLeaf, textLeaves, tokenOf } from './mutation-fuzz-world';
import { startWeekApp, WED_W48_1000 } from './week-helpers';

/*
 * Issue 8: every mutation of the executable schema, fuzzed with fast-check from its input types.
 * Each run starts from the mutation's valid input in a small world and breaks a few of its values:
 * NUL, control characters, ANSI escapes, lone surrogates, non-ASCII digits ("٧:١٥", "７:１５"), far
 * dates (0001-01-01, 9999-12-31, 1900-01-01), negative and huge numbers, values of the wrong
 * type, lists over their bound; or writes the whole input from its type. Fixed examples add a
 * NUL to each text of the valid input, a text just under and just over the body limit and a list
 * of 20,000 items. It is sent as the role that may call the mutation (and once as the payroll
 * key and anonymously), and the answer must be handled: never an INTERNAL_SERVER_ERROR nor a
 * 5xx, every error with a known `extensions.code` and a message. Which refusal is not asserted:
 * other rules (date windows, query limits) may come first.
 */

const SEED = 20268;
const RUNS = 30;
const KNOWN_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'BAD_REQUEST',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'PAYLOAD_TOO_LARGE',
  'TOO_MANY_REQUESTS',
]);

const TEXT_SAMPLES = [
  '\u0000', 'a\u0000@example.com', '\u001b[31mred\u001b[0m', '\u001b]0;title\u0007', '\u009b2J', '\u0085', '\u007f', '\r\n', '\t', ' ', '',
  '\ud83d', '\ude00x', 'x\ud800y', '😀', 'Zoë', '\u202eevil', '\ufeff',
  '٧:١٥', '７:１５', '٠٨:٠٠', '٢٠٢٦-١١-٢٣', '２０２６-１１-２３', '２０２６-W４８', '2026-W48', '2026-W53', '0000-W00',
  '0001-01-01', '9999-12-31', '1900-01-01', '2026-02-29', '24:00', '23:59', '00:00', '-1:00', '7.25', '999:59',
  'NaN', 'null', "'; DROP TABLE users; --", '%s%n%x', '{{requestId}}', '$t(errors:NOT_FOUND)', '<script>alert(1)</script>',
  'MON', 'H100', 'U100', 'jan@example.com', 'Europe/Amsterdam', '00000000-0000-4000-8000-000000000000',
];

const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...TEXT_SAMPLES) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...TEXT_SAMPLES), fc.constantFrom(...TEXT_SAMPLES)).map(([a, b]) => a + b) },
  { weight: 1, arbitrary: fc.constantFrom(255, 256, 4001, 65_537).map((n) => 'x'.repeat(n)) },
);
const wrongType = fc.constantFrom<unknown>('x', 0, -1, true, [], {}, [null], { input: {} });
const int = fc.oneof(
  fc.integer(),
  fc.constantFrom(0, -1, 1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 1e21, 0.5),
);
const float = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 100, 125, 500, 500.0001, -0.5, 1e308, -1e308, 5e-324),
);
const localDate = fc.oneof(
  fc.constantFrom('0001-01-01', '9999-12-31', '1900-01-01', '2026-02-29', '2028-02-29', '2026-11-23', '2026-13-01', '10000-01-01'),
  fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  hostileText,
);
const hoursMinutes = fc.oneof(
  fc.constantFrom('7:15', '0:00', '24:00', '60:00', '168:00', '999:59', '٧:١٥', '７:１５', '-1:00', '7.25', '7:5'),
  fc.tuple(fc.nat(1000), fc.nat(99)).map(([h, m]) => `${h}:${String(m).padStart(2, '0')}`),
  hostileText,
);

/** What a value of `type` may be when nothing is known of it (depth bounds nested inputs). */
function fresh(type: GraphQLInputType, ids: readonly string[], depth: number): fc.Arbitrary<unknown> {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return fc.array(fresh(inner.ofType, ids, depth + 1), { maxLength: depth > 2 ? 1 : 3 });
  if (isInputObjectType(inner)) {
    if (depth > 4) return fc.constant({});
    const fields = Object.values(inner.getFields());
    const field = (type: GraphQLInputType) =>
      isNonNullType(type) ? fresh(type, ids, depth + 1) : fc.oneof(fresh(type, ids, depth + 1), fc.constantFrom(null, undefined));
    return fc.record(Object.fromEntries(fields.map((f) => [f.name, field(f.type)])));
  }
  if (isEnumType(inner)) {
    const values = inner.getValues().map((v) => v.name);
    return fc.oneof(fc.constantFrom(...values), fc.constantFrom(...values).map((v) => v.toLowerCase()), hostileText);
  }
  switch (inner.name) {
    case 'ID':
      return fc.oneof(fc.constantFrom(...ids), fc.uuid(), hostileText);
    case 'Int':
      return int;
    case 'Float':
      return float;
    case 'Boolean':
      return fc.boolean();
    case 'LocalDate':
      return localDate;
    case 'HoursMinutes':
      return hoursMinutes;
    default:
      return hostileText;
  }
}

/** A place in the arguments that a run may change: a value, a list, an object, or an optional field left out. */
interface Slot {
  readonly path: string;
  readonly type: GraphQLInputType;
  /** The valid input's value there. */
  readonly base: unknown;
}

function slotsOf(type: GraphQLInputType, base: unknown, path: string): Slot[] {
  const inner = isNonNullType(type) ? type.ofType : type;
  const own: Slot = { path, type, base };
  if (isListType(inner) && Array.isArray(base)) return [own, ...base.flatMap((item, i) => slotsOf(inner.ofType, item, `${path}[${i}]`))];
  if (isInputObjectType(inner) && typeof base === 'object' && base !== null) {
    const record = base as Record<string, unknown>;
    return [own, ...Object.values(inner.getFields()).flatMap((f) => slotsOf(f.type, record[f.name], `${path}.${f.name}`))];
  }
  return [own];
}

/** Characters no text may hold, NUL (which PostgreSQL refuses) the most often. */
const POISON = fc.constantFrom('\u0000', '\u0000', '\u0000', '\u001b[31m', '\u009b', '\u0085', '\u007f', '\ud800', '\udfff');

/**
 * What a slot may become: anything of its type, a value of another type, nothing, (a list) many
 * of its items, or (a text) its valid value with a poisoned character in it.
 */
function replacementOf(slot: Slot, ids: readonly string[]): fc.Arbitrary<unknown> {
  const inner = isNonNullType(slot.type) ? slot.type.ofType : slot.type;
  const base = slot.base;
  const many = isListType(inner) && Array.isArray(base) && base.length > 0
    ? [{ weight: 2, arbitrary: fc.constantFrom(15, 101, 1000).map((n) => Array.from({ length: n }, () => base[0] as unknown)) }]
    : [];
  const poisoned = typeof base === 'string' && !isEnumType(inner) && getNamedType(slot.type).name !== 'ID'
    ? [{ weight: 8, arbitrary: fc.tuple(POISON, fc.nat(base.length)).map(([poison, at]) => base.slice(0, at) + poison + base.slice(at)) }]
    : [];
  return fc.oneof(
    { weight: 8, arbitrary: fresh(slot.type, ids, slot.path.split(/[.[]/).length) },
    { weight: 1, arbitrary: wrongType },
    { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
    ...many,
    ...poisoned,
  );
}

/** One to three slots of the valid input changed (none inside another); now and then the whole input written from its types. */
type Changes = readonly (readonly [path: string, value: unknown])[];

function changesOf(field: GraphQLField<unknown, unknown>, base: Record<string, unknown>, ids: readonly string[]): fc.Arbitrary<Changes> {
  const slots = field.args.flatMap((arg) => slotsOf(arg.type, base[arg.name], arg.name));
  if (slots.length === 0) return fc.constant([]);
  const some = fc
    .subarray(slots, { minLength: 1, maxLength: Math.min(3, slots.length) })
    .map((chosen) => chosen.filter((slot) => !chosen.some((other) => other !== slot && slot.path.startsWith(other.path) && /^[.[]/.test(slot.path.slice(other.path.length)))))
    .chain((chosen) => fc.tuple(...chosen.map((slot) => replacementOf(slot, ids).map((value) => [slot.path, value] as const))));
  const whole = fc.tuple(...field.args.map((arg) => fresh(arg.type, ids, 0).map((value) => [arg.name, value] as const)));
  return fc.oneof({ weight: 9, arbitrary: some }, { weight: 1, arbitrary: whole });
}

function applied(base: Record<string, unknown>, changes: Changes): Record<string, unknown> {
  return changes.reduce((args, [path, value]) => setAt(args, path, value), base);
}

/** `BODY_LIMIT` as body-parser reads it (1mb = 1024 × 1024 bytes). */
function bytesOf(limit: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(limit.trim());
  if (!match) throw new Error(`cannot read the body limit "${limit}"`);
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(match[2] ?? 'b').toLowerCase() as 'b'];
  return Math.floor(Number(match[1]) * unit);
}

/** A copy of `args` with the value at `path` replaced. */
function setAt(args: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const set = (current: unknown, [key, ...rest]: string[]): unknown => {
    const copy = (Array.isArray(current) ? [...current] : { ...(current as object) }) as Record<string, unknown>;
    copy[key] = rest.length ? set(copy[key], rest) : value;
    return copy;
  };
  return set(args, path.match(/[^.[\]]+/g)!) as Record<string, unknown>;
}

function summary(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' && v.length > 80 ? `<${v.length} characters>` : Array.isArray(v) && v.length > 5 ? `<${v.length} items>` : v));
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

/**
 * The answer was handled: no 5xx, no INTERNAL_SERVER_ERROR, every error with a known code and a
 * message, bad input with its reason and problems by path.
 */
function expectHandled(name: string, args: unknown, response: GqlResponse<Record<string, unknown>>): void {
  const errors = response.body.errors ?? [];
  const problems = [
    ...(response.status >= 500 ? [`HTTP ${response.status}`] : []),
    ...errors.flatMap((e) => [
      ...(KNOWN_CODES.has(e.extensions?.code) ? [] : [`code ${e.extensions?.code} (${e.message})`]),
      ...(e.extensions?.code !== 'BAD_USER_INPUT' || (typeof e.extensions.reason === 'string' && e.extensions.problems?.length) ? [] : [`bad input without a reason or problems (${e.message})`]),
      ...(typeof e.message === 'string' && e.message.trim() !== '' ? [] : ['an error without a message']),
    ]),
    ...(errors.length === 0 && response.body.data?.[name] === undefined ? ['neither data nor errors'] : []),
    ...(/stacktrace|\bat .*\.(ts|js):\d+/i.test(JSON.stringify(response.body)) ? ['a stack trace'] : []),
  ];
  if (problems.length > 0) {
    throw new Error(`${name} ${problems.join('; ')}\n  args: ${summary(args)}\n  answer: ${summary(response.body)}`);
  }
}

const ORDER = Object.keys(MUTATION_PLANS).sort((a, b) => Number(MUTATION_PLANS[a].late ?? false) - Number(MUTATION_PLANS[b].late ?? false) || a.localeCompare(b));

describe('every mutation, fuzzed from the schema', () => {
  const clock = new TravelClock(WED_W48_1000);
  let t: TestApp;
  let schema: GraphQLSchema;
  let world: FuzzWorld;
  let bodyLimit: number;

  beforeAll(async () => {
    t = await startWeekApp(clock);
    schema = await executableSchema();
    world = await buildFuzzWorld(t);
    bodyLimit = bytesOf(loadConfig({ DATABASE_URL: testDatabaseUrl(), FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY }).bodyLimit);
  }, 60_000);
  afterAll(async () => {
    await t.stop();
  });

  it('has a plan for every mutation of the schema, and none for a mutation that is gone', () => {
    const names = mutationsOf(schema).map((m) => m.name);
    expect(names.filter((name) => !MUTATION_PLANS[name])).toEqual([]);
    expect(ORDER.filter((name) => !names.includes(name))).toEqual([]);
  });

  /**
   * Fixed examples: a NUL in each text of the valid input (PostgreSQL refuses it), a text just
   * under and just over the body limit, a list of 20,000 items.
   */
  function examplesFor(field: GraphQLField<unknown, unknown>, base: Record<string, unknown>): [Changes][] {
    const texts = field.args.flatMap((arg) => textLeaves(arg.type, base[arg.name], arg.name, arg.name, new Set(['String', 'HoursMinutes'])));
    const valueAt = (path: string) => path.match(/[^.[\]]+/g)!.reduce<unknown>((v, key) => (v as Record<string, unknown>)[key], base) as string;
    const examples: [Changes][] = texts.map((text): [Changes] => [[[text.path, `${valueAt(text.path)}\u0000`]]]);
    const leaf: TextLeaf | undefined = field.args
      .flatMap((arg) => textLeaves(arg.type, base[arg.name], arg.name, arg.name, new Set(['String', 'ID'])))
      .at(0);
    if (leaf) {
      const room = bodyLimit - Buffer.byteLength(JSON.stringify({ query: 'x'.repeat(600), variables: base }));
      examples.push([[[leaf.path, 'x'.repeat(room - 1024)]]], [[[leaf.path, 'x'.repeat(bodyLimit + 1024)]]]);
    }
    const list = field.args.flatMap((arg) => slotsOf(arg.type, base[arg.name], arg.name)).find((slot) => Array.isArray(slot.base) && slot.base.length > 0);
    if (list) examples.push([[[list.path, Array.from({ length: 20_000 }, () => (list.base as unknown[])[0])]]]);
    return examples;
  }

  /** changeMyPassword may succeed: then the password is set back, with the token it gave. */
  async function afterRun(name: string, args: Record<string, unknown>, response: GqlResponse<Record<string, unknown>>): Promise<void> {
    const changed = name === 'changeMyPassword' ? (response.body.data?.changeMyPassword as { token?: string } | undefined) : undefined;
    if (!changed?.token) return;
    const field = mutationsOf(schema).find((m) => m.name === name)!;
    const input = { currentPassword: (args.input as { newPassword: string }).newPassword, newPassword: TEST_PASSWORD };
    const restored = await sendMutation(t, field, { input }, changed.token);
    const token = (restored.body.data?.changeMyPassword as { token?: string } | undefined)?.token;
    if (!token) throw new Error(`could not set the password back: ${summary(restored.body)}`);
    world.tokens.passwordUser = token;
  }

  it.each(ORDER)('%s: no input makes it fail inside', async (name) => {
    const field = mutationsOf(schema).find((m) => m.name === name)!;
    const plan = MUTATION_PLANS[name];
    const send = async (changes: Changes, token: string | undefined) => {
      await plan.refresh?.(t, world);
      const args = applied(plan.args(world), changes);
      const response = await sendMutation(t, field, args, token);
      expectHandled(name, args, response);
      await afterRun(name, args, response);
    };
    const base = plan.args(world);
    await fc.assert(
      fc.asyncProperty(changesOf(field, base, world.idPool), async (changes) => send(changes, await tokenOf(t, world, plan.caller))),
      { seed: SEED, numRuns: field.args.length === 0 ? 2 : RUNS, examples: examplesFor(field, base) },
    );
    // And as whoever may not call it: the payroll system's key, and nobody.
    for (const token of [world.tokens.payroll, undefined]) await send([], token);
  }, 60_000);
});
