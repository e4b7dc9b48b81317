import { StoredDocument } from '../../domain/document/stored-document.entity';
import { ForbiddenError } from '../../domain/shared/domain-error';
import { Actor } from '../shared/actor';
import { DocumentDeps } from './document-deps';
import { requireTab } from './document-access';

/** A signed token naming one document and one viewer, and when it stops working. */
export interface DownloadLink {
  readonly token: string;
  readonly expiresAt: Date;
}

/** The content of a document as a link serves it. */
export interface DocumentDownload {
  readonly document: StoredDocument;
  readonly content: Buffer;
}

/** A link for `actor` to one document they may see (the caller has checked that), valid for DOCUMENT_LINK_TTL_SECONDS. */
export function signLink(deps: DocumentDeps, actor: Actor, document: StoredDocument, now: Date): DownloadLink {
  // Whole seconds, as the token carries it.
  const expiresAt = new Date(Math.floor(now.getTime() / 1000) * 1000 + deps.settings.linkTtlSeconds * 1000);
  const token = deps.links.sign({
    documentId: document.id,
    agencyId: document.agencyId,
    viewerKind: actor.kind,
    viewerId: actor.id,
    viewerRole: actor.role,
    expiresAt,
  });
  return { token, expiresAt };
}

export function linkInvalid(): ForbiddenError {
  return new ForbiddenError('DOCUMENT_LINK_INVALID', 'This download link is not valid');
}

export function linkExpired(): ForbiddenError {
  return new ForbiddenError('DOCUMENT_LINK_EXPIRED', 'This download link has expired; ask for the list again for a new one');
}

/**
 * Serves a download link: no login, the link is the permission. Refused when it was not signed
 * with our key or was changed (DOCUMENT_LINK_INVALID), after it expired (DOCUMENT_LINK_EXPIRED),
 * and, for a worker's link, when the agency has since hidden the tab (TAB_DISABLED).
 */
export class OpenDocumentLink {
  constructor(private readonly deps: DocumentDeps) {}

  async execute(token: string): Promise<DocumentDownload> {
    const check = this.deps.links.verify(token);
    if (!check.valid) throw linkInvalid();
    const { claims } = check;
    if (this.deps.clock.now().getTime() >= claims.expiresAt.getTime()) throw linkExpired();
    const document = await this.deps.documents.findById(claims.agencyId, claims.documentId);
    if (!document) throw linkInvalid();
    if (claims.viewerRole === 'FLEXWORKER') await requireTab(this.deps.agencies, claims.agencyId, document.kind);
    const content = await this.deps.store.get(document.sha256);
    if (!content) throw new Error(`The content ${document.sha256} of document ${document.id} is missing from the document store`);
    return { document, content };
  }
}
