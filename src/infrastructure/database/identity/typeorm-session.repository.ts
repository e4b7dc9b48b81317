import { IsNull } from 'typeorm';
import { SessionRepository } from '../../../application/ports/session.repository';
import { Session } from '../../../domain/identity/session.entity';
import { DatabaseContext } from '../database-context';
import { isUuid } from '../organisation/keyset-cursor';
import { sessionToDomain, sessionToRow } from './identity.mapper';
import { SessionOrmEntity } from './session.orm-entity';

export class TypeormSessionRepository extends SessionRepository {
  constructor(private readonly db: DatabaseContext) {
    super();
  }

  private repo() {
    return this.db.manager().getRepository(SessionOrmEntity);
  }

  async insert(session: Session): Promise<void> {
    await this.repo().insert(sessionToRow(session));
  }

  async findByTokenHash(tokenHash: string): Promise<Session | null> {
    const row = await this.repo().findOneBy({ tokenHash });
    return row ? sessionToDomain(row) : null;
  }

  /** An id that is not a UUID names no session: nothing to revoke (asking PostgreSQL would be an error). */
  async revoke(sessionId: string, at: Date): Promise<void> {
    if (!isUuid(sessionId)) return;
    await this.repo().update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: at });
  }

  async revokeAllOfUser(userId: string, at: Date): Promise<number> {
    if (!isUuid(userId)) return 0;
    const result = await this.repo().update({ userId, revokedAt: IsNull() }, { revokedAt: at });
    return result.affected ?? 0;
  }
}
