import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files uploaded for an operation that takes one (a document to sign, a message attachment):
 * `POST /uploads` stores the bytes in the DocumentStore and a row here, which the operation then
 * uses once (`used_at`, `used_for`), within `expires_at`. Only the login that uploaded a file can
 * use it. Unused rows are deleted a day after they expire (the `uploads.cleanup` job).
 */
export class Uploads1764201400000 implements MigrationInterface {
  name = 'Uploads1764201400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE uploads (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        uploaded_by uuid NOT NULL,
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
        content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg')),
        sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size integer NOT NULL CHECK (size > 0),
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        used_for text CHECK (used_for IN ('SIGNING_REQUEST', 'MESSAGE_ATTACHMENT', 'SIGNATURE_CHECK')),
        CONSTRAINT uploads_used_check CHECK ((used_at IS NULL) = (used_for IS NULL))
      )`);
    await q.query(`CREATE INDEX uploads_unused_expiry_idx ON uploads (expires_at) WHERE used_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE uploads`);
  }
}
