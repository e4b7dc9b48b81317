import { Invitation } from '../../domain/identity/invitation.entity';
import { User } from '../../domain/identity/user.entity';
import { AgencyRepository } from '../ports/agency.repository';
import { Clock } from '../ports/clock';
import { FlexworkerRepository } from '../ports/flexworker.repository';
import { IdGenerator } from '../ports/id-generator';
import { InvitationRepository } from '../ports/invitation.repository';
import { MailOutbox } from '../ports/mail-outbox';
import { PortalLinks } from '../ports/portal-links';
import { SecretGenerator } from '../ports/secret-generator';
import { mailAddressingFor } from './mail-addressing';

export const INVITATION_TOKEN_PREFIX = 'fpi_';

export interface InvitationSettings {
  /** How long an invitation link works (INVITATION_TTL_HOURS, default 168: 7 days). */
  readonly ttlHours: number;
}

export interface InvitationSenderDeps {
  readonly invitations: InvitationRepository;
  readonly flexworkers: FlexworkerRepository;
  readonly agencies: AgencyRepository;
  readonly outbox: MailOutbox;
  readonly links: PortalLinks;
  readonly secrets: SecretGenerator;
  readonly ids: IdGenerator;
  readonly clock: Clock;
  readonly settings: InvitationSettings;
}

/**
 * Issues an invitation for a login and writes its mail to the outbox, inside the caller's unit of
 * work (inviteUser, resendInvitation, createPlacement). The token (256 bits) is only in the mail;
 * the row keeps its hash. The mail is in the recipient's language: a worker's is on the Flexworker.
 */
export class InvitationSender {
  constructor(private readonly deps: InvitationSenderDeps) {}

  async send(user: User, createdBy: string | null): Promise<Invitation> {
    const { deps } = this;
    const token = deps.secrets.secret(INVITATION_TOKEN_PREFIX);
    const invitation = Invitation.issue({
      id: deps.ids.next(),
      agencyId: user.agencyId,
      userId: user.id,
      tokenHash: deps.secrets.hash(token),
      createdBy,
      now: deps.clock.now(),
      ttlHours: deps.settings.ttlHours,
    });
    // One after the other: inside a unit of work they share the transaction's one connection.
    const addressing = await mailAddressingFor(deps, user);
    await deps.invitations.insert(invitation);
    await deps.outbox.enqueue({
      kind: 'INVITATION',
      ...addressing,
      link: deps.links.invitation(token),
      expiresAt: invitation.expiresAt,
    });
    return invitation;
  }
}
