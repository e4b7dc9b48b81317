import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

/*
 * Reads and checks a detached CMS (PKCS#7 SignedData) by hand: node-forge parses it but has no
 * verify(). The signer's RSA signature covers the DER of the authenticated attributes, which
 * are stored as [0] IMPLICIT but signed as a SET (tag 0x31): re-encode before hashing.
 */

const { asn1 } = forge;
const OID = forge.pki.oids;

const HASHES: Readonly<Record<string, string>> = {
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
  [OID.sha1]: 'sha1',
};

export interface CmsSignature {
  /** The signer's certificate, DER as carried in the CMS. */
  readonly certificateDer: Buffer;
  readonly certificateSha256: string;
  /** The signingTime attribute, when present. */
  readonly signedAt: Date | null;
  /** Whether `content` is what was signed: its digest matches and the signature verifies. */
  verifies(content: Buffer): boolean;
}

/** The first signer of a CMS SignedData, or null when it cannot be read as one. */
export function readCms(der: Buffer): CmsSignature | null {
  try {
    const message = forge.pkcs7.messageFromAsn1(asn1.fromDer(forge.util.createBuffer(der.toString('binary'))));
    if (!('signerInfos' in message)) return null;
    const capture = message.rawCapture as { certificates?: forge.asn1.Asn1; signerInfos?: forge.asn1.Asn1[] };
    const signerInfo = capture.signerInfos?.[0];
    if (!signerInfo) return null;
    const signer = parseSignerInfo(signerInfo);
    const certificate = signerCertificate(capture.certificates, signer.serial);
    if (!certificate) return null;
    return new ParsedCms(certificate, signer);
  } catch {
    return null;
  }
}

interface SignerInfo {
  readonly serial: string;
  readonly digestAlgorithm: string;
  /** The attributes as signed (a SET), or null when the signature covers the content directly. */
  readonly signedAttributes: Buffer | null;
  readonly attributes: ReadonlyMap<string, forge.asn1.Asn1>;
  readonly signature: Buffer;
}

/** SignerInfo ::= SEQUENCE { version, issuerAndSerialNumber, digestAlgorithm, [0] attrs OPTIONAL, signatureAlgorithm, signature, … } */
function parseSignerInfo(node: forge.asn1.Asn1): SignerInfo {
  const parts = node.value as forge.asn1.Asn1[];
  const issuerAndSerial = parts[1].value as forge.asn1.Asn1[];
  const serial = forge.util.bytesToHex(issuerAndSerial[1].value as string);
  const digestAlgorithm = asn1.derToOid((parts[2].value as forge.asn1.Asn1[])[0].value as string);
  const hasAttributes = parts[3].tagClass === asn1.Class.CONTEXT_SPECIFIC && parts[3].type === 0;
  const attributeNodes = hasAttributes ? (parts[3].value as forge.asn1.Asn1[]) : [];
  const signatureNode = parts[hasAttributes ? 5 : 4];
  const signedAttributes = hasAttributes
    ? binary(asn1.toDer(asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, attributeNodes)).getBytes())
    : null;
  const attributes = new Map<string, forge.asn1.Asn1>();
  for (const attribute of attributeNodes) {
    const [type, values] = attribute.value as forge.asn1.Asn1[];
    attributes.set(asn1.derToOid(type.value as string), (values.value as forge.asn1.Asn1[])[0]);
  }
  return { serial, digestAlgorithm, signedAttributes, attributes, signature: binary(signatureNode.value as string) };
}

/** The certificate whose serial number the signer names (the CMS may carry a chain). */
function signerCertificate(certificates: forge.asn1.Asn1 | undefined, serial: string): X509Certificate | null {
  for (const node of (certificates?.value as forge.asn1.Asn1[] | undefined) ?? []) {
    const certificate = new X509Certificate(binary(asn1.toDer(node).getBytes()));
    if (certificate.serialNumber.toLowerCase().replace(/^0+/, '') === serial.replace(/^0+/, '')) return certificate;
  }
  return null;
}

class ParsedCms implements CmsSignature {
  readonly certificateDer: Buffer;
  readonly certificateSha256: string;
  readonly signedAt: Date | null;

  constructor(
    private readonly certificate: X509Certificate,
    private readonly signer: SignerInfo,
  ) {
    this.certificateDer = certificate.raw;
    this.certificateSha256 = createHash('sha256').update(certificate.raw).digest('hex');
    this.signedAt = signingTime(signer.attributes.get(OID.signingTime));
  }

  verifies(content: Buffer): boolean {
    try {
      const hash = HASHES[this.signer.digestAlgorithm];
      if (!hash) return false;
      const { signedAttributes, attributes, signature } = this.signer;
      if (signedAttributes === null) return verifySignature(hash, content, this.certificate.publicKey, signature);
      const messageDigest = attributes.get(OID.messageDigest);
      if (!messageDigest) return false;
      const digest = createHash(hash).update(content).digest();
      if (!digest.equals(binary(messageDigest.value as string))) return false;
      return verifySignature(hash, signedAttributes, this.certificate.publicKey, signature);
    } catch {
      return false;
    }
  }
}

function signingTime(node: forge.asn1.Asn1 | undefined): Date | null {
  if (!node) return null;
  if (node.type === asn1.Type.UTCTIME) return asn1.utcTimeToDate(node.value as string);
  if (node.type === asn1.Type.GENERALIZEDTIME) return asn1.generalizedTimeToDate(node.value as string);
  return null;
}

function binary(bytes: string): Buffer {
  return Buffer.from(bytes, 'binary');
}
