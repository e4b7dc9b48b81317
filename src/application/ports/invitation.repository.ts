import { Invitation } from '../../domain/identity/invitation.entity';

/** Invitations to set a first password (tokens stored hashed). */
export abstract class InvitationRepository {
  /** Refuses a second open invitation of the same login with ConflictError INVITATION_OPEN. */
  abstract insert(invitation: Invitation): Promise<void>;
  abstract findByTokenHash(tokenHash: string): Promise<Invitation | null>;
  /** The login's open invitation (not used, revoked or replaced; perhaps expired), if any. */
  abstract findOpenOfUser(agencyId: string, userId: string): Promise<Invitation | null>;
  /** The newest invitation of each login (staff's account states). */
  abstract latestOfUsers(agencyId: string, userIds: readonly string[]): Promise<Map<string, Invitation>>;
  /**
   * Stores how the invitation ended (used, revoked, replaced), only if it was still open: false when
   * another request ended it first (the row lock makes the second wait, then find it ended).
   */
  abstract close(invitation: Invitation): Promise<boolean>;
  /** Ends every open invitation of the login as used (a password reset sets the password too). */
  abstract useUpAllOfUser(userId: string, at: Date): Promise<void>;
  /** Deletes invitations that ended (used, revoked, replaced) or expired before `cutoff`; the number deleted. */
  abstract deleteEndedBefore(cutoff: Date): Promise<number>;
}
