import { Agency } from '../../domain/agency/agency.entity';
import { Flexworker } from '../../domain/flexworker/flexworker.entity';
import { NotFoundError } from '../../domain/shared/domain-error';
import { requireRole } from '../shared/access';
import { Actor } from '../shared/actor';
import { ChangeRequestDeps } from './change-request-deps';
import { requirePersonalInformationTab } from './personal-information-tab';

export interface MyInformation {
  readonly flexworker: Flexworker;
  readonly agency: Agency;
}

/** The worker's "your information" tab: their record (BSN and IBAN masked) and their agency. */
export class GetMyInformation {
  constructor(private readonly deps: Pick<ChangeRequestDeps, 'flexworkers' | 'agencies'>) {}

  async execute(actor: Actor): Promise<MyInformation> {
    requireRole(actor, 'FLEXWORKER');
    const agency = await requirePersonalInformationTab(this.deps.agencies, actor);
    const flexworker = actor.flexworkerId ? await this.deps.flexworkers.findById(actor.agencyId, actor.flexworkerId) : null;
    if (!flexworker) throw new NotFoundError('Flexworker', actor.flexworkerId);
    return { flexworker, agency };
  }
}
