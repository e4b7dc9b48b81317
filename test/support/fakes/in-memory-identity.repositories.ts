import { ApiClientRepository } from '../../../src/application/ports/api-client.repository';
import { PasswordHasher } from '../../../src/application/ports/password-hasher';
import { SecretGenerator } from '../../../src/application/ports/secret-generator';
import { SessionRepository } from '../../../src/application/ports/session.repository';
import { UserRepository } from '../../../src/application/ports/user.repository';
import { ApiClient } from '../../../src/domain/identity/api-client.entity';
import { Session } from '../../../src/domain/identity/session.entity';
import { User } from '../../../src/domain/identity/user.entity';
import { ConflictError } from '../../../src/domain/shared/domain-error';

export class InMemoryUserRepository extends UserRepository {
  readonly rows = new Map<string, User>();

  async findById(agencyId: string, id: string): Promise<User | null> {
    const user = this.rows.get(id);
    return user && user.agencyId === agencyId ? User.rehydrate(user.toProps()) : null;
  }
  async findActiveByEmail(email: string): Promise<User[]> {
    return [...this.rows.values()].filter((u) => u.email === email && u.active).map((u) => User.rehydrate(u.toProps()));
  }
  async findByFlexworkerId(agencyId: string, flexworkerId: string): Promise<User | null> {
    return [...this.rows.values()].find((u) => u.agencyId === agencyId && u.flexworkerId === flexworkerId) ?? null;
  }
  async insert(user: User): Promise<void> {
    if ([...this.rows.values()].some((u) => u.agencyId === user.agencyId && u.email === user.email)) {
      throw new ConflictError('EMAIL_TAKEN', 'taken', { field: 'email' });
    }
    this.rows.set(user.id, User.rehydrate(user.toProps()));
  }
  async update(user: User): Promise<void> {
    const stored = this.rows.get(user.id);
    if (!stored || stored.version !== user.version) throw new ConflictError('STALE_VERSION', 'stale');
    this.rows.set(user.id, User.rehydrate({ ...user.toProps(), version: user.version + 1 }));
  }
}

export class InMemorySessionRepository extends SessionRepository {
  readonly rows = new Map<string, Session>();

  async insert(session: Session): Promise<void> {
    this.rows.set(session.id, session);
  }
  async findByTokenHash(tokenHash: string): Promise<Session | null> {
    return [...this.rows.values()].find((s) => s.tokenHash === tokenHash) ?? null;
  }
  async revoke(sessionId: string, at: Date): Promise<void> {
    const s = this.rows.get(sessionId);
    if (s && s.revokedAt === null) this.rows.set(sessionId, Session.rehydrate({ ...s.toProps(), revokedAt: at }));
  }
  async revokeAllOfUser(userId: string, at: Date): Promise<number> {
    let n = 0;
    for (const s of this.rows.values()) {
      if (s.userId === userId && s.revokedAt === null) {
        await this.revoke(s.id, at);
        n += 1;
      }
    }
    return n;
  }
}

export class InMemoryApiClientRepository extends ApiClientRepository {
  readonly rows = new Map<string, ApiClient>();

  async insert(client: ApiClient): Promise<void> {
    this.rows.set(client.id, ApiClient.rehydrate(client.toProps()));
  }
  async findById(agencyId: string, id: string): Promise<ApiClient | null> {
    const c = this.rows.get(id);
    return c && c.agencyId === agencyId ? ApiClient.rehydrate(c.toProps()) : null;
  }
  async findByKeyHash(keyHash: string): Promise<ApiClient | null> {
    return [...this.rows.values()].find((c) => c.keyHash === keyHash) ?? null;
  }
  async listByAgency(agencyId: string): Promise<ApiClient[]> {
    return [...this.rows.values()].filter((c) => c.agencyId === agencyId);
  }
  async update(client: ApiClient): Promise<void> {
    this.rows.set(client.id, ApiClient.rehydrate(client.toProps()));
  }
}

/** Not a real hash: readable in tests, and counts how often it ran. */
export class PlainPasswordHasher extends PasswordHasher {
  verifications = 0;
  async hash(password: string): Promise<string> {
    return `plain:${password}`;
  }
  async verify(hash: string, password: string): Promise<boolean> {
    this.verifications += 1;
    return hash === `plain:${password}`;
  }
  async verifyNothing(): Promise<void> {
    this.verifications += 1;
  }
}

export class CountingSecrets extends SecretGenerator {
  private n = 0;
  secret(prefix: string): string {
    this.n += 1;
    return `${prefix}secret-${this.n}`;
  }
  hash(secret: string): string {
    return `hash(${secret})`;
  }
}
