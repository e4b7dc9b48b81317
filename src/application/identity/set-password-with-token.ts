import { assertAcceptablePassword } from '../../domain/identity/password-policy';
import { User } from '../../domain/identity/user.entity';
import { ProblemCollector, ValidationError } from '../../domain/shared/domain-error';
import { cleanText } from '../../domain/shared/text';
import { Clock } from '../ports/clock';
import { CommonPasswordList } from '../ports/common-password-list';
import { PasswordHasher } from '../ports/password-hasher';
import { SecretGenerator } from '../ports/secret-generator';
import { UnitOfWork } from '../ports/unit-of-work';
import { UserRepository } from '../ports/user.repository';
import { LoginThrottle } from './login-throttle';
import { SessionStarter, StartedSession } from './session-starter';

/** A mailed single-use token's row (an invitation, a password reset), as this step needs it. */
export interface SingleUseToken {
  readonly agencyId: string;
  readonly userId: string;
  /** Refuses a token that can no longer be used, with its kind's own reason. */
  assertUsableAt(now: Date): void;
}

/** What differs between the kinds of token. */
export interface SingleUseTokenKind<T extends SingleUseToken> {
  readonly repository: { findByTokenHash(tokenHash: string): Promise<T | null> };
  /** The refusal for a token that is empty, too long or unknown, or whose login is gone or inactive. */
  readonly invalid: () => ValidationError;
  /** Ends the token inside the transaction; refuses with the kind's own reason when a request got there first. */
  readonly claim: (token: T, now: Date) => Promise<void>;
  /** The kind's further writes in the same transaction: after the new password, before the new session. */
  readonly alsoInTransaction?: (user: User, now: Date) => Promise<void>;
}

export interface SetPasswordWithTokenInput {
  readonly token: string;
  readonly password: string;
  /** The input's name for the password: the path of its problems (`password`, `newPassword`). */
  readonly passwordField: string;
}

export interface SetPasswordWithTokenDeps {
  readonly users: UserRepository;
  readonly hasher: PasswordHasher;
  readonly secrets: SecretGenerator;
  readonly starter: SessionStarter;
  readonly throttle: LoginThrottle;
  readonly unitOfWork: UnitOfWork;
  readonly clock: Clock;
  readonly commonPasswords: CommonPasswordList;
}

export interface PasswordSetWithToken extends StartedSession {
  readonly user: User;
}

const MAX_TOKEN = 256;

/**
 * Sets a login's password with the token of a mail (sign-up, reset), once, under the policy of
 * changeMyPassword, and logs in: the token is claimed, the password stored and a session started in
 * one unit of work, and the account's failed logins are forgotten after it.
 */
export async function setPasswordWithToken<T extends SingleUseToken>(
  deps: SetPasswordWithTokenDeps,
  kind: SingleUseTokenKind<T>,
  input: SetPasswordWithTokenInput,
): Promise<PasswordSetWithToken> {
  checkCharacters(input);
  if (input.token.length === 0 || input.token.length > MAX_TOKEN) throw kind.invalid();
  const token = await kind.repository.findByTokenHash(deps.secrets.hash(input.token));
  if (!token) throw kind.invalid();
  token.assertUsableAt(deps.clock.now());
  const user = await deps.users.findById(token.agencyId, token.userId);
  if (!user || !user.active) throw kind.invalid();
  try {
    assertAcceptablePassword(input.password, { email: user.email, commonPasswords: deps.commonPasswords });
  } catch (error) {
    throw error instanceof ValidationError ? error.prefixed(input.passwordField) : error;
  }
  // Hashed before the transaction: argon2 takes a while, and the embedded database runs one transaction at a time.
  const passwordHash = await deps.hasher.hash(input.password);
  const result = await deps.unitOfWork.run(async () => {
    const now = deps.clock.now();
    await kind.claim(token, now);
    user.changePassword(passwordHash, now);
    await deps.users.update(user);
    await kind.alsoInTransaction?.(user, now);
    return { ...(await deps.starter.start(user)), user };
  });
  await deps.throttle.recordSuccess(user.email);
  return result;
}

/** The one text rule first (a control character or half a character is bad input at its field), before the token is looked up. */
function checkCharacters(input: SetPasswordWithTokenInput): void {
  const problems = new ProblemCollector();
  problems.attempt('token', () => cleanText(input.token));
  problems.attempt(input.passwordField, () => cleanText(input.password));
  problems.throwIfAny();
}
