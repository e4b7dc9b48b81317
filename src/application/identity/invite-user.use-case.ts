import { Invitation } from '../../domain/identity/invitation.entity';
import { User } from '../../domain/identity/user.entity';
import { ConflictError, NotFoundError, ProblemCollector, ValidationError } from '../../domain/shared/domain-error';
import { Email } from '../../domain/shared/email.value-object';
import { Language } from '../../domain/shared/language.value-object';
import { cleanText } from '../../domain/shared/text';
import { Clock } from '../ports/clock';
import { FlexworkerRepository } from '../ports/flexworker.repository';
import { IdGenerator } from '../ports/id-generator';
import { InvitationRepository } from '../ports/invitation.repository';
import { RelationRepository } from '../ports/relation.repository';
import { UnitOfWork } from '../ports/unit-of-work';
import { UserRepository } from '../ports/user.repository';
import { requireStaff } from '../shared/access';
import { Actor } from '../shared/actor';
import { InvitationSender } from './invitations';

/** A worker by flexworkerId, or a relation's contact by relationId with e-mail and name. */
export interface InviteUserInput {
  readonly flexworkerId?: string | null;
  readonly relationId?: string | null;
  readonly email?: string | null;
  readonly name?: string | null;
  readonly language?: string | null;
}

export interface InvitedUser {
  readonly user: User;
  readonly invitation: Invitation;
}

export interface InviteUserDeps {
  readonly users: UserRepository;
  readonly flexworkers: FlexworkerRepository;
  readonly relations: RelationRepository;
  readonly invitations: InvitationRepository;
  readonly sender: InvitationSender;
  readonly unitOfWork: UnitOfWork;
  readonly ids: IdGenerator;
  readonly clock: Clock;
}

/**
 * Staff invite a worker or a relation's contact of their agency by e-mail. The login is made
 * without a password when there is none; one with a password is refused (ACCOUNT_ACTIVE), and so is
 * one with an open invitation (INVITATION_OPEN: resend or revoke that one). The login, the
 * invitation and its mail are written in one unit of work.
 */
export class InviteUser {
  constructor(private readonly deps: InviteUserDeps) {}

  async execute(actor: Actor, input: InviteUserInput): Promise<InvitedUser> {
    requireStaff(actor);
    const hasWorker = Boolean(input.flexworkerId);
    if (hasWorker === Boolean(input.relationId)) {
      throw ValidationError.of('flexworkerId', 'INVITEE_REQUIRED', 'Invite either a flexworker (flexworkerId) or a relation contact (relationId, email, name)');
    }
    return this.deps.unitOfWork.run(async () => {
      const user = hasWorker ? await this.workerLogin(actor, input.flexworkerId!) : await this.contactLogin(actor, input);
      if (user.hasPassword) throw new ConflictError('ACCOUNT_ACTIVE', 'This person has an account already', { userId: user.id });
      const invitation = await this.deps.sender.send(user, actor.kind === 'USER' ? actor.id : null);
      return { user, invitation };
    });
  }

  private async workerLogin(actor: Actor, flexworkerId: string): Promise<User> {
    const { deps } = this;
    const worker = await deps.flexworkers.findById(actor.agencyId, flexworkerId);
    if (!worker) throw new NotFoundError('Flexworker', flexworkerId);
    const existing = await deps.users.findByFlexworkerId(actor.agencyId, worker.id);
    if (existing) return this.again(existing);
    const user = User.create({
      id: deps.ids.next(), agencyId: actor.agencyId, email: worker.email.value, displayName: worker.name.fullName, role: 'FLEXWORKER',
      flexworkerId: worker.id, language: worker.language.code, passwordHash: null, now: deps.clock.now(),
    });
    await deps.users.insert(user);
    return user;
  }

  private async contactLogin(actor: Actor, input: InviteUserInput): Promise<User> {
    const { deps } = this;
    const problems = new ProblemCollector();
    const email = problems.attempt('email', () => Email.parse(input.email ?? ''));
    const language = problems.attempt('language', () => Language.parse(input.language ?? Language.DEFAULT.code));
    const name = (input.name ?? '').trim();
    if (name.length === 0) problems.add('name', 'NAME_LENGTH', 'A name has 1 to 200 characters', { max: 200 });
    else problems.attempt('name', () => cleanText(name));
    problems.throwIfAny();
    const relation = await deps.relations.findById(actor.agencyId, input.relationId!);
    if (!relation) throw new NotFoundError('Relation', input.relationId!);
    const existing = (await deps.users.findActiveByEmail(email!.value)).find((u) => u.agencyId === actor.agencyId);
    if (existing) {
      if (existing.relationId !== relation.id) {
        throw new ConflictError('EMAIL_TAKEN', 'This e-mail address already has a login at this agency', { field: 'email' });
      }
      return this.again(existing);
    }
    const user = User.create({
      id: deps.ids.next(), agencyId: actor.agencyId, email: email!.value, displayName: name, role: 'RELATION_CONTACT',
      relationId: relation.id, language: language!.code, passwordHash: null, now: deps.clock.now(),
    });
    await deps.users.insert(user);
    return user;
  }

  /** An existing login is invited again only when it has no password and no open invitation. */
  private async again(user: User): Promise<User> {
    if (!user.hasPassword && (await this.deps.invitations.findOpenOfUser(user.agencyId, user.id))) {
      throw new ConflictError('INVITATION_OPEN', 'This login has an open invitation already: resend or revoke it', { userId: user.id });
    }
    return user;
  }
}
