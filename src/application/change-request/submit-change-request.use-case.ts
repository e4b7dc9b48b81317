import { ChangeRequest, ProposedChanges } from '../../domain/change-request/change-request.entity';
import { NotFoundError } from '../../domain/shared/domain-error';
import { confirmPassword } from '../identity/confirm-password';
import { requireRole } from '../shared/access';
import { Actor } from '../shared/actor';
import { localDateAt } from '../organisation/local-today';
import { ChangeRequestDeps } from './change-request-deps';
import { requirePersonalInformationTab } from './personal-information-tab';

export interface SubmitChangeRequestInput {
  readonly changes: ProposedChanges & { readonly bsn?: string | null };
  readonly note: string;
  /** Required when the IBAN changes: the worker's current password, asked again. */
  readonly currentPassword?: string | null;
}

/**
 * A worker asks the agency to correct their personal data. The values are checked as the staff
 * update checks them; a new IBAN (where the wages go) also needs the current password, and a
 * wrong one counts as a failed login (the login throttle).
 */
export class SubmitChangeRequest {
  constructor(private readonly deps: ChangeRequestDeps) {}

  async execute(actor: Actor, input: SubmitChangeRequestInput): Promise<ChangeRequest> {
    requireRole(actor, 'FLEXWORKER');
    const agency = await requirePersonalInformationTab(this.deps.agencies, actor);
    const worker = actor.flexworkerId ? await this.deps.flexworkers.findById(actor.agencyId, actor.flexworkerId) : null;
    if (!worker) throw new NotFoundError('Flexworker', actor.flexworkerId);
    const at = this.deps.clock.now();
    const request = ChangeRequest.submit(
      { id: this.deps.ids.next(), requestedBy: actor.id, changes: input.changes, note: input.note, at },
      worker,
      localDateAt(at, agency.settings.timeZone),
    );
    if (request.changesIban) await confirmPassword(this.deps, actor, input.currentPassword, 'currentPassword', 'Changing the IBAN needs your current password');
    await this.deps.requests.insert(request);
    return request;
  }
}
