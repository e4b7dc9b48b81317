import { invitationInvalid } from '../../domain/identity/invitation.entity';
import { assertAcceptablePassword } from '../../domain/identity/password-policy';
import { User } from '../../domain/identity/user.entity';
import { ProblemCollector, ValidationError } from '../../domain/shared/domain-error';
import { cleanText } from '../../domain/shared/text';
import { IsoWeek } from '../../domain/time/iso-week.value-object';
import { AgencyRepository } from '../ports/agency.repository';
import { Clock } from '../ports/clock';
import { CommonPasswordList } from '../ports/common-password-list';
import { InvitationRepository } from '../ports/invitation.repository';
import { PasswordHasher } from '../ports/password-hasher';
import { PlacementRepository } from '../ports/placement.repository';
import { PortalLinks } from '../ports/portal-links';
import { SecretGenerator } from '../ports/secret-generator';
import { UnitOfWork } from '../ports/unit-of-work';
import { UserRepository } from '../ports/user.repository';
import { ZonedTime } from '../ports/zoned-time';
import { LoginThrottle } from './login-throttle';
import { SessionStarter, StartedSession } from './session-starter';

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

export interface AcceptInvitationDeps {
  readonly users: UserRepository;
  readonly invitations: InvitationRepository;
  readonly agencies: AgencyRepository;
  readonly placements: PlacementRepository;
  readonly hasher: PasswordHasher;
  readonly secrets: SecretGenerator;
  readonly starter: SessionStarter;
  readonly throttle: LoginThrottle;
  readonly unitOfWork: UnitOfWork;
  readonly clock: Clock;
  readonly zonedTime: ZonedTime;
  readonly links: PortalLinks;
  readonly commonPasswords: CommonPasswordList;
}

const MAX_TOKEN = 256;

/**
 * Sign-up: the token of an invitation mail sets the login's first password (the policy of
 * changeMyPassword), once, and logs in. Used, revoked and replaced links are INVITATION_INVALID,
 * like unknown ones; an expired one is INVITATION_EXPIRED.
 */
export class AcceptInvitation {
  constructor(private readonly deps: AcceptInvitationDeps) {}

  async execute(input: AcceptInvitationInput): Promise<AcceptInvitationResult> {
    const { deps } = this;
    checkCharacters(input);
    if (input.token.length === 0 || input.token.length > MAX_TOKEN) throw invitationInvalid();
    const invitation = await deps.invitations.findByTokenHash(deps.secrets.hash(input.token));
    if (!invitation) throw invitationInvalid();
    invitation.assertUsableAt(deps.clock.now());
    const user = await deps.users.findById(invitation.agencyId, invitation.userId);
    if (!user || !user.active) throw invitationInvalid();
    try {
      assertAcceptablePassword(input.password, { email: user.email, commonPasswords: deps.commonPasswords });
    } catch (error) {
      throw error instanceof ValidationError ? error.prefixed('password') : error;
    }
    // Hashed before the transaction: argon2 takes a while, and the embedded database runs one transaction at a time.
    const passwordHash = await deps.hasher.hash(input.password);
    const result = await deps.unitOfWork.run(async () => {
      const now = deps.clock.now();
      invitation.useAt(now);
      if (!(await deps.invitations.close(invitation))) throw invitationInvalid();
      user.changePassword(passwordHash, now);
      await deps.users.update(user);
      return { ...(await deps.starter.start(user)), user };
    });
    await deps.throttle.recordSuccess(user.email);
    return { ...result, landing: await this.landing(user) };
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

/** The one text rule first (a control character or half a character is bad input at its field). */
function checkCharacters(input: AcceptInvitationInput): void {
  const problems = new ProblemCollector();
  problems.attempt('token', () => cleanText(input.token));
  problems.attempt('password', () => cleanText(input.password));
  problems.throwIfAny();
}
