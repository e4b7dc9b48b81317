import { Invitation } from '../../domain/identity/invitation.entity';
import { User } from '../../domain/identity/user.entity';
import { Clock } from '../ports/clock';
import { InvitationRepository } from '../ports/invitation.repository';
import { UserRepository } from '../ports/user.repository';
import { isStaff } from '../organisation/organisation-access';
import { Actor } from '../shared/actor';

export type AccountState = 'NONE' | 'INVITED' | 'INVITATION_EXPIRED' | 'INVITATION_REVOKED' | 'ACTIVE' | 'INACTIVE';

/** A person's login as staff see it in their lists. */
export interface AccountView {
  readonly state: AccountState;
  /** The login, when there is one (resendInvitation and revokeInvitation take it). */
  readonly userId: string | null;
  readonly email: string | null;
  readonly name: string | null;
  /** When the newest invitation's link stops (or stopped) working; null without one. */
  readonly invitationExpiresAt: Date | null;
}

const NO_ACCOUNT: AccountView = { state: 'NONE', userId: null, email: null, name: null, invitationExpiresAt: null };

/**
 * Account states of workers and relation contacts, for staff (others see none), in one query for
 * the logins and one for their newest invitations, whatever the number of people asked about.
 */
export class AccountStates {
  constructor(
    private readonly users: UserRepository,
    private readonly invitations: InvitationRepository,
    private readonly clock: Clock,
  ) {}

  /** Per worker id, in order: their account, or null for a viewer who is not staff. */
  async ofFlexworkers(actor: Actor, flexworkerIds: readonly string[]): Promise<(AccountView | null)[]> {
    if (!isStaff(actor)) return flexworkerIds.map(() => null);
    const users = await this.users.findByFlexworkerIds(actor.agencyId, flexworkerIds);
    const views = await this.viewsOf(actor.agencyId, users);
    const byWorker = new Map(users.map((u, i) => [u.flexworkerId!, views[i]]));
    return flexworkerIds.map((id) => byWorker.get(id) ?? NO_ACCOUNT);
  }

  /** Per relation id, in order: its contacts' accounts by name, or null for a viewer who is not staff. */
  async contactsOfRelations(actor: Actor, relationIds: readonly string[]): Promise<(AccountView[] | null)[]> {
    if (!isStaff(actor)) return relationIds.map(() => null);
    const users = await this.users.findContactsOfRelations(actor.agencyId, relationIds);
    const views = await this.viewsOf(actor.agencyId, users);
    return relationIds.map((id) => views.filter((_, i) => users[i].relationId === id));
  }

  private async viewsOf(agencyId: string, users: readonly User[]): Promise<AccountView[]> {
    const latest = await this.invitations.latestOfUsers(agencyId, users.filter((u) => !u.hasPassword).map((u) => u.id));
    const now = this.clock.now();
    return users.map((user) => {
      const invitation = latest.get(user.id) ?? null;
      return {
        state: stateOf(user, invitation, now),
        userId: user.id,
        email: user.email,
        name: user.displayName,
        invitationExpiresAt: invitation?.expiresAt ?? null,
      };
    });
  }
}

function stateOf(user: User, invitation: Invitation | null, now: Date): AccountState {
  if (!user.active) return 'INACTIVE';
  if (user.hasPassword) return 'ACTIVE';
  switch (invitation?.stateAt(now)) {
    case 'OPEN':
    case 'REPLACED':
      return 'INVITED';
    case 'EXPIRED':
      return 'INVITATION_EXPIRED';
    case 'REVOKED':
      return 'INVITATION_REVOKED';
    default:
      return 'NONE';
  }
}
