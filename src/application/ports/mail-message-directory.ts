import { Page, PageQuery } from '../shared/pagination';
import { MailKind } from './mail-outbox';

/** Where an outbox message is in its delivery (see the mail_outbox migration). */
export type MailStatus = 'PENDING' | 'SENDING' | 'SENT' | 'FAILED';
export const MAIL_STATUSES: readonly MailStatus[] = ['PENDING', 'SENDING', 'SENT', 'FAILED'];

/** An outbox message as staff see it: never its payload (it may hold a link with a token). */
export interface MailMessageView {
  readonly id: string;
  readonly kind: MailKind;
  readonly recipientEmail: string;
  readonly recipientName: string;
  readonly recipientUserId: string | null;
  readonly language: string;
  /** Known from the first try on (rendered then). */
  readonly subject: string | null;
  readonly status: MailStatus;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: Date;
  readonly nextAttemptAt: Date | null;
  readonly sentAt: Date | null;
  readonly failedAt: Date | null;
}

export interface MailMessageFilter {
  readonly status?: MailStatus;
  readonly kind?: MailKind;
}

/** The outbox of one agency, newest first. */
export abstract class MailMessageDirectory {
  abstract list(agencyId: string, filter: MailMessageFilter, page: PageQuery): Promise<Page<MailMessageView>>;
}
