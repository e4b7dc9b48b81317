import { User } from '../../domain/identity/user.entity';
import { UnauthenticatedError, ValidationError } from '../../domain/shared/domain-error';
import { cleanText } from '../../domain/shared/text';
import { PasswordHasher } from '../ports/password-hasher';
import { UserRepository } from '../ports/user.repository';
import { LoginThrottle } from './login-throttle';
import { SessionStarter, StartedSession } from './session-starter';

export interface LoginInput {
  readonly email: string;
  readonly password: string;
  /** Only needed when the same e-mail and password open logins at several agencies. */
  readonly agencyId?: string;
  /** The client's address (as the HTTP rate limit counts it), for counting failed logins per address. */
  readonly clientAddress?: string;
}

export interface LoginResult extends StartedSession {
  readonly user: User;
}

const MAX_INPUT = 256;

export class LoginUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionStarter,
    private readonly throttle: LoginThrottle,
  ) {}

  async execute(input: LoginInput): Promise<LoginResult> {
    const email = input.email.trim().toLowerCase();
    if (email.length > MAX_INPUT || input.password.length > MAX_INPUT) throw invalidCredentials();
    checkCharacters(email);
    // Before any password is looked at: a refusal here tells nothing about the password.
    await this.throttle.assertAllowed(email, input.clientAddress);
    const matches = await this.matching(email, input);
    if (matches.length === 0) {
      await this.throttle.recordFailure(email, input.clientAddress);
      throw invalidCredentials();
    }
    if (matches.length > 1) {
      throw ValidationError.of('agencyId', 'AGENCY_REQUIRED', 'This login exists at several agencies: choose one', {
        count: matches.length,
      });
    }
    await this.throttle.recordSuccess(email);
    const session = await this.sessions.start(matches[0]);
    return { ...session, user: matches[0] };
  }

  /** The logins whose password this is (none for an unknown address, after the same hashing work). */
  private async matching(email: string, input: LoginInput): Promise<User[]> {
    const candidates = (await this.users.findActiveByEmail(email)).filter(
      (u) => input.agencyId === undefined || u.agencyId === input.agencyId,
    );
    if (candidates.length === 0) {
      await this.hasher.verifyNothing(input.password);
      return [];
    }
    const matches: User[] = [];
    for (const user of candidates) {
      // An invited login without a password yet is answered like a wrong password, after the same work.
      if (user.passwordHash === null) await this.hasher.verifyNothing(input.password);
      else if (await this.hasher.verify(user.passwordHash, input.password)) matches.push(user);
    }
    return matches;
  }
}

/**
 * An address with a control character or half a character names no login (none can be created
 * with one) and never reaches the database, which refuses NUL: it is bad input, as everywhere.
 * The password is only compared with a hash, so whatever it holds is simply not correct.
 */
function checkCharacters(email: string): void {
  try {
    cleanText(email);
  } catch (error) {
    throw error instanceof ValidationError ? error.prefixed('email') : error;
  }
}

function invalidCredentials(): UnauthenticatedError {
  return new UnauthenticatedError('INVALID_CREDENTIALS', 'The e-mail address or password is not correct');
}
