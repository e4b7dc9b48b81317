import { Agency } from '../../domain/agency/agency.entity';
import { ForbiddenError, NotFoundError } from '../../domain/shared/domain-error';
import { AgencyRepository } from '../ports/agency.repository';
import { Actor } from '../shared/actor';

/**
 * Every operation of the "your information" tab, for the worker and for staff answering the
 * requests: TAB_DISABLED when the agency does not show the tab. Returns the agency (its zone and
 * contact details are needed next).
 */
export async function requirePersonalInformationTab(agencies: AgencyRepository, actor: Actor): Promise<Agency> {
  const agency = await agencies.findById(actor.agencyId);
  if (!agency) throw new NotFoundError('Agency', actor.agencyId);
  if (!agency.settings.isTabEnabled('PERSONAL_INFORMATION')) {
    throw new ForbiddenError('TAB_DISABLED', 'Your agency does not use this part of the portal', { tab: 'PERSONAL_INFORMATION' });
  }
  return agency;
}
