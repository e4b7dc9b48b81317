import { assertAcceptablePassword } from '../../domain/identity/password-policy';
import { User } from '../../domain/identity/user.entity';
import { ConflictError, NotFoundError, ProblemCollector } from '../../domain/shared/domain-error';
import { Email } from '../../domain/shared/email.value-object';
import { Language } from '../../domain/shared/language.value-object';
import { Clock } from '../ports/clock';
import { CommonPasswordList } from '../ports/common-password-list';
import { FlexworkerRepository } from '../ports/flexworker.repository';
import { IdGenerator } from '../ports/id-generator';
import { PasswordHasher } from '../ports/password-hasher';
import { RelationRepository } from '../ports/relation.repository';
import { UserRepository } from '../ports/user.repository';
import { Actor } from '../shared/actor';
import { requireStaff } from '../shared/access';
import { InvitationRepository } from '../ports/invitation.repository';
import { UnitOfWork } from '../ports/unit-of-work';

/** What taking over an invited login takes; without it createUser only makes new logins. */
export interface InvitedLogins {
  readonly invitations: InvitationRepository;
  readonly unitOfWork: UnitOfWork;
}

export interface CreateUserInput {
  readonly email: string;
  readonly displayName: string;
  readonly role: string;
  readonly flexworkerId?: string | null;
  readonly relationId?: string | null;
  readonly language?: string | null;
  readonly password: string;
}

/**
 * Staff give someone a login: a colleague, a relation's contact, or a flexworker of their own
 * agency, with a first password. Where an invited login (no password yet) of the same person is
 * there already (the same worker, or the same address as a contact of the same relation), it is
 * completed instead: it takes the password, address, name and language given, and its open
 * invitation is used up (its link stops working). Anyone else's address stays EMAIL_TAKEN.
 */
export class CreateUserUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly flexworkers: FlexworkerRepository,
    private readonly relations: RelationRepository,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly commonPasswords: CommonPasswordList,
    private readonly invited?: InvitedLogins,
  ) {}

  async execute(actor: Actor, input: CreateUserInput): Promise<User> {
    requireStaff(actor);
    const problems = new ProblemCollector();
    const email = problems.attempt('email', () => Email.parse(input.email));
    const language = problems.attempt('language', () => Language.parse(input.language ?? Language.DEFAULT.code));
    problems.attempt('password', () => assertAcceptablePassword(input.password, { email: input.email, commonPasswords: this.commonPasswords }));
    problems.throwIfAny();
    if (input.flexworkerId && !(await this.flexworkers.findById(actor.agencyId, input.flexworkerId))) {
      throw new NotFoundError('Flexworker', input.flexworkerId);
    }
    if (input.relationId && !(await this.relations.findById(actor.agencyId, input.relationId))) {
      throw new NotFoundError('Relation', input.relationId);
    }
    const passwordHash = await this.hasher.hash(input.password);
    const invited = this.invited;
    if (invited) {
      const attempt = () => invited.unitOfWork.run(async () => {
        const existing = await this.invitedLogin(actor, email!.value, input);
        if (!existing) return this.insertNew(actor, input, email!.value, language!.code, passwordHash);
        const now = this.clock.now();
        existing.completeInvited({ email: email!.value, displayName: input.displayName, language: language!.code, passwordHash, now });
        await this.users.update(existing);
        await invited.invitations.useUpAllOfUser(existing.id, now);
        return existing;
      });
      try {
        return await attempt();
      } catch (error) {
        // A placement invited the worker at the same moment: its login without a password is taken over.
        if (error instanceof ConflictError && (error.reason === 'FLEXWORKER_HAS_LOGIN' || error.reason === 'EMAIL_TAKEN')) return attempt();
        throw error;
      }
    }
    return this.insertNew(actor, input, email!.value, language!.code, passwordHash);
  }

  /** The same person's login without a password: the worker's, or a contact of the same relation at this address. */
  private async invitedLogin(actor: Actor, email: string, input: CreateUserInput): Promise<User | null> {
    const found = input.role === 'FLEXWORKER' && input.flexworkerId
      ? await this.users.findByFlexworkerId(actor.agencyId, input.flexworkerId)
      : (await this.users.findActiveByEmail(email)).find((u) => u.agencyId === actor.agencyId) ?? null;
    if (!found || found.hasPassword || !found.active || found.role !== input.role) return null;
    if (found.role === 'RELATION_CONTACT' && found.relationId !== (input.relationId ?? null)) return null;
    return found;
  }

  private async insertNew(actor: Actor, input: CreateUserInput, email: string, language: string, passwordHash: string): Promise<User> {
    const user = User.create({
      id: this.ids.next(),
      agencyId: actor.agencyId,
      email,
      displayName: input.displayName,
      role: input.role,
      flexworkerId: input.flexworkerId ?? null,
      relationId: input.relationId ?? null,
      language,
      passwordHash,
      now: this.clock.now(),
    });
    await this.users.insert(user);
    return user;
  }
}
