import type { Pool, QueryConfig, QueryResult } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { Charge, LimitName, RateLimitCounters, RateLimits, Refusal } from './rate-limit-policy';

/** Made by migration 1764200560000 (never by the library at run time). */
const TABLE = 'rate_limits';
/** Every this many charges, a process deletes the rows whose window has ended. */
const SWEEP_EVERY = 1000;

/**
 * The rate-limit counters in PostgreSQL, one row per limit and key (`<limit>:<key>`), so that
 * every server process on the database counts together: fixed windows, as rate-limiter-flexible's
 * PostgreSQL store keeps them (its rows, its columns and its arithmetic). All the charges of one
 * request go in one atomic `INSERT … SELECT unnest(…) ON CONFLICT DO UPDATE … RETURNING` (issue 14:
 * a list query takes two counters, and each statement was a round trip), its rows in key order so
 * that two requests never lock the same two rows the other way round. Windows follow the clocks of
 * the server processes (`Date.now()`), which must agree to within a second or so.
 */
export class PostgresRateLimitCounters implements RateLimitCounters {
  private charged = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly limits: RateLimits,
    private readonly sweepEvery = SWEEP_EVERY,
    /** Called for each statement sent (they bypass TypeORM; the statement count of /metrics). */
    private readonly onStatement?: () => void,
  ) {}

  async charge(charges: readonly Charge[]): Promise<Refusal[]> {
    if (charges.length === 0) return [];
    const now = Date.now();
    const byKey = new Map<string, { limit: LimitName; points: number }>();
    for (const c of charges) {
      const key = `${c.limit}:${c.key}`;
      byKey.set(key, { limit: c.limit, points: (byKey.get(key)?.points ?? 0) + c.points });
    }
    const keys = [...byKey.keys()].sort();
    const { rows } = await this.query({
      text: `INSERT INTO ${TABLE} (key, points, expire)
               SELECT key, points, expire FROM unnest($1::varchar[], $2::int[], $3::bigint[]) AS c (key, points, expire) ORDER BY key
             ON CONFLICT (key) DO UPDATE SET
               points = CASE WHEN ${TABLE}.expire <= $4 THEN EXCLUDED.points ELSE ${TABLE}.points + EXCLUDED.points END,
               expire = CASE WHEN ${TABLE}.expire <= $4 THEN EXCLUDED.expire ELSE ${TABLE}.expire END
             RETURNING key, points, expire`,
      values: [keys, keys.map((k) => byKey.get(k)!.points), keys.map((k) => now + this.limits[byKey.get(k)!.limit].windowSeconds * 1000), now],
    });
    const counted = new Map((rows as { key: string; points: number; expire: string | null }[]).map((r) => [r.key, r]));
    const refusals: Refusal[] = [];
    for (const [key, { limit }] of byKey) {
      const row = counted.get(key);
      if (!row) throw new Error(`the rate-limit counter ${key} was not counted`);
      if (row.points <= this.limits[limit].points) continue;
      refusals.push({ limit, ...this.limits[limit], retryAfterMs: row.expire === null ? -1 : Math.max(Number(row.expire) - Date.now(), 0) });
    }
    this.charged += charges.length;
    if (this.charged >= this.sweepEvery) {
      this.charged = 0;
      void this.sweep();
    }
    return refusals;
  }

  /** Deletes the counters whose window has ended (a later charge would start them afresh anyway); never fails. */
  async sweep(): Promise<void> {
    await this.query({ text: `DELETE FROM ${TABLE} WHERE expire < $1`, values: [Date.now()] }).catch(() => undefined);
  }

  /**
   * Statements without a name: on the embedded PGlite every socket connection shares one backend
   * session, where a second connection preparing the same name fails ("prepared statement …
   * already exists").
   */
  private query(query: QueryConfig): Promise<QueryResult> {
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool | undefined;
    if (!pool) return Promise.reject(new Error('the database is closed'));
    this.onStatement?.();
    return pool.query({ text: query.text, values: query.values });
  }
}
