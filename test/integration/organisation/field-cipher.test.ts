import { randomBytes } from 'node:crypto';
import { FieldCipher, FieldDecryptionError } from '../../../src/infrastructure/crypto/field-cipher';

describe('FieldCipher', () => {
  const cipher = new FieldCipher(randomBytes(32));

  it('decrypts what it encrypted, with a fresh IV every time', () => {
    const a = cipher.encrypt('123456782', 'ctx');
    const b = cipher.encrypt('123456782', 'ctx');
    expect(a).not.toBe(b);
    expect(a.startsWith('v1:')).toBe(true);
    expect(a).not.toContain('123456782');
    expect(cipher.decrypt(a, 'ctx')).toBe('123456782');
  });

  it('fails loudly on another key, another context, tampering or garbage', () => {
    const stored = cipher.encrypt('NL91ABNA0417164300', 'flexworkers.iban:1');
    expect(() => new FieldCipher(randomBytes(32)).decrypt(stored, 'flexworkers.iban:1')).toThrow(FieldDecryptionError);
    expect(() => cipher.decrypt(stored, 'flexworkers.iban:2')).toThrow(FieldDecryptionError);
    const parts = stored.split(':');
    const data = Buffer.from(parts[3], 'base64');
    data[0] ^= 1;
    expect(() => cipher.decrypt([...parts.slice(0, 3), data.toString('base64')].join(':'), 'flexworkers.iban:1')).toThrow(FieldDecryptionError);
    for (const bad of ['', 'plain', 'v2:a:b:c', 'v1:AAAA:BBBB:CCCC']) expect(() => cipher.decrypt(bad)).toThrow(FieldDecryptionError);
  });

  it('needs a 32-byte key', () => {
    expect(() => new FieldCipher(randomBytes(16))).toThrow();
  });
});
