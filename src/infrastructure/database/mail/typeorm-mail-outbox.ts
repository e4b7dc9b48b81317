import { MailOutbox, OutgoingMail } from '../../../application/ports/mail-outbox';
import { Clock } from '../../../application/ports/clock';
import { IdGenerator } from '../../../application/ports/id-generator';
import { DatabaseContext } from '../database-context';

/** The host part of every Message-ID this server makes (`<outbox id>@<this>`). */
export const MESSAGE_ID_DOMAIN = 'flexportal.mail';

/**
 * The outbox in PostgreSQL (migration 1764200900000): one row per mail, written with the unit of
 * work in progress. What the template needs is kept as JSON (`payload`, dates as ISO strings);
 * the delivery job renders and sends it.
 */
export class TypeormMailOutbox extends MailOutbox {
  constructor(
    private readonly db: DatabaseContext,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {
    super();
  }

  async enqueue(mail: OutgoingMail): Promise<string> {
    if (!this.db.inTransaction()) {
      throw new Error('a mail is enqueued inside the unit of work of the change that causes it');
    }
    const id = this.ids.next();
    const now = this.clock.now();
    const { agencyId, to, kind, ...values } = mail;
    await this.db.manager().query(
      `INSERT INTO mail_outbox (id, agency_id, kind, recipient_email, recipient_name, recipient_user_id, language, payload, message_id, status, next_attempt_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'PENDING', $10, $10)`,
      [id, agencyId, kind, to.email, to.name, to.userId ?? null, to.language, JSON.stringify(values), `${id}@${MESSAGE_ID_DOMAIN}`, now],
    );
    return id;
  }
}
