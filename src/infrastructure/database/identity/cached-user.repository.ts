import { Clock } from '../../../application/ports/clock';
import { UserRepository } from '../../../application/ports/user.repository';
import { User, UserProps } from '../../../domain/identity/user.entity';
import { DatabaseContext } from '../database-context';
import { InvalidationSource } from '../invalidation-listener';
import { NoticedEntries } from '../noticed-entries';

/**
 * A user by id, as every authenticated request and `viewer` read it, kept in this process for at
 * most `ttlMs` (issue 14), like the agencies: forgotten at once when PostgreSQL notifies a change
 * of the row (`user:<id>`, from any process or straight SQL); bypassed inside a transaction and
 * while no notices are heard. Each read gets its own User. Every other read and write goes to
 * the database.
 */
export class CachedUserRepository extends UserRepository {
  private readonly kept: NoticedEntries<UserProps>;

  constructor(private readonly inner: UserRepository, db: DatabaseContext, clock: Clock, notices: InvalidationSource, ttlMs: number) {
    super();
    this.kept = new NoticedEntries('user', db, clock, notices, ttlMs, MAX_USERS);
  }

  async findById(agencyId: string, id: string): Promise<User | null> {
    const read = async () => (await this.inner.findById(agencyId, id))?.toProps() ?? null;
    const props = await this.kept.get(id, read, (kept) => kept.agencyId === agencyId);
    return props ? User.rehydrate(props) : null;
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
    this.kept.forget(user.id);
    return this.inner.update(user);
  }
}

/** Users one process keeps at most. */
const MAX_USERS = 20_000;
