import { createContext, useContext } from 'react';
import type { PortalTab, ViewerFieldsFragment } from '../gql/graphql';

/** Who is logged in (the Viewer query), for every screen behind the login. */
export const ViewerContext = createContext<ViewerFieldsFragment | null>(null);

export function useViewer(): ViewerFieldsFragment {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer outside a logged-in screen');
  return viewer;
}

/** Where each worker tab lives in the portal, in the order the API gives `enabledTabs`. */
export const TAB_PATHS: Readonly<Record<PortalTab, string>> = {
  DECLARATION_STATUS: '/declarations',
  PAYSLIPS: '/payslips',
  ANNUAL_STATEMENTS: '/annual-statements',
  PERSONAL_INFORMATION: '/information',
  CONTACT: '/messages',
  DOCUMENTS: '/signing',
};

/** The screen a role lands on. */
export function homeOf(viewer: Pick<ViewerFieldsFragment, 'role'>): string {
  switch (viewer.role) {
    case 'FLEXWORKER':
      return '/week';
    case 'RELATION_CONTACT':
      return '/approvals';
    case 'AGENCY_STAFF':
      return '/overview';
    default:
      return '/api-only';
  }
}
