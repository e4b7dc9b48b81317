import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The week (issue 4): timesheets, their declarations and the audit trail.
 *
 * A timesheet is one placement's ISO week, with the placement's worker and relation (a foreign
 * key on all three); the checks keep its status and its approval stamps in step. A declaration is the hours of a week as they were approved: UNIQUE (timesheet_id,
 * number) makes two approvals at the same moment yield one declaration, and triggers keep its
 * hours as they were (only the stamps of what happened to it are added, each once) and refuse
 * to delete it. The timesheet points at its current declaration with a deferred key, as both
 * are written in one transaction. Audit entries are append-only.
 */
export class Timesheets1764200300000 implements MigrationInterface {
  name = 'Timesheets1764200300000';

  async up(q: QueryRunner): Promise<void> {
    // A placement never changes its worker or relation: the timesheet's copies (by which the lists
    // are filtered and access is decided) must be the placement's.
    await q.query(`ALTER TABLE placements ADD CONSTRAINT placements_agency_id_parties_key UNIQUE (agency_id, id, flexworker_id, relation_id)`);
    await q.query(`
      CREATE TABLE timesheets (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL,
        placement_id uuid NOT NULL,
        flexworker_id uuid NOT NULL,
        relation_id uuid NOT NULL,
        week text NOT NULL CHECK (week ~ '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$'),
        week_start date NOT NULL,
        status text NOT NULL CHECK (status IN ('OPEN', 'SUBMITTED', 'APPROVED', 'PROCESSED')),
        days jsonb NOT NULL CHECK (jsonb_typeof(days) = 'array' AND jsonb_array_length(days) <= 7),
        rejection_reason text CHECK (length(rejection_reason) BETWEEN 1 AND 1000),
        rejected_at timestamptz,
        rejected_by uuid,
        worker_approved_at timestamptz,
        worker_approved_by uuid,
        relation_approved_at timestamptz,
        relation_approved_by uuid,
        current_declaration_id uuid,
        declaration_count int NOT NULL CHECK (declaration_count >= 0),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT timesheets_agency_fkey FOREIGN KEY (agency_id) REFERENCES agencies(id),
        CONSTRAINT timesheets_placement_fkey FOREIGN KEY (agency_id, placement_id, flexworker_id, relation_id)
          REFERENCES placements(agency_id, id, flexworker_id, relation_id),
        CONSTRAINT timesheets_flexworker_fkey FOREIGN KEY (agency_id, flexworker_id) REFERENCES flexworkers(agency_id, id),
        CONSTRAINT timesheets_relation_fkey FOREIGN KEY (agency_id, relation_id) REFERENCES relations(agency_id, id),
        CONSTRAINT timesheets_agency_id_key UNIQUE (agency_id, id),
        CONSTRAINT timesheets_placement_week_key UNIQUE (agency_id, placement_id, week_start),
        CONSTRAINT timesheets_week_start_check CHECK (extract(isodow FROM week_start) = 1 AND to_char(week_start, 'IYYY-"W"IW') = week),
        CONSTRAINT timesheets_rejection_check CHECK (num_nulls(rejection_reason, rejected_at, rejected_by) IN (0, 3)),
        CONSTRAINT timesheets_worker_approval_check CHECK (num_nulls(worker_approved_at, worker_approved_by) IN (0, 2)),
        CONSTRAINT timesheets_relation_approval_check CHECK (num_nulls(relation_approved_at, relation_approved_by) IN (0, 2)),
        CONSTRAINT timesheets_current_declaration_check CHECK ((current_declaration_id IS NULL) = (declaration_count = 0)),
        CONSTRAINT timesheets_status_stamps_check CHECK (
          (status = 'OPEN' OR (worker_approved_at IS NOT NULL AND current_declaration_id IS NOT NULL))
          AND (status <> 'SUBMITTED' OR relation_approved_at IS NULL)
          AND (status NOT IN ('APPROVED', 'PROCESSED') OR relation_approved_at IS NOT NULL)
        )
      )`);
    await q.query(`CREATE INDEX timesheets_agency_week_idx ON timesheets (agency_id, week_start DESC, id DESC)`);
    await q.query(`CREATE INDEX timesheets_flexworker_week_idx ON timesheets (agency_id, flexworker_id, week_start)`);
    await q.query(`CREATE INDEX timesheets_relation_status_week_idx ON timesheets (agency_id, relation_id, status, week_start)`);

    await q.query(`
      CREATE TABLE declarations (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL,
        timesheet_id uuid NOT NULL,
        placement_id uuid NOT NULL,
        flexworker_id uuid NOT NULL,
        relation_id uuid NOT NULL,
        week text NOT NULL CHECK (week ~ '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$'),
        week_start date NOT NULL,
        number int NOT NULL CHECK (number >= 1),
        origin text NOT NULL CHECK (origin IN ('WORKER', 'RELATION', 'CORRECTION')),
        status text NOT NULL,
        days jsonb NOT NULL CHECK (jsonb_typeof(days) = 'array' AND jsonb_array_length(days) <= 7),
        breakdown jsonb NOT NULL CHECK (jsonb_typeof(breakdown) = 'object'),
        worked_minutes int NOT NULL CHECK (worked_minutes >= 0),
        worker_approved_at timestamptz NOT NULL,
        worker_approved_by uuid NOT NULL,
        relation_approved_at timestamptz,
        relation_approved_by uuid,
        approved_by_agency boolean NOT NULL DEFAULT false,
        rejected_at timestamptz,
        rejected_by uuid,
        rejection_reason text CHECK (length(rejection_reason) BETWEEN 1 AND 1000),
        corrected_at timestamptz,
        corrected_by uuid,
        correction_reason text CHECK (length(correction_reason) BETWEEN 1 AND 1000),
        previous_declaration_id uuid,
        superseded_at timestamptz,
        superseded_by uuid,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT declarations_agency_id_key UNIQUE (agency_id, id),
        CONSTRAINT declarations_timesheet_number_key UNIQUE (timesheet_id, number),
        CONSTRAINT declarations_timesheet_fkey FOREIGN KEY (agency_id, timesheet_id) REFERENCES timesheets(agency_id, id),
        CONSTRAINT declarations_previous_fkey FOREIGN KEY (agency_id, previous_declaration_id) REFERENCES declarations(agency_id, id),
        CONSTRAINT declarations_superseded_by_fkey FOREIGN KEY (agency_id, superseded_by) REFERENCES declarations(agency_id, id)
          DEFERRABLE INITIALLY DEFERRED,
        CONSTRAINT declarations_week_start_check CHECK (extract(isodow FROM week_start) = 1 AND to_char(week_start, 'IYYY-"W"IW') = week),
        CONSTRAINT declarations_relation_approval_check CHECK (num_nulls(relation_approved_at, relation_approved_by) IN (0, 2)),
        CONSTRAINT declarations_rejection_check CHECK (
          num_nulls(rejected_at, rejected_by, rejection_reason) IN (0, 3) AND (rejected_at IS NULL OR relation_approved_at IS NULL)
        ),
        CONSTRAINT declarations_correction_check CHECK (
          num_nulls(corrected_at, corrected_by, correction_reason, previous_declaration_id) IN (0, 4)
          AND (origin = 'CORRECTION') = (corrected_at IS NOT NULL)
        ),
        CONSTRAINT declarations_superseded_check CHECK (num_nulls(superseded_at, superseded_by) IN (0, 2)),
        CONSTRAINT declarations_relation_origin_check CHECK (origin <> 'RELATION' OR relation_approved_at IS NOT NULL),
        CONSTRAINT declarations_agency_approval_check CHECK (NOT approved_by_agency OR (origin = 'CORRECTION' AND relation_approved_at IS NULL)),
        CONSTRAINT declarations_status_check CHECK (
          status = CASE
            WHEN superseded_at IS NOT NULL THEN 'SUPERSEDED'
            WHEN rejected_at IS NOT NULL THEN 'REJECTED'
            WHEN relation_approved_at IS NOT NULL OR approved_by_agency THEN 'APPROVED'
            ELSE 'AWAITING_RELATION'
          END
        )
      )`);
    await q.query(`CREATE INDEX declarations_agency_week_idx ON declarations (agency_id, week_start, id)`);
    await q.query(`CREATE INDEX declarations_flexworker_week_idx ON declarations (agency_id, flexworker_id, week_start)`);
    await q.query(`CREATE INDEX declarations_relation_status_week_idx ON declarations (agency_id, relation_id, status, week_start)`);
    await q.query(`
      ALTER TABLE timesheets ADD CONSTRAINT timesheets_current_declaration_fkey
        FOREIGN KEY (agency_id, current_declaration_id) REFERENCES declarations(agency_id, id) DEFERRABLE INITIALLY DEFERRED`);

    await q.query(`
      CREATE FUNCTION declarations_keep_hours() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'declaration % is never deleted', OLD.id USING ERRCODE = 'restrict_violation';
        END IF;
        IF (NEW.id, NEW.agency_id, NEW.timesheet_id, NEW.placement_id, NEW.flexworker_id, NEW.relation_id, NEW.week, NEW.week_start,
            NEW.number, NEW.origin, NEW.days, NEW.breakdown, NEW.worked_minutes, NEW.worker_approved_at, NEW.worker_approved_by,
            NEW.approved_by_agency, NEW.corrected_at, NEW.corrected_by, NEW.correction_reason, NEW.previous_declaration_id, NEW.created_at)
          IS DISTINCT FROM
           (OLD.id, OLD.agency_id, OLD.timesheet_id, OLD.placement_id, OLD.flexworker_id, OLD.relation_id, OLD.week, OLD.week_start,
            OLD.number, OLD.origin, OLD.days, OLD.breakdown, OLD.worked_minutes, OLD.worker_approved_at, OLD.worker_approved_by,
            OLD.approved_by_agency, OLD.corrected_at, OLD.corrected_by, OLD.correction_reason, OLD.previous_declaration_id, OLD.created_at)
        THEN
          RAISE EXCEPTION 'the hours of declaration % never change', OLD.id USING ERRCODE = 'restrict_violation';
        END IF;
        IF (OLD.relation_approved_at IS NOT NULL
              AND (NEW.relation_approved_at, NEW.relation_approved_by) IS DISTINCT FROM (OLD.relation_approved_at, OLD.relation_approved_by))
          OR (OLD.rejected_at IS NOT NULL
              AND (NEW.rejected_at, NEW.rejected_by, NEW.rejection_reason) IS DISTINCT FROM (OLD.rejected_at, OLD.rejected_by, OLD.rejection_reason))
          OR (OLD.superseded_at IS NOT NULL
              AND (NEW.superseded_at, NEW.superseded_by) IS DISTINCT FROM (OLD.superseded_at, OLD.superseded_by))
        THEN
          RAISE EXCEPTION 'a stamp of declaration % is set only once', OLD.id USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER declarations_keep_hours BEFORE UPDATE OR DELETE ON declarations
        FOR EACH ROW EXECUTE FUNCTION declarations_keep_hours()`);

    await q.query(`
      CREATE TABLE audit_entries (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL,
        action text NOT NULL CHECK (action ~ '^[A-Z][A-Z_]{0,63}$'),
        subject_type text NOT NULL CHECK (subject_type ~ '^[A-Z][A-Z_]{0,63}$'),
        subject_id uuid NOT NULL,
        actor_id uuid NOT NULL,
        actor_role text NOT NULL CHECK (length(actor_role) BETWEEN 1 AND 64),
        at timestamptz NOT NULL,
        reason text CHECK (length(reason) <= 4000),
        before jsonb,
        after jsonb,
        CONSTRAINT audit_entries_agency_fkey FOREIGN KEY (agency_id) REFERENCES agencies(id)
      )`);
    await q.query(`CREATE INDEX audit_entries_subject_idx ON audit_entries (agency_id, subject_type, subject_id, at, id)`);
    await q.query(`
      CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entries is append-only' USING ERRCODE = 'restrict_violation';
      END
      $$`);
    await q.query(`
      CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
        FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_entries`);
    await q.query(`DROP FUNCTION audit_entries_append_only()`);
    await q.query(`ALTER TABLE timesheets DROP CONSTRAINT timesheets_current_declaration_fkey`);
    await q.query(`DROP TABLE declarations`);
    await q.query(`DROP FUNCTION declarations_keep_hours()`);
    await q.query(`DROP TABLE timesheets`);
    await q.query(`ALTER TABLE placements DROP CONSTRAINT placements_agency_id_parties_key`);
  }
}
