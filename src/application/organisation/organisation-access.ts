import { Flexworker } from '../../domain/flexworker/flexworker.entity';
import { Placement } from '../../domain/placement/placement.entity';
import { Relation } from '../../domain/relation/relation.entity';
import { ConflictError, NotFoundError } from '../../domain/shared/domain-error';
import { roleNotAllowed } from '../shared/access';
import { Actor } from '../shared/actor';

/**
 * Who may see what of the organisation model. Repositories are already scoped to the actor's
 * agency; these rules narrow it down by role. What an actor may not see does not exist for them
 * (NotFoundError); what they may see but not change is ForbiddenError.
 */
export const isStaff = (actor: Actor): boolean => actor.role === 'AGENCY_STAFF';

/** Staff, and the payroll system (read only): it pays the declarations and needs who, where and for what. */
export const readsWholeAgency = (actor: Actor): boolean => actor.role === 'AGENCY_STAFF' || actor.role === 'PAYROLL';

export function canSeeRelation(actor: Actor, relation: Relation): boolean {
  return readsWholeAgency(actor) || (actor.role === 'RELATION_CONTACT' && actor.relationId === relation.id);
}

export function canSeePlacement(actor: Actor, placement: Placement): boolean {
  if (readsWholeAgency(actor)) return true;
  if (actor.role === 'FLEXWORKER') return actor.flexworkerId === placement.flexworkerId;
  if (actor.role === 'RELATION_CONTACT') return actor.relationId === placement.relationId;
  return false;
}

/**
 * A placement's purchase-order reference (the relation's order number, quoted on invoices): staff,
 * payroll and the relation's own contacts. Not the worker: it is part of the agreement between
 * agency and relation, nothing the worker acts on. (The cost centre is shown with the placement
 * to everyone who sees it, the worker included, as it was before.)
 */
export function canSeePurchaseOrderReference(actor: Actor, placement: { readonly relationId: string }): boolean {
  return readsWholeAgency(actor) || (actor.role === 'RELATION_CONTACT' && actor.relationId === placement.relationId);
}

/**
 * The whole record (BSN and IBAN masked, the payroll number included): staff, payroll, and the
 * worker themself. (Relation contacts may see names only.)
 */
export function canSeeWholeFlexworker(actor: Actor, flexworker: Flexworker): boolean {
  return readsWholeAgency(actor) || (actor.role === 'FLEXWORKER' && actor.flexworkerId === flexworker.id);
}

/** Refuses a visible object's change by anyone but staff. */
export function requireStaffToChange(actor: Actor, entity: string): void {
  if (!isStaff(actor)) {
    throw roleNotAllowed(`Only agency staff may change this ${entity}`, ['AGENCY_STAFF']);
  }
}

export function notFound(entity: string, id: string): NotFoundError {
  return new NotFoundError(entity, id);
}

/** When the client says which version it edited, an older one is a conflict before anything is checked. */
export function checkExpectedVersion(entity: { version: number }, expectedVersion: number | null | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== entity.version) {
    throw new ConflictError('STALE_VERSION', 'Someone else changed this in the meantime', {
      expected: expectedVersion,
      actual: entity.version,
    });
  }
}
