import { Declaration } from '../../domain/timesheet/declaration.entity';
import { Timesheet } from '../../domain/timesheet/timesheet.entity';
import { HoursEnteredBy } from '../../domain/placement/placement.entity';
import { ConflictError, NotFoundError } from '../../domain/shared/domain-error';
import { roleNotAllowed } from '../shared/access';
import { Actor } from '../shared/actor';

/**
 * Who may see which weeks. Staff and payroll see every week of their agency; a worker their own;
 * a relation contact those of placements at their relation. What an actor may not see does not
 * exist for them (NOT_FOUND), so ids of other workers or agencies reveal nothing.
 */
export function canSeeWeek(actor: Actor, week: Timesheet | Declaration): boolean {
  switch (actor.role) {
    case 'AGENCY_STAFF':
    case 'PAYROLL':
      return true;
    case 'FLEXWORKER':
      return actor.flexworkerId !== undefined && actor.flexworkerId === week.flexworkerId;
    case 'RELATION_CONTACT':
      return actor.relationId !== undefined && actor.relationId === week.relationId;
    default:
      return false;
  }
}

/** The party a person enters hours as: a worker as FLEXWORKER, a relation contact as RELATION; null for others. */
export function enteringPartyOf(actor: Actor): HoursEnteredBy | null {
  if (actor.role === 'FLEXWORKER') return 'FLEXWORKER';
  if (actor.role === 'RELATION_CONTACT') return 'RELATION';
  return null;
}

/** As enteringPartyOf, refusing anyone who never enters hours. */
export function partyOf(actor: Actor): HoursEnteredBy {
  const party = enteringPartyOf(actor);
  if (party !== null) return party;
  throw roleNotAllowed('Only the flexworker or the relation enters hours', ['FLEXWORKER', 'RELATION_CONTACT']);
}

export function timesheetNotFound(id: string): NotFoundError {
  return new NotFoundError('Timesheet', id);
}

export function declarationNotFound(id: string): NotFoundError {
  return new NotFoundError('Declaration', id);
}

/** Every write of a week carries the version the client read; an older one changes nothing. */
export function requireVersion(timesheet: Timesheet, expectedVersion: number): void {
  if (expectedVersion !== timesheet.version) {
    throw new ConflictError('STALE_VERSION', 'This week was changed in the meantime; load it again', {
      entity: 'timesheet',
      expected: expectedVersion,
      actual: timesheet.version,
      status: timesheet.status,
    });
  }
}
