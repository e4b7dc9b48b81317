import { AgencyRepository } from '../ports/agency.repository';
import { Clock } from '../ports/clock';
import { DocumentLinkSigner } from '../ports/document-links';
import { DocumentStore } from '../ports/document-store';
import { DocumentRepository } from '../ports/document.repository';
import { FlexworkerRepository } from '../ports/flexworker.repository';
import { IdGenerator } from '../ports/id-generator';
import { PdfInspector } from '../ports/pdf-inspector';
import { UnitOfWork } from '../ports/unit-of-work';

/** The limits of documents (DOCUMENT_MAX_BYTES, DOCUMENT_LINK_TTL_SECONDS). */
export interface DocumentSettings {
  readonly maxBytes: number;
  readonly linkTtlSeconds: number;
}

export const DEFAULT_DOCUMENT_SETTINGS: DocumentSettings = { maxBytes: 10 * 1024 * 1024, linkTtlSeconds: 300 };

/** What the document use cases share. */
export interface DocumentDeps {
  readonly documents: DocumentRepository;
  readonly store: DocumentStore;
  readonly pdf: PdfInspector;
  readonly links: DocumentLinkSigner;
  readonly flexworkers: FlexworkerRepository;
  readonly agencies: AgencyRepository;
  readonly unitOfWork: UnitOfWork;
  readonly ids: IdGenerator;
  readonly clock: Clock;
  readonly settings: DocumentSettings;
}
