import { DocumentFilter, DocumentRepository } from '../../../application/ports/document.repository';
import { invalidCursor, Page, pageOfItems, PageQuery } from '../../../application/shared/pagination';
import { DocumentKind } from '../../../domain/document/document-kind';
import { StoredDocument } from '../../../domain/document/stored-document.entity';
import { ConflictError } from '../../../domain/shared/domain-error';
import { DatabaseContext } from '../database-context';
import { decodeCursor, encodeCursor, isUuid } from '../organisation/keyset-cursor';
import { isUniqueViolation } from '../postgres-errors';
import { DOCUMENT_COLUMNS, documentToDomain, documentToValues, DocumentRow, INSERT_COLUMNS, sortKeyOf } from './document.mapper';

const SORT_KEY = /^\d{4}(-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2})?$/;

function versionTaken(): ConflictError {
  return new ConflictError('DOCUMENT_VERSION_TAKEN', 'Another upload of the same document was stored at the same moment; try again');
}

/** Documents in PostgreSQL (migration 1764200800000), in parameterised SQL through the unit of work's manager. */
export class TypeormDocumentRepository extends DocumentRepository {
  constructor(private readonly db: DatabaseContext) {
    super();
  }

  private async rows(sql: string, params: unknown[]): Promise<DocumentRow[]> {
    return (await this.db.manager().query(sql, params)) as DocumentRow[];
  }

  async findLatest(agencyId: string, flexworkerId: string, kind: DocumentKind, subjectKey: string): Promise<StoredDocument | null> {
    if (!isUuid(agencyId) || !isUuid(flexworkerId)) return null;
    const [row] = await this.rows(
      `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE agency_id = $1 AND flexworker_id = $2 AND kind = $3 AND subject_key = $4 AND latest`,
      [agencyId, flexworkerId, kind, subjectKey],
    );
    return row ? documentToDomain(row) : null;
  }

  async insertVersion(document: StoredDocument): Promise<void> {
    const manager = this.db.manager();
    try {
      if (document.previousVersionId) {
        // A concurrent upload that superseded the same version first leaves nothing to update here.
        const [, count] = (await manager.query(`UPDATE documents SET latest = false WHERE agency_id = $1 AND id = $2 AND latest`, [
          document.agencyId,
          document.previousVersionId,
        ])) as [unknown, number];
        if (count !== 1) throw versionTaken();
      }
      const values = documentToValues(document);
      const placeholders = values.map((_, i) => `$${i + 1}`).join(', ');
      await manager.query(`INSERT INTO documents (${INSERT_COLUMNS}) VALUES (${placeholders})`, values);
    } catch (error) {
      if (isUniqueViolation(error, 'documents_version_key') || isUniqueViolation(error, 'documents_latest_key') || isUniqueViolation(error, 'documents_previous_version_key')) {
        throw versionTaken();
      }
      throw error;
    }
  }

  async findById(agencyId: string, id: string): Promise<StoredDocument | null> {
    if (!isUuid(agencyId) || !isUuid(id)) return null;
    const [row] = await this.rows(`SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE agency_id = $1 AND id = $2`, [agencyId, id]);
    return row ? documentToDomain(row) : null;
  }

  async listLatest(agencyId: string, filter: DocumentFilter, page: PageQuery): Promise<Page<StoredDocument>> {
    const list = `documents:${filter.kind}`;
    const params: unknown[] = [agencyId, filter.kind];
    const where = ['agency_id = $1', 'kind = $2', 'latest'];
    if (filter.flexworkerId !== undefined) {
      if (!isUuid(filter.flexworkerId)) return pageOfItems([], [], false);
      params.push(filter.flexworkerId);
      where.push(`flexworker_id = $${params.length}`);
    }
    if (page.after) {
      const [sortKey, id] = decodeCursor(list, page.after, 2);
      if (!SORT_KEY.test(sortKey)) throw invalidCursor();
      params.push(sortKey, id);
      where.push(`(sort_key, id) < ($${params.length - 1}, $${params.length})`);
    }
    params.push(page.first + 1);
    const found = await this.rows(
      `SELECT ${DOCUMENT_COLUMNS} FROM documents WHERE ${where.join(' AND ')} ORDER BY sort_key DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    const items = found.slice(0, page.first).map(documentToDomain);
    return pageOfItems(items, items.map((d) => encodeCursor(list, [sortKeyOf(d.subject), d.id])), found.length > page.first);
  }
}
