import { Agency } from '../../domain/agency/agency.entity';
import { AgencyRepository } from '../ports/agency.repository';
import { Actor } from '../shared/actor';
import { requirePortalTab } from '../shared/portal-tab';

/**
 * Every operation of the "your information" tab, for the worker and for staff answering the
 * requests: TAB_DISABLED when the agency does not show the tab. Returns the agency (its zone and
 * contact details are needed next).
 */
export function requirePersonalInformationTab(agencies: AgencyRepository, actor: Actor): Promise<Agency> {
  return requirePortalTab(agencies, actor.agencyId, 'PERSONAL_INFORMATION');
}
