import { createHash, generateKeyPair, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';

const { asn1, pki } = forge;
const generateRsa = promisify(generateKeyPair);

/** What the sealer needs to know about its P12 besides the bytes. */
export interface SealIdentity {
  readonly commonName: string;
  /** SHA-256 (hex) of the certificate's DER, as it is carried in every seal. */
  readonly certificateSha256: string;
}

export class SealP12Error extends Error {}

/**
 * Opens a P12 as @signpdf's P12Signer will: the private key from a password-protected key bag
 * (P12Signer reads no other) and the certificate for that key. Throws SealP12Error otherwise.
 */
export function readSealP12(p12: Buffer, password: string): SealIdentity {
  let store: forge.pkcs12.Pkcs12Pfx;
  try {
    store = forge.pkcs12.pkcs12FromAsn1(asn1.fromDer(forge.util.createBuffer(p12.toString('binary'))), false, password);
  } catch (error) {
    throw new SealP12Error(`the sealing P12 cannot be opened (wrong password or not a PKCS#12 file): ${(error as Error).message}`);
  }
  const key = store.getBags({ bagType: pki.oids.pkcs8ShroudedKeyBag })[pki.oids.pkcs8ShroudedKeyBag]?.[0]?.key as
    | forge.pki.rsa.PrivateKey
    | undefined;
  if (!key) throw new SealP12Error('the sealing P12 holds no password-protected RSA private key');
  const certificates = store.getBags({ bagType: pki.oids.certBag })[pki.oids.certBag] ?? [];
  const certificate = certificates
    .map((bag) => bag.cert)
    .find((cert) => {
      const publicKey = cert?.publicKey as forge.pki.rsa.PublicKey | undefined;
      return publicKey?.n?.equals(key.n) && publicKey.e.equals(key.e);
    });
  if (!certificate) throw new SealP12Error('the sealing P12 holds no certificate for its private key');
  const der = Buffer.from(asn1.toDer(pki.certificateToAsn1(certificate)).getBytes(), 'binary');
  return {
    commonName: String(certificate.subject.getField('CN')?.value ?? 'Flexportal document seal'),
    certificateSha256: createHash('sha256').update(der).digest('hex'),
  };
}

export interface SelfSignedSealOptions {
  readonly commonName?: string;
  readonly organisation?: string;
  readonly password?: string;
  readonly bits?: 2048 | 3072 | 4096;
  readonly validYears?: number;
}

/**
 * A self-signed sealing certificate and its key as a P12 (RSA 2048 by default, valid 10 years,
 * key usage digitalSignature + nonRepudiation). Node makes the key (node-forge in pure
 * JavaScript takes seconds); node-forge writes the certificate and the P12.
 */
export async function generateSelfSignedSealP12(options: SelfSignedSealOptions = {}): Promise<Buffer> {
  const { privateKey: pem } = await generateRsa('rsa', {
    modulusLength: options.bits ?? 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const key = pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey;
  const certificate = pki.createCertificate();
  certificate.publicKey = pki.setRsaPublicKey(key.n, key.e);
  // A positive serial of 128 random bits (the leading 01 keeps the high bit clear).
  certificate.serialNumber = `01${randomBytes(16).toString('hex')}`;
  const now = new Date();
  certificate.validity.notBefore = new Date(now.getTime() - 60 * 60 * 1000);
  certificate.validity.notAfter = new Date(now);
  certificate.validity.notAfter.setUTCFullYear(now.getUTCFullYear() + (options.validYears ?? 10));
  const name = [
    { name: 'commonName', value: options.commonName ?? 'Flexportal document seal' },
    { name: 'organizationName', value: options.organisation ?? 'Flexportal' },
  ];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  certificate.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [certificate], options.password ?? '', {
    algorithm: 'aes256',
    friendlyName: 'Flexportal document seal',
  });
  return Buffer.from(asn1.toDer(p12).getBytes(), 'binary');
}
