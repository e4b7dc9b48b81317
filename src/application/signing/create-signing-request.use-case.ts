import { NotFoundError, ValidationError } from '../../domain/shared/domain-error';
import { SigningRequest } from '../../domain/signing/signing-request.entity';
import { localDateAt } from '../organisation/local-today';
import { requireRole } from '../shared/access';
import { Actor } from '../shared/actor';
import { takeUpload } from '../upload/take-upload';
import { requireDocumentsTab } from './documents-tab';
import { SigningDeps } from './signing-deps';
import { SigningRequestView, viewOf } from './signing-views';

export interface CreateSigningRequestInput {
  readonly flexworkerId: string;
  readonly placementId?: string | null;
  readonly title: string;
  readonly dueDate?: string | null;
  /** A PDF the staff member uploaded with POST /uploads. */
  readonly uploadId: string;
}

/**
 * Staff put a PDF before a worker of their agency to sign (an employment contract for a placement,
 * …): the uploaded file is used once, in the same transaction as the request, so that a refused
 * request leaves the upload unused and nothing stored.
 */
export class CreateSigningRequest {
  constructor(private readonly deps: SigningDeps) {}

  async execute(actor: Actor, input: CreateSigningRequestInput): Promise<SigningRequestView> {
    requireRole(actor, 'AGENCY_STAFF');
    const agency = await requireDocumentsTab(this.deps.agencies, actor.agencyId);
    const request = await this.deps.unitOfWork.run(async () => {
      const worker = await this.deps.flexworkers.findById(actor.agencyId, input.flexworkerId);
      if (!worker) throw new NotFoundError('Flexworker', input.flexworkerId);
      const placementId = input.placementId ?? null;
      if (placementId !== null) {
        const placement = await this.deps.placements.findById(actor.agencyId, placementId);
        if (!placement) throw new NotFoundError('Placement', placementId);
        if (placement.flexworkerId !== worker.id) {
          throw ValidationError.of('placementId', 'PLACEMENT_OF_ANOTHER_WORKER', 'This placement is not one of this worker');
        }
      }
      const now = this.deps.clock.now();
      // The upload is checked before the request's own fields, but only used when all of them hold (one transaction).
      const upload = await takeUpload(this.deps.uploads, actor, input.uploadId, 'SIGNING_REQUEST', ['application/pdf'], now, 'uploadId');
      const content = await this.deps.store.get(upload.sha256);
      if (!content) throw new Error(`The upload ${upload.id} has no content in the document store`);
      if (await this.deps.pdf.isEncrypted(content)) {
        throw ValidationError.of('uploadId', 'DOCUMENT_ENCRYPTED', 'This PDF is protected with a password; upload it without protection so that it can be signed');
      }
      const created = SigningRequest.create(
        {
          id: this.deps.ids.next(),
          agencyId: actor.agencyId,
          flexworkerId: worker.id,
          placementId,
          title: input.title,
          dueDate: input.dueDate,
          original: { fileName: upload.fileName, sha256: upload.sha256, size: upload.size },
          createdBy: actor.id,
          at: now,
        },
        localDateAt(now, agency.settings.timeZone),
      );
      await this.deps.requests.insert(created);
      return created;
    });
    return viewOf(this.deps, actor, request);
  }
}
