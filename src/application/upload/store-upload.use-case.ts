import { documentUnreadable } from '../../domain/document/document.errors';
import { checkUploadBytes, checkUploadFileName, defaultUploadFileName, Upload, UploadContentType } from '../../domain/upload/upload.entity';
import { requireRole } from '../shared/access';
import { Actor } from '../shared/actor';
import { UploadDeps } from './upload-deps';

export interface StoreUploadInput {
  readonly contentType: UploadContentType;
  /** Left out: `upload.pdf`, `upload.png` or `upload.jpg`. */
  readonly fileName?: string | null;
  readonly content: Uint8Array;
}

/**
 * The first step of an operation that takes a file (a document to sign, a message attachment):
 * the person uploads the bytes, which are checked (type by content, a PDF by a parser, the size)
 * before anything is stored, then kept in the DocumentStore, with a row that only they can use,
 * once, until it expires (UPLOAD_TTL_MINUTES). The operation names the upload by its id.
 */
export class StoreUpload {
  constructor(private readonly deps: UploadDeps) {}

  async execute(actor: Actor, input: StoreUploadInput): Promise<Upload> {
    requireRole(actor, 'FLEXWORKER', 'RELATION_CONTACT', 'AGENCY_STAFF');
    const fileName = input.fileName?.trim() ? checkUploadFileName(input.fileName, input.contentType) : defaultUploadFileName(input.contentType);
    checkUploadBytes(input.content, input.contentType, this.deps.settings.maxBytes);
    if (input.contentType === 'application/pdf' && !(await this.deps.pdf.isReadable(input.content))) throw documentUnreadable();
    const blob = await this.deps.store.put(input.content);
    const now = this.deps.clock.now();
    const upload = Upload.rehydrate({
      id: this.deps.ids.next(),
      agencyId: actor.agencyId,
      uploadedBy: actor.id,
      fileName,
      contentType: input.contentType,
      sha256: blob.sha256,
      size: blob.size,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.deps.settings.ttlMinutes * 60_000),
      usedAt: null,
      usedFor: null,
    });
    await this.deps.uploads.insert(upload);
    return upload;
  }
}
