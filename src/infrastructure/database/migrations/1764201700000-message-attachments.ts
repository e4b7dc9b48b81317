import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A message may carry one file (a PDF, PNG or JPEG uploaded with POST /uploads): its name, type,
 * size and SHA-256, the address of its bytes in the DocumentStore. All four or none.
 */
export class MessageAttachments1764201700000 implements MigrationInterface {
  name = 'MessageAttachments1764201700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE messages
        ADD COLUMN attachment_file_name text CHECK (length(attachment_file_name) BETWEEN 1 AND 200),
        ADD COLUMN attachment_content_type text CHECK (attachment_content_type IN ('application/pdf', 'image/png', 'image/jpeg')),
        ADD COLUMN attachment_sha256 char(64) CHECK (attachment_sha256 ~ '^[0-9a-f]{64}$'),
        ADD COLUMN attachment_size integer CHECK (attachment_size > 0),
        ADD CONSTRAINT messages_attachment_check CHECK (
          (attachment_sha256 IS NULL) = (attachment_file_name IS NULL)
          AND (attachment_sha256 IS NULL) = (attachment_content_type IS NULL)
          AND (attachment_sha256 IS NULL) = (attachment_size IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE messages DROP CONSTRAINT messages_attachment_check,
      DROP COLUMN attachment_file_name, DROP COLUMN attachment_content_type, DROP COLUMN attachment_sha256, DROP COLUMN attachment_size`);
  }
}
