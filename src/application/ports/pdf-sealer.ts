/**
 * What a worker's signature rests on, written onto the evidence page of the signed copy and kept
 * append-only with the signing (see the signing_evidence table).
 */
export interface SigningEvidence {
  /** The signing request's id: the evidence page names it, so a copy leads back to its record. */
  readonly requestId: string;
  readonly documentTitle: string;
  /** Lower-case hex SHA-256 of the exact bytes the worker was shown (the original PDF). */
  readonly documentSha256: string;
  readonly agencyName: string;
  readonly signerName: string;
  readonly signerUserId: string;
  readonly flexworkerId: string;
  /** Server time of the signature. */
  readonly signedAt: Date;
  /** The agency's IANA time zone: the evidence page writes `signedAt` in it (and in UTC). */
  readonly timeZone: string;
  readonly ipAddress: string | null;
  readonly userAgent: string | null;
  /** The consent statement exactly as shown to the worker, its version and language. */
  readonly consentText: string;
  readonly consentVersion: string;
  readonly consentLanguage: string;
  /** How the signer proved who they were at the moment of signing, e.g. `PASSWORD_REENTERED`. */
  readonly authentication: string;
}

/** Why a PDF is not an intact sealed copy of ours. */
export type SealProblem =
  | 'NOT_A_PDF'
  /** A PDF without a signature we can read. */
  | 'NOT_SIGNED'
  /** Signed, but not by this server's sealing certificate. */
  | 'OTHER_SIGNER'
  /** Our signature, but the signed bytes changed or bytes were added after it. */
  | 'CHANGED';

export interface SealCheck {
  /** Signed with this server's sealing certificate (whether or not the bytes are intact). */
  readonly issuedByUs: boolean;
  /** The signature verifies and covers the whole file: not one byte changed or added since. */
  readonly intact: boolean;
  /** null when the copy is ours and intact. */
  readonly problem: SealProblem | null;
  /** The signing time written into the signature, when it could be read. */
  readonly signedAt: Date | null;
  /** SHA-256 (hex) of the sealing certificate that signed it, when it could be read. */
  readonly certificateSha256: string | null;
}

/**
 * Makes and checks the signed copy of a document: the original PDF with an evidence page
 * appended, sealed with a PAdES signature by the agency's certificate, so that any PDF reader
 * shows whether it was changed afterwards.
 */
export abstract class PdfSealer {
  /** The original with the evidence page appended, sealed. Deterministic for the same input and certificate except for the signature's time. */
  abstract seal(original: Uint8Array, evidence: SigningEvidence): Promise<Buffer>;
  /** Whether `pdf` is a copy this sealer's certificate signed, and whether it is intact. Never throws on bad input. */
  abstract verify(pdf: Uint8Array): Promise<SealCheck>;
  /** SHA-256 (hex) of the sealing certificate (DER), shown to staff so they can compare it with a PDF reader's. */
  abstract certificateSha256(): Promise<string>;
}
