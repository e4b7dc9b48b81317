import { Agency } from '../../domain/agency/agency.entity';
import { AgencyRepository } from '../ports/agency.repository';
import { requirePortalTab } from '../shared/portal-tab';

/**
 * Every operation of the documents tab, for the worker and for staff putting documents before
 * them: TAB_DISABLED when the agency does not show the tab. Returns the agency.
 */
export function requireDocumentsTab(agencies: AgencyRepository, agencyId: string): Promise<Agency> {
  return requirePortalTab(agencies, agencyId, 'DOCUMENTS');
}
