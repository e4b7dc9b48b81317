import { DateTime } from 'luxon';
import { PDFDocument, PDFFont, PDFPage, PageSizes, StandardFonts, rgb } from 'pdf-lib';
import type { SigningEvidence } from '../../application/ports/pdf-sealer';
import { WinAnsiText } from './win-ansi-text';

const MARGIN = 50;
const LABEL_WIDTH = 150;
const GAP = 10;
const SIZE = 9;
const LEADING = 12;
const USER_AGENT_MAX = 300;

/** One row of the evidence table: the Dutch and English label, and the value. */
type Row = readonly [label: string, value: string];

/**
 * Appends the evidence of a signature to `doc`: one A4 page, continued on further pages when the
 * consent text is long. Returns the first evidence page (where the signature widget goes).
 */
export async function appendEvidencePages(doc: PDFDocument, evidence: SigningEvidence): Promise<PDFPage> {
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const writer = new EvidenceWriter(doc, regular, bold, new WinAnsiText(new Set(regular.getCharacterSet())));
  const first = writer.page;
  writer.title('Bewijs van ondertekening / Evidence of signing');
  for (const [label, value] of rows(evidence)) writer.row(label, value);
  writer.space();
  writer.heading('Tekst van de toestemming / Consent text');
  for (const paragraph of evidence.consentText.split(/\r\n|\r|\n/)) writer.paragraph(paragraph);
  writer.space();
  writer.note(
    'Flexportal heeft dit bewijsblad toegevoegd en het document met zijn elektronisch zegel verzegeld. ' +
      'Tekens die het lettertype niet kent zijn getranslitereerd; de exacte gegevens staan in de bijlage evidence.json. / ' +
      'Flexportal added this evidence page and sealed the document with its electronic seal. Characters the font ' +
      'cannot show are transliterated; the exact data are in the attachment evidence.json.',
  );
  return first;
}

function rows(evidence: SigningEvidence): Row[] {
  return [
    ['Document / Document', evidence.documentTitle],
    ['SHA-256 van het origineel / SHA-256 of the original', evidence.documentSha256],
    ['Uitzendbureau / Agency', evidence.agencyName],
    ['Ondertekend door / Signed by', evidence.signerName],
    ['Gebruikers-id / User id', evidence.signerUserId],
    ['Flexkracht-id / Worker id', evidence.flexworkerId],
    ['Ondertekend op / Signed at', zoned(evidence.signedAt, evidence.timeZone)],
    ['Ondertekend op (UTC) / Signed at (UTC)', evidence.signedAt.toISOString()],
    ['IP-adres / IP address', evidence.ipAddress ?? 'onbekend / unknown'],
    ['Browser / User agent', truncate(evidence.userAgent ?? 'onbekend / unknown', USER_AGENT_MAX)],
    ['Authenticatie / Authentication', evidence.authentication],
    ['Toestemming: versie / Consent: version', evidence.consentVersion],
    ['Toestemming: taal / Consent: language', evidence.consentLanguage],
    ['Verzoek-id / Request id', evidence.requestId],
  ];
}

/** `2025-03-14 10:15:02 +01:00 (Europe/Amsterdam)`; an unknown zone is named, not guessed. */
function zoned(at: Date, zone: string): string {
  const local = DateTime.fromJSDate(at, { zone });
  if (!local.isValid) return `onbekende tijdzone / unknown time zone "${zone}"`;
  return `${local.toFormat('yyyy-MM-dd HH:mm:ss ZZ')} (${zone})`;
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}\u2026`;
}

/** Writes top to bottom, starting a new A4 page when the next line would not fit. */
class EvidenceWriter {
  page: PDFPage;
  private y = 0;
  private readonly width: number;

  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly text: WinAnsiText,
  ) {
    this.page = this.newPage();
    this.width = this.page.getWidth() - 2 * MARGIN;
  }

  title(text: string): void {
    this.line(this.text.showable(text), MARGIN, this.bold, 14);
    this.y -= 10;
  }

  heading(text: string): void {
    this.fit(LEADING);
    this.line(this.text.showable(text), MARGIN, this.bold, SIZE + 1);
  }

  row(label: string, value: string): void {
    const labelLines = wrap(this.text.showable(label), this.bold, SIZE, LABEL_WIDTH);
    const valueLines = wrap(this.text.showable(value), this.regular, SIZE, this.width - LABEL_WIDTH - GAP);
    const height = Math.max(labelLines.length, valueLines.length) * LEADING;
    this.fit(height);
    const top = this.y;
    labelLines.forEach((line, i) => this.draw(line, MARGIN, top - i * LEADING, this.bold, SIZE));
    valueLines.forEach((line, i) => this.draw(line, MARGIN + LABEL_WIDTH + GAP, top - i * LEADING, this.regular, SIZE));
    this.y = top - height - 3;
  }

  paragraph(text: string): void {
    const lines = wrap(this.text.showable(text), this.regular, SIZE, this.width);
    if (lines.length === 0) lines.push('');
    for (const line of lines) this.line(line, MARGIN, this.regular, SIZE);
  }

  note(text: string): void {
    for (const line of wrap(this.text.showable(text), this.regular, SIZE - 1.5, this.width)) {
      this.line(line, MARGIN, this.regular, SIZE - 1.5, LEADING - 2);
    }
  }

  space(): void {
    this.y -= LEADING;
  }

  private line(text: string, x: number, font: PDFFont, size: number, leading = LEADING + (size - SIZE)): void {
    this.fit(leading);
    this.draw(text, x, this.y, font, size);
    this.y -= leading;
  }

  private draw(text: string, x: number, y: number, font: PDFFont, size: number): void {
    if (text !== '') this.page.drawText(text, { x, y: y - size, font, size, color: rgb(0, 0, 0) });
  }

  /** Starts a new page unless `height` more points fit above the bottom margin. */
  private fit(height: number): void {
    if (this.y - height < MARGIN) this.page = this.newPage();
  }

  private newPage(): PDFPage {
    const page = this.doc.addPage(PageSizes.A4);
    this.y = page.getHeight() - MARGIN;
    return page;
  }
}

/** Greedy word wrap; a word wider than the line (a hash, a URL) is broken between characters. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      current = candidate;
      continue;
    }
    if (current !== '') lines.push(current);
    current = '';
    for (const char of word) {
      if (current !== '' && font.widthOfTextAtSize(current + char, size) > width) {
        lines.push(current);
        current = '';
      }
      current += char;
    }
  }
  if (current.trim() !== '') lines.push(current);
  return lines;
}
