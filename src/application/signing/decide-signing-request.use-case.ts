import { NotFoundError } from '../../domain/shared/domain-error';
import { requireRole } from '../shared/access';
import { Actor } from '../shared/actor';
import { requireDocumentsTab } from './documents-tab';
import { SigningDeps } from './signing-deps';
import { SigningRequestView, viewOf, visibleRequest } from './signing-views';

/** The worker declines a document with a reason staff see (1 to 1000 characters). */
export class DeclineSigningRequest {
  constructor(private readonly deps: SigningDeps) {}

  async execute(actor: Actor, input: { readonly id: string; readonly reason: string }): Promise<SigningRequestView> {
    requireRole(actor, 'FLEXWORKER');
    await requireDocumentsTab(this.deps.agencies, actor.agencyId);
    const request = await visibleRequest(this.deps, actor, input.id);
    request.decline(actor.id, this.deps.clock.now(), input.reason);
    return viewOf(this.deps, actor, await this.deps.requests.update(request));
  }
}

/** Staff withdraw a document that was not signed or declined yet. */
export class WithdrawSigningRequest {
  constructor(private readonly deps: SigningDeps) {}

  async execute(actor: Actor, input: { readonly id: string }): Promise<SigningRequestView> {
    requireRole(actor, 'AGENCY_STAFF');
    await requireDocumentsTab(this.deps.agencies, actor.agencyId);
    const request = await this.deps.requests.findById(actor.agencyId, input.id);
    if (!request) throw new NotFoundError('SigningRequest', input.id);
    request.withdraw(actor.id, this.deps.clock.now());
    return viewOf(this.deps, actor, await this.deps.requests.update(request));
  }
}
