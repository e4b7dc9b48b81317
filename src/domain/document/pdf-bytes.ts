/** `%PDF-`: how every PDF file starts (ISO 32000-1, 7.5.2). */
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d] as const;

/** Whether the bytes start as a PDF does. Only a first check: a parser must still read the file. */
export function startsAsPdf(bytes: Uint8Array): boolean {
  return bytes.length >= PDF_MAGIC.length && PDF_MAGIC.every((b, i) => bytes[i] === b);
}
