import { Clock } from '../ports/clock';
import { InvitationRepository } from '../ports/invitation.repository';
import { PasswordResetRepository } from '../ports/password-reset.repository';

export interface OldTokenSettings {
  /** Invitations are kept this many days after they expired or ended (staff see the state meanwhile). */
  readonly invitationDays: number;
  /** Password resets are kept this many days after they expired. */
  readonly passwordResetDays: number;
}

export const DEFAULT_OLD_TOKEN_SETTINGS: OldTokenSettings = { invitationDays: 30, passwordResetDays: 7 };

/**
 * The daily clean-up (job `tokens.cleanup`): hashes of links that can no longer be used are not
 * kept for ever. An invited login whose invitation was deleted shows NONE to staff, who invite again.
 */
export class DeleteOldTokens {
  constructor(
    private readonly invitations: InvitationRepository,
    private readonly resets: PasswordResetRepository,
    private readonly clock: Clock,
    private readonly settings: OldTokenSettings = DEFAULT_OLD_TOKEN_SETTINGS,
  ) {}

  async execute(): Promise<{ invitations: number; passwordResets: number }> {
    const now = this.clock.now().getTime();
    const invitations = await this.invitations.deleteEndedBefore(new Date(now - this.settings.invitationDays * 86_400_000));
    const passwordResets = await this.resets.deleteExpiredBefore(new Date(now - this.settings.passwordResetDays * 86_400_000));
    return { invitations, passwordResets };
  }
}
