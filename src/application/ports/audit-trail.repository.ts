import { AuditEntry } from '../../domain/audit/audit-entry';

/** Append-only: entries are written once and never changed or removed. */
export abstract class AuditTrailRepository {
  abstract append(entry: AuditEntry): Promise<void>;
  /** Oldest first. */
  abstract listBySubject(agencyId: string, subjectType: AuditEntry['subjectType'], subjectId: string): Promise<AuditEntry[]>;
  /** For DataLoader: the entries of many subjects, oldest first. */
  abstract listBySubjects(agencyId: string, subjectType: AuditEntry['subjectType'], subjectIds: readonly string[]): Promise<AuditEntry[]>;
}
