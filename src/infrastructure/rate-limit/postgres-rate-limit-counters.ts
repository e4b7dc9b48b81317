import type { Pool, QueryConfig, QueryResult } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { Charge, LimitName, RateLimitCounters, RateLimits, Refusal } from './rate-limit-policy';

/** Made by migration 1764200560000 (never by the library at run time). */
const TABLE = 'rate_limits';
/** Every this many charges, a process deletes the rows whose window has ended. */
const SWEEP_EVERY = 1000;

/**
 * The rate-limit counters in PostgreSQL, one row per limit and key, so that every server process
 * on the database counts together: rate-limiter-flexible's PostgreSQL store (a fixed window; one
 * atomic `INSERT … ON CONFLICT DO UPDATE … RETURNING` per charge), on the pool of the app's
 * TypeORM DataSource. Windows follow the clocks of the server processes (`Date.now()`), which
 * must agree to within a second or so.
 */
export class PostgresRateLimitCounters implements RateLimitCounters {
  private readonly limiters: ReadonlyMap<LimitName, RateLimiterPostgres>;
  private charged = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly limits: RateLimits,
    private readonly sweepEvery = SWEEP_EVERY,
    /** Called for each statement sent (they bypass TypeORM; the statement count of /metrics). */
    private readonly onStatement?: () => void,
  ) {
    const client = { query: (query: QueryConfig) => this.query(query) };
    this.limiters = new Map(
      (Object.keys(limits) as LimitName[]).map((limit) => [
        limit,
        new RateLimiterPostgres({
          storeClient: client,
          storeType: 'pool',
          tableName: TABLE,
          tableCreated: true,
          clearExpiredByTimeout: false,
          keyPrefix: limit,
          points: limits[limit].points,
          duration: limits[limit].windowSeconds,
        }),
      ]),
    );
  }

  async charge(charges: readonly Charge[]): Promise<Refusal[]> {
    const outcomes = await Promise.allSettled(charges.map((c) => this.limiters.get(c.limit)!.consume(c.key, c.points)));
    const refusals: Refusal[] = [];
    outcomes.forEach((outcome, i) => {
      if (outcome.status === 'fulfilled') return;
      // The library rejects with a RateLimiterRes when the limit is exceeded, with an Error when the store failed.
      if (!(outcome.reason instanceof RateLimiterRes)) throw outcome.reason;
      const { limit } = charges[i];
      refusals.push({ limit, ...this.limits[limit], retryAfterMs: outcome.reason.msBeforeNext });
    });
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
   * Statements without a name: the library names its prepared statements, and on the embedded
   * PGlite every socket connection shares one backend session, where a second connection
   * preparing the same name fails ("prepared statement … already exists").
   */
  private query(query: QueryConfig): Promise<QueryResult> {
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool | undefined;
    if (!pool) return Promise.reject(new Error('the database is closed'));
    this.onStatement?.();
    return pool.query({ text: query.text, values: query.values });
  }
}
