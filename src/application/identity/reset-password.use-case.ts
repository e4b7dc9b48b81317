import { assertAcceptablePassword } from '../../domain/identity/password-policy';
import { resetTokenInvalid, resetTokenUsed } from '../../domain/identity/password-reset.entity';
import { User } from '../../domain/identity/user.entity';
import { ProblemCollector, ValidationError } from '../../domain/shared/domain-error';
import { cleanText } from '../../domain/shared/text';
import { Clock } from '../ports/clock';
import { CommonPasswordList } from '../ports/common-password-list';
import { InvitationRepository } from '../ports/invitation.repository';
import { PasswordHasher } from '../ports/password-hasher';
import { PasswordResetRepository } from '../ports/password-reset.repository';
import { SecretGenerator } from '../ports/secret-generator';
import { SessionRepository } from '../ports/session.repository';
import { UnitOfWork } from '../ports/unit-of-work';
import { UserRepository } from '../ports/user.repository';
import { LoginThrottle } from './login-throttle';
import { SessionStarter, StartedSession } from './session-starter';

export interface ResetPasswordInput {
  readonly token: string;
  readonly newPassword: string;
}

export interface ResetPasswordResult extends StartedSession {
  readonly user: User;
}

export interface ResetPasswordDeps {
  readonly users: UserRepository;
  readonly sessions: SessionRepository;
  readonly resets: PasswordResetRepository;
  readonly hasher: PasswordHasher;
  readonly secrets: SecretGenerator;
  readonly starter: SessionStarter;
  readonly throttle: LoginThrottle;
  readonly unitOfWork: UnitOfWork;
  readonly clock: Clock;
  readonly commonPasswords: CommonPasswordList;
  /** An invited login that resets its password has signed up: its open invitation is used up with it. */
  readonly invitations?: InvitationRepository;
}

const MAX_TOKEN = 256;

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
    checkCharacters(input);
    if (input.token.length === 0 || input.token.length > MAX_TOKEN) throw resetTokenInvalid();
    const reset = await deps.resets.findByTokenHash(deps.secrets.hash(input.token));
    if (!reset) throw resetTokenInvalid();
    reset.assertUsableAt(deps.clock.now());
    const user = await deps.users.findById(reset.agencyId, reset.userId);
    if (!user || !user.active) throw resetTokenInvalid();
    try {
      assertAcceptablePassword(input.newPassword, { email: user.email, commonPasswords: deps.commonPasswords });
    } catch (error) {
      throw error instanceof ValidationError ? error.prefixed('newPassword') : error;
    }
    // Hashed before the transaction: argon2 takes a while, and the embedded database runs one transaction at a time.
    const passwordHash = await deps.hasher.hash(input.newPassword);
    const result = await deps.unitOfWork.run(async () => {
      const now = deps.clock.now();
      if (!(await deps.resets.useUp(reset, now))) throw resetTokenUsed();
      user.changePassword(passwordHash, now);
      await deps.users.update(user);
      await deps.sessions.revokeAllOfUser(user.id, now);
      await deps.invitations?.useUpAllOfUser(user.id, now);
      return { ...(await deps.starter.start(user)), user };
    });
    await deps.throttle.recordSuccess(user.email);
    return result;
  }
}

/** The one text rule first (a control character or half a character is bad input at its field), before the token is looked up. */
function checkCharacters(input: ResetPasswordInput): void {
  const problems = new ProblemCollector();
  problems.attempt('token', () => cleanText(input.token));
  problems.attempt('newPassword', () => cleanText(input.newPassword));
  problems.throwIfAny();
}
