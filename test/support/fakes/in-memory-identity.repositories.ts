import { ApiClientRepository } from '../../../src/application/ports/api-client.repository';
import { PasswordHasher } from '../../../src/application/ports/password-hasher';
import { SecretGenerator } from '../../../src/application/ports/secret-generator';
import { SessionRepository } from '../../../src/application/ports/session.repository';
import { UserRepository } from '../../../src/application/ports/user.repository';
import { ApiClient } from '../../../src/domain/identity/api-client.entity';
import { Session } from '../../../src/domain/identity/session.entity';
import { User } from '../../../src/domain/identity/user.entity';
import { ConflictError } from '../../../src/domain/shared/domain-error';

/**
 * The in-memory UserRepository, with the contract of the TypeORM one: copies in and out, scoping
 * by agency (of updates too), e-mail addresses matched in lower case as the table keeps them, one
 * login per e-mail in an agency (EMAIL_TAKEN) and one per worker (FLEXWORKER_HAS_LOGIN), and
 * optimistic versions that store what the real update stores.
 */
export class InMemoryUserRepository extends UserRepository {
  readonly rows = new Map<string, User>();

  async findById(agencyId: string, id: string): Promise<User | null> {
    const user = this.rows.get(id);
    return user && user.agencyId === agencyId ? copyUser(user) : null;
  }
  async findActiveByEmail(email: string): Promise<User[]> {
    const wanted = email.toLowerCase();
    return [...this.rows.values()].filter((u) => u.email === wanted && u.active).map(copyUser);
  }
  async findByFlexworkerId(agencyId: string, flexworkerId: string): Promise<User | null> {
    const user = [...this.rows.values()].find((u) => u.agencyId === agencyId && u.flexworkerId === flexworkerId);
    return user ? copyUser(user) : null;
  }
  async findByFlexworkerIds(agencyId: string, flexworkerIds: readonly string[]): Promise<User[]> {
    return [...this.rows.values()].filter((u) => u.agencyId === agencyId && u.flexworkerId !== null && flexworkerIds.includes(u.flexworkerId)).map(copyUser);
  }
  async findContactsOfRelations(agencyId: string, relationIds: readonly string[]): Promise<User[]> {
    return [...this.rows.values()]
      .filter((u) => u.agencyId === agencyId && u.role === 'RELATION_CONTACT' && u.relationId !== null && relationIds.includes(u.relationId))
      .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id))
      .map(copyUser);
  }
  async insert(user: User): Promise<void> {
    if (this.rows.has(user.id)) throw new Error(`duplicate key: user ${user.id}`);
    const others = [...this.rows.values()];
    if (others.some((u) => u.agencyId === user.agencyId && u.email === user.email)) {
      throw new ConflictError('EMAIL_TAKEN', 'This e-mail address already has a login at this agency', { field: 'email' });
    }
    if (user.flexworkerId !== null && others.some((u) => u.flexworkerId === user.flexworkerId)) {
      throw new ConflictError('FLEXWORKER_HAS_LOGIN', 'This flexworker already has a login', { field: 'flexworkerId' });
    }
    this.rows.set(user.id, copyUser(user));
  }
  async insertIfAbsent(user: User): Promise<boolean> {
    const others = [...this.rows.values()];
    if (others.some((u) => (u.agencyId === user.agencyId && u.email === user.email) || (user.flexworkerId !== null && u.flexworkerId === user.flexworkerId))) return false;
    this.rows.set(user.id, copyUser(user));
    return true;
  }
  async update(user: User): Promise<void> {
    const stored = this.rows.get(user.id);
    if (!stored || stored.agencyId !== user.agencyId || stored.version !== user.version) {
      throw new ConflictError('STALE_VERSION', 'This login was changed by someone else in the meantime');
    }
    const { displayName, language, passwordHash, passwordChangedAt, active } = user.toProps();
    this.rows.set(user.id, User.rehydrate({ ...stored.toProps(), displayName, language, passwordHash, passwordChangedAt, active, version: user.version + 1 }));
  }
}

/** Sessions never change in place (revoking stores a new one), so they are handed out as stored. */
export class InMemorySessionRepository extends SessionRepository {
  readonly rows = new Map<string, Session>();

  async insert(session: Session): Promise<void> {
    if (this.rows.has(session.id)) throw new Error(`duplicate key: session ${session.id}`);
    if ([...this.rows.values()].some((s) => s.tokenHash === session.tokenHash)) throw new Error('duplicate key: sessions_token_hash_key');
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

/** Copies in and out, scoped by agency (an update of another agency's client changes nothing), oldest first, key hashes unique. */
export class InMemoryApiClientRepository extends ApiClientRepository {
  readonly rows = new Map<string, ApiClient>();

  async insert(client: ApiClient): Promise<void> {
    if (this.rows.has(client.id)) throw new Error(`duplicate key: API client ${client.id}`);
    if ([...this.rows.values()].some((c) => c.keyHash === client.keyHash)) throw new Error('duplicate key: api_clients_key_hash_key');
    this.rows.set(client.id, copyClient(client));
  }
  async findById(agencyId: string, id: string): Promise<ApiClient | null> {
    const c = this.rows.get(id);
    return c && c.agencyId === agencyId ? copyClient(c) : null;
  }
  async findByKeyHash(keyHash: string): Promise<ApiClient | null> {
    const c = [...this.rows.values()].find((row) => row.keyHash === keyHash);
    return c ? copyClient(c) : null;
  }
  async listByAgency(agencyId: string): Promise<ApiClient[]> {
    const key = (c: ApiClient) => `${c.createdAt.toISOString()}\u0000${c.id}`;
    return [...this.rows.values()]
      .filter((c) => c.agencyId === agencyId)
      .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
      .map(copyClient);
  }
  async update(client: ApiClient): Promise<void> {
    const stored = this.rows.get(client.id);
    if (!stored || stored.agencyId !== client.agencyId) return;
    this.rows.set(client.id, ApiClient.rehydrate({ ...stored.toProps(), name: client.name, revokedAt: client.revokedAt }));
  }
}

function copyUser(user: User): User {
  return User.rehydrate(user.toProps());
}

function copyClient(client: ApiClient): ApiClient {
  return ApiClient.rehydrate(client.toProps());
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
