import { Role } from '../../domain/identity/role';

/**
 * What a link's `documentId` names: a stored document (payslip, annual statement), the original of
 * a document to sign, its signed copy, or a message's attachment.
 */
export const LINK_TARGETS = ['DOCUMENT', 'SIGNING_ORIGINAL', 'SIGNED_COPY', 'MESSAGE_ATTACHMENT'] as const;
export type LinkTarget = (typeof LINK_TARGETS)[number];

/** What a download link grants: one file of one agency, to the viewer it was made for, until it expires. */
export interface DocumentLinkClaims {
  /** The id of the thing `target` names. */
  readonly documentId: string;
  /** Left out: DOCUMENT. */
  readonly target?: LinkTarget;
  readonly agencyId: string;
  /** The viewer the link was made for: kind and id of the actor, and its role. */
  readonly viewerKind: 'USER' | 'API_CLIENT';
  readonly viewerId: string;
  readonly viewerRole: Role;
  readonly expiresAt: Date;
}

export type LinkCheck = { readonly valid: true; readonly claims: DocumentLinkClaims } | { readonly valid: false };

/**
 * Signs and checks download links: a link is a token that carries its claims and a signature
 * (no state on the server), so that any server process with the same key accepts it.
 */
export abstract class DocumentLinkSigner {
  abstract sign(claims: DocumentLinkClaims): string;
  /** The claims when the token is one this key signed and nobody changed; expiry is the caller's to check. */
  abstract verify(token: string): LinkCheck;
}
