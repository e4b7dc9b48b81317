import { PortalLinks } from '../../application/ports/portal-links';

/**
 * Portal addresses on the public base URL (PUBLIC_URL, else where the server listens; known only
 * once it listens, so the base is asked for each link). The web portal is served at `/`.
 */
export class ConfigPortalLinks extends PortalLinks {
  constructor(private readonly base: () => string) {
    super();
  }

  invitation(token: string): string {
    return `${this.base()}/invitation#token=${encodeURIComponent(token)}`;
  }

  passwordReset(token: string): string {
    return `${this.base()}/reset-password#token=${encodeURIComponent(token)}`;
  }

  week(week?: string): string {
    return week ? `${this.base()}/week/${encodeURIComponent(week)}` : `${this.base()}/week`;
  }

  approvals(): string {
    return `${this.base()}/approvals`;
  }

  messageThread(threadId: string): string {
    return `${this.base()}/messages/${encodeURIComponent(threadId)}`;
  }
}
