import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents to sign (issue 12). `signing_requests` holds each document put before a worker and its
 * state; the original and the sealed copy are blobs in the DocumentStore, named by SHA-256.
 * `signing_evidence` holds what each signature rests on and is append-only: a trigger refuses
 * every UPDATE and DELETE, so not even the application can change the evidence afterwards.
 * `sealing_certificates` keeps the self-signed sealing certificate that a server on a real
 * PostgreSQL generates when SIGNING_P12_PATH is not set (one row; the P12 encrypted with the field
 * key), so that every server process seals with, and recognises, the same certificate.
 */
export class Signing1764201600000 implements MigrationInterface {
  name = 'Signing1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE signing_requests (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        flexworker_id uuid NOT NULL,
        placement_id uuid,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 150),
        due_date date,
        original_file_name text NOT NULL CHECK (length(original_file_name) BETWEEN 1 AND 200),
        original_sha256 char(64) NOT NULL CHECK (original_sha256 ~ '^[0-9a-f]{64}$'),
        original_size integer NOT NULL CHECK (original_size > 0),
        status text NOT NULL CHECK (status IN ('PENDING', 'SIGNED', 'DECLINED', 'WITHDRAWN')),
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL,
        decided_at timestamptz,
        decided_by uuid,
        decline_reason text CHECK (length(decline_reason) BETWEEN 1 AND 1000),
        signed_file_name text,
        signed_sha256 char(64) CHECK (signed_sha256 ~ '^[0-9a-f]{64}$'),
        signed_size integer CHECK (signed_size > 0),
        version integer NOT NULL,
        CONSTRAINT signing_requests_flexworker_fkey FOREIGN KEY (agency_id, flexworker_id) REFERENCES flexworkers(agency_id, id),
        CONSTRAINT signing_requests_decided_check CHECK ((status = 'PENDING') = (decided_at IS NULL)),
        CONSTRAINT signing_requests_declined_check CHECK ((status = 'DECLINED') = (decline_reason IS NOT NULL)),
        CONSTRAINT signing_requests_signed_check CHECK ((status = 'SIGNED') = (signed_sha256 IS NOT NULL AND signed_size IS NOT NULL AND signed_file_name IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX signing_requests_agency_list_idx ON signing_requests (agency_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX signing_requests_worker_list_idx ON signing_requests (agency_id, flexworker_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX signing_requests_signed_idx ON signing_requests (agency_id, signed_sha256) WHERE signed_sha256 IS NOT NULL`);
    await q.query(`
      CREATE TABLE signing_evidence (
        request_id uuid PRIMARY KEY REFERENCES signing_requests(id),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        document_title text NOT NULL,
        document_sha256 char(64) NOT NULL CHECK (document_sha256 ~ '^[0-9a-f]{64}$'),
        signed_sha256 char(64) NOT NULL CHECK (signed_sha256 ~ '^[0-9a-f]{64}$'),
        agency_name text NOT NULL,
        signer_name text NOT NULL,
        signer_user_id uuid NOT NULL,
        flexworker_id uuid NOT NULL,
        signed_at timestamptz NOT NULL,
        time_zone text NOT NULL,
        ip_address text,
        user_agent text,
        consent_text text NOT NULL,
        consent_version text NOT NULL,
        consent_language text NOT NULL,
        authentication text NOT NULL
      )`);
    await q.query(`
      CREATE FUNCTION signing_evidence_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the evidence of signature % is never changed or deleted', OLD.request_id USING ERRCODE = 'restrict_violation';
      END $$`);
    await q.query(`
      CREATE TRIGGER signing_evidence_append_only BEFORE UPDATE OR DELETE ON signing_evidence
      FOR EACH ROW EXECUTE FUNCTION signing_evidence_append_only()`);
    await q.query(`
      CREATE TABLE sealing_certificates (
        id smallint PRIMARY KEY CHECK (id = 1),
        p12_encrypted text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sealing_certificates`);
    await q.query(`DROP TABLE signing_evidence`);
    await q.query(`DROP FUNCTION signing_evidence_append_only()`);
    await q.query(`DROP TABLE signing_requests`);
  }
}
