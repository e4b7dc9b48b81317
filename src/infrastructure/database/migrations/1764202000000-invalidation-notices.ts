import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14: each server process keeps who a token belongs to in memory for a few seconds. A
 * change to a session (logout), a user (password change, deactivation, role or language) or an
 * API key (revocation), however it is made, sends a notice on the channel `flexportal_invalidate`
 * when its transaction commits: `session:<id>`, `user:<id>`, `api_client:<id>`, `agency:<id>`.
 * Every process listens and forgets what the notice names (see invalidation-listener.ts).
 */
export class InvalidationNotices1764202000000 implements MigrationInterface {
  name = 'InvalidationNotices1764202000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION flexportal_notify_invalidation() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('flexportal_invalidate', TG_ARGV[0] || ':' || OLD.id::text);
        RETURN NULL;
      END
      $$`);
    for (const [table, kind] of TABLES) {
      await q.query(`
        CREATE TRIGGER ${table}_invalidate AFTER UPDATE OR DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION flexportal_notify_invalidation('${kind}')`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table] of TABLES) await q.query(`DROP TRIGGER ${table}_invalidate ON ${table}`);
    await q.query('DROP FUNCTION flexportal_notify_invalidation()');
  }
}

const TABLES: readonly (readonly [string, string])[] = [
  ['sessions', 'session'],
  ['users', 'user'],
  ['api_clients', 'api_client'],
  ['agencies', 'agency'],
];
