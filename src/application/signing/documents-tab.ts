import { Agency } from '../../domain/agency/agency.entity';
import { ForbiddenError, NotFoundError } from '../../domain/shared/domain-error';
import { AgencyRepository } from '../ports/agency.repository';

/**
 * Every operation of the documents tab, for the worker and for staff putting documents before
 * them: TAB_DISABLED when the agency does not show the tab. Returns the agency.
 */
export async function requireDocumentsTab(agencies: AgencyRepository, agencyId: string): Promise<Agency> {
  const agency = await agencies.findById(agencyId);
  if (!agency) throw new NotFoundError('Agency', agencyId);
  if (!agency.settings.isTabEnabled('DOCUMENTS')) {
    throw new ForbiddenError('TAB_DISABLED', 'Your agency does not use this part of the portal', { tab: 'DOCUMENTS' });
  }
  return agency;
}
