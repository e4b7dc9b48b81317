/**
 * One entry of the audit trail: who changed what, when, why, and the data before and after.
 * Written once, never changed (DOMAIN.md: every change to hours after the worker approved them).
 */
export const AUDIT_ACTIONS = ['DECLARATION_CORRECTED', 'FLEXWORKER_CHANGE_REQUEST_APPLIED', 'PERIOD_SETTLED'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditSubjectType = 'TIMESHEET' | 'FLEXWORKER';

export interface AuditEntry {
  readonly id: string;
  readonly agencyId: string;
  readonly action: AuditAction;
  /** What was changed: the timesheet (its declarations are the versions), or a worker's record. */
  readonly subjectType: AuditSubjectType;
  readonly subjectId: string;
  readonly actorId: string;
  readonly actorRole: string;
  readonly at: Date;
  readonly reason: string | null;
  /** Plain JSON. */
  readonly before: unknown;
  readonly after: unknown;
}
