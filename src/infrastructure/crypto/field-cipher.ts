import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A stored value that cannot be read back: a wrong key, a damaged value, or one moved to another field. */
export class FieldDecryptionError extends Error {
  constructor(reason: string) {
    super(`Cannot decrypt a protected field: ${reason}`);
    this.name = 'FieldDecryptionError';
  }
}

/**
 * Encrypts single fields (BSN, IBAN) with AES-256-GCM: a fresh random 12-byte IV per value and
 * the 16-byte authentication tag, stored as text `v1:<iv>:<tag>:<ciphertext>` (base64 each).
 * The optional `context` (e.g. `flexworkers.bsn:<id>`) is authenticated too, so a ciphertext
 * copied into another row or column does not decrypt. Failure to decrypt is an error, never null.
 */
export class FieldCipher {
  constructor(private readonly key: Buffer) {
    if (!Buffer.isBuffer(key) || key.length !== 32) throw new Error('FieldCipher needs a 32-byte key');
  }

  encrypt(plaintext: string, context = ''): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(':');
  }

  decrypt(stored: string, context = ''): string {
    const parts = typeof stored === 'string' ? stored.split(':') : [];
    if (parts.length !== 4 || parts[0] !== VERSION) throw new FieldDecryptionError('unknown format');
    const [, ivText, tagText, dataText] = parts;
    const iv = Buffer.from(ivText, 'base64');
    const tag = Buffer.from(tagText, 'base64');
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new FieldDecryptionError('unknown format');
    try {
      const decipher = createDecipheriv(ALGORITHM, this.key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(Buffer.from(dataText, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new FieldDecryptionError('authentication failed (wrong key, damaged or moved value)');
    }
  }
}
