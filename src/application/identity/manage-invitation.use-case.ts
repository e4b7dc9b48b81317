import { Invitation } from '../../domain/identity/invitation.entity';
import { User } from '../../domain/identity/user.entity';
import { NotFoundError, ValidationError } from '../../domain/shared/domain-error';
import { Clock } from '../ports/clock';
import { InvitationRepository } from '../ports/invitation.repository';
import { UnitOfWork } from '../ports/unit-of-work';
import { UserRepository } from '../ports/user.repository';
import { requireStaff } from '../shared/access';
import { Actor } from '../shared/actor';
import { InvitationSender } from './invitations';

export interface ManageInvitationDeps {
  readonly users: UserRepository;
  readonly invitations: InvitationRepository;
  readonly sender: InvitationSender;
  readonly unitOfWork: UnitOfWork;
  readonly clock: Clock;
}

export interface InvitationOfUser {
  readonly user: User;
  readonly invitation: Invitation;
}

/** The open invitation of a login of the actor's agency (not found for another agency's, or none open). */
async function openInvitation(deps: ManageInvitationDeps, actor: Actor, userId: string): Promise<InvitationOfUser> {
  const user = await deps.users.findById(actor.agencyId, userId);
  if (!user) throw new NotFoundError('User', userId);
  const invitation = await deps.invitations.findOpenOfUser(actor.agencyId, user.id);
  if (!invitation) throw ValidationError.of('userId', 'INVITATION_NOT_OPEN', 'This login has no open invitation: invite it again');
  return { user, invitation };
}

/** Staff send a login's invitation again: a new link replaces the open one, which stops working. */
export class ResendInvitation {
  constructor(private readonly deps: ManageInvitationDeps) {}

  async execute(actor: Actor, input: { readonly userId: string }): Promise<InvitationOfUser> {
    requireStaff(actor);
    const { deps } = this;
    return deps.unitOfWork.run(async () => {
      const { user, invitation } = await openInvitation(deps, actor, input.userId);
      invitation.replaceAt(deps.clock.now());
      if (!(await deps.invitations.close(invitation))) throw ValidationError.of('userId', 'INVITATION_NOT_OPEN', 'This invitation ended in the meantime');
      return { user, invitation: await deps.sender.send(user, actor.kind === 'USER' ? actor.id : null) };
    });
  }
}

/** Staff take an invitation back: its link stops working. The login stays, without a password. */
export class RevokeInvitation {
  constructor(private readonly deps: ManageInvitationDeps) {}

  async execute(actor: Actor, input: { readonly userId: string }): Promise<InvitationOfUser> {
    requireStaff(actor);
    const { deps } = this;
    return deps.unitOfWork.run(async () => {
      const found = await openInvitation(deps, actor, input.userId);
      found.invitation.revokeAt(deps.clock.now());
      if (!(await deps.invitations.close(found.invitation))) throw ValidationError.of('userId', 'INVITATION_NOT_OPEN', 'This invitation ended in the meantime');
      return found;
    });
  }
}
