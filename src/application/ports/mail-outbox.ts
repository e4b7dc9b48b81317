/**
 * Mail that a change causes (an invitation, a password reset, a reminder to enter hours) is
 * written to the outbox in the same unit of work as the change: a change that rolls back sends
 * nothing, one that commits loses no mail. A job delivers the outbox later (SMTP, or `.eml` files
 * without SMTP_URL), each message at most once, and staff see what was sent and what failed.
 *
 * The caller hands over what the mail is about, never its text: templates per kind and language
 * live with the adapter, which escapes every value it puts in HTML.
 */
export type MailKind = 'INVITATION' | 'PASSWORD_RESET' | 'HOURS_REMINDER' | 'MESSAGE_TO_AGENCY' | 'MESSAGE_REPLY';

export const MAIL_KINDS: readonly MailKind[] = ['INVITATION', 'PASSWORD_RESET', 'HOURS_REMINDER', 'MESSAGE_TO_AGENCY', 'MESSAGE_REPLY'];

export interface MailRecipient {
  /** A normalised e-mail address. */
  readonly email: string;
  readonly name: string;
  /** One of the 8 languages (`nl`, `bg`, `de`, `en`, `hu`, `pl`, `pt`, `ro`): the mail is written in it. */
  readonly language: string;
  /** The login this mail is for, when there is one (staff see it with the message). */
  readonly userId?: string | null;
}

interface MailBase {
  readonly agencyId: string;
  readonly to: MailRecipient;
  /** The agency's name, shown in the subject and the text. */
  readonly agencyName: string;
  /** The agency's time zone (IANA), in which dates and times in the mail are written. */
  readonly timeZone: string;
}

/** "Je ontvangt per mail een uitnodiging om een account aan te maken." */
export interface InvitationMail extends MailBase {
  readonly kind: 'INVITATION';
  /** Opens the portal's accept page with the single-use token. */
  readonly link: string;
  readonly expiresAt: Date;
}

/** "Wachtwoord vergeten": the link to set a new password. */
export interface PasswordResetMail extends MailBase {
  readonly kind: 'PASSWORD_RESET';
  readonly link: string;
  readonly expiresAt: Date;
}

/** A reminder to enter (and approve) hours: the open weeks, and a link that opens the current week. */
export interface HoursReminderMail extends MailBase {
  readonly kind: 'HOURS_REMINDER';
  readonly link: string;
  /** ISO weeks (`2026-W49`) with whose hours they are, e.g. the relation's name or the worker's name for a contact. */
  readonly weeks: readonly { readonly week: string; readonly label: string }[];
}

/**
 * A worker or relation contact wrote to the agency (a new thread or a message in one): to the
 * agency's contact address. It names the thread's subject and the writer and links into the
 * portal, never the message's text (the mailbox is not the portal: no personal content in it).
 */
export interface MessageToAgencyMail extends MailBase {
  readonly kind: 'MESSAGE_TO_AGENCY';
  readonly link: string;
  readonly subject: string;
  /** The writer's display name. */
  readonly writerName: string;
  /** True for the first message of a thread. */
  readonly newThread: boolean;
}

/** The agency answered in the writer's thread: to the writer's login, with the subject and a link, not the text. */
export interface MessageReplyMail extends MailBase {
  readonly kind: 'MESSAGE_REPLY';
  readonly link: string;
  readonly subject: string;
}

export type OutgoingMail = InvitationMail | PasswordResetMail | HoursReminderMail | MessageToAgencyMail | MessageReplyMail;

export abstract class MailOutbox {
  /**
   * Stores the mail for delivery, inside the unit of work in progress (outside one it refuses:
   * the mail must commit or roll back with its cause). Returns the outbox message's id.
   */
  abstract enqueue(mail: OutgoingMail): Promise<string>;
}
