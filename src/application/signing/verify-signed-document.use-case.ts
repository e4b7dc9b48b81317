import { SealProblem } from '../ports/pdf-sealer';
import { requireRole } from '../shared/access';
import { Actor } from '../shared/actor';
import { takeUpload } from '../upload/take-upload';
import { requireDocumentsTab } from './documents-tab';
import { SigningDeps } from './signing-deps';
import { mayView, SigningRequestView, viewOf } from './signing-views';

export interface SignedDocumentCheck {
  /** Sealed with this server's certificate. */
  readonly issuedByThisServer: boolean;
  /** Not one byte changed or added since it was sealed. */
  readonly intact: boolean;
  readonly problem: SealProblem | null;
  readonly signedAt: Date | null;
  readonly certificateSha256: string | null;
  /** The document to sign it is the sealed copy of, when it is intact and the viewer may see it. */
  readonly signingRequest: SigningRequestView | null;
}

/**
 * Given a PDF (uploaded with POST /uploads), says whether it is a signed copy this server issued
 * and whether it is intact; when it is, which document to sign it belongs to (as far as the viewer
 * may see it). Staff of the agency, and the worker for their own copies.
 */
export class VerifySignedDocument {
  constructor(private readonly deps: SigningDeps) {}

  async execute(actor: Actor, input: { readonly uploadId: string }): Promise<SignedDocumentCheck> {
    requireRole(actor, 'FLEXWORKER', 'AGENCY_STAFF');
    await requireDocumentsTab(this.deps.agencies, actor.agencyId);
    const upload = await this.deps.unitOfWork.run(() =>
      takeUpload(this.deps.uploads, actor, input.uploadId, 'SIGNATURE_CHECK', ['application/pdf'], this.deps.clock.now(), 'uploadId'),
    );
    const content = await this.deps.store.get(upload.sha256);
    if (!content) throw new Error(`The upload ${upload.id} has no content in the document store`);
    const check = await this.deps.sealer.verify(content);
    const known = check.intact ? await this.deps.requests.findBySignedSha256(actor.agencyId, upload.sha256) : null;
    return {
      issuedByThisServer: check.issuedByUs,
      intact: check.intact,
      problem: check.problem,
      signedAt: check.signedAt,
      certificateSha256: check.certificateSha256,
      signingRequest: known && mayView(actor, known) ? await viewOf(this.deps, actor, known) : null,
    };
  }
}
