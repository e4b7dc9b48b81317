import { Agency } from '../../domain/agency/agency.entity';
import { PortalTab } from '../../domain/agency/agency-settings.value-object';
import { ForbiddenError, NotFoundError } from '../../domain/shared/domain-error';
import { AgencyRepository } from '../ports/agency.repository';

/** FORBIDDEN / TAB_DISABLED: the agency does not show this tab of the portal. */
export function tabDisabled(tab: PortalTab): ForbiddenError {
  return new ForbiddenError('TAB_DISABLED', 'Your agency does not use this part of the portal', { tab });
}

/** The agency, when it shows `tab` (every operation of a tab asks this first); TAB_DISABLED otherwise. */
export async function requirePortalTab(agencies: AgencyRepository, agencyId: string, tab: PortalTab): Promise<Agency> {
  const agency = await agencies.findById(agencyId);
  if (!agency) throw new NotFoundError('Agency', agencyId);
  if (!agency.settings.isTabEnabled(tab)) throw tabDisabled(tab);
  return agency;
}
