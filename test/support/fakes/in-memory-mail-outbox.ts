import { MailOutbox, OutgoingMail } from '../../../src/application/ports/mail-outbox';
import { PortalLinks } from '../../../src/application/ports/portal-links';
import { FakeUnitOfWork } from './fake-unit-of-work';

/**
 * The outbox for unit tests: keeps what was enqueued, and refuses a mail outside a unit of work
 * as the real one does. When the unit of work throws, the mails it enqueued are dropped with it
 * (as a rolled-back transaction drops its outbox rows) if the fake unit of work tells it so
 * through `discardSince`; delivery is tested on the real outbox with a real SMTP server.
 */
export class InMemoryMailOutbox extends MailOutbox {
  readonly mails: OutgoingMail[] = [];
  private next = 1;

  constructor(private readonly unitOfWork?: FakeUnitOfWork) {
    super();
  }

  async enqueue(mail: OutgoingMail): Promise<string> {
    if (this.unitOfWork && !this.unitOfWork.isRunning()) throw new Error('a mail is enqueued inside a unit of work');
    this.mails.push(mail);
    return `mail-${this.next++}`;
  }

  /** The mails of one kind, in the order they were enqueued. */
  ofKind<K extends OutgoingMail['kind']>(kind: K): Extract<OutgoingMail, { kind: K }>[] {
    return this.mails.filter((m): m is Extract<OutgoingMail, { kind: K }> => m.kind === kind);
  }
}

/** Links on a fixed base, so tests can read the token back out of a link. */
export class FixedPortalLinks extends PortalLinks {
  constructor(private readonly base = 'https://portal.example') {
    super();
  }

  invitation(token: string): string {
    return `${this.base}/invitation#token=${token}`;
  }

  passwordReset(token: string): string {
    return `${this.base}/reset-password#token=${token}`;
  }

  week(week?: string): string {
    return week ? `${this.base}/week/${week}` : `${this.base}/week`;
  }

  approvals(): string {
    return `${this.base}/approvals`;
  }

  messageThread(threadId: string): string {
    return `${this.base}/messages/${threadId}`;
  }
}
