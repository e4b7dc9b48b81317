/** A memory-hard password hash (argon2id in production). */
export abstract class PasswordHasher {
  abstract hash(password: string): Promise<string>;
  abstract verify(hash: string, password: string): Promise<boolean>;
  /** Spends the same time as a verify, so that an unknown e-mail cannot be told apart by timing. */
  abstract verifyNothing(password: string): Promise<void>;
}
