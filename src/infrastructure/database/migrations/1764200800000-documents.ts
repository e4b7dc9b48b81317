import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents of workers (issue 10: payslips and annual statements; later documents to sign and
 * message attachments). `documents` holds the metadata of each version, `document_contents` the
 * bytes when DOCUMENT_STORE=postgres (the default), addressed by SHA-256 so that a file is stored
 * once. No foreign key from one to the other: with DOCUMENT_STORE=fs the bytes are on disk.
 *
 * Versions: the uploads of one subject (worker, kind, period or year: `subject_key`) are numbered
 * by `documents_version_key`; of two uploads at once one gets the number and the other fails with
 * 23505 and takes the next. `latest` marks the version workers see (at most one per subject).
 * `sort_key` orders a kind's list newest first: `pay date/period start` for payslips, the year for
 * annual statements.
 */
export class Documents1764200800000 implements MigrationInterface {
  name = 'Documents1764200800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE document_contents (
        sha256 char(64) PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size integer NOT NULL CHECK (size > 0),
        content bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT document_contents_length_check CHECK (octet_length(content) = size)
      )`);
    await q.query(`
      CREATE TABLE documents (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        flexworker_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('PAYSLIP', 'ANNUAL_STATEMENT', 'SIGN_REQUEST', 'ATTACHMENT')),
        subject_key text NOT NULL CHECK (length(subject_key) BETWEEN 1 AND 100),
        sort_key text NOT NULL CHECK (length(sort_key) BETWEEN 1 AND 100),
        period_start date,
        period_end date,
        pay_date date,
        year integer,
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
        content_type text NOT NULL,
        sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size integer NOT NULL CHECK (size > 0),
        version integer NOT NULL CHECK (version >= 1),
        previous_version_id uuid REFERENCES documents(id),
        latest boolean NOT NULL DEFAULT true,
        uploaded_by_kind text NOT NULL CHECK (uploaded_by_kind IN ('USER', 'API_CLIENT')),
        uploaded_by_id uuid NOT NULL,
        uploaded_at timestamptz NOT NULL,
        CONSTRAINT documents_flexworker_fkey FOREIGN KEY (agency_id, flexworker_id) REFERENCES flexworkers(agency_id, id),
        CONSTRAINT documents_version_key UNIQUE (agency_id, flexworker_id, kind, subject_key, version),
        CONSTRAINT documents_previous_version_key UNIQUE (previous_version_id),
        CONSTRAINT documents_first_version_check CHECK ((version = 1) = (previous_version_id IS NULL)),
        CONSTRAINT documents_payslip_check CHECK (kind <> 'PAYSLIP' OR (period_start IS NOT NULL AND period_end >= period_start AND pay_date IS NOT NULL)),
        CONSTRAINT documents_annual_statement_check CHECK (kind <> 'ANNUAL_STATEMENT' OR year IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX documents_latest_key ON documents (agency_id, flexworker_id, kind, subject_key) WHERE latest`);
    await q.query(`CREATE INDEX documents_agency_list_idx ON documents (agency_id, kind, sort_key DESC, id DESC) WHERE latest`);
    await q.query(`CREATE INDEX documents_worker_list_idx ON documents (agency_id, flexworker_id, kind, sort_key DESC, id DESC) WHERE latest`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE documents`);
    await q.query(`DROP TABLE document_contents`);
  }
}
