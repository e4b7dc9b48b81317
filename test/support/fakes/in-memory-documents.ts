import { createHash } from 'node:crypto';
import { DocumentLinkClaims, DocumentLinkSigner, LinkCheck } from '../../../src/application/ports/document-links';
import { DocumentStore, StoredBlob } from '../../../src/application/ports/document-store';
import { DocumentFilter, DocumentRepository } from '../../../src/application/ports/document.repository';
import { PdfInspector } from '../../../src/application/ports/pdf-inspector';
import { Page, PageQuery } from '../../../src/application/shared/pagination';
import { DocumentKind } from '../../../src/domain/document/document-kind';
import { StoredDocument } from '../../../src/domain/document/stored-document.entity';
import { ConflictError } from '../../../src/domain/shared/domain-error';
import { Keyset, pageOf } from './in-memory-pages';

/** The document ports in memory, for the use-case tests. */

const sortKey = (d: StoredDocument) =>
  d.subject.kind === 'PAYSLIP' ? `${d.subject.period.payDate.toString()}/${d.subject.period.start.toString()}` : String(d.subject.year.year);

const DOCUMENTS = (kind: DocumentKind): Keyset<StoredDocument> => ({ list: `documents:${kind}`, key: (d) => [sortKey(d)], size: 1, order: 'DESC' });

export class InMemoryDocumentRepository extends DocumentRepository {
  /** Every version, by id; the latest of a subject is the one no other version follows. */
  readonly rows = new Map<string, StoredDocument>();

  private isLatest(d: StoredDocument): boolean {
    return ![...this.rows.values()].some((other) => other.previousVersionId === d.id);
  }

  async findLatest(agencyId: string, flexworkerId: string, kind: DocumentKind, subjectKey: string): Promise<StoredDocument | null> {
    const found = [...this.rows.values()].filter(
      (d) => d.agencyId === agencyId && d.flexworkerId === flexworkerId && d.kind === kind && d.subjectKey === subjectKey && this.isLatest(d),
    );
    return found[0] ?? null;
  }

  async insertVersion(document: StoredDocument): Promise<void> {
    const taken = [...this.rows.values()].some(
      (d) => d.agencyId === document.agencyId && d.flexworkerId === document.flexworkerId && d.kind === document.kind && d.subjectKey === document.subjectKey && d.version === document.version,
    );
    if (taken) throw new ConflictError('DOCUMENT_VERSION_TAKEN', 'taken');
    this.rows.set(document.id, document);
  }

  async findById(agencyId: string, id: string): Promise<StoredDocument | null> {
    const d = this.rows.get(id);
    return d && d.agencyId === agencyId ? d : null;
  }

  async listLatest(agencyId: string, filter: DocumentFilter, page: PageQuery): Promise<Page<StoredDocument>> {
    const items = [...this.rows.values()].filter(
      (d) => d.agencyId === agencyId && d.kind === filter.kind && (filter.flexworkerId === undefined || d.flexworkerId === filter.flexworkerId) && this.isLatest(d),
    );
    return pageOf(DOCUMENTS(filter.kind), items, page);
  }
}

export class InMemoryDocumentStore extends DocumentStore {
  readonly blobs = new Map<string, Buffer>();

  async put(content: Uint8Array): Promise<StoredBlob> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    if (!this.blobs.has(sha256)) this.blobs.set(sha256, Buffer.from(content));
    return { sha256, size: content.byteLength };
  }
  async get(sha256: string): Promise<Buffer | null> {
    return this.blobs.get(sha256) ?? null;
  }
  async exists(sha256: string): Promise<boolean> {
    return this.blobs.has(sha256);
  }
}

/** Reads a "PDF" unless its text says BROKEN. */
export class FakePdfInspector extends PdfInspector {
  async isReadable(content: Uint8Array): Promise<boolean> {
    return !Buffer.from(content).toString('latin1').includes('BROKEN');
  }

  async isEncrypted(content: Uint8Array): Promise<boolean> {
    return Buffer.from(content).toString('latin1').includes('/Encrypt');
  }
}

/** Links are numbered tokens it remembers; any other text is not one of its links. */
export class FakeLinkSigner extends DocumentLinkSigner {
  private readonly issued = new Map<string, DocumentLinkClaims>();

  sign(claims: DocumentLinkClaims): string {
    const token = `link-${this.issued.size + 1}`;
    this.issued.set(token, claims);
    return token;
  }
  verify(token: string): LinkCheck {
    const claims = this.issued.get(token);
    return claims ? { valid: true, claims } : { valid: false };
  }
}
