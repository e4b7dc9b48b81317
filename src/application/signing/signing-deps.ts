import { AgencyRepository } from '../ports/agency.repository';
import { Clock } from '../ports/clock';
import { DocumentLinkSigner } from '../ports/document-links';
import { DocumentStore } from '../ports/document-store';
import { FlexworkerRepository } from '../ports/flexworker.repository';
import { IdGenerator } from '../ports/id-generator';
import { MessageTranslator } from '../ports/message-translator';
import { PdfInspector } from '../ports/pdf-inspector';
import { PdfSealer } from '../ports/pdf-sealer';
import { PlacementRepository } from '../ports/placement.repository';
import { SigningRequestRepository } from '../ports/signing-request.repository';
import { UnitOfWork } from '../ports/unit-of-work';
import { UploadRepository } from '../ports/upload.repository';
import { ConfirmPasswordDeps } from '../identity/confirm-password';

/** The ports of the documents tab's signing (issue 12). */
export interface SigningDeps extends ConfirmPasswordDeps {
  readonly requests: SigningRequestRepository;
  readonly uploads: UploadRepository;
  readonly store: DocumentStore;
  readonly sealer: PdfSealer;
  /** An encrypted PDF cannot get an evidence page: refused when it is put before a worker. */
  readonly pdf: PdfInspector;
  readonly links: DocumentLinkSigner;
  readonly translator: MessageTranslator;
  readonly flexworkers: FlexworkerRepository;
  readonly placements: PlacementRepository;
  readonly agencies: AgencyRepository;
  readonly unitOfWork: UnitOfWork;
  readonly ids: IdGenerator;
  readonly clock: Clock;
  /** DOCUMENT_LINK_TTL_SECONDS. */
  readonly settings: { readonly linkTtlSeconds: number };
}
