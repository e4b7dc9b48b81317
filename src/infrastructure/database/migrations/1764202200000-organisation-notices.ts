import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14: each server process also keeps placements, relations, workers and CAO schedules by
 * id for a few seconds (a week, the overview and the inbox read them on every request). A change
 * of one, however it is made, notifies on `flexportal_invalidate` when its transaction commits:
 * `relation:<id>`, `flexworker:<id>`, `cao_schedule:<id>` (also when a version of it is added),
 * `placement:<id>`, and `placements_of_flexworker:<worker id>` when a worker gets a placement or
 * one of theirs changes (what a worker may see of relations follows their placements).
 */
export class OrganisationNotices1764202200000 implements MigrationInterface {
  name = 'OrganisationNotices1764202200000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, kind] of BY_ID) {
      await q.query(`
        CREATE TRIGGER ${table}_invalidate AFTER UPDATE OR DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION flexportal_notify_invalidation('${kind}')`);
    }
    await q.query(`
      CREATE FUNCTION flexportal_notify_placement() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          PERFORM pg_notify('flexportal_invalidate', 'placement:' || OLD.id::text);
          PERFORM pg_notify('flexportal_invalidate', 'placements_of_flexworker:' || OLD.flexworker_id::text);
        END IF;
        IF TG_OP <> 'DELETE' THEN
          PERFORM pg_notify('flexportal_invalidate', 'placements_of_flexworker:' || NEW.flexworker_id::text);
        END IF;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER placements_invalidate AFTER INSERT OR UPDATE OR DELETE ON placements
        FOR EACH ROW EXECUTE FUNCTION flexportal_notify_placement()`);
    await q.query(`
      CREATE FUNCTION flexportal_notify_cao_schedule_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('flexportal_invalidate', 'cao_schedule:' || (CASE WHEN TG_OP = 'DELETE' THEN OLD.schedule_id ELSE NEW.schedule_id END)::text);
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER cao_schedule_versions_invalidate AFTER INSERT OR UPDATE OR DELETE ON cao_schedule_versions
        FOR EACH ROW EXECUTE FUNCTION flexportal_notify_cao_schedule_version()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER cao_schedule_versions_invalidate ON cao_schedule_versions');
    await q.query('DROP FUNCTION flexportal_notify_cao_schedule_version()');
    await q.query('DROP TRIGGER placements_invalidate ON placements');
    await q.query('DROP FUNCTION flexportal_notify_placement()');
    for (const [table] of BY_ID) await q.query(`DROP TRIGGER ${table}_invalidate ON ${table}`);
  }
}

const BY_ID: readonly (readonly [string, string])[] = [
  ['relations', 'relation'],
  ['flexworkers', 'flexworker'],
  ['cao_schedules', 'cao_schedule'],
];
