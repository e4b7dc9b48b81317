import { DEFAULT_PAGE_SIZE } from '../../application/shared/pagination';
import type { RootField } from './graphql-root-fields';

/** At most `points` in a fixed window of `windowSeconds`. */
export interface RateLimit {
  readonly points: number;
  readonly windowSeconds: number;
}

export type LimitName = 'anonymous' | 'login' | 'token' | 'passwordHashing' | 'listRows' | 'passwordReset';

export type RateLimits = Readonly<Record<LimitName, RateLimit>>;

/** Who is asking: an address with no valid token, or a user or API key (its stable id). */
export type Caller = { readonly kind: 'address'; readonly address: string } | { readonly kind: 'token'; readonly principal: string; readonly address: string };

/** Points to take from one counter (limit × key) before the request may run. */
export interface Charge {
  readonly limit: LimitName;
  readonly key: string;
  readonly points: number;
}

/**
 * Operations that an anonymous caller can reach and that cost the server something real, each
 * with its own per-address limit on top of `anonymous`. Counted also when a token is sent, since
 * a token does not make a password guess cheaper. Issue 11 adds its own here (asking for a
 * password reset, accepting an invitation). Throttling per account is not an HTTP matter: it
 * belongs in the login use case behind a port of its own, whose adapter may keep its counters in
 * the same `rate_limits` table (another key prefix).
 */
const PER_ADDRESS_OPERATIONS: ReadonlyMap<string, LimitName> = new Map<string, LimitName>([
  ['login', 'login'],
  // Accepting an invitation hashes a password and logs in: it shares login's allowance.
  ['acceptInvitation', 'login'],
  // Asking for a reset writes rows and a mail; using one hashes a password: one allowance for both.
  ['requestPasswordReset', 'passwordReset'],
  ['resetPassword', 'passwordReset'],
]);

/** Mutations that hash or verify a password with argon2 (about a core for 13 ms each); a change request verifies it for a new IBAN, signDocument always. */
const PASSWORD_HASHING = new Set(['createUser', 'changeMyPassword', 'requestPersonalDataChange', 'signDocument']);

/** Top-level lists: each costs the rows it asks for (`first`), or a default page without it. */
const LISTS = new Set([
  'annualStatements',
  'apiClients',
  'caoScheduleChangeImpact',
  'caoUnravelSchedules',
  'changeRequests',
  'declarationStatus',
  'declarations',
  'declarationsAwaitingApproval',
  'flexworkers',
  'mailMessages',
  'messageThreads',
  'openTimesheets',
  'payrollExports',
  'payslips',
  'placements',
  'relations',
  'signingRequests',
  'timesheets',
]);
/** The largest page any list serves (timesheets, declarations); a larger `first` is refused by the list but costs this much. */
const LARGEST_PAGE = 500;

/**
 * Top-level queries whose work is not their page: `caoScheduleChangeImpact` unravels every
 * approved week of the last N weeks of every placement on a schedule again (up to hundreds of
 * thousands of work days) to answer one page. Each call costs these list rows on top of its page,
 * so that one user runs it at most about ten times a minute (20,000 rows by default).
 */
const HEAVY_QUERIES: ReadonlyMap<string, number> = new Map([['caoScheduleChangeImpact', 2_000]]);

/** The operation names this policy knows, for the test that holds them against the schema. */
export const KNOWN_OPERATIONS = {
  perAddress: [...PER_ADDRESS_OPERATIONS.keys()],
  passwordHashing: [...PASSWORD_HASHING],
  lists: [...LISTS],
  heavy: [...HEAVY_QUERIES.keys()],
} as const;

/**
 * What a request costs before it runs: the caller's own request counter (per address without a
 * valid token, per user or API key with one), each per-address operation, and for a token the
 * argon2 work and the list rows it asks for. Fields of an unreadable document cost nothing extra:
 * the GraphQL server refuses such a document without running anything.
 */
export function chargesFor(caller: Caller, fields: readonly RootField[]): Charge[] {
  const charges = new Map<string, Charge>();
  const add = (limit: LimitName, key: string, points: number) => {
    if (points <= 0) return;
    const id = `${limit}:${key}`;
    charges.set(id, { limit, key, points: (charges.get(id)?.points ?? 0) + points });
  };
  if (caller.kind === 'address') add('anonymous', caller.address, 1);
  else add('token', caller.principal, 1);
  for (const field of fields) {
    const perAddress = PER_ADDRESS_OPERATIONS.get(field.name);
    if (perAddress) add(perAddress, caller.address, 1);
    if (caller.kind !== 'token') continue;
    if (PASSWORD_HASHING.has(field.name)) add('passwordHashing', caller.principal, 1);
    add('listRows', caller.principal, listRows(field) + (HEAVY_QUERIES.get(field.name) ?? 0));
  }
  return [...charges.values()];
}

function listRows(field: RootField): number {
  if (!LISTS.has(field.name)) return 0;
  const first = field.first;
  if (first === undefined || !Number.isInteger(first) || first < 1) return DEFAULT_PAGE_SIZE;
  return Math.min(first, LARGEST_PAGE);
}

/** A charge its counter refused: the limit and how long until its window ends. */
export interface Refusal {
  readonly limit: LimitName;
  readonly points: number;
  readonly windowSeconds: number;
  readonly retryAfterMs: number;
}

/** Where the counters live: takes every charge and returns the refused ones (none: go ahead). */
export interface RateLimitCounters {
  /** Rejects when the counters cannot be reached. */
  charge(charges: readonly Charge[]): Promise<Refusal[]>;
}
