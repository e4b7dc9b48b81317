import { AuditTrailRepository } from '../../../application/ports/audit-trail.repository';
import { AuditEntry } from '../../../domain/audit/audit-entry';
import { DatabaseContext } from '../database-context';
import { isUuid } from '../organisation/keyset-cursor';
import { auditEntryToDomain, auditEntryToRow } from './audit-entry.mapper';
import { AuditEntryOrmEntity } from './audit-entry.orm-entity';
import { uuids } from './week-keyset';

/** Append-only: the database refuses to change or remove an entry (a trigger). */
export class TypeormAuditTrailRepository extends AuditTrailRepository {
  constructor(private readonly db: DatabaseContext) {
    super();
  }

  private repo() {
    return this.db.manager().getRepository(AuditEntryOrmEntity);
  }

  async append(entry: AuditEntry): Promise<void> {
    await this.repo().insert(auditEntryToRow(entry));
  }

  async listBySubject(agencyId: string, subjectType: AuditEntry['subjectType'], subjectId: string): Promise<AuditEntry[]> {
    return this.listBySubjects(agencyId, subjectType, [subjectId]);
  }

  async listBySubjects(agencyId: string, subjectType: AuditEntry['subjectType'], subjectIds: readonly string[]): Promise<AuditEntry[]> {
    const wanted = uuids(subjectIds);
    if (!isUuid(agencyId) || wanted.length === 0) return [];
    const rows = await this.repo()
      .createQueryBuilder('a')
      .where('a.agency_id = :agencyId AND a.subject_type = :subjectType AND a.subject_id = ANY(:ids)', { agencyId, subjectType, ids: wanted })
      .orderBy('a.at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
    return rows.map(auditEntryToDomain);
  }
}
