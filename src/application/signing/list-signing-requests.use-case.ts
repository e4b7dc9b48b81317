import { SigningStatus } from '../../domain/signing/signing-request.entity';
import { requireRole } from '../shared/access';
import { Actor } from '../shared/actor';
import { emptyPage, Page, pageQuery, PageRequest } from '../shared/pagination';
import { requireDocumentsTab } from './documents-tab';
import { SigningDeps } from './signing-deps';
import { SigningRequestView, viewsOf, visibleRequest } from './signing-views';

export interface ListSigningRequestsInput extends PageRequest {
  readonly flexworkerId?: string | null;
  readonly status?: SigningStatus | null;
}

/**
 * Documents to sign, newest first: a worker their own (to sign, signed, declined, withdrawn),
 * staff their agency's (or one worker's). Each comes with links for the viewer.
 */
export class ListSigningRequests {
  constructor(private readonly deps: SigningDeps) {}

  async execute(actor: Actor, input: ListSigningRequestsInput = {}): Promise<Page<SigningRequestView>> {
    requireRole(actor, 'FLEXWORKER', 'AGENCY_STAFF');
    await requireDocumentsTab(this.deps.agencies, actor.agencyId);
    const page = pageQuery(input);
    let flexworkerId = input.flexworkerId ?? undefined;
    if (actor.role === 'FLEXWORKER') {
      if (!actor.flexworkerId || (flexworkerId !== undefined && flexworkerId !== actor.flexworkerId)) return emptyPage();
      flexworkerId = actor.flexworkerId;
    }
    const found = await this.deps.requests.list(actor.agencyId, { flexworkerId, status: input.status ?? undefined }, page);
    return { ...found, items: await viewsOf(this.deps, actor, found.items) };
  }
}

/** One document to sign, for the worker it is for or staff of its agency (NOT_FOUND otherwise). */
export class GetSigningRequest {
  constructor(private readonly deps: SigningDeps) {}

  async execute(actor: Actor, id: string): Promise<SigningRequestView> {
    requireRole(actor, 'FLEXWORKER', 'AGENCY_STAFF');
    await requireDocumentsTab(this.deps.agencies, actor.agencyId);
    const request = await visibleRequest(this.deps, actor, id);
    return (await viewsOf(this.deps, actor, [request]))[0];
  }
}
