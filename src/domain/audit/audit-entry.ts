/**
 * One entry of the audit trail: who changed what, when, why, and the data before and after.
 * Written once, never changed (DOMAIN.md: every change to hours after the worker approved them).
 */
export const AUDIT_ACTIONS = ['DECLARATION_CORRECTED'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  readonly id: string;
  readonly agencyId: string;
  readonly action: AuditAction;
  /** What was changed: the timesheet (its declarations are the versions). */
  readonly subjectType: 'TIMESHEET';
  readonly subjectId: string;
  readonly actorId: string;
  readonly actorRole: string;
  readonly at: Date;
  readonly reason: string | null;
  /** Plain JSON. */
  readonly before: unknown;
  readonly after: unknown;
}
