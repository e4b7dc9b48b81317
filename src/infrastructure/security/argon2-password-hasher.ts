import argon2 from 'argon2';
import { PasswordHasher } from '../../application/ports/password-hasher';

/** argon2id with the OWASP minimum: 19 MiB memory, 2 iterations, 1 lane. */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

export class Argon2PasswordHasher extends PasswordHasher {
  private dummyHash: Promise<string> | undefined;

  constructor(private readonly options: typeof ARGON2_OPTIONS = ARGON2_OPTIONS) {
    super();
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, this.options);
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  async verifyNothing(password: string): Promise<void> {
    this.dummyHash ??= argon2.hash('flexportal-timing-equaliser', this.options);
    await this.verify(await this.dummyHash, password);
  }
}
