import { createHash } from 'node:crypto';
import { AttemptCount, AttemptCounters } from '../../application/ports/attempt-counters';
import { Clock } from '../../application/ports/clock';
import { DatabaseContext } from '../database/database-context';

/** Keys in the shared `rate_limits` table under this prefix, apart from the HTTP limits' own. */
const PREFIX = 'attempts:';

/**
 * Attempt counters (failed logins, reset requests) in the `rate_limits` table of the HTTP rate
 * limits (migration 1764200560000), under their own key prefix: every server process on the
 * database counts together. One atomic `INSERT … ON CONFLICT DO UPDATE … RETURNING` per attempt,
 * as rate-limiter-flexible writes its rows, but on the application's clock, so that windows follow
 * the clock the rest of the application reads (tests travel past a window). The key is stored as
 * its SHA-256: no e-mail address sits readable in the table, and any key fits the column.
 */
export class PostgresAttemptCounters extends AttemptCounters {
  constructor(
    private readonly db: DatabaseContext,
    private readonly clock: Clock,
  ) {
    super();
  }

  async peek(key: string): Promise<AttemptCount> {
    const now = this.clock.now().getTime();
    const rows: { points: number; expire: string }[] = await this.db.manager().query(
      `SELECT points, expire FROM rate_limits WHERE key = $1 AND expire > $2`,
      [stored(key), now],
    );
    return rows.length === 0 ? { count: 0, retryAfterMs: 0 } : countOf(rows[0], now);
  }

  async add(key: string, windowSeconds: number): Promise<AttemptCount> {
    const now = this.clock.now().getTime();
    const rows: { points: number; expire: string }[] = await this.db.manager().query(
      `INSERT INTO rate_limits (key, points, expire) VALUES ($1, 1, $2)
       ON CONFLICT (key) DO UPDATE SET
         points = CASE WHEN rate_limits.expire IS NULL OR rate_limits.expire <= $3 THEN 1 ELSE rate_limits.points + 1 END,
         expire = CASE WHEN rate_limits.expire IS NULL OR rate_limits.expire <= $3 THEN EXCLUDED.expire ELSE rate_limits.expire END
       RETURNING points, expire`,
      [stored(key), now + windowSeconds * 1000, now],
    );
    return countOf(rows[0], now);
  }

  async clear(key: string): Promise<void> {
    await this.db.manager().query(`DELETE FROM rate_limits WHERE key = $1`, [stored(key)]);
  }
}

function stored(key: string): string {
  return PREFIX + createHash('sha256').update(key, 'utf8').digest('hex');
}

function countOf(row: { points: number; expire: string }, now: number): AttemptCount {
  return { count: Number(row.points), retryAfterMs: Math.max(0, Number(row.expire) - now) };
}
