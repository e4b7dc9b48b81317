/**
 * Addresses in the web portal that mails link to (PUBLIC_URL). Tokens go in the fragment (`#`),
 * which browsers never send to a server, so they stay out of access logs and Referer headers.
 */
export abstract class PortalLinks {
  /** Accepting an invitation: sets the first password with the token. */
  abstract invitation(token: string): string;
  /** Setting a new password with a reset token. */
  abstract passwordReset(token: string): string;
  /** The timesheet of an ISO week (`2026-W49`), or the current week without one. */
  abstract week(week?: string): string;
  /** A relation contact's inbox of declarations awaiting their approval. */
  abstract approvals(): string;
  /** A conversation with the agency (the contact tab), for its writer and for staff alike. */
  abstract messageThread(threadId: string): string;
}
