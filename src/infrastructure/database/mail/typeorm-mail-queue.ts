import { DataSource } from 'typeorm';
import { MailQueue, MailScope, OutboxMessage } from '../../../application/ports/mail-delivery';
import { MailKind, OutgoingMail } from '../../../application/ports/mail-outbox';

/** What a delivery that died mid-send leaves: the mail server may or may not have it, so it is never sent again by itself. */
export const INTERRUPTED = 'interrupted: may or may not have been delivered';

interface ClaimedRow {
  id: string;
  agency_id: string;
  kind: MailKind;
  recipient_email: string;
  recipient_name: string;
  recipient_user_id: string | null;
  language: string;
  payload: Record<string, unknown>;
  message_id: string;
  attempts: number;
}

/**
 * The outbox's delivery states (migration 1764200900000). Each method is one statement that
 * commits by itself, through the DataSource: never inside a unit of work, so a claim is visible to
 * every other process before the message goes out.
 */
export class TypeormMailQueue extends MailQueue {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async failInterrupted(now: Date, scope: MailScope): Promise<number> {
    const [, count] = await this.dataSource.query(
      `UPDATE mail_outbox SET status = 'FAILED', claimed_until = NULL, payload = NULL, failed_at = $1, last_error = $2
        WHERE status = 'SENDING' AND claimed_until < $1 AND ($3::uuid[] IS NULL OR agency_id = ANY($3::uuid[]))`,
      [now, INTERRUPTED, scope],
    );
    return Number(count ?? 0);
  }

  async claimDue(now: Date, claimedUntil: Date, limit: number, scope: MailScope): Promise<OutboxMessage[]> {
    const [rows] = (await this.dataSource.query(
      `UPDATE mail_outbox o SET status = 'SENDING', claimed_until = $2, attempts = o.attempts + 1
         FROM (SELECT id FROM mail_outbox WHERE status = 'PENDING' AND next_attempt_at <= $1
                  AND ($4::uuid[] IS NULL OR agency_id = ANY($4::uuid[]))
                ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED) due
        WHERE o.id = due.id
        RETURNING o.id, o.agency_id, o.kind, o.recipient_email, o.recipient_name, o.recipient_user_id, o.language, o.payload, o.message_id, o.attempts`,
      [now, claimedUntil, limit, scope],
    )) as [ClaimedRow[], number];
    return rows.map(toMessage);
  }

  async markSent(id: string, subject: string, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE mail_outbox SET status = 'SENT', sent_at = $3, subject = $2, payload = NULL, claimed_until = NULL, last_error = NULL
        WHERE id = $1 AND status = 'SENDING'`,
      [id, subject, now],
    );
  }

  async markRetry(id: string, subject: string | null, error: string, nextAttemptAt: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE mail_outbox SET status = 'PENDING', claimed_until = NULL, next_attempt_at = $4, last_error = $3, subject = COALESCE($2, subject)
        WHERE id = $1 AND status = 'SENDING'`,
      [id, subject, clip(error), nextAttemptAt],
    );
  }

  async markFailed(id: string, subject: string | null, error: string, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE mail_outbox SET status = 'FAILED', claimed_until = NULL, payload = NULL, failed_at = $4, last_error = $3, subject = COALESCE($2, subject)
        WHERE id = $1 AND status = 'SENDING'`,
      [id, subject, clip(error), now],
    );
  }

  async deleteFinishedBefore(cutoff: Date): Promise<number> {
    const [, count] = await this.dataSource.query(`DELETE FROM mail_outbox WHERE status IN ('SENT', 'FAILED') AND created_at < $1`, [cutoff]);
    return Number(count ?? 0);
  }
}

/** Mail server replies can be long; staff need the gist. */
function clip(error: string): string {
  return error.length > 1000 ? `${error.slice(0, 999)}…` : error;
}

function toMessage(row: ClaimedRow): OutboxMessage {
  const to = { email: row.recipient_email, name: row.recipient_name, language: row.language, userId: row.recipient_user_id };
  const payload = { ...row.payload };
  if (typeof payload.expiresAt === 'string') payload.expiresAt = new Date(payload.expiresAt);
  const mail = { ...payload, kind: row.kind, agencyId: row.agency_id, to } as unknown as OutgoingMail;
  return { id: row.id, messageId: row.message_id, kind: row.kind, to, attempts: row.attempts, mail };
}
