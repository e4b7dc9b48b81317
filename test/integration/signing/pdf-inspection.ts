import { inflateSync } from 'node:zlib';

/*
 * Reads a PDF the way a test needs it, independently of the code under test: every stream
 * (inflated when it is Flate-compressed), and the text that pdf-lib's standard fonts draw
 * (`<hex> Tj`, WinAnsi, read here as Latin-1).
 */

export function streams(pdf: Buffer): Buffer[] {
  const found: Buffer[] = [];
  let at = 0;
  for (;;) {
    const start = pdf.indexOf('stream', at, 'latin1');
    if (start < 0) break;
    if (pdf.subarray(Math.max(0, start - 3), start).toString('latin1') === 'end') {
      at = start + 6;
      continue;
    }
    const dataStart = start + 6 + (pdf[start + 6] === 0x0d ? 2 : 1);
    const end = pdf.indexOf('endstream', dataStart, 'latin1');
    if (end < 0) break;
    const dictionary = pdf.subarray(Math.max(0, pdf.lastIndexOf('<<', start, 'latin1')), start).toString('latin1');
    const data = pdf.subarray(dataStart, end);
    found.push(dictionary.includes('/FlateDecode') ? inflate(data) : data);
    at = end + 9;
  }
  return found;
}

function inflate(data: Buffer): Buffer {
  try {
    return inflateSync(data);
  } catch {
    return Buffer.alloc(0);
  }
}

/** The text drawn with `<hex> Tj`, one string per line, in drawing order. */
export function drawnText(pdf: Buffer): string {
  const lines: string[] = [];
  for (const stream of streams(pdf)) {
    for (const match of stream.toString('latin1').matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
      lines.push(Buffer.from(match[1], 'hex').toString('latin1'));
    }
  }
  return lines.join('\n');
}

export interface DrawnLine {
  readonly text: string;
  readonly bold: boolean;
  readonly size: number;
  readonly x: number;
  readonly y: number;
}

/** Each `<hex> Tj` with the font (`/Name size Tf`) and position (`1 0 0 1 x y Tm`) it was drawn with. */
export function drawnLines(pdf: Buffer): DrawnLine[] {
  const lines: DrawnLine[] = [];
  const operators = /\/(\S+) ([\d.]+) Tf|1 0 0 1 (-?[\d.]+) (-?[\d.]+) Tm|<([0-9A-Fa-f]*)>\s*Tj/g;
  for (const stream of streams(pdf)) {
    let font = { bold: false, size: 0 };
    let position = { x: 0, y: 0 };
    for (const match of stream.toString('latin1').matchAll(operators)) {
      if (match[1] !== undefined) font = { bold: match[1].includes('Bold'), size: Number(match[2]) };
      else if (match[3] !== undefined) position = { x: Number(match[3]), y: Number(match[4]) };
      else lines.push({ text: Buffer.from(match[5], 'hex').toString('latin1'), ...font, ...position });
    }
  }
  return lines;
}

/** The JSON attachments (embedded files) that parse. */
export function jsonAttachments(pdf: Buffer): unknown[] {
  const found: unknown[] = [];
  for (const stream of streams(pdf)) {
    const text = stream.toString('utf8').trim();
    if (!text.startsWith('{')) continue;
    try {
      found.push(JSON.parse(text));
    } catch {
      // not JSON
    }
  }
  return found;
}

/** The signed ranges and the CMS of the last signature, read from /ByteRange. */
export function lastSignature(pdf: Buffer): { ranges: [number, number, number, number]; cms: Buffer; signed: Buffer } {
  const matches = [...pdf.toString('latin1').matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = matches.at(-1);
  if (!last) throw new Error('no /ByteRange');
  const [a, b, c, d] = [1, 2, 3, 4].map((i) => Number(last[i])) as [number, number, number, number];
  const padded = Buffer.from(pdf.subarray(a + b + 1, c - 1).toString('latin1'), 'hex');
  const cms = padded.subarray(0, derLength(padded));
  return { ranges: [a, b, c, d], cms, signed: Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]) };
}

/** The length of the DER element at the start of `der` (header and contents). */
function derLength(der: Buffer): number {
  if (der[1] < 0x80) return 2 + der[1];
  const count = der[1] & 0x7f;
  return 2 + count + der.subarray(2, 2 + count).reduce((length, byte) => length * 256 + byte, 0);
}
