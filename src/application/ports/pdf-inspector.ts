/** Reads a file as a PDF, to refuse uploads that only look like one. */
export abstract class PdfInspector {
  /** Whether a PDF parser reads the file (it may be encrypted; it must be a PDF). */
  abstract isReadable(content: Uint8Array): Promise<boolean>;
  /** Whether the PDF is encrypted (it cannot then get an evidence page and a seal). */
  abstract isEncrypted(content: Uint8Array): Promise<boolean>;
}
