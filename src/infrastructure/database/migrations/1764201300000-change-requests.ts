import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Your information (issue 12).
 *
 * - `change_requests`: a worker's request to correct their personal data. `changes` holds the
 *   proposed values as JSON (a key present: that field changes; null: cleared), the IBAN in it
 *   encrypted like `flexworkers.iban_encrypted`. `flexworker_version` is the worker record's
 *   version when the request was made: approving it on a newer one is refused as stale.
 * - `agencies.contact_email`, `agencies.contact_phone`: how workers reach their agency, shown on
 *   the tab.
 */
export class ChangeRequests1764201300000 implements MigrationInterface {
  name = 'ChangeRequests1764201300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agencies ADD COLUMN contact_email text CHECK (length(contact_email) <= 254)`);
    await q.query(`ALTER TABLE agencies ADD COLUMN contact_phone text CHECK (length(contact_phone) <= 32)`);
    await q.query(`
      CREATE TABLE change_requests (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        flexworker_id uuid NOT NULL REFERENCES flexworkers(id),
        requested_by uuid NOT NULL REFERENCES users(id),
        changes jsonb NOT NULL CHECK (jsonb_typeof(changes) = 'object'),
        note text NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
        flexworker_version int NOT NULL CHECK (flexworker_version >= 1),
        status text NOT NULL CHECK (status IN ('OPEN', 'APPROVED', 'REJECTED')),
        decided_at timestamptz,
        decided_by uuid REFERENCES users(id),
        rejection_reason text CHECK (length(rejection_reason) BETWEEN 1 AND 2000),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT change_requests_decided_check CHECK ((status = 'OPEN') = (decided_at IS NULL) AND (status = 'REJECTED') = (rejection_reason IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX change_requests_agency_list_idx ON change_requests (agency_id, status, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX change_requests_worker_list_idx ON change_requests (agency_id, flexworker_id, created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE change_requests`);
    await q.query(`ALTER TABLE agencies DROP COLUMN contact_phone`);
    await q.query(`ALTER TABLE agencies DROP COLUMN contact_email`);
  }
}
