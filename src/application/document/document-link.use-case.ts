import { StoredDocument } from '../../domain/document/stored-document.entity';
import { ForbiddenError } from '../../domain/shared/domain-error';
import { DocumentLinkClaims, LinkTarget } from '../ports/document-links';
import { Actor } from '../shared/actor';
import { DocumentDeps } from './document-deps';
import { requireTab } from './document-access';

/** A signed token naming one document and one viewer, and when it stops working. */
export interface DownloadLink {
  readonly token: string;
  readonly expiresAt: Date;
}

/** A file as a link serves it: its name and type, and where its bytes are in the DocumentStore. */
export interface LinkedFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly sha256: string;
}

/** The content of a file as a link serves it. */
export interface DocumentDownload extends LinkedFile {
  readonly content: Buffer;
}

/**
 * Finds the file a link of its target names, checking again that the link's viewer may still see
 * it (a link outlives nothing it grants: withdrawn, tab switched off…); null: DOCUMENT_LINK_INVALID.
 */
export type LinkTargetResolver = (claims: DocumentLinkClaims) => Promise<LinkedFile | null>;

/** A link for `actor` to one document they may see (the caller has checked that), valid for DOCUMENT_LINK_TTL_SECONDS. */
export function signLink(deps: DocumentDeps, actor: Actor, document: StoredDocument, now: Date): DownloadLink {
  return signFileLink(deps, actor, { target: 'DOCUMENT', id: document.id, agencyId: document.agencyId }, now);
}

/** A link for `actor` to one file of a target they may see (the caller has checked that). */
export function signFileLink(
  deps: { readonly links: DocumentDeps['links']; readonly settings: { readonly linkTtlSeconds: number } },
  actor: Actor,
  file: { readonly target: LinkTarget; readonly id: string; readonly agencyId: string },
  now: Date,
): DownloadLink {
  // Whole seconds, as the token carries it.
  const expiresAt = new Date(Math.floor(now.getTime() / 1000) * 1000 + deps.settings.linkTtlSeconds * 1000);
  const token = deps.links.sign({
    documentId: file.id,
    target: file.target,
    agencyId: file.agencyId,
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
  constructor(
    private readonly deps: DocumentDeps,
    /** How the other targets' links find their file (documents to sign, attachments). */
    private readonly targets: Partial<Record<Exclude<LinkTarget, 'DOCUMENT'>, LinkTargetResolver>> = {},
  ) {}

  async execute(token: string): Promise<DocumentDownload> {
    const check = this.deps.links.verify(token);
    if (!check.valid) throw linkInvalid();
    const { claims } = check;
    if (this.deps.clock.now().getTime() >= claims.expiresAt.getTime()) throw linkExpired();
    const file = await this.find(claims);
    if (!file) throw linkInvalid();
    const content = await this.deps.store.get(file.sha256);
    if (!content) throw new Error(`The content ${file.sha256} of ${claims.target ?? 'DOCUMENT'} ${claims.documentId} is missing from the document store`);
    return { fileName: file.fileName, contentType: file.contentType, sha256: file.sha256, content };
  }

  private async find(claims: DocumentLinkClaims): Promise<LinkedFile | null> {
    const target = claims.target ?? 'DOCUMENT';
    if (target !== 'DOCUMENT') {
      const resolve = this.targets[target];
      return resolve ? resolve(claims) : null;
    }
    const document = await this.deps.documents.findById(claims.agencyId, claims.documentId);
    if (!document) return null;
    if (claims.viewerRole === 'FLEXWORKER') await requireTab(this.deps.agencies, claims.agencyId, document.kind);
    return document;
  }
}
