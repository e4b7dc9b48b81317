import { resetTokenInvalid, resetTokenUsed } from '../../domain/identity/password-reset.entity';
import { User } from '../../domain/identity/user.entity';
import { InvitationRepository } from '../ports/invitation.repository';
import { PasswordResetRepository } from '../ports/password-reset.repository';
import { SessionRepository } from '../ports/session.repository';
import { StartedSession } from './session-starter';
import { setPasswordWithToken, SetPasswordWithTokenDeps } from './set-password-with-token';

export interface ResetPasswordInput {
  readonly token: string;
  readonly newPassword: string;
}

export interface ResetPasswordResult extends StartedSession {
  readonly user: User;
}

export interface ResetPasswordDeps extends SetPasswordWithTokenDeps {
  readonly sessions: SessionRepository;
  readonly resets: PasswordResetRepository;
  /** An invited login that resets its password has signed up: its open invitation is used up with it. */
  readonly invitations?: InvitationRepository;
}

/**
 * Sets a new password with the token of a reset mail (the policy of changeMyPassword), once: the
 * token and every other open one of the login are used up, every session of the login ends, and
 * the failed logins of the account are forgotten. It logs in: the answer carries a new session,
 * as the mailbox's owner has just proved who they are (as accepting an invitation does).
 */
export class ResetPasswordUseCase {
  constructor(private readonly deps: ResetPasswordDeps) {}

  async execute(input: ResetPasswordInput): Promise<ResetPasswordResult> {
    const { deps } = this;
    return setPasswordWithToken(deps, {
      repository: deps.resets,
      invalid: resetTokenInvalid,
      claim: async (reset, now) => {
        if (!(await deps.resets.useUp(reset, now))) throw resetTokenUsed();
      },
      alsoInTransaction: async (user, now) => {
        await deps.sessions.revokeAllOfUser(user.id, now);
        await deps.invitations?.useUpAllOfUser(user.id, now);
      },
    }, { token: input.token, password: input.newPassword, passwordField: 'newPassword' });
  }
}
