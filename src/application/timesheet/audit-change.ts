import { AuditEntry } from '../../domain/audit/audit-entry';
import { DayEntry, DayEntryData } from '../../domain/timesheet/day-entry.value-object';

/** One side of a correction as the audit trail keeps it: the declaration version and its days. */
export interface AuditedDeclaration {
  readonly declarationId: string;
  readonly number: number;
  readonly days: readonly DayEntry[];
  readonly workedMinutes: number;
}

export interface AuditChange {
  readonly before: AuditedDeclaration;
  readonly after: AuditedDeclaration;
}

/**
 * The typed shape of an audit entry's `before` and `after` (plain JSON as CorrectDeclaration
 * writes it: declarationId, number, days, totals, workedMinutes). A value of another shape is a
 * bug or a damaged row, never something to show half of.
 */
export function auditChangeOf(entry: AuditEntry): AuditChange {
  return { before: audited(entry, entry.before), after: audited(entry, entry.after) };
}

function audited(entry: AuditEntry, value: unknown): AuditedDeclaration {
  const data = value as Partial<{ declarationId: string; number: number; days: DayEntryData[]; workedMinutes: number }> | null;
  if (
    !data ||
    typeof data.declarationId !== 'string' ||
    typeof data.number !== 'number' ||
    !Array.isArray(data.days) ||
    typeof data.workedMinutes !== 'number'
  ) {
    throw new Error(`audit entry ${entry.id} (${entry.action}) does not hold a declaration`);
  }
  return { declarationId: data.declarationId, number: data.number, days: data.days.map((d) => DayEntry.fromData(d)), workedMinutes: data.workedMinutes };
}
