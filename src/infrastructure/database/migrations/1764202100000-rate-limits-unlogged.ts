import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14: every request charges a counter in `rate_limits` (one upsert), so each request was a
 * write that waited for the write-ahead log to reach the disk. The counters (and the failed-login
 * counts kept beside them) are worth a few seconds of protection, not durability: UNLOGGED skips
 * the log. After a crash of PostgreSQL the table starts empty, as after a quiet minute.
 */
export class RateLimitsUnlogged1764202100000 implements MigrationInterface {
  name = 'RateLimitsUnlogged1764202100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE rate_limits SET UNLOGGED');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE rate_limits SET LOGGED');
  }
}
