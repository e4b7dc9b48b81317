import { ForbiddenError } from '../../domain/shared/domain-error';
import { Actor, Role } from './actor';

/** Refuses the actor unless it has one of the roles. */
export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!roles.includes(actor.role)) {
    throw new ForbiddenError('ROLE_NOT_ALLOWED', `This needs the role ${roles.join(' or ')}`, {
      roles: roles.join(', '),
    });
  }
}

export function requireStaff(actor: Actor): void {
  requireRole(actor, 'AGENCY_STAFF');
}
