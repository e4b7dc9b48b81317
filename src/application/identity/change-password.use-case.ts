import { assertAcceptablePassword } from '../../domain/identity/password-policy';
import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/shared/domain-error';
import { Actor } from '../shared/actor';
import { Clock } from '../ports/clock';
import { CommonPasswordList } from '../ports/common-password-list';
import { PasswordHasher } from '../ports/password-hasher';
import { SessionRepository } from '../ports/session.repository';
import { UserRepository } from '../ports/user.repository';
import { SessionStarter, StartedSession } from './session-starter';

export interface ChangePasswordInput {
  readonly currentPassword: string;
  readonly newPassword: string;
}

/**
 * A user changes their own password. Every session of the user ends (on every device); the
 * device that asked gets a fresh token, so it stays logged in.
 */
export class ChangePasswordUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly starter: SessionStarter,
    private readonly clock: Clock,
    private readonly commonPasswords: CommonPasswordList,
  ) {}

  async execute(actor: Actor, input: ChangePasswordInput): Promise<StartedSession> {
    if (actor.kind !== 'USER') throw new ForbiddenError('ROLE_NOT_ALLOWED', 'Only people have a password');
    const user = await this.users.findById(actor.agencyId, actor.id);
    if (!user) throw new NotFoundError('User', actor.id);
    if (user.passwordHash === null || !(await this.hasher.verify(user.passwordHash, input.currentPassword))) {
      throw ValidationError.of('currentPassword', 'PASSWORD_INCORRECT', 'The current password is not correct');
    }
    try {
      assertAcceptablePassword(input.newPassword, { email: user.email, commonPasswords: this.commonPasswords });
    } catch (error) {
      throw error instanceof ValidationError ? error.prefixed('newPassword') : error;
    }
    const now = this.clock.now();
    user.changePassword(await this.hasher.hash(input.newPassword), now);
    await this.users.update(user);
    await this.sessions.revokeAllOfUser(user.id, now);
    return this.starter.start(user);
  }
}
