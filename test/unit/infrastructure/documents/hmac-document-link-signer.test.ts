import { DocumentLinkClaims } from '../../../../src/application/ports/document-links';
import { HmacDocumentLinkSigner } from '../../../../src/infrastructure/documents/hmac-document-link-signer';

const CLAIMS: DocumentLinkClaims = {
  documentId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  agencyId: '9b2b4a4e-2f7e-4c35-8d2e-0f6a7e9b1c11',
  viewerKind: 'USER',
  viewerId: 'c0ffee00-0000-4000-8000-000000000001',
  viewerRole: 'FLEXWORKER',
  expiresAt: new Date('2026-11-25T09:05:00Z'),
};

describe('HmacDocumentLinkSigner', () => {
  const signer = new HmacDocumentLinkSigner(Buffer.alloc(32, 7));

  it('gives back the claims of a token it signed, from any instance with the same key', () => {
    const token = signer.sign(CLAIMS);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(new HmacDocumentLinkSigner(Buffer.alloc(32, 7)).verify(token)).toEqual({ valid: true, claims: { ...CLAIMS, target: 'DOCUMENT' } });
  });

  it('keeps what the link names: a stored document, the original or signed copy of a document to sign, an attachment', () => {
    const tokens = (['DOCUMENT', 'SIGNING_ORIGINAL', 'SIGNED_COPY', 'MESSAGE_ATTACHMENT'] as const).map((target) => {
      const token = signer.sign({ ...CLAIMS, target });
      expect(signer.verify(token)).toEqual({ valid: true, claims: { ...CLAIMS, target } });
      return token;
    });
    // The same id under another target is another token: a link to an original never opens the signed copy.
    expect(new Set(tokens).size).toBe(4);
    // A document's link is the one made before targets existed (links already handed out keep working).
    expect(signer.sign({ ...CLAIMS, target: 'DOCUMENT' })).toBe(signer.sign(CLAIMS));
  });

  it('refuses a token of another key, or changed in any character', () => {
    const token = signer.sign(CLAIMS);
    expect(new HmacDocumentLinkSigner(Buffer.alloc(32, 8)).verify(token).valid).toBe(false);
    for (let i = 0; i < token.length; i++) {
      if (token[i] === '.') continue;
      const changed = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
      expect(signer.verify(changed).valid).toBe(false);
    }
    for (const bad of ['', 'x', '.', `${token}.x`, token.split('.')[0]]) expect(signer.verify(bad).valid).toBe(false);
  });
});
