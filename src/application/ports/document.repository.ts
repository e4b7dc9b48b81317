import { DocumentKind } from '../../domain/document/document-kind';
import { StoredDocument } from '../../domain/document/stored-document.entity';
import { Page, PageQuery } from '../shared/pagination';

export interface DocumentFilter {
  readonly kind: DocumentKind;
  /** Only this worker's documents; all of the agency's when left out. */
  readonly flexworkerId?: string;
}

/**
 * The metadata of stored documents; every method is scoped by agency. The versions of one
 * subject (worker, kind, period or year) are numbered 1, 2, … by a unique constraint.
 */
export abstract class DocumentRepository {
  /** The newest version of the subject, or null when none was uploaded yet. */
  abstract findLatest(agencyId: string, flexworkerId: string, kind: DocumentKind, subjectKey: string): Promise<StoredDocument | null>;
  /**
   * Stores a version; the one it follows is no longer the latest. A version number already taken
   * (two uploads of the same subject at once): ConflictError DOCUMENT_VERSION_TAKEN, nothing stored.
   */
  abstract insertVersion(document: StoredDocument): Promise<void>;
  abstract findById(agencyId: string, id: string): Promise<StoredDocument | null>;
  /**
   * The latest versions only: payslips newest pay date first (then newest period), annual
   * statements newest year first; ties by id.
   */
  abstract listLatest(agencyId: string, filter: DocumentFilter, page: PageQuery): Promise<Page<StoredDocument>>;
}
