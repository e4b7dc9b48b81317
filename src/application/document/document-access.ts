import { PortalTab } from '../../domain/agency/agency-settings.value-object';
import { DocumentKind } from '../../domain/document/document-kind';
import { ForbiddenError, NotFoundError } from '../../domain/shared/domain-error';
import { AgencyRepository } from '../ports/agency.repository';
import { Actor } from '../shared/actor';

/** The portal tab that shows a kind of document to workers. */
export function tabOf(kind: DocumentKind): PortalTab {
  switch (kind) {
    case 'PAYSLIP':
      return 'PAYSLIPS';
    case 'ANNUAL_STATEMENT':
      return 'ANNUAL_STATEMENTS';
    default:
      return 'DOCUMENTS';
  }
}

/** TAB_DISABLED unless the agency shows the tab of this kind of document to its workers. */
export async function requireTab(agencies: AgencyRepository, agencyId: string, kind: DocumentKind): Promise<void> {
  const agency = await agencies.findById(agencyId);
  if (!agency) throw new NotFoundError('Agency', agencyId);
  const tab = tabOf(kind);
  if (!agency.settings.isTabEnabled(tab)) {
    throw new ForbiddenError('TAB_DISABLED', 'Your agency does not use this part of the portal', { tab });
  }
}

/** Staff and the payroll key see every document of their agency. */
export function seesWholeAgency(actor: Actor): boolean {
  return actor.role === 'AGENCY_STAFF' || actor.role === 'PAYROLL';
}
