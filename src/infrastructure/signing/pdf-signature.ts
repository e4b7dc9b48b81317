/*
 * Finds the signatures in a PDF's bytes without a PDF parser: a signature dictionary carries
 * `/ByteRange [a b c d]` (the signed bytes: [a, a+b) and [c, c+d)) and `/Contents <hex>` (the CMS,
 * zero-padded), and a correct signature leaves exactly that hex string out of the signed bytes.
 */

export type ByteRange = readonly [number, number, number, number];

export interface PdfSignature {
  readonly byteRange: ByteRange;
  /** The DER of the CMS, without the zero padding of the placeholder. */
  readonly cms: Buffer;
  /** Where `<hex>` of /Contents starts and ends (exclusive) in the file. */
  readonly contentsStart: number;
  readonly contentsEnd: number;
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]/g;
const CONTENTS = /\/Contents\s*<([0-9A-Fa-f\s]*)>/g;

export function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 5)).toString('latin1') === '%PDF-';
}

/** Every signature dictionary found, in file order (the last one is the newest). */
export function findSignatures(pdf: Buffer): PdfSignature[] {
  const text = pdf.toString('latin1');
  const contents = [...text.matchAll(CONTENTS)];
  const found: PdfSignature[] = [];
  for (const match of text.matchAll(BYTE_RANGE)) {
    const byteRange = [1, 2, 3, 4].map((i) => Number(match[i])) as unknown as ByteRange;
    const nearest = nearestTo(match.index, contents);
    if (!nearest) continue;
    const cms = derOf(Buffer.from(nearest[1].replace(/\s+/g, ''), 'hex'));
    if (!cms) continue;
    const at = nearest.index!;
    found.push({ byteRange, cms, contentsStart: at + nearest[0].indexOf('<'), contentsEnd: at + nearest[0].length });
  }
  return found;
}

/** The /Contents of the same dictionary: the one nearest to its /ByteRange, before or after. */
function nearestTo(position: number, contents: RegExpMatchArray[]): RegExpMatchArray | undefined {
  let best: RegExpMatchArray | undefined;
  for (const candidate of contents) {
    const distance = Math.abs(candidate.index! - position);
    if (!best || distance < Math.abs(best.index! - position)) best = candidate;
  }
  return best;
}

/** The DER element at the start of `bytes` (a SEQUENCE), cut at its own length; null if it is not one. */
function derOf(bytes: Buffer): Buffer | null {
  if (bytes.length < 2 || bytes[0] !== 0x30) return null;
  const first = bytes[1];
  if (first < 0x80) return bytes.length >= 2 + first ? bytes.subarray(0, 2 + first) : null;
  const count = first & 0x7f;
  if (count === 0 || count > 4 || bytes.length < 2 + count) return null;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + bytes[2 + i];
  const total = 2 + count + length;
  return bytes.length >= total ? bytes.subarray(0, total) : null;
}

/**
 * Whether the byte range is the whole file except exactly this signature's hex string: starts at
 * 0, ends at the file's end (nothing appended), and leaves out `<hex>` and nothing else.
 */
export function coversWholeFile(signature: PdfSignature, fileLength: number): boolean {
  const [a, b, c, d] = signature.byteRange;
  return a === 0 && b === signature.contentsStart && c === signature.contentsEnd && c + d === fileLength;
}

/** The signed bytes: [a, a+b) followed by [c, c+d). */
export function signedBytes(pdf: Buffer, [a, b, c, d]: ByteRange): Buffer {
  return Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
}
