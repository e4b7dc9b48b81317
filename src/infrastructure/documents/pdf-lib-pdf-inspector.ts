import { PDFDocument } from 'pdf-lib';
import { PdfInspector } from '../../application/ports/pdf-inspector';

/** Reads uploads with pdf-lib: a file it cannot load is not a PDF we store. */
export class PdfLibPdfInspector extends PdfInspector {
  async isReadable(content: Uint8Array): Promise<boolean> {
    try {
      // Encrypted payslips are still PDFs: read the structure without decrypting.
      const document = await PDFDocument.load(content, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
      return document.getPageCount() > 0;
    } catch {
      return false;
    }
  }

  async isEncrypted(content: Uint8Array): Promise<boolean> {
    const document = await PDFDocument.load(content, { ignoreEncryption: true, updateMetadata: false });
    return document.isEncrypted;
  }
}
