import { Clock } from '../ports/clock';
import { DocumentStore } from '../ports/document-store';
import { IdGenerator } from '../ports/id-generator';
import { PdfInspector } from '../ports/pdf-inspector';
import { UploadRepository } from '../ports/upload.repository';

/** UPLOAD_TTL_MINUTES and the size limit (DOCUMENT_MAX_BYTES). */
export interface UploadSettings {
  readonly maxBytes: number;
  readonly ttlMinutes: number;
}

export const DEFAULT_UPLOAD_SETTINGS: UploadSettings = { maxBytes: 10 * 1024 * 1024, ttlMinutes: 60 };

export interface UploadDeps {
  readonly uploads: UploadRepository;
  readonly store: DocumentStore;
  readonly pdf: PdfInspector;
  readonly ids: IdGenerator;
  readonly clock: Clock;
  readonly settings: UploadSettings;
}
