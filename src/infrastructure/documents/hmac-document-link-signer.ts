import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { DocumentLinkClaims, DocumentLinkSigner, LINK_TARGETS, LinkCheck, LinkTarget } from '../../application/ports/document-links';
import { ROLES } from '../../domain/identity/role';

const HKDF_INFO = 'flexportal document download links v1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TOKEN = /^([A-Za-z0-9_-]{1,600})\.([A-Za-z0-9_-]{43})$/;

/** The link key: derived from the field encryption key, so that no second secret needs managing and no key serves two purposes. */
export function deriveLinkKey(fieldKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', fieldKey, Buffer.alloc(0), HKDF_INFO, 32));
}

/**
 * Tokens `<claims>.<mac>`: the claims as base64url JSON (document, agency, viewer, role, expiry in
 * epoch seconds) and their HMAC-SHA256 under a key every server process derives alike. Nothing is
 * stored; a token changed anywhere no longer matches its MAC.
 */
export class HmacDocumentLinkSigner extends DocumentLinkSigner {
  private readonly key: Buffer;

  constructor(fieldKey: Buffer) {
    super();
    this.key = deriveLinkKey(fieldKey);
  }

  sign(claims: DocumentLinkClaims): string {
    const fields: unknown[] = [claims.documentId, claims.agencyId, claims.viewerKind, claims.viewerId, claims.viewerRole, Math.floor(claims.expiresAt.getTime() / 1000)];
    // A stored document's link is as it always was; any other target is a seventh field.
    if (claims.target !== undefined && claims.target !== 'DOCUMENT') fields.push(claims.target);
    const body = Buffer.from(JSON.stringify(fields), 'utf8').toString('base64url');
    return `${body}.${this.mac(body).toString('base64url')}`;
  }

  verify(token: string): LinkCheck {
    const match = TOKEN.exec(typeof token === 'string' ? token : '');
    if (!match) return { valid: false };
    const [, body, mac] = match;
    // Compared as text: another spelling of the same bytes (base64url's spare low bits) is no token we made.
    const given = Buffer.from(mac, 'utf8');
    const expected = Buffer.from(this.mac(body).toString('base64url'), 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { valid: false };
    return parseClaims(body);
  }

  private mac(body: string): Buffer {
    return createHmac('sha256', this.key).update(body, 'utf8').digest();
  }
}

function parseClaims(body: string): LinkCheck {
  try {
    const fields = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown[];
    if (!Array.isArray(fields) || (fields.length !== 6 && fields.length !== 7)) return { valid: false };
    const [documentId, agencyId, viewerKind, viewerId, viewerRole, expires, targetField] = fields;
    const target = fields.length === 6 ? 'DOCUMENT' : LINK_TARGETS.find((t) => t === targetField && t !== 'DOCUMENT');
    const valid =
      target !== undefined &&
      typeof documentId === 'string' && UUID.test(documentId) &&
      typeof agencyId === 'string' && UUID.test(agencyId) &&
      (viewerKind === 'USER' || viewerKind === 'API_CLIENT') &&
      typeof viewerId === 'string' &&
      ROLES.some((r) => r === viewerRole) &&
      Number.isInteger(expires);
    if (!valid) return { valid: false };
    return {
      valid: true,
      claims: {
        documentId,
        target: target as LinkTarget,
        agencyId,
        viewerKind,
        viewerId,
        viewerRole: viewerRole as DocumentLinkClaims['viewerRole'],
        expiresAt: new Date((expires as number) * 1000),
      },
    };
  } catch {
    return { valid: false };
  }
}
