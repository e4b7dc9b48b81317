import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { SigningEvidence } from '../../../src/application/ports/pdf-sealer';

export const CONSENT_NL =
  'Ik heb de arbeidsovereenkomst voor uitzendkrachten (fase A, ABU-cao) gelezen en ga akkoord met de inhoud. ' +
  'Ik begrijp dat mijn elektronische handtekening dezelfde rechtsgevolgen heeft als een handgeschreven handtekening ' +
  '(artikel 3:15a BW) en dat het uitzendbureau dit bewijs van ondertekening bewaart zolang de fiscale bewaarplicht geldt.';

export const CONSENT_BG =
  'Съгласен съм с условията на трудовия договор за временна работа и потвърждавам, че съм прочел документа. ' +
  'Разбирам, че електронният ми подпис има същата правна сила като саморъчния.';

export const CONSENT_RO =
  'Sunt de acord cu condițiile contractului de muncă temporară și confirm că am citit documentul. ' +
  'Înțeleg că semnătura mea electronică are aceeași valoare juridică precum semnătura olografă.';

export const CONSENT_PL = 'Oświadczam, że zapoznałem się z umową i ją akceptuję. Łódź, Gdańsk, Kraków.';

/** A small contract as an agency would upload it: two pages of text. */
export async function contractPdf(title = 'Uitzendovereenkomst fase A'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const first = doc.addPage();
  first.drawText(title, { x: 50, y: 780, size: 16, font });
  first.drawText('Uitzendbureau Zonnebloem B.V. en J. de Vries komen het volgende overeen.', { x: 50, y: 750, size: 10, font });
  first.drawText('Artikel 1. Functie: orderpicker, 32 uur per week, loon volgens de ABU-cao, schaal B.', { x: 50, y: 730, size: 10, font });
  const second = doc.addPage();
  second.drawText('Artikel 2. Proeftijd: geen. Artikel 3. Vakantiebijslag 8%, reserveringen per week.', { x: 50, y: 780, size: 10, font });
  return doc.save();
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function signingEvidence(original: Uint8Array, overrides: Partial<SigningEvidence> = {}): SigningEvidence {
  return {
    requestId: '6f1d2c3b-9a8e-4f70-b1c2-d3e4f5a6b7c8',
    documentTitle: 'Uitzendovereenkomst fase A - J. de Vries',
    documentSha256: sha256Hex(original),
    agencyName: 'Uitzendbureau Zonnebloem B.V.',
    signerName: 'Jan de Vries',
    signerUserId: '0b6c1f5e-2d4a-4c3b-9e8f-7a6b5c4d3e2f',
    flexworkerId: 'a1b2c3d4-e5f6-4789-9abc-def012345678',
    // 10:15:02 in Amsterdam (CET, +01:00: summer time starts on 30 March 2025).
    signedAt: new Date('2025-03-14T09:15:02.000Z'),
    timeZone: 'Europe/Amsterdam',
    ipAddress: '203.0.113.42',
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
    consentText: CONSENT_NL,
    consentVersion: '2025-01',
    consentLanguage: 'nl',
    authentication: 'PASSWORD_REENTERED',
    ...overrides,
  };
}
