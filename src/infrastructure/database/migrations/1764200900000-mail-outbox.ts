import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mail outbox (issue 11). A use case writes a row in the same transaction as the change that
 * causes the mail; the delivery job renders it from `payload` in the recipient's language and
 * sends it. The state is kept here:
 *
 * - PENDING: waiting for `next_attempt_at` (the first try, or a retry after a refusal);
 * - SENDING: claimed by one process (committed before it talks to SMTP) until `claimed_until`;
 * - SENT: the SMTP server accepted it (`sent_at`);
 * - FAILED: refused for good, or out of attempts, or interrupted while sending (at most once: a
 *   message whose outcome is unknown is never sent again by itself; staff can send a new one).
 *
 * `message_id` is the stable Message-ID header (one per row, also across retries). `payload` may
 * hold a link with a single-use token: it is cleared once the row is SENT or FAILED.
 */
export class MailOutbox1764200900000 implements MigrationInterface {
  name = 'MailOutbox1764200900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mail_outbox (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        kind text NOT NULL CHECK (kind IN ('INVITATION', 'PASSWORD_RESET', 'HOURS_REMINDER')),
        recipient_email text NOT NULL CHECK (length(recipient_email) BETWEEN 3 AND 320),
        recipient_name text NOT NULL CHECK (length(recipient_name) <= 200),
        recipient_user_id uuid,
        language text NOT NULL CHECK (language IN ('nl', 'bg', 'de', 'en', 'hu', 'pl', 'pt', 'ro')),
        payload jsonb,
        subject text,
        message_id text NOT NULL UNIQUE,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at timestamptz NOT NULL,
        claimed_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL,
        sent_at timestamptz,
        failed_at timestamptz,
        CONSTRAINT mail_outbox_payload_check CHECK (status IN ('SENT', 'FAILED') OR payload IS NOT NULL),
        CONSTRAINT mail_outbox_sent_check CHECK ((status = 'SENT') = (sent_at IS NOT NULL)),
        CONSTRAINT mail_outbox_claim_check CHECK ((status = 'SENDING') = (claimed_until IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status = 'PENDING'`);
    await q.query(`CREATE INDEX mail_outbox_claimed_idx ON mail_outbox (claimed_until) WHERE status = 'SENDING'`);
    await q.query(`CREATE INDEX mail_outbox_agency_list_idx ON mail_outbox (agency_id, created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE mail_outbox');
  }
}
