import { Clock } from '../../../application/ports/clock';
import { UserRepository } from '../../../application/ports/user.repository';
import { User, UserProps } from '../../../domain/identity/user.entity';
import { DatabaseContext } from '../database-context';
import { InvalidationSource } from '../invalidation-listener';

interface Entry {
  readonly props: UserProps;
  readonly until: number;
}

/**
 * A user by id, as every authenticated request and `viewer` read it, kept in this process for at
 * most `ttlMs` (issue 14), like the agencies: forgotten at once when PostgreSQL notifies a change
 * of the row (`user:<id>`, from any process or straight SQL); bypassed inside a transaction and
 * while no notices are heard. Each read gets its own User. Every other read and write goes to
 * the database.
 */
export class CachedUserRepository extends UserRepository {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly inner: UserRepository,
    private readonly db: DatabaseContext,
    private readonly clock: Clock,
    private readonly notices: InvalidationSource,
    private readonly ttlMs: number,
  ) {
    super();
    notices.subscribe((invalidation) => {
      if (invalidation === 'ALL') this.entries.clear();
      else if (invalidation.kind === 'user') this.entries.delete(invalidation.id);
    });
  }

  async findById(agencyId: string, id: string): Promise<User | null> {
    if (this.ttlMs <= 0 || !this.notices.listening || this.db.inTransaction()) return this.inner.findById(agencyId, id);
    const now = this.clock.now().getTime();
    const entry = this.entries.get(id);
    if (entry && entry.until > now && entry.props.agencyId === agencyId) return User.rehydrate(entry.props);
    const generation = this.notices.generation;
    const user = await this.inner.findById(agencyId, id);
    if (user && this.notices.generation === generation) {
      if (this.entries.size >= MAX_USERS) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(id, { props: user.toProps(), until: now + this.ttlMs });
    }
    return user;
  }

  findActiveByEmail(email: string): Promise<User[]> {
    return this.inner.findActiveByEmail(email);
  }

  findByFlexworkerId(agencyId: string, flexworkerId: string): Promise<User | null> {
    return this.inner.findByFlexworkerId(agencyId, flexworkerId);
  }

  findByFlexworkerIds(agencyId: string, flexworkerIds: readonly string[]): Promise<User[]> {
    return this.inner.findByFlexworkerIds(agencyId, flexworkerIds);
  }

  findContactsOfRelations(agencyId: string, relationIds: readonly string[]): Promise<User[]> {
    return this.inner.findContactsOfRelations(agencyId, relationIds);
  }

  insert(user: User): Promise<void> {
    return this.inner.insert(user);
  }

  insertIfAbsent(user: User): Promise<boolean> {
    return this.inner.insertIfAbsent(user);
  }

  update(user: User): Promise<void> {
    this.entries.delete(user.id);
    return this.inner.update(user);
  }
}

/** Users one process keeps at most. */
const MAX_USERS = 20_000;
