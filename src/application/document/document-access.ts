import { PortalTab } from '../../domain/agency/agency-settings.value-object';
import { DocumentKind } from '../../domain/document/document-kind';
import { AgencyRepository } from '../ports/agency.repository';
import { Actor } from '../shared/actor';
import { requirePortalTab } from '../shared/portal-tab';

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
  await requirePortalTab(agencies, agencyId, tabOf(kind));
}

/** Staff and the payroll key see every document of their agency. */
export function seesWholeAgency(actor: Actor): boolean {
  return actor.role === 'AGENCY_STAFF' || actor.role === 'PAYROLL';
}
