import { PasswordReset } from '../../domain/identity/password-reset.entity';

/** The password reset requests (tokens stored hashed). */
export abstract class PasswordResetRepository {
  abstract insert(reset: PasswordReset): Promise<void>;
  /**
   * Writes what a request for an address without a login costs: the same kind of row as `insert`
   * (a decoy that names no login and can never be redeemed), so that both answers take the same work.
   */
  abstract insertDecoy(tokenHash: string, now: Date): Promise<void>;
  abstract findByTokenHash(tokenHash: string): Promise<PasswordReset | null>;
  /**
   * Marks the token used, and every other open token of the same login with it (one new password
   * ends every older link). False when the token was used already (by a request that got there first).
   */
  abstract useUp(reset: PasswordReset, at: Date): Promise<boolean>;
  /** Deletes requests (decoys too) that expired before `cutoff`; the number deleted. */
  abstract deleteExpiredBefore(cutoff: Date): Promise<number>;
}
