import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * No hour counted twice, guarded by the database too (issue 16). The week's use cases take a lock
 * on the worker and check the worker's other placements before they write; this table states the
 * rule once more where PostgreSQL can enforce it: every block of work with times that a timesheet
 * holds, as a range of local wall-clock time, and no two ranges of one worker may overlap
 * (`EXCLUDE USING gist`, with btree_gist for the uuid). A trigger keeps the table equal to the
 * timesheets' days, so no code path can store hours without it.
 *
 * Day totals and hours per hour code have no times and are not here: their 24-hour limit across
 * placements rests on the lock alone. Ranges are wall-clock time, as the use cases compare them
 * (in the doubled autumn hour, 02:30 of either pass is the same moment to both guards).
 */
export class WorkerTimeBlocks1764200400000 implements MigrationInterface {
  name = 'WorkerTimeBlocks1764200400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    // A day's blocks as the domain stores them: {"date": "2026-11-22", "blocks": [{"start": "22:00", "end": "06:00"}]};
    // an end at or before the start is on the next date ("24:00" ends the day).
    await q.query(`
      CREATE FUNCTION timesheet_time_blocks(days jsonb) RETURNS TABLE (during tsrange) LANGUAGE sql IMMUTABLE AS $$
        SELECT tsrange(m.day_start + make_interval(mins => m.s), m.day_start + make_interval(mins => CASE WHEN m.e <= m.s THEN m.e + 1440 ELSE m.e END), '[)')
        FROM jsonb_array_elements(days) AS day
        CROSS JOIN LATERAL jsonb_array_elements(COALESCE(day -> 'blocks', '[]'::jsonb)) AS block
        CROSS JOIN LATERAL (
          SELECT (day ->> 'date')::date::timestamp AS day_start,
                 split_part(block ->> 'start', ':', 1)::int * 60 + split_part(block ->> 'start', ':', 2)::int AS s,
                 split_part(block ->> 'end', ':', 1)::int * 60 + split_part(block ->> 'end', ':', 2)::int AS e
        ) AS m
      $$`);
    await q.query(`
      CREATE TABLE worker_time_blocks (
        agency_id uuid NOT NULL,
        timesheet_id uuid NOT NULL,
        flexworker_id uuid NOT NULL,
        placement_id uuid NOT NULL,
        during tsrange NOT NULL CHECK (NOT isempty(during)),
        CONSTRAINT worker_time_blocks_timesheet_fkey FOREIGN KEY (agency_id, timesheet_id) REFERENCES timesheets(agency_id, id) ON DELETE CASCADE,
        CONSTRAINT worker_time_blocks_no_overlap EXCLUDE USING gist (flexworker_id WITH =, during WITH &&)
      )`);
    await q.query(`CREATE INDEX worker_time_blocks_timesheet_idx ON worker_time_blocks (timesheet_id)`);
    await q.query(`
      CREATE FUNCTION timesheets_keep_time_blocks() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM worker_time_blocks WHERE timesheet_id = NEW.id;
        INSERT INTO worker_time_blocks (agency_id, timesheet_id, flexworker_id, placement_id, during)
          SELECT NEW.agency_id, NEW.id, NEW.flexworker_id, NEW.placement_id, b.during FROM timesheet_time_blocks(NEW.days) AS b;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER timesheets_keep_time_blocks_insert AFTER INSERT ON timesheets
        FOR EACH ROW WHEN (jsonb_array_length(NEW.days) > 0) EXECUTE FUNCTION timesheets_keep_time_blocks()`);
    await q.query(`
      CREATE TRIGGER timesheets_keep_time_blocks_update AFTER UPDATE OF days ON timesheets
        FOR EACH ROW WHEN (OLD.days IS DISTINCT FROM NEW.days) EXECUTE FUNCTION timesheets_keep_time_blocks()`);
    await refuseStoredOverlaps(q);
    await q.query(`
      INSERT INTO worker_time_blocks (agency_id, timesheet_id, flexworker_id, placement_id, during)
        SELECT t.agency_id, t.id, t.flexworker_id, t.placement_id, b.during FROM timesheets t CROSS JOIN LATERAL timesheet_time_blocks(t.days) AS b`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER timesheets_keep_time_blocks_update ON timesheets`);
    await q.query(`DROP TRIGGER timesheets_keep_time_blocks_insert ON timesheets`);
    await q.query(`DROP FUNCTION timesheets_keep_time_blocks()`);
    await q.query(`DROP TABLE worker_time_blocks`);
    await q.query(`DROP FUNCTION timesheet_time_blocks(jsonb)`);
  }
}

/**
 * Hours stored twice before this guard existed cannot be sorted out by a migration (which of the
 * two did the worker work?): name them, so that staff correct one week, and stop.
 */
async function refuseStoredOverlaps(q: QueryRunner): Promise<void> {
  const pairs: { a: string; b: string; flexworker_id: string }[] = await q.query(`
    WITH blocks AS (
      SELECT t.id, t.flexworker_id, b.during FROM timesheets t CROSS JOIN LATERAL timesheet_time_blocks(t.days) AS b
    )
    SELECT DISTINCT x.id AS a, y.id AS b, x.flexworker_id
    FROM blocks x JOIN blocks y ON x.flexworker_id = y.flexworker_id AND x.id < y.id AND x.during && y.during
    LIMIT 20`);
  if (pairs.length > 0) {
    const list = pairs.map((p) => `${p.a} and ${p.b} (flexworker ${p.flexworker_id})`).join('; ');
    throw new Error(`These timesheets hold overlapping hours of one worker; correct one of each pair, then migrate again: ${list}`);
  }
}
