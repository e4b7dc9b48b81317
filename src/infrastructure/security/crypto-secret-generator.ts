import { createHash, randomBytes } from 'node:crypto';
import { SecretGenerator } from '../../application/ports/secret-generator';

/** 256 random bits in base64url after a readable prefix; stored as SHA-256 hex. */
export class CryptoSecretGenerator extends SecretGenerator {
  secret(prefix: string): string {
    return prefix + randomBytes(32).toString('base64url');
  }

  hash(secret: string): string {
    return createHash('sha256').update(secret, 'utf8').digest('hex');
  }
}
