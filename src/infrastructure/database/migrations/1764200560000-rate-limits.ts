import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The counters of the rate limits (infrastructure/rate-limit), shared by every server process.
 * rate-limiter-flexible's PostgreSQL store writes it positionally (`INSERT … VALUES (key, points,
 * expire)`), so the columns are its own, in its order; `expire` is in epoch milliseconds.
 * UNLOGGED: counters are rewritten on nearly every request and worth nothing after a crash (they
 * start again from zero then), so they skip the write-ahead log.
 */
export class RateLimits1764200560000 implements MigrationInterface {
  name = 'RateLimits1764200560000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE UNLOGGED TABLE rate_limits (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
    await q.query(`CREATE INDEX rate_limits_expire_idx ON rate_limits (expire)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limits`);
  }
}
