import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CAO unravel schedules of an agency, with their versions in an append-only table: a version is
 * never changed or removed (a trigger refuses it), so a declaration that stores the version it
 * was computed with (its valid_from) keeps meaning what it meant. The name is unique per agency,
 * case-insensitively. A placement's schedule becomes a real reference within its agency.
 */
export class CaoSchedules1764200200000 implements MigrationInterface {
  name = 'CaoSchedules1764200200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cao_schedules (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        source text NOT NULL CHECK (length(source) <= 2000),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT cao_schedules_agency_fkey FOREIGN KEY (agency_id) REFERENCES agencies(id),
        CONSTRAINT cao_schedules_agency_id_key UNIQUE (agency_id, id)
      )`);
    // Also the keyset index of the list (by name, then id: the id never decides, names being unique).
    await q.query(`CREATE UNIQUE INDEX cao_schedules_agency_name_key ON cao_schedules (agency_id, lower(name))`);

    await q.query(`
      CREATE TABLE cao_schedule_versions (
        agency_id uuid NOT NULL,
        schedule_id uuid NOT NULL,
        valid_from date NOT NULL,
        data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object'),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT cao_schedule_versions_pkey PRIMARY KEY (schedule_id, valid_from),
        CONSTRAINT cao_schedule_versions_schedule_fkey FOREIGN KEY (agency_id, schedule_id) REFERENCES cao_schedules(agency_id, id)
      )`);
    await q.query(`
      CREATE FUNCTION cao_schedule_versions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'cao_schedule_versions is append-only' USING ERRCODE = 'restrict_violation';
      END
      $$`);
    await q.query(`
      CREATE TRIGGER cao_schedule_versions_append_only BEFORE UPDATE OR DELETE ON cao_schedule_versions
        FOR EACH ROW EXECUTE FUNCTION cao_schedule_versions_append_only()`);

    await q.query(`ALTER TABLE placements DROP CONSTRAINT placements_cao_schedule_id_check`);
    await q.query(`ALTER TABLE placements ALTER COLUMN cao_schedule_id TYPE uuid USING cao_schedule_id::uuid`);
    await q.query(`
      ALTER TABLE placements ADD CONSTRAINT placements_cao_schedule_fkey
        FOREIGN KEY (agency_id, cao_schedule_id) REFERENCES cao_schedules(agency_id, id)`);
    await q.query(`CREATE INDEX placements_cao_schedule_idx ON placements (agency_id, cao_schedule_id) WHERE cao_schedule_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX placements_cao_schedule_idx`);
    await q.query(`ALTER TABLE placements DROP CONSTRAINT placements_cao_schedule_fkey`);
    await q.query(`ALTER TABLE placements ALTER COLUMN cao_schedule_id TYPE text USING cao_schedule_id::text`);
    await q.query(`
      ALTER TABLE placements ADD CONSTRAINT placements_cao_schedule_id_check CHECK (length(cao_schedule_id) BETWEEN 1 AND 64)`);
    await q.query(`DROP TABLE cao_schedule_versions`);
    await q.query(`DROP FUNCTION cao_schedule_versions_append_only()`);
    await q.query(`DROP TABLE cao_schedules`);
  }
}
