import { Role } from '../../domain/identity/role';

/** What a download link grants: one document of one agency, to the viewer it was made for, until it expires. */
export interface DocumentLinkClaims {
  readonly documentId: string;
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
