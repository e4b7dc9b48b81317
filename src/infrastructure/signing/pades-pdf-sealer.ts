import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import { PDFDocument } from 'pdf-lib';
import { PdfSealer, SealCheck, SealProblem, SigningEvidence } from '../../application/ports/pdf-sealer';
import { readCms } from './cms-signature';
import { appendEvidencePages } from './evidence-page';
import { coversWholeFile, findSignatures, isPdf, PdfSignature, signedBytes } from './pdf-signature';
import { readSealP12, SealIdentity } from './seal-p12';

/**
 * Bytes reserved for the CMS: room for a 4096-bit RSA signature with its certificate and a chain
 * of a few intermediates (a 2048-bit self-signed seal needs about 1.5 KB).
 */
const SIGNATURE_LENGTH = 16_384;

export interface PadesPdfSealerOptions {
  /** The signing time written into the seal; the server's clock by default. */
  readonly now?: () => Date;
}

/**
 * The PdfSealer with a PAdES-style seal: pdf-lib appends the evidence and a signature field,
 * @signpdf signs with the P12 as a detached CMS (`adbe.pkcs7.detached`, SHA-256).
 * Verification is done here, by hand, on the bytes.
 */
export class PadesPdfSealer extends PdfSealer {
  private readonly identity: SealIdentity;
  private readonly now: () => Date;

  /** Throws when the P12 cannot be opened or holds no certificate for its key. */
  constructor(
    private readonly p12: Buffer,
    private readonly password: string,
    options: PadesPdfSealerOptions = {},
  ) {
    super();
    this.identity = readSealP12(p12, password);
    this.now = options.now ?? (() => new Date());
  }

  async seal(original: Uint8Array, evidence: SigningEvidence): Promise<Buffer> {
    const doc = await PDFDocument.load(original, { updateMetadata: false });
    const evidencePage = await appendEvidencePages(doc, evidence);
    await doc.attach(Buffer.from(JSON.stringify(evidenceJson(evidence), null, 2), 'utf8'), 'evidence.json', {
      mimeType: 'application/json',
      description: 'Evidence of signing (exact data) / Bewijs van ondertekening (exacte gegevens)',
      creationDate: evidence.signedAt,
      modificationDate: evidence.signedAt,
    });
    const signingTime = this.now();
    pdflibAddPlaceholder({
      pdfDoc: doc,
      pdfPage: evidencePage,
      reason: literal(`Flexportal: signed by ${evidence.signerName}`),
      contactInfo: '',
      name: literal(this.identity.commonName),
      location: '',
      signingTime,
      signatureLength: SIGNATURE_LENGTH,
      subFilter: 'adbe.pkcs7.detached',
      appName: 'Flexportal',
    });
    const unsigned = Buffer.from(await doc.save({ useObjectStreams: false }));
    const signer = new P12Signer(this.p12, { passphrase: this.password });
    return new SignPdf().sign(unsigned, signer, signingTime);
  }

  async verify(pdf: Uint8Array): Promise<SealCheck> {
    try {
      return this.check(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
    } catch {
      return result('NOT_SIGNED');
    }
  }

  async certificateSha256(): Promise<string> {
    return this.identity.certificateSha256;
  }

  private check(pdf: Buffer): SealCheck {
    if (!isPdf(pdf)) return result('NOT_A_PDF');
    const checks = findSignatures(pdf)
      .map((signature) => this.checkOne(pdf, signature))
      .filter((check): check is SealCheck => check !== null);
    // The newest of ours when there is one: a copy of ours signed again by someone else is ours, changed.
    const ours = checks.filter((check) => check.issuedByUs);
    return ours.at(-1) ?? checks.at(-1) ?? result('NOT_SIGNED');
  }

  private checkOne(pdf: Buffer, signature: PdfSignature): SealCheck | null {
    const cms = readCms(signature.cms);
    if (!cms) return null;
    const issuedByUs = cms.certificateSha256 === this.identity.certificateSha256;
    const intact = coversWholeFile(signature, pdf.length) && cms.verifies(signedBytes(pdf, signature.byteRange));
    const problem: SealProblem | null = !issuedByUs ? 'OTHER_SIGNER' : intact ? null : 'CHANGED';
    return { issuedByUs, intact, problem, signedAt: cms.signedAt, certificateSha256: cms.certificateSha256 };
  }
}

function result(problem: SealProblem): SealCheck {
  return { issuedByUs: false, intact: false, problem, signedAt: null, certificateSha256: null };
}

/**
 * pdf-lib writes a literal string's characters as they are, without escaping: keep what goes
 * into the signature dictionary to printable ASCII without parentheses or backslashes.
 */
function literal(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[()\\]/g, ' ')
    .replace(/[^\x20-\x7e]/g, '?')
    .slice(0, 200);
}

/** The evidence exactly, in the attachment: what the page shows in Helvetica, here in Unicode. */
function evidenceJson(evidence: SigningEvidence): Record<string, unknown> {
  return { ...evidence, signedAt: evidence.signedAt.toISOString() };
}

