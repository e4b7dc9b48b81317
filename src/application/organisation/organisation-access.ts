import { Flexworker } from '../../domain/flexworker/flexworker.entity';
import { Placement } from '../../domain/placement/placement.entity';
import { Relation } from '../../domain/relation/relation.entity';
import { ConflictError, ForbiddenError, NotFoundError } from '../../domain/shared/domain-error';
import { Actor } from '../shared/actor';

/**
 * Who may see what of the organisation model. Repositories are already scoped to the actor's
 * agency; these rules narrow it down by role. What an actor may not see does not exist for them
 * (NotFoundError); what they may see but not change is ForbiddenError.
 */
export const isStaff = (actor: Actor): boolean => actor.role === 'AGENCY_STAFF';

export function canSeeRelation(actor: Actor, relation: Relation): boolean {
  return isStaff(actor) || (actor.role === 'RELATION_CONTACT' && actor.relationId === relation.id);
}

export function canSeePlacement(actor: Actor, placement: Placement): boolean {
  if (isStaff(actor)) return true;
  if (actor.role === 'FLEXWORKER') return actor.flexworkerId === placement.flexworkerId;
  if (actor.role === 'RELATION_CONTACT') return actor.relationId === placement.relationId;
  return false;
}

/** The whole record: staff, and the worker themself. (Relation contacts may see names only.) */
export function canSeeWholeFlexworker(actor: Actor, flexworker: Flexworker): boolean {
  return isStaff(actor) || (actor.role === 'FLEXWORKER' && actor.flexworkerId === flexworker.id);
}

/** Refuses a visible object's change by anyone but staff. */
export function requireStaffToChange(actor: Actor, entity: string): void {
  if (!isStaff(actor)) {
    throw new ForbiddenError('ROLE_NOT_ALLOWED', `Only agency staff may change this ${entity}`, { roles: 'AGENCY_STAFF' });
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
