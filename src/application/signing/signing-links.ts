import { tabDisabled } from '../shared/portal-tab';
import { LinkTargetResolver } from '../document/document-link.use-case';
import { SigningRequestRepository } from '../ports/signing-request.repository';
import { AgencyRepository } from '../ports/agency.repository';

/** How the download route finds the files of documents to sign: the original, and the sealed copy once signed. */
export function signingLinkTargets(requests: SigningRequestRepository, agencies: AgencyRepository): { SIGNING_ORIGINAL: LinkTargetResolver; SIGNED_COPY: LinkTargetResolver } {
  const find = async (claims: Parameters<LinkTargetResolver>[0]) => {
    const request = await requests.findById(claims.agencyId, claims.documentId);
    if (!request) return null;
    // The worker's link works for their own documents only, and not after the agency hid the tab.
    if (claims.viewerRole === 'FLEXWORKER') {
      const agency = await agencies.findById(claims.agencyId);
      if (!agency?.settings.isTabEnabled('DOCUMENTS')) {
        throw tabDisabled('DOCUMENTS');
      }
    } else if (claims.viewerRole !== 'AGENCY_STAFF') {
      return null;
    }
    return request;
  };
  return {
    SIGNING_ORIGINAL: async (claims) => {
      const request = await find(claims);
      if (!request || (claims.viewerRole === 'FLEXWORKER' && request.status === 'WITHDRAWN')) return null;
      return { fileName: request.original.fileName, contentType: 'application/pdf', sha256: request.original.sha256 };
    },
    SIGNED_COPY: async (claims) => {
      const signed = (await find(claims))?.signed;
      return signed ? { fileName: signed.fileName, contentType: 'application/pdf', sha256: signed.sha256 } : null;
    },
  };
}
