import { Actor } from '../shared/actor';
import { Clock } from '../ports/clock';
import { SessionRepository } from '../ports/session.repository';

/** Ends the session the request came with; the token is refused from then on. */
export class LogoutUseCase {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor): Promise<boolean> {
    if (actor.sessionId === undefined) return false;
    await this.sessions.revoke(actor.sessionId, this.clock.now());
    return true;
  }
}
