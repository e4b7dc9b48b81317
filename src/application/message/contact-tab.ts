import { Agency } from '../../domain/agency/agency.entity';
import { MessageSide } from '../../domain/message/message.entity';
import { MessageThread } from '../../domain/message/message-thread.entity';
import { NotFoundError } from '../../domain/shared/domain-error';
import { AgencyRepository } from '../ports/agency.repository';
import { MessageThreadRepository } from '../ports/message-thread.repository';
import { requireRole } from '../shared/access';
import { Actor } from '../shared/actor';
import { requirePortalTab } from '../shared/portal-tab';

/**
 * Every operation of the contact tab, for writers and for staff answering them: TAB_DISABLED when
 * the agency switched the CONTACT tab off (it takes no portal messages then). Returns the agency.
 */
export function requireContactTab(agencies: AgencyRepository, actor: Actor): Promise<Agency> {
  return requirePortalTab(agencies, actor.agencyId, 'CONTACT');
}

/** The roles of the tab: the two writers and staff. The payroll key has nothing here. */
export function requireMessageRole(actor: Actor): void {
  requireRole(actor, 'FLEXWORKER', 'RELATION_CONTACT', 'AGENCY_STAFF');
}

/** Staff answer for the agency as one team; a worker or contact writes for themself. */
export function sideOf(actor: Actor): MessageSide {
  return actor.role === 'AGENCY_STAFF' ? 'AGENCY' : 'WRITER';
}

/**
 * A thread the actor is a side of: staff see every thread of their agency, a writer only the ones
 * their own login started. Any other thread (another worker's, a colleague contact's, another
 * agency's) is NOT_FOUND, exactly as an id nobody has.
 */
export async function findVisibleThread(threads: MessageThreadRepository, actor: Actor, id: string, options: { lock?: boolean } = {}): Promise<MessageThread> {
  const thread = options.lock ? await threads.findByIdForUpdate(actor.agencyId, id) : await threads.findById(actor.agencyId, id);
  if (!thread || !canSee(actor, thread)) throw new NotFoundError('MessageThread', id);
  return thread;
}

function canSee(actor: Actor, thread: MessageThread): boolean {
  return actor.role === 'AGENCY_STAFF' || thread.writer.userId === actor.id;
}
