import { CallerName } from './matrix';
import { World } from './world';

/*
 * What must never be in an answer: everything of the other agency, and of the caller's own agency
 * what the role may not see. Ids, and the unique names and e-mail addresses that go with them (a
 * leak through a field without an id shows too).
 */

function worker(w: { id: string; lastName: string; email: string | null }): string[] {
  return [w.id, w.lastName, ...(w.email ? [w.email] : [])];
}

/** Every id, name and e-mail address of the agency's objects. */
export function everything(w: World): string[] {
  const weeks = Object.values(w.weeks).flatMap((ref) => [ref.id, ...(ref.declarationId ? [ref.declarationId] : [])]);
  const logins = [...Object.values(w.callers), ...Object.values(w.spareUsers)].flatMap((c) => [c.id, ...(c.email ? [c.email] : [])]);
  return [
    w.agency.id,
    w.agency.name,
    ...logins,
    w.relation.id,
    w.relation.name,
    ...(w.relation.contactEmail ? [w.relation.contactEmail] : []),
    w.otherRelation.id,
    w.otherRelation.name,
    ...worker(w.worker),
    w.workerPayrollNumber,
    ...worker(w.otherWorker),
    ...worker(w.placeableWorker),
    w.sides.worker.placementId,
    w.sides.relation.placementId,
    w.hiddenPlacementId,
    ...weeks,
    w.schedule.id,
    w.schedule.name,
    w.spareApiClientId,
    ...w.auditEntryIds,
    ...Object.values(w.documents),
    ...Object.values(w.messageThreads),
    ...Object.values(w.signing),
  ];
}

/**
 * What a worker or a contact of `w` may not see of it: the other relation and the colleague with
 * their placement and weeks, the audit trail, the API keys and the other logins; a contact sees
 * the worker at their relation by name only (not the payroll number). Staff and payroll see the whole agency.
 */
export function hiddenFrom(w: World, caller: CallerName): string[] {
  if (caller === 'AGENCY_STAFF' || caller === 'PAYROLL') return [];
  // Anonymous requests can only log in, as the worker.
  const role = caller === 'anonymous' ? 'FLEXWORKER' : caller;
  const hiddenWeeks = [w.weeks.hiddenSubmitted, w.weeks.hiddenOpen].flatMap((ref) => [ref.id, ...(ref.declarationId ? [ref.declarationId] : [])]);
  const otherLogins = (['FLEXWORKER', 'RELATION_CONTACT'] as const).filter((r) => r !== role).map((r) => w.callers[r].email!);
  const common = [
    w.otherRelation.id,
    w.otherRelation.name,
    ...worker(w.otherWorker),
    ...worker(w.placeableWorker),
    w.hiddenPlacementId,
    ...hiddenWeeks,
    ...w.auditEntryIds,
    w.documents.colleaguePayslipId,
    ...(role === 'RELATION_CONTACT' ? [w.documents.payslipId, w.documents.annualStatementId] : []),
    w.signing.hidden,
    ...(role === 'RELATION_CONTACT' ? [w.signing.toSign, w.signing.toDecline, w.signing.toWithdraw, w.signing.toRead] : []),
    w.callers.PAYROLL.id,
    w.spareApiClientId,
    w.callers.AGENCY_STAFF.email!,
    ...otherLogins,
    ...Object.values(w.spareUsers).flatMap((c) => [c.id, c.email!]),
    // Only the two sides of a conversation see it.
    w.messageThreads.colleague,
    ...(role === 'RELATION_CONTACT' ? [w.messageThreads.worker, w.messageThreads.toClose] : [w.messageThreads.contact]),
  ];
  if (role !== 'RELATION_CONTACT') return common;
  const { email, phone, bsnMasked, ibanMasked } = w.worker;
  return [...common, w.workerPayrollNumber, ...[email, phone, bsnMasked, ibanMasked].filter((v): v is string => v !== null)];
}
