import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Payroll exports (issue 10): the approved hours taken by the payroll system, exactly once.
 *
 * An export holds items: declaration versions to pay (+1) or to reverse (-1, the booked version a
 * correction replaced). `payroll_export_items_held_once` is the guarantee that no two exports hold
 * the same declaration the same way at once: an item holds its declaration while its export is
 * PENDING or CONFIRMED, and is RELEASED when the export is cancelled or expires. The counter row
 * per agency numbers the exports and is the lock that puts the agency's export steps in a line,
 * across every server process. Declarations get a processed stamp, set once like their others.
 */
export class PayrollExports1764200700000 implements MigrationInterface {
  name = 'PayrollExports1764200700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE payroll_export_counters (
        agency_id uuid PRIMARY KEY REFERENCES agencies(id),
        last_number int NOT NULL CHECK (last_number >= 0)
      )`);
    await q.query(`
      CREATE TABLE payroll_exports (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        number int NOT NULL CHECK (number >= 1),
        created_by uuid NOT NULL,
        idempotency_key text NOT NULL CHECK (idempotency_key ~ '^[!-~]{1,128}$'),
        up_to timestamptz NOT NULL,
        up_to_given boolean NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'CANCELLED', 'EXPIRED')),
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        confirmed_at timestamptz,
        confirmed_by uuid,
        cancelled_at timestamptz,
        cancelled_by uuid,
        expired_at timestamptz,
        declaration_count int NOT NULL CHECK (declaration_count >= 0),
        reversal_count int NOT NULL CHECK (reversal_count >= 0),
        line_count int NOT NULL CHECK (line_count >= 0),
        total_minutes bigint NOT NULL,
        CONSTRAINT payroll_exports_agency_id_key UNIQUE (agency_id, id),
        CONSTRAINT payroll_exports_number_key UNIQUE (agency_id, number),
        CONSTRAINT payroll_exports_idempotency_key UNIQUE (agency_id, created_by, idempotency_key),
        CONSTRAINT payroll_exports_expiry_check CHECK (expires_at > created_at AND up_to <= created_at),
        CONSTRAINT payroll_exports_status_stamps_check CHECK (
          num_nulls(confirmed_at, confirmed_by) IN (0, 2) AND num_nulls(cancelled_at, cancelled_by) IN (0, 2)
          AND (status = 'CONFIRMED') = (confirmed_at IS NOT NULL)
          AND (status = 'CANCELLED') = (cancelled_at IS NOT NULL)
          AND (status = 'EXPIRED') = (expired_at IS NOT NULL)
        )
      )`);
    await q.query(`CREATE INDEX payroll_exports_agency_number_idx ON payroll_exports (agency_id, number DESC)`);
    await q.query(`CREATE INDEX payroll_exports_pending_idx ON payroll_exports (agency_id, expires_at) WHERE status = 'PENDING'`);
    await q.query(`
      CREATE TABLE payroll_export_items (
        export_id uuid NOT NULL,
        seq int NOT NULL CHECK (seq >= 1),
        agency_id uuid NOT NULL,
        timesheet_id uuid NOT NULL,
        declaration_id uuid NOT NULL,
        sign smallint NOT NULL CHECK (sign IN (-1, 1)),
        corrects_export_id uuid,
        corrects_declaration_id uuid,
        state text NOT NULL CHECK (state IN ('PENDING', 'CONFIRMED', 'RELEASED')),
        PRIMARY KEY (export_id, seq),
        CONSTRAINT payroll_export_items_export_fkey FOREIGN KEY (agency_id, export_id) REFERENCES payroll_exports(agency_id, id),
        CONSTRAINT payroll_export_items_timesheet_fkey FOREIGN KEY (agency_id, timesheet_id) REFERENCES timesheets(agency_id, id),
        CONSTRAINT payroll_export_items_declaration_fkey FOREIGN KEY (agency_id, declaration_id) REFERENCES declarations(agency_id, id),
        CONSTRAINT payroll_export_items_corrects_export_fkey FOREIGN KEY (agency_id, corrects_export_id) REFERENCES payroll_exports(agency_id, id),
        CONSTRAINT payroll_export_items_corrects_declaration_fkey FOREIGN KEY (agency_id, corrects_declaration_id) REFERENCES declarations(agency_id, id),
        CONSTRAINT payroll_export_items_corrects_check CHECK (
          num_nulls(corrects_export_id, corrects_declaration_id) IN (0, 2)
          AND (sign = 1 OR corrects_declaration_id = declaration_id)
        )
      )`);
    await q.query(`CREATE UNIQUE INDEX payroll_export_items_held_once ON payroll_export_items (declaration_id, sign) WHERE state <> 'RELEASED'`);
    await q.query(`CREATE INDEX payroll_export_items_timesheet_idx ON payroll_export_items (agency_id, timesheet_id) WHERE state <> 'RELEASED'`);

    await q.query(`ALTER TABLE declarations ADD COLUMN processed_at timestamptz, ADD COLUMN processed_in_export_id uuid`);
    await q.query(`
      ALTER TABLE declarations
        ADD CONSTRAINT declarations_processed_check CHECK (num_nulls(processed_at, processed_in_export_id) IN (0, 2)),
        ADD CONSTRAINT declarations_processed_export_fkey FOREIGN KEY (agency_id, processed_in_export_id) REFERENCES payroll_exports(agency_id, id)`);
    await q.query(keepHoursFunction(true));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(keepHoursFunction(false));
    await q.query(`ALTER TABLE declarations DROP CONSTRAINT declarations_processed_export_fkey, DROP CONSTRAINT declarations_processed_check`);
    await q.query(`ALTER TABLE declarations DROP COLUMN processed_in_export_id, DROP COLUMN processed_at`);
    await q.query(`DROP TABLE payroll_export_items`);
    await q.query(`DROP TABLE payroll_exports`);
    await q.query(`DROP TABLE payroll_export_counters`);
  }
}

/** The trigger of migration 1764200300000, with the processed stamp (set once) when `processed`. */
function keepHoursFunction(processed: boolean): string {
  const processedOnce = processed
    ? `OR (OLD.processed_at IS NOT NULL
              AND (NEW.processed_at, NEW.processed_in_export_id) IS DISTINCT FROM (OLD.processed_at, OLD.processed_in_export_id))`
    : '';
  return `
      CREATE OR REPLACE FUNCTION declarations_keep_hours() RETURNS trigger LANGUAGE plpgsql AS $$
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
          ${processedOnce}
        THEN
          RAISE EXCEPTION 'a stamp of declaration % is set only once', OLD.id USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END
      $$`;
}
