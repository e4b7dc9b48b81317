import { MailKind, MailRecipient, OutgoingMail } from './mail-outbox';

/** One outbox message as the delivery job sees it (claimed, with what its template needs). */
export interface OutboxMessage {
  readonly id: string;
  /** The stable Message-ID (without angle brackets): the same on every try. */
  readonly messageId: string;
  readonly kind: MailKind;
  readonly to: MailRecipient;
  /** Attempts so far, this one included. */
  readonly attempts: number;
  readonly mail: OutgoingMail;
}

/** A mail written out in its recipient's language. */
export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly language: string;
  /** Every link in the mail (logged when mail goes to files, so a newcomer can follow it). */
  readonly links: readonly string[];
}

/**
 * Which agencies' mail a delivery takes: all (null), or only these. Production delivers all; tests
 * that share one database with other test files deliver only their own agencies' mail.
 */
export type MailScope = readonly string[] | null;

/**
 * The outbox's states as the delivery job moves them. Every method commits on its own: a claim is
 * committed before the message goes to SMTP, so that two processes never send the same row and a
 * process that dies mid-send leaves a SENDING row behind (never re-sent by itself).
 */
export abstract class MailQueue {
  /** SENDING rows whose claim ran out (the process died mid-send) become FAILED "interrupted". Returns how many. */
  abstract failInterrupted(now: Date, scope: MailScope): Promise<number>;
  /** Claims up to `limit` due PENDING rows: SENDING until `claimedUntil`, attempts + 1 (`FOR UPDATE SKIP LOCKED`). */
  abstract claimDue(now: Date, claimedUntil: Date, limit: number, scope: MailScope): Promise<OutboxMessage[]>;
  abstract markSent(id: string, subject: string, now: Date): Promise<void>;
  abstract markRetry(id: string, subject: string | null, error: string, nextAttemptAt: Date): Promise<void>;
  abstract markFailed(id: string, subject: string | null, error: string, now: Date): Promise<void>;
  /** Deletes SENT and FAILED rows created before `cutoff`. Returns how many. */
  abstract deleteFinishedBefore(cutoff: Date): Promise<number>;
}

export abstract class MailRenderer {
  abstract render(mail: OutgoingMail): RenderedMail;
}

/** Why a send did not go through: `permanent` (a 5xx reply) is never tried again. */
export class MailSendError extends Error {
  constructor(message: string, readonly permanent: boolean) {
    super(message);
    this.name = 'MailSendError';
  }
}

/** Hands a rendered mail to the mail server (or writes it out); throws MailSendError when refused. */
export abstract class MailSender {
  abstract send(message: OutboxMessage, rendered: RenderedMail): Promise<void>;
}
