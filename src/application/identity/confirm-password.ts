import { NotFoundError, ValidationError } from '../../domain/shared/domain-error';
import { PasswordHasher } from '../ports/password-hasher';
import { UserRepository } from '../ports/user.repository';
import { Actor } from '../shared/actor';
import { LoginThrottle } from './login-throttle';

export interface ConfirmPasswordDeps {
  readonly users: UserRepository;
  readonly hasher: PasswordHasher;
  /** A wrong password counts as a failed login of the account (the login throttle). */
  readonly throttle: LoginThrottle;
}

/**
 * Asks a logged-in person for their current password again before a step that needs it (a new
 * IBAN, a signature). Missing: PASSWORD_REQUIRED with `requiredMessage`; wrong (or a login that
 * never set one): PASSWORD_INCORRECT, counted as a failed login, and refused while the account
 * is throttled. Errors are at `path`.
 */
export async function confirmPassword(
  deps: ConfirmPasswordDeps,
  actor: Actor,
  password: string | null | undefined,
  path: string,
  requiredMessage: string,
): Promise<void> {
  if (password === undefined || password === null || password === '') {
    throw ValidationError.of(path, 'PASSWORD_REQUIRED', requiredMessage);
  }
  const user = await deps.users.findById(actor.agencyId, actor.id);
  if (!user) throw new NotFoundError('User', actor.id);
  await deps.throttle.assertAllowed(user.email, undefined);
  if (user.passwordHash === null || !(await deps.hasher.verify(user.passwordHash, password))) {
    await deps.throttle.recordFailure(user.email, undefined);
    throw ValidationError.of(path, 'PASSWORD_INCORRECT', 'The current password is not correct');
  }
}
