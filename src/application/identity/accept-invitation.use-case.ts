import { invitationInvalid } from '../../domain/identity/invitation.entity';
import { User } from '../../domain/identity/user.entity';
import { IsoWeek } from '../../domain/time/iso-week.value-object';
import { AgencyRepository } from '../ports/agency.repository';
import { InvitationRepository } from '../ports/invitation.repository';
import { PlacementRepository } from '../ports/placement.repository';
import { PortalLinks } from '../ports/portal-links';
import { ZonedTime } from '../ports/zoned-time';
import { StartedSession } from './session-starter';
import { setPasswordWithToken, SetPasswordWithTokenDeps } from './set-password-with-token';

export interface AcceptInvitationInput {
  readonly token: string;
  readonly password: string;
}

/** Where the portal opens after sign-up: the current ISO week (the worker's timesheet of their current placement). */
export interface Landing {
  readonly week: string;
  /** The worker's placement that week; null for a contact, or a worker not placed that week. */
  readonly placementId: string | null;
  readonly url: string;
}

export interface AcceptInvitationResult extends StartedSession {
  readonly user: User;
  readonly landing: Landing;
}

export interface AcceptInvitationDeps extends SetPasswordWithTokenDeps {
  readonly invitations: InvitationRepository;
  readonly agencies: AgencyRepository;
  readonly placements: PlacementRepository;
  readonly zonedTime: ZonedTime;
  readonly links: PortalLinks;
}

/**
 * Sign-up: the token of an invitation mail sets the login's first password (the policy of
 * changeMyPassword), once, and logs in. Used, revoked and replaced links are INVITATION_INVALID,
 * like unknown ones; an expired one is INVITATION_EXPIRED.
 */
export class AcceptInvitation {
  constructor(private readonly deps: AcceptInvitationDeps) {}

  async execute(input: AcceptInvitationInput): Promise<AcceptInvitationResult> {
    const { deps } = this;
    const result = await setPasswordWithToken(deps, {
      repository: deps.invitations,
      invalid: invitationInvalid,
      claim: async (invitation, now) => {
        invitation.useAt(now);
        if (!(await deps.invitations.close(invitation))) throw invitationInvalid();
      },
    }, { token: input.token, password: input.password, passwordField: 'password' });
    return { ...result, landing: await this.landing(result.user) };
  }

  private async landing(user: User): Promise<Landing> {
    const { deps } = this;
    const agency = await deps.agencies.findById(user.agencyId);
    const today = deps.zonedTime.localDateTimeAt(deps.clock.now(), agency?.settings.timeZone ?? 'Europe/Amsterdam').date;
    const week = IsoWeek.containing(today).toString();
    if (!user.flexworkerId) return { week, placementId: null, url: deps.links.approvals() };
    const page = await deps.placements.list(user.agencyId, { flexworkerId: user.flexworkerId, activeOn: today }, { first: 20, after: null });
    const placement = page.items.find((p) => p.hoursEnteredBy === 'FLEXWORKER') ?? page.items[0] ?? null;
    return { week, placementId: placement?.id ?? null, url: deps.links.week(week) };
  }
}
