import { Agency } from '../../domain/agency/agency.entity';
import { AgencyRepository } from '../ports/agency.repository';
import { Actor } from '../shared/actor';
import { requireRole } from '../shared/access';
import { notFound } from './organisation-access';

/** The actor's own agency with its settings: staff, workers, relation contacts and payroll (tabs, deadlines, pay days). */
export class GetAgency {
  constructor(private readonly agencies: AgencyRepository) {}

  async execute(actor: Actor): Promise<Agency> {
    requireRole(actor, 'AGENCY_STAFF', 'FLEXWORKER', 'RELATION_CONTACT', 'PAYROLL');
    const agency = await this.agencies.findById(actor.agencyId);
    if (!agency) throw notFound('Agency', actor.agencyId);
    return agency;
  }
}
