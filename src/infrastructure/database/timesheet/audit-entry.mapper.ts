import { AUDIT_ACTIONS, AuditEntry } from '../../../domain/audit/audit-entry';
import { AuditEntryOrmEntity } from './audit-entry.orm-entity';

export function auditEntryToRow(entry: AuditEntry): AuditEntryOrmEntity {
  const row = new AuditEntryOrmEntity();
  row.id = entry.id;
  row.agencyId = entry.agencyId;
  row.action = entry.action;
  row.subjectType = entry.subjectType;
  row.subjectId = entry.subjectId;
  row.actorId = entry.actorId;
  row.actorRole = entry.actorRole;
  row.at = entry.at;
  row.reason = entry.reason;
  row.before = (entry.before ?? null) as object | null;
  row.after = (entry.after ?? null) as object | null;
  return row;
}

export function auditEntryToDomain(row: AuditEntryOrmEntity): AuditEntry {
  const action = AUDIT_ACTIONS.find((a) => a === row.action);
  if (!action) throw new Error(`audit_entries.action holds an unknown value for ${row.id}`);
  if (row.subjectType !== 'TIMESHEET' && row.subjectType !== 'FLEXWORKER') throw new Error(`audit_entries.subject_type holds an unknown value for ${row.id}`);
  return {
    id: row.id,
    agencyId: row.agencyId,
    action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    actorId: row.actorId,
    actorRole: row.actorRole,
    at: row.at,
    reason: row.reason,
    before: row.before,
    after: row.after,
  };
}
