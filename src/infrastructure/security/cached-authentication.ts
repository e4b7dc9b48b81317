import { Actor } from '../../application/shared/actor';
import { Authentication } from '../../application/identity/authenticate.use-case';
import { Clock } from '../../application/ports/clock';
import { SecretGenerator } from '../../application/ports/secret-generator';
import { Invalidation, InvalidationSource } from '../database/invalidation-listener';

export interface Authenticator {
  execute(bearer: string): Promise<Actor>;
}

export interface AuthenticationCacheOptions {
  /** How long an answer is kept at most (AUTH_CACHE_TTL_SECONDS); 0 turns the cache off. */
  readonly ttlMs: number;
  /** Tokens kept at most; the oldest go first. */
  readonly maxEntries: number;
}

interface Entry {
  readonly actor: Actor;
  /** Epoch ms after which the entry is not used: the TTL, or the session's own expiry if sooner. */
  readonly until: number;
}

export interface AuthenticationCacheStats {
  hits: number;
  misses: number;
}

/**
 * Who a bearer token belongs to, kept in this process for a few seconds (issue 14): a request
 * then authenticates without a round trip. Keyed by the token's hash, never the token.
 *
 * It is safe across processes because every change that ends or alters an answer (logout,
 * password change or reset, deactivation, a new role or language, a revoked API key) makes the
 * database notify every process, which forgets the entries it names at once; the TTL bounds an
 * answer's age whatever happens. While a process hears no notices (its listening connection is
 * down) it does not use the cache at all. A refusal is never kept: each is asked again.
 */
export class CachedAuthentication implements Authenticator {
  private readonly entries = new Map<string, Entry>();
  readonly stats: AuthenticationCacheStats = { hits: 0, misses: 0 };

  constructor(
    private readonly inner: { resolve(bearer: string): Promise<Authentication> },
    private readonly secrets: SecretGenerator,
    private readonly clock: Clock,
    private readonly notices: InvalidationSource,
    private readonly options: AuthenticationCacheOptions,
  ) {
    notices.subscribe((invalidation) => this.forget(invalidation));
  }

  async execute(bearer: string): Promise<Actor> {
    if (this.options.ttlMs <= 0 || !this.notices.listening || bearer.length > 512) return (await this.inner.resolve(bearer)).actor;
    const key = this.secrets.hash(bearer);
    const now = this.clock.now().getTime();
    const entry = this.entries.get(key);
    if (entry && entry.until > now) {
      this.stats.hits += 1;
      return entry.actor;
    }
    if (entry) this.entries.delete(key);
    this.stats.misses += 1;
    const generation = this.notices.generation;
    const { actor, validUntil } = await this.inner.resolve(bearer);
    // A notice heard while the database was read may be about what was read: do not keep it.
    if (this.notices.generation === generation && this.notices.listening) {
      const until = Math.min(now + this.options.ttlMs, validUntil?.getTime() ?? Number.POSITIVE_INFINITY);
      if (this.entries.size >= this.options.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(key, { actor, until });
    }
    return actor;
  }

  /** Entries kept now (for tests and metrics). */
  get size(): number {
    return this.entries.size;
  }

  private forget(invalidation: Invalidation): void {
    if (invalidation === 'ALL') {
      this.entries.clear();
      return;
    }
    const matches = MATCHERS[invalidation.kind];
    if (!matches) return;
    for (const [key, entry] of this.entries) if (matches(entry.actor, invalidation.id)) this.entries.delete(key);
  }
}

const MATCHERS: Readonly<Record<string, (actor: Actor, id: string) => boolean>> = {
  session: (actor, id) => actor.sessionId === id,
  user: (actor, id) => actor.kind === 'USER' && actor.id === id,
  api_client: (actor, id) => actor.kind === 'API_CLIENT' && actor.id === id,
};
