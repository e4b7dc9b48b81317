import { AttemptCount, AttemptCounters } from '../../../src/application/ports/attempt-counters';
import { Clock } from '../../../src/application/ports/clock';
import { PasswordResetRepository } from '../../../src/application/ports/password-reset.repository';
import { PasswordReset } from '../../../src/domain/identity/password-reset.entity';

/** Fixed windows on the given clock, as the PostgreSQL adapter keeps them. */
export class InMemoryAttemptCounters extends AttemptCounters {
  readonly rows = new Map<string, { count: number; expiresAt: number }>();

  constructor(private readonly clock: Clock) {
    super();
  }

  async peek(key: string): Promise<AttemptCount> {
    const now = this.clock.now().getTime();
    const row = this.rows.get(key);
    return row && row.expiresAt > now ? { count: row.count, retryAfterMs: row.expiresAt - now } : { count: 0, retryAfterMs: 0 };
  }

  async add(key: string, windowSeconds: number): Promise<AttemptCount> {
    const now = this.clock.now().getTime();
    const row = this.rows.get(key);
    const next = row && row.expiresAt > now ? { count: row.count + 1, expiresAt: row.expiresAt } : { count: 1, expiresAt: now + windowSeconds * 1000 };
    this.rows.set(key, next);
    return { count: next.count, retryAfterMs: next.expiresAt - now };
  }

  async clear(key: string): Promise<void> {
    this.rows.delete(key);
  }
}

/** Reset requests kept in a Map (decoys counted apart: they name no login and are never found). */
export class InMemoryPasswordResetRepository extends PasswordResetRepository {
  readonly rows = new Map<string, PasswordReset>();
  decoys = 0;

  async insert(reset: PasswordReset): Promise<void> {
    if ([...this.rows.values()].some((r) => r.tokenHash === reset.tokenHash)) throw new Error('duplicate key: password_resets_token_hash_key');
    this.rows.set(reset.id, PasswordReset.rehydrate(reset.toProps()));
  }

  async insertDecoy(): Promise<void> {
    this.decoys += 1;
  }

  async findByTokenHash(tokenHash: string): Promise<PasswordReset | null> {
    const found = [...this.rows.values()].find((r) => r.tokenHash === tokenHash);
    return found ? PasswordReset.rehydrate(found.toProps()) : null;
  }

  async useUp(reset: PasswordReset, at: Date): Promise<boolean> {
    const stored = this.rows.get(reset.id);
    if (!stored || stored.usedAt !== null) return false;
    for (const [id, row] of this.rows) {
      if (row.userId === reset.userId && row.usedAt === null) this.rows.set(id, PasswordReset.rehydrate({ ...row.toProps(), usedAt: at }));
    }
    return true;
  }

  async deleteExpiredBefore(cutoff: Date): Promise<number> {
    const old = [...this.rows.values()].filter((r) => r.expiresAt.getTime() < cutoff.getTime());
    for (const row of old) this.rows.delete(row.id);
    return old.length;
  }
}
