import { AuditTrailRepository } from '../../../src/application/ports/audit-trail.repository';
import { AuditEntry } from '../../../src/domain/audit/audit-entry';
import { TransactionParticipant } from './fake-unit-of-work';

/**
 * The in-memory AuditTrailRepository: append-only (an id appended twice is an error, as the
 * primary key is), `before` and `after` kept as JSON (as jsonb does), oldest first, scoped by agency.
 */
export class InMemoryAuditTrailRepository extends AuditTrailRepository implements TransactionParticipant {
  readonly entries: AuditEntry[] = [];

  async append(entry: AuditEntry): Promise<void> {
    if (this.entries.some((e) => e.id === entry.id)) throw new Error(`duplicate key: audit entry ${entry.id}`);
    this.entries.push(copy(entry));
  }

  async listBySubject(agencyId: string, subjectType: AuditEntry['subjectType'], subjectId: string): Promise<AuditEntry[]> {
    return this.listBySubjects(agencyId, subjectType, [subjectId]);
  }

  async listBySubjects(agencyId: string, subjectType: AuditEntry['subjectType'], subjectIds: readonly string[]): Promise<AuditEntry[]> {
    return this.entries
      .filter((e) => e.agencyId === agencyId && e.subjectType === subjectType && subjectIds.includes(e.subjectId))
      .sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map(copy);
  }

  snapshot(): () => void {
    const length = this.entries.length;
    return () => {
      this.entries.length = length;
    };
  }
}

function copy(entry: AuditEntry): AuditEntry {
  return { ...entry, at: new Date(entry.at), before: json(entry.before), after: json(entry.after) };
}

function json(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
