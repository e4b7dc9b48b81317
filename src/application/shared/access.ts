import { ForbiddenError } from '../../domain/shared/domain-error';
import { Actor, Role } from './actor';

/** Refuses the actor unless it has one of the roles. */
export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!roles.includes(actor.role)) {
    throw roleNotAllowed(`This needs the role ${roles.join(' or ')}`, roles);
  }
}

/**
 * FORBIDDEN / ROLE_NOT_ALLOWED with `params.roles`: the list of the roles that may do it (names of
 * the Role enum), so that a client can test membership instead of parsing text.
 */
export function roleNotAllowed(message: string, roles: readonly Role[]): ForbiddenError {
  return new ForbiddenError('ROLE_NOT_ALLOWED', message, { roles: [...roles] });
}

export function requireStaff(actor: Actor): void {
  requireRole(actor, 'AGENCY_STAFF');
}
