import { User } from '../../domain/identity/user.entity';

export abstract class UserRepository {
  abstract findById(agencyId: string, id: string): Promise<User | null>;
  /** Every active login with this e-mail, in any agency (login does not ask for the agency). */
  abstract findActiveByEmail(email: string): Promise<User[]>;
  abstract findByFlexworkerId(agencyId: string, flexworkerId: string): Promise<User | null>;
  /** The logins of these workers (any state), for staff's lists. */
  abstract findByFlexworkerIds(agencyId: string, flexworkerIds: readonly string[]): Promise<User[]>;
  /** The contacts (RELATION_CONTACT logins, any state) of these relations, by name. */
  abstract findContactsOfRelations(agencyId: string, relationIds: readonly string[]): Promise<User[]>;
  /** Refuses a second login with the same e-mail in the agency with ConflictError EMAIL_TAKEN. */
  abstract insert(user: User): Promise<void>;
  /** Inserts the login unless the address or the worker has one in the agency already (then false, nothing written). */
  abstract insertIfAbsent(user: User): Promise<boolean>;
  /** Optimistic: a stale version is a ConflictError STALE_VERSION. */
  abstract update(user: User): Promise<void>;
}
