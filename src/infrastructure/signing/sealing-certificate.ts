import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { PdfSealer } from '../../application/ports/pdf-sealer';
import { Config, ConfigError } from '../config/config';
import { PadesPdfSealer } from './pades-pdf-sealer';
import { generateSelfSignedSealP12, readSealP12, SealP12Error } from './seal-p12';

const SEAL_FILE = path.join('signing', 'seal.p12');

export interface SealingCertificateOptions {
  /** A P12 to seal with (SIGNING_P12_PATH); unset: the self-signed one in `dataDir`. */
  readonly p12Path?: string;
  /** Its password (SIGNING_P12_PASSWORD); may be empty. */
  readonly p12Password?: string;
  readonly dataDir: string;
  /**
   * On a real PostgreSQL (DATABASE_URL): where the generated certificate is kept instead of
   * DATA_DIR, so that every server process shares it.
   */
  readonly shared?: { loadOrCreate(generate: () => Promise<Buffer>): Promise<Buffer> };
}

export interface SealingCertificate {
  readonly p12: Buffer;
  readonly password: string;
  /** The file it was read from (or written to). */
  readonly file: string;
}

/**
 * The P12 the documents are sealed with. From SIGNING_P12_PATH when set. Otherwise a
 * self-signed one is generated once: on a real PostgreSQL into the database (`shared`), which all
 * server processes share; with the embedded one into DATA_DIR/signing/seal.p12, read from there after.
 * That file has an empty password and mode 0600: a password kept in a file beside it would
 * protect nothing the file mode does not, and one file can be published atomically.
 * Two processes starting at once on the same DATA_DIR each write a temporary file and link it to
 * the name; link fails when the name exists, so the loser drops its own and reads the winner's.
 */
export async function loadSealingCertificate(options: SealingCertificateOptions): Promise<SealingCertificate> {
  if (options.p12Path) {
    return checked({ p12: await readConfigured(options.p12Path), password: options.p12Password ?? '', file: options.p12Path });
  }
  if (options.shared) {
    return checked({ p12: await options.shared.loadOrCreate(() => generateSelfSignedSealP12()), password: '', file: 'the sealing_certificates table' });
  }
  const file = path.join(options.dataDir, SEAL_FILE);
  const existing = await readIfExists(file);
  if (existing) return checked({ p12: existing, password: '', file });
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const generated = await generateSelfSignedSealP12();
  await publishOnce(file, generated);
  return checked({ p12: await readFile(file), password: '', file });
}

/**
 * The sealer for the configuration: its P12; else the self-signed one, in the database when one
 * is shared (`shared`, DATABASE_URL) and in DATA_DIR with the embedded one.
 */
export async function createPdfSealer(
  config: Pick<Config, 'dataDir' | 'signingP12Path' | 'signingP12Password'>,
  shared?: SealingCertificateOptions['shared'],
): Promise<PdfSealer> {
  const certificate = await loadSealingCertificate({
    p12Path: config.signingP12Path,
    p12Password: config.signingP12Password,
    dataDir: config.dataDir,
    shared,
  });
  return new PadesPdfSealer(certificate.p12, certificate.password);
}

/** Writes `bytes` to `file` unless another process got there first; then theirs stays. */
async function publishOnce(file: string, bytes: Buffer): Promise<void> {
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temporary);
  }
}

async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function readConfigured(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new ConfigError(`SIGNING_P12_PATH cannot be read (${file}): ${(error as Error).message}`);
  }
}

/** Refuses a P12 the sealer could not sign with, at start-up rather than at the first signature. */
function checked(certificate: SealingCertificate): SealingCertificate {
  try {
    readSealP12(certificate.p12, certificate.password);
  } catch (error) {
    if (!(error instanceof SealP12Error)) throw error;
    throw new ConfigError(`${certificate.file}: ${error.message} (SIGNING_P12_PATH, SIGNING_P12_PASSWORD)`);
  }
  return certificate;
}
