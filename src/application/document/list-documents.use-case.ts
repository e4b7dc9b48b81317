import { DocumentKind } from '../../domain/document/document-kind';
import { StoredDocument } from '../../domain/document/stored-document.entity';
import { requireRole } from '../shared/access';
import { Actor } from '../shared/actor';
import { emptyPage, Page, pageQuery, PageRequest } from '../shared/pagination';
import { DocumentDeps } from './document-deps';
import { requireTab, seesWholeAgency } from './document-access';
import { DownloadLink, signLink } from './document-link.use-case';

export interface ListDocumentsInput extends PageRequest {
  readonly flexworkerId?: string | null;
}

/** A document as a viewer gets it: its metadata and a download link made for that viewer. */
export interface DocumentView {
  readonly document: StoredDocument;
  readonly link: DownloadLink;
}

/**
 * A worker's payslips (newest pay date first) or annual statements (newest year first): the latest
 * version of each. The worker sees their own, when the agency shows the tab (TAB_DISABLED
 * otherwise); staff and the payroll key those of the whole agency, or of one worker; relation
 * contacts none (ROLE_NOT_ALLOWED). Each comes with a download link for the viewer.
 */
export class ListDocuments {
  constructor(
    private readonly deps: DocumentDeps,
    private readonly kind: DocumentKind,
  ) {}

  async execute(actor: Actor, input: ListDocumentsInput = {}): Promise<Page<DocumentView>> {
    requireRole(actor, 'FLEXWORKER', 'AGENCY_STAFF', 'PAYROLL');
    const page = pageQuery(input);
    let flexworkerId = input.flexworkerId ?? undefined;
    if (!seesWholeAgency(actor)) {
      await requireTab(this.deps.agencies, actor.agencyId, this.kind);
      if (!actor.flexworkerId || (flexworkerId !== undefined && flexworkerId !== actor.flexworkerId)) return emptyPage();
      flexworkerId = actor.flexworkerId;
    }
    const found = await this.deps.documents.listLatest(actor.agencyId, { kind: this.kind, flexworkerId }, page);
    const now = this.deps.clock.now();
    return { ...found, items: found.items.map((document) => ({ document, link: signLink(this.deps, actor, document, now) })) };
  }
}
