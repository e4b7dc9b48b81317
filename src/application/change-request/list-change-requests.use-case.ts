import { ChangeRequest, ChangeRequestStatus } from '../../domain/change-request/change-request.entity';
import { ChangeRequestDeps } from './change-request-deps';
import { requireRole } from '../shared/access';
import { Actor } from '../shared/actor';
import { Page, pageQuery, PageRequest } from '../shared/pagination';
import { requirePersonalInformationTab } from './personal-information-tab';

export interface ListChangeRequestsInput extends PageRequest {
  readonly status?: ChangeRequestStatus | null;
  readonly flexworkerId?: string | null;
}

/** Staff: the requests of their agency (filtered on state or worker); a worker: their own, with state and reason. Newest first. */
export class ListChangeRequests {
  constructor(private readonly deps: Pick<ChangeRequestDeps, 'requests' | 'agencies'>) {}

  async execute(actor: Actor, input: ListChangeRequestsInput = {}): Promise<Page<ChangeRequest>> {
    requireRole(actor, 'FLEXWORKER', 'AGENCY_STAFF');
    const page = pageQuery(input);
    await requirePersonalInformationTab(this.deps.agencies, actor);
    const own = actor.role === 'FLEXWORKER';
    if (own && input.flexworkerId && input.flexworkerId !== actor.flexworkerId) return { items: [], cursors: [], hasNextPage: false, endCursor: null };
    const flexworkerId = own ? actor.flexworkerId : (input.flexworkerId ?? undefined);
    return this.deps.requests.list(actor.agencyId, { status: input.status ?? undefined, flexworkerId }, page);
  }
}
