import { MailMessageDirectory, MailMessageFilter, MailMessageView, MailStatus } from '../../../application/ports/mail-message-directory';
import { MailKind } from '../../../application/ports/mail-outbox';
import { invalidCursor, Page, pageOfItems, PageQuery } from '../../../application/shared/pagination';
import { DatabaseContext } from '../database-context';
import { decodeCursor, encodeCursor } from '../organisation/keyset-cursor';

const LIST = 'mailMessages';

interface Row {
  id: string;
  kind: MailKind;
  recipient_email: string;
  recipient_name: string;
  recipient_user_id: string | null;
  language: string;
  subject: string | null;
  status: MailStatus;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  next_attempt_at: Date;
  sent_at: Date | null;
  failed_at: Date | null;
}

/** The columns staff may see: everything but `payload`. */
const COLUMNS = 'id, kind, recipient_email, recipient_name, recipient_user_id, language, subject, status, attempts, last_error, created_at, next_attempt_at, sent_at, failed_at';

/** The outbox of one agency, newest first (the index mail_outbox_agency_list_idx). */
export class TypeormMailMessageDirectory extends MailMessageDirectory {
  constructor(private readonly db: DatabaseContext) {
    super();
  }

  async list(agencyId: string, filter: MailMessageFilter, page: PageQuery): Promise<Page<MailMessageView>> {
    const params: unknown[] = [agencyId];
    const where = ['agency_id = $1'];
    if (filter.status) {
      params.push(filter.status);
      where.push(`status = $${params.length}`);
    }
    if (filter.kind) {
      params.push(filter.kind);
      where.push(`kind = $${params.length}`);
    }
    if (page.after) {
      const [createdAt, id] = decodeCursor(LIST, page.after, 2);
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(createdAt) || Number.isNaN(Date.parse(createdAt))) throw invalidCursor();
      params.push(createdAt, id);
      where.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(page.first + 1);
    const rows = (await this.db.manager().query(
      `SELECT ${COLUMNS} FROM mail_outbox WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    )) as Row[];
    const items = rows.slice(0, page.first).map(toView);
    return pageOfItems(items, items.map((m) => encodeCursor(LIST, [m.createdAt.toISOString(), m.id])), rows.length > page.first);
  }
}

function toView(row: Row): MailMessageView {
  return {
    id: row.id,
    kind: row.kind,
    recipientEmail: row.recipient_email,
    recipientName: row.recipient_name,
    recipientUserId: row.recipient_user_id,
    language: row.language,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: new Date(row.created_at),
    nextAttemptAt: row.status === 'PENDING' ? new Date(row.next_attempt_at) : null,
    sentAt: row.sent_at ? new Date(row.sent_at) : null,
    failedAt: row.failed_at ? new Date(row.failed_at) : null,
  };
}
