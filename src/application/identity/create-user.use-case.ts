import { assertAcceptablePassword } from '../../domain/identity/password-policy';
import { User } from '../../domain/identity/user.entity';
import { NotFoundError, ProblemCollector } from '../../domain/shared/domain-error';
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
 * agency, with a first password. (Invitations by e-mail come later.)
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
    const user = User.create({
      id: this.ids.next(),
      agencyId: actor.agencyId,
      email: email!.value,
      displayName: input.displayName,
      role: input.role,
      flexworkerId: input.flexworkerId ?? null,
      relationId: input.relationId ?? null,
      language: language!.code,
      passwordHash: await this.hasher.hash(input.password),
      now: this.clock.now(),
    });
    await this.users.insert(user);
    return user;
  }
}
