import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, GraphQLObjectType, isListType, isNonNullType, GraphQLOutputType } from 'graphql';
import { loadConfig, ConfigError } from '../../../../src/infrastructure/config/config';
import { addressKey } from '../../../../src/infrastructure/http/rate-limit-address';
import { rootFieldsOf } from '../../../../src/infrastructure/rate-limit/graphql-root-fields';
import { chargesFor, KNOWN_OPERATIONS } from '../../../../src/infrastructure/rate-limit/rate-limit-policy';

const TOKENS = 10_000;
const names = (payload: unknown) => rootFieldsOf(payload, TOKENS).map((f) => f.name);

describe('the top-level fields a request would run', () => {
  it('counts each alias, and a response key once (GraphQL merges fields of one key)', () => {
    const query = 'mutation { a: login(input: $i) { token } b: login(input: $i) { token } a: login(input: $i) { token } logout }';
    expect(names({ query })).toEqual(['login', 'login', 'logout']);
  });

  it('follows fragment spreads and inline fragments at the top, once each, also when they spread each other', () => {
    const query = `mutation { ...F ... on Mutation { x: login(input: $i) { token } } ...F }
      fragment F on Mutation { y: login(input: $i) { token } ...G }
      fragment G on Mutation { createUser(input: $u) { user { id } } ...F }`;
    expect(names({ query }).sort()).toEqual(['createUser', 'login', 'login']);
  });

  it('takes the named operation, else every operation of the document', () => {
    const query = 'query A { viewer { id } } mutation B { login(input: $i) { token } }';
    expect(names({ query, operationName: 'A' })).toEqual(['viewer']);
    expect(names({ query, operationName: 'B' })).toEqual(['login']);
    expect(names({ query })).toEqual(['viewer', 'login']);
    expect(names({ query, operationName: 'Nope' })).toEqual(['viewer', 'login']);
  });

  it('reads `first` as a literal or a variable (an object from a POST, JSON text from a GET)', () => {
    const query = 'query ($n: Int) { timesheets(first: $n) { nodes { id } } relations(first: 7) { nodes { id } } placements { nodes { id } } }';
    expect(rootFieldsOf({ query, variables: { n: 300 } }, TOKENS)).toEqual([
      { name: 'timesheets', first: 300 },
      { name: 'relations', first: 7 },
      { name: 'placements' },
    ]);
    expect(rootFieldsOf({ query, variables: '{"n": 12}' }, TOKENS)[0]).toEqual({ name: 'timesheets', first: 12 });
    expect(rootFieldsOf({ query, variables: '{not json' }, TOKENS)[0]).toEqual({ name: 'timesheets' });
    expect(rootFieldsOf({ query, variables: { n: 'many' } }, TOKENS)[0]).toEqual({ name: 'timesheets' });
  });

  it('reads every request of a batch', () => {
    expect(names([{ query: '{ viewer { id } }' }, { query: 'mutation { login(input: $i) { token } }' }])).toEqual(['viewer', 'login']);
  });

  it('finds nothing in what the GraphQL server refuses unrun', () => {
    expect(names(undefined)).toEqual([]);
    expect(names('mutation { login }')).toEqual([]);
    expect(names({ query: 42 })).toEqual([]);
    expect(names({ query: 'mutation { login(' })).toEqual([]);
    const long = `{ ${Array.from({ length: 400 }, (_, i) => `a${i}: viewer { id }`).join(' ')} }`;
    expect(rootFieldsOf({ query: long }, 1000)).toEqual([]);
    expect(rootFieldsOf({ query: long }, TOKENS)).toHaveLength(400);
  });
});

describe('what a request costs', () => {
  const anonymous = { kind: 'address', address: '203.0.113.9' } as const;
  const user = { kind: 'token', principal: 'user:u1', address: '203.0.113.9' } as const;

  it('counts a request without a valid token for its address, and each login there', () => {
    expect(chargesFor(anonymous, [{ name: 'login' }, { name: 'login' }, { name: 'createUser' }, { name: 'timesheets', first: 500 }])).toEqual([
      { limit: 'anonymous', key: '203.0.113.9', points: 1 },
      { limit: 'login', key: '203.0.113.9', points: 2 },
    ]);
  });

  it('counts a request with a token for its user, its logins for the address, its hashing and list rows for the user', () => {
    const fields = [
      { name: 'login' },
      { name: 'createUser' },
      { name: 'changeMyPassword' },
      { name: 'timesheets', first: 200 },
      { name: 'declarations', first: 100_000 },
      { name: 'flexworkers' },
      { name: 'openTimesheets' },
      { name: 'viewer' },
    ];
    expect(chargesFor(user, fields)).toEqual([
      { limit: 'token', key: 'user:u1', points: 1 },
      { limit: 'login', key: '203.0.113.9', points: 1 },
      { limit: 'passwordHashing', key: 'user:u1', points: 2 },
      { limit: 'listRows', key: 'user:u1', points: 200 + 500 + 20 + 20 },
    ]);
  });

  it('charges the impact of a schedule change 2,000 list rows on top of its page', () => {
    expect(chargesFor(user, [{ name: 'caoScheduleChangeImpact', first: 50 }])).toEqual([
      { limit: 'token', key: 'user:u1', points: 1 },
      { limit: 'listRows', key: 'user:u1', points: 50 + 2_000 },
    ]);
  });

  it('charges only the request itself when nothing in it is known', () => {
    expect(chargesFor(user, [])).toEqual([{ limit: 'token', key: 'user:u1', points: 1 }]);
    expect(chargesFor(user, [{ name: 'viewer' }, { name: 'saveTimesheet' }])).toEqual([{ limit: 'token', key: 'user:u1', points: 1 }]);
  });
});

describe('the operations the policy names', () => {
  const schema = buildSchema(readFileSync(path.resolve(__dirname, '../../../../schema.graphql'), 'utf8'));
  const query = schema.getQueryType()!.getFields();
  const mutation = schema.getMutationType()!.getFields();

  it('are fields of the schema: per-address and hashing ones mutations, lists queries', () => {
    for (const name of [...KNOWN_OPERATIONS.perAddress, ...KNOWN_OPERATIONS.passwordHashing]) expect({ name, mutation: name in mutation }).toEqual({ name, mutation: true });
    for (const name of [...KNOWN_OPERATIONS.lists, ...KNOWN_OPERATIONS.heavy]) expect({ name, query: name in query }).toEqual({ name, query: true });
  });

  it('include every top-level list (a list or a connection)', () => {
    const listsInSchema = Object.values(query)
      .filter((field) => returnsList(field.type))
      .map((field) => field.name)
      .sort();
    expect([...KNOWN_OPERATIONS.lists].sort()).toEqual(listsInSchema);
  });
});

function returnsList(type: GraphQLOutputType): boolean {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return true;
  const named = getNamedType(inner);
  return named instanceof GraphQLObjectType && named.name.endsWith('Connection');
}

describe('the key of a client address', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002::9', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['64:ff9b:1:2::192.0.2.1', '64:ff9b:1:2::/64'],
    [undefined, 'unknown'],
  ])('%s counts as %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });
});

describe('rate-limit settings', () => {
  it('have defaults, and are read as points/seconds', () => {
    expect(loadConfig({}).rateLimits).toEqual({
      anonymous: { points: 120, windowSeconds: 60 },
      login: { points: 20, windowSeconds: 60 },
      token: { points: 1200, windowSeconds: 60 },
      passwordHashing: { points: 20, windowSeconds: 60 },
      listRows: { points: 20000, windowSeconds: 60 },
      passwordReset: { points: 10, windowSeconds: 900 },
    });
    expect(loadConfig({ RATE_LIMIT_LOGIN: ' 5 / 300 ' }).rateLimits.login).toEqual({ points: 5, windowSeconds: 300 });
  });

  it.each(['5', '0/60', '5/0', '5/86401', '-1/60', 'five/60', '5/60/2'])('refuse RATE_LIMIT_LOGIN=%s', (value) => {
    expect(() => loadConfig({ RATE_LIMIT_LOGIN: value })).toThrow(ConfigError);
  });

  it('read TRUST_PROXY as off, on, a hop count or proxy addresses', () => {
    const trust = (value?: string) => loadConfig({ TRUST_PROXY: value }).trustProxy;
    expect([trust(), trust('false'), trust('0'), trust('true'), trust('1'), trust('2')]).toEqual([false, false, false, true, 1, 2]);
    expect(trust('loopback, 10.0.0.0/8, fd00::/8')).toBe('loopback,10.0.0.0/8,fd00::/8');
    expect(() => trust('my proxy')).toThrow(ConfigError);
  });
});
