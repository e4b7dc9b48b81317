import { startsAsPdf } from '../../domain/document/pdf-bytes';
import { PayPeriod, StatementYear } from '../../domain/document/document-subject.value-object';
import { documentEmpty, documentNotPdf, documentTooLarge, documentUnreadable } from '../../domain/document/document.errors';
import { checkFileName, DocumentSubject, StoredDocument } from '../../domain/document/stored-document.entity';
import { ConflictError, NotFoundError } from '../../domain/shared/domain-error';
import { requireRole } from '../shared/access';
import { Actor } from '../shared/actor';
import { DocumentDeps } from './document-deps';

export type UploadSubjectInput =
  | { readonly kind: 'PAYSLIP'; readonly periodStart?: string | null; readonly periodEnd?: string | null; readonly payDate?: string | null }
  | { readonly kind: 'ANNUAL_STATEMENT'; readonly year?: string | null };

export interface UploadDocumentInput {
  readonly flexworkerId: string;
  readonly subject: UploadSubjectInput;
  /** Left out: one made from the subject (`payslip-2026-11-16-2026-11-22.pdf`). */
  readonly fileName?: string | null;
  readonly content: Uint8Array;
}

/** Two uploads of the same subject at once: the one that loses takes the next number, this often. */
const VERSION_ATTEMPTS = 3;

/**
 * Payroll (or staff) stores a payslip or annual statement of a worker of its agency. The file is
 * checked before anything is stored (a PDF by its first bytes and by a parser, within the size
 * limit; the worker of the agency); its bytes go to the DocumentStore first and the metadata row
 * after, in one transaction, so a row never names missing bytes. Another upload of the same
 * subject is its next version; the earlier ones stay.
 */
export class UploadDocument {
  constructor(private readonly deps: DocumentDeps) {}

  async execute(actor: Actor, input: UploadDocumentInput): Promise<StoredDocument> {
    requireRole(actor, 'PAYROLL', 'AGENCY_STAFF');
    const subject = parseSubject(input.subject);
    this.checkBytes(input.content);
    const worker = await this.deps.flexworkers.findById(actor.agencyId, input.flexworkerId);
    if (!worker) throw new NotFoundError('Flexworker', input.flexworkerId);
    if (!(await this.deps.pdf.isReadable(input.content))) throw documentUnreadable();
    const fileName = input.fileName?.trim() ? checkFileName(input.fileName.trim()) : StoredDocument.defaultFileName(subject);
    const draft = (blob: { sha256: string; size: number }, previous: StoredDocument | null) =>
      StoredDocument.upload({
        id: this.deps.ids.next(),
        agencyId: actor.agencyId,
        flexworkerId: worker.id,
        subject,
        fileName,
        contentType: 'application/pdf',
        sha256: blob.sha256,
        size: blob.size,
        uploadedBy: { kind: actor.kind, id: actor.id },
        uploadedAt: this.deps.clock.now(),
        previous,
      });
    const blob = await this.deps.store.put(input.content);
    return this.storeVersion((previous) => draft(blob, previous), actor.agencyId, worker.id, subject);
  }

  private checkBytes(content: Uint8Array): void {
    if (content.length === 0) throw documentEmpty();
    if (content.length > this.deps.settings.maxBytes) throw documentTooLarge(this.deps.settings.maxBytes);
    if (!startsAsPdf(content)) throw documentNotPdf();
  }

  private async storeVersion(
    make: (previous: StoredDocument | null) => StoredDocument,
    agencyId: string,
    flexworkerId: string,
    subject: DocumentSubject,
  ): Promise<StoredDocument> {
    const key = subject.kind === 'PAYSLIP' ? subject.period.key : subject.year.key;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.deps.unitOfWork.run(async () => {
          const previous = await this.deps.documents.findLatest(agencyId, flexworkerId, subject.kind, key);
          const document = make(previous);
          await this.deps.documents.insertVersion(document);
          return document;
        });
      } catch (error) {
        const taken = error instanceof ConflictError && error.reason === 'DOCUMENT_VERSION_TAKEN';
        if (!taken || attempt >= VERSION_ATTEMPTS) throw error;
      }
    }
  }
}

function parseSubject(input: UploadSubjectInput): DocumentSubject {
  if (input.kind === 'PAYSLIP') return { kind: 'PAYSLIP', period: PayPeriod.parse(input) };
  return { kind: 'ANNUAL_STATEMENT', year: StatementYear.parse(input.year) };
}
