import { createHash } from 'node:crypto';

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function sha256Of(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** A hash as the stores write it (64 lower-case hex digits); anything else names nothing. */
export function isSha256(text: string): boolean {
  return typeof text === 'string' && SHA256_HEX.test(text);
}
