import { Session } from '../../domain/identity/session.entity';

export abstract class SessionRepository {
  abstract insert(session: Session): Promise<void>;
  abstract findByTokenHash(tokenHash: string): Promise<Session | null>;
  abstract revoke(sessionId: string, at: Date): Promise<void>;
  /** Ends every session of the user (password changed, login deactivated). */
  abstract revokeAllOfUser(userId: string, at: Date): Promise<number>;
}
