import { Session } from '../../domain/identity/session.entity';
import { User } from '../../domain/identity/user.entity';
import { Clock } from '../ports/clock';
import { IdGenerator } from '../ports/id-generator';
import { SecretGenerator } from '../ports/secret-generator';
import { SessionRepository } from '../ports/session.repository';

export const SESSION_TOKEN_PREFIX = 'fps_';

export interface StartedSession {
  /** The bearer token: shown this once, stored only as a hash. */
  readonly token: string;
  readonly expiresAt: Date;
}

/** Opens a session for a user (login, password change) and hands out its token. */
export class SessionStarter {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly secrets: SecretGenerator,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly ttlMinutes: number,
  ) {}

  async start(user: User): Promise<StartedSession> {
    const token = this.secrets.secret(SESSION_TOKEN_PREFIX);
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.ttlMinutes * 60_000);
    const session = Session.start({
      id: this.ids.next(),
      userId: user.id,
      agencyId: user.agencyId,
      tokenHash: this.secrets.hash(token),
      createdAt: now,
      expiresAt,
    });
    await this.sessions.insert(session);
    return { token, expiresAt };
  }
}
