import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { SealCheck } from '../../../src/application/ports/pdf-sealer';
import { PadesPdfSealer } from '../../../src/infrastructure/signing/pades-pdf-sealer';
import { generateSelfSignedSealP12 } from '../../../src/infrastructure/signing/seal-p12';
import {
  CONSENT_BG,
  CONSENT_NL,
  CONSENT_PL,
  CONSENT_RO,
  contractPdf,
  sha256Hex,
  signingEvidence,
} from '../../support/mothers/signing-evidence.mother';
import { drawnLines, drawnText, jsonAttachments, lastSignature } from './pdf-inspection';

/*
 * The sealer against real PDFs: the evidence page is there and says what happened, the seal
 * verifies, and any change to the signed bytes (or bytes added after them) is seen.
 */

const flip = (pdf: Buffer, at: number): Buffer => {
  const copy = Buffer.from(pdf);
  copy[at] ^= 0x01;
  return copy;
};

describe('PadesPdfSealer', () => {
  let p12: Buffer;
  let sealer: PadesPdfSealer;
  let original: Uint8Array;
  let sealed: Buffer;
  let sealedAt: number;

  beforeAll(async () => {
    p12 = await generateSelfSignedSealP12();
    sealer = new PadesPdfSealer(p12, '');
    original = await contractPdf();
    sealedAt = Date.now();
    sealed = await sealer.seal(original, signingEvidence(original));
  });

  describe('the sealed copy', () => {
    it('opens, and has the original pages plus one evidence page', async () => {
      const originalPages = (await PDFDocument.load(original)).getPageCount();
      const copy = await PDFDocument.load(sealed);
      expect(originalPages).toBe(2);
      expect(copy.getPageCount()).toBe(originalPages + 1);
      expect(sealed.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });

    it('states on the evidence page who signed what, when, from where and how', () => {
      const evidence = signingEvidence(original);
      const text = drawnText(sealed);
      expect(text).toContain('Bewijs van ondertekening / Evidence of signing');
      expect(text).toContain(sha256Hex(original));
      expect(text).toMatch(/Ondertekend door \/ Signed by\nJan de Vries/);
      for (const value of [evidence.documentTitle, evidence.agencyName, evidence.signerUserId, evidence.flexworkerId, evidence.requestId]) {
        expect(text).toContain(value);
      }
      expect(text).toContain('2025-03-14 10:15:02 +01:00 (Europe/Amsterdam)');
      expect(text).toContain('2025-03-14T09:15:02.000Z');
      expect(text).toContain('203.0.113.42');
      expect(text).toContain('Mozilla/5.0 (iPhone;');
      expect(text).toContain('PASSWORD_REENTERED');
      expect(text.replace(/\s+/g, ' ')).toContain('Toestemming: versie / Consent: version 2025-01');
      expect(text.replace(/\s+/g, ' ')).toContain('Toestemming: taal / Consent: language nl');
      // The consent is wrapped over lines, every word kept and in order.
      expect(text.replace(/\s+/g, ' ')).toContain(CONSENT_NL);
    });

    it('keeps every line of the evidence inside the margins of its A4 page', async () => {
      const copy = await PDFDocument.load(sealed);
      const evidencePage = copy.getPage(copy.getPageCount() - 1);
      expect([Math.round(evidencePage.getWidth()), Math.round(evidencePage.getHeight())]).toEqual([595, 842]);
      const metrics = await PDFDocument.create();
      const regular = await metrics.embedFont(StandardFonts.Helvetica);
      const bold = await metrics.embedFont(StandardFonts.HelveticaBold);
      const evidenceLines = drawnLines(sealed).slice(drawnLines(Buffer.from(original)).length);
      expect(evidenceLines.length).toBeGreaterThan(20);
      for (const line of evidenceLines) {
        const width = (line.bold ? bold : regular).widthOfTextAtSize(line.text, line.size);
        expect({ line: line.text, right: Math.min(line.x + width, 545.3) }).toEqual({ line: line.text, right: line.x + width });
        expect(line.y).toBeGreaterThanOrEqual(50 - line.size);
      }
    });

    it('carries the exact evidence as an attachment inside the signed bytes', () => {
      expect(jsonAttachments(sealed)).toContainEqual(
        expect.objectContaining({ requestId: signingEvidence(original).requestId, consentText: CONSENT_NL, signedAt: '2025-03-14T09:15:02.000Z' }),
      );
    });

    it('shows "unknown" for a missing IP address and user agent, and cuts a very long user agent', async () => {
      const withoutClient = await sealer.seal(original, signingEvidence(original, { ipAddress: null, userAgent: null }));
      expect(drawnText(withoutClient)).toMatch(/IP-adres \/ IP address\nonbekend \/ unknown/);
      const long = await sealer.seal(original, signingEvidence(original, { userAgent: `Mozilla/5.0 ${'x'.repeat(5000)}` }));
      const shown = drawnText(long);
      const userAgent = shown.slice(shown.indexOf('Browser / User agent'), shown.indexOf('Authenticatie / Authentication'));
      expect(userAgent).toContain('Mozilla/5.0');
      expect(userAgent).toContain('xxxxxxxxxx\x85'); // the ellipsis, 0x85 in WinAnsi
      expect(userAgent.replace(/[^x]/g, '').length).toBe(300 - 1 - 'Mozilla/5.0 '.length);
    });
  });

  describe('verify', () => {
    it('finds our seal intact, with its signing time and our certificate', async () => {
      const check = await sealer.verify(sealed);
      expect(check).toMatchObject({ issuedByUs: true, intact: true, problem: null, certificateSha256: await sealer.certificateSha256() });
      expect(Math.abs(check.signedAt!.getTime() - sealedAt)).toBeLessThan(5000);
    });

    it('sees one byte changed in the first signed range', async () => {
      const { ranges } = lastSignature(sealed);
      const check = await sealer.verify(flip(sealed, Math.floor(ranges[1] / 2)));
      expect(check).toMatchObject({ issuedByUs: true, intact: false, problem: 'CHANGED' });
    });

    it('sees one byte changed in the second signed range', async () => {
      const [, , c, d] = lastSignature(sealed).ranges;
      expect(d).toBeGreaterThan(0);
      const check = await sealer.verify(flip(sealed, c + Math.floor(d / 2)));
      expect(check).toMatchObject({ issuedByUs: true, intact: false, problem: 'CHANGED' });
    });

    it('sees bytes appended after the seal', async () => {
      const appended = Buffer.concat([sealed, Buffer.from('\n% toegevoegd na ondertekening\n')]);
      expect(await sealer.verify(appended)).toMatchObject({ issuedByUs: true, intact: false, problem: 'CHANGED' });
    });

    it('sees the copy rewritten by a PDF library (the signature dictionary kept, the bytes moved)', async () => {
      const doc = await PDFDocument.load(sealed);
      doc.getPage(0).drawText('Loon: 25 euro per uur', { x: 50, y: 600 });
      const rewritten = Buffer.from(await doc.save({ useObjectStreams: false, updateFieldAppearances: false }));
      expect(rewritten.toString('latin1')).toContain('/ByteRange');
      expect(await sealer.verify(rewritten)).toMatchObject({ issuedByUs: true, intact: false, problem: 'CHANGED' });
    });

    it('sees a truncated copy', async () => {
      const check = await sealer.verify(sealed.subarray(0, sealed.length - 20));
      expect(check).toMatchObject({ intact: false, problem: 'CHANGED' });
    });

    it('sees our own valid signature moved onto other bytes', async () => {
      // The same evidence sealed a minute later differs only in the signing time (same length):
      // its bytes under the first copy's CMS have our certificate but not the signed digest.
      const later = new PadesPdfSealer(p12, '', { now: () => new Date(Date.now() + 60_000) });
      const other = await later.seal(original, signingEvidence(original));
      expect(await sealer.verify(other)).toMatchObject({ issuedByUs: true, intact: true });
      const [, b, c] = lastSignature(sealed).ranges;
      expect(other.length).toBe(sealed.length);
      expect(lastSignature(other).ranges.slice(1, 3)).toEqual([b, c]);
      const swapped = Buffer.concat([other.subarray(0, b), sealed.subarray(b, c), other.subarray(c)]);
      expect(await sealer.verify(swapped)).toMatchObject({ issuedByUs: true, intact: false, problem: 'CHANGED' });
    });

    it('tells a copy sealed with another certificate', async () => {
      const stranger = new PadesPdfSealer(await generateSelfSignedSealP12({ commonName: 'Ander uitzendbureau' }), '');
      const theirs = await stranger.seal(original, signingEvidence(original));
      const check = await sealer.verify(theirs);
      expect(check).toMatchObject({ issuedByUs: false, intact: true, problem: 'OTHER_SIGNER', certificateSha256: await stranger.certificateSha256() });
      expect(await stranger.certificateSha256()).not.toBe(await sealer.certificateSha256());
      expect(await stranger.verify(theirs)).toMatchObject({ issuedByUs: true, intact: true, problem: null });
    });

    it('calls an unsigned PDF not signed, and what is not a PDF not a PDF', async () => {
      const none = { issuedByUs: false, intact: false, signedAt: null, certificateSha256: null };
      expect(await sealer.verify(original)).toEqual({ ...none, problem: 'NOT_SIGNED' });
      expect(await sealer.verify(new Uint8Array(0))).toEqual({ ...none, problem: 'NOT_A_PDF' });
      expect(await sealer.verify(Buffer.from('%PDF'))).toEqual({ ...none, problem: 'NOT_A_PDF' });
      expect(await sealer.verify(Buffer.from('PK\u0003\u0004 a zip, not a pdf'))).toEqual({ ...none, problem: 'NOT_A_PDF' });
      expect(await sealer.verify(Buffer.from('%PDF-1.7\n/ByteRange [0 10 20 5] /Contents <3082000a00>'))).toEqual({ ...none, problem: 'NOT_SIGNED' });
    });

    it('never throws, whatever the bytes (random, or a sealed copy cut and changed anywhere)', async () => {
      const verdicts = new Set<string>();
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.uint8Array({ maxLength: 2000 }),
            fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 255 })).map(([cut, at, byte]) => {
              const copy = Buffer.from(sealed.subarray(0, 5 + (cut % (sealed.length - 4))));
              copy[5 + (at % Math.max(1, copy.length - 5))] = byte;
              return copy;
            }),
          ),
          async (bytes) => {
            const check: SealCheck = await sealer.verify(bytes);
            verdicts.add(String(check.problem));
            expect(check.intact && check.problem === null).toBe(Buffer.from(bytes).equals(sealed));
          },
        ),
        { numRuns: 150, seed: 20250314 },
      );
      expect(verdicts.has('NOT_A_PDF')).toBe(true);
    });
  });

  describe('consent in other languages', () => {
    it.each([
      ['Bulgarian', 'bg', CONSENT_BG, 'Saglasen sam s uslovi'],
      ['Romanian', 'ro', CONSENT_RO, 'Sunt de acord cu conditiile contractului de munca temporara si confirm'],
      ['Polish', 'pl', CONSENT_PL, 'Oswiadczam, ze zapoznalem sie z umowa i ja akceptuje. Lódz, Gdansk, Kraków.'],
    ])('%s: sealed without an error, transliterated on the page, exact in the attachment', async (_language, code, consent, shown) => {
      const copy = await sealer.seal(original, signingEvidence(original, { consentText: consent, consentLanguage: code, signerName: 'Ștefan Țăranu' }));
      expect(await sealer.verify(copy)).toMatchObject({ intact: true, problem: null });
      const text = drawnText(copy).replace(/\s+/g, ' ');
      expect(text).toContain(shown);
      expect(text).toContain('Stefan Taranu');
      expect(jsonAttachments(copy)).toContainEqual(expect.objectContaining({ consentText: consent, signerName: 'Ștefan Țăranu' }));
    });
  });

  it('continues a long consent text on a second evidence page', async () => {
    const longConsent = Array.from({ length: 12 }, (_, i) => `Artikel ${i + 1}. ${CONSENT_NL}`).join('\n\n');
    const copy = await sealer.seal(original, signingEvidence(original, { consentText: longConsent }));
    const doc = await PDFDocument.load(copy);
    expect(doc.getPageCount()).toBe(2 + 2);
    expect(drawnText(copy).replace(/\s+/g, ' ')).toContain(`Artikel 12. ${CONSENT_NL}`);
    expect(await sealer.verify(copy)).toMatchObject({ intact: true, problem: null });
  });

  describe('checked by OpenSSL, independently of node-forge', () => {
    const openssl = spawnSync('openssl', ['version']).status === 0;
    const run = openssl ? it : it.skip;
    if (!openssl) console.warn('openssl is not installed: the OpenSSL cross-check of the seal is skipped');
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'seal-openssl-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const cmsVerify = (cms: Buffer, content: Buffer) => {
      writeFileSync(path.join(dir, 'seal.p7s'), cms);
      writeFileSync(path.join(dir, 'content.bin'), content);
      return spawnSync('openssl', [
        'cms', '-verify', '-binary', '-inform', 'DER', '-noverify',
        '-in', path.join(dir, 'seal.p7s'), '-content', path.join(dir, 'content.bin'),
        '-signer', path.join(dir, 'signer.pem'), '-out', path.join(dir, 'out.bin'),
      ], { encoding: 'utf8' });
    };

    run('verifies the detached CMS over the signed ranges, by our certificate, and refuses a changed byte', async () => {
      const { cms, signed } = lastSignature(sealed);
      const good = cmsVerify(cms, signed);
      expect(good.stderr).toContain('Verification successful');
      expect(good.status).toBe(0);
      const der = execFileSync('openssl', ['x509', '-in', path.join(dir, 'signer.pem'), '-outform', 'DER']);
      expect(createHash('sha256').update(der).digest('hex')).toBe(await sealer.certificateSha256());
      const bad = cmsVerify(cms, flip(signed, 1000));
      expect(bad.status).not.toBe(0);
    });
  });
});
