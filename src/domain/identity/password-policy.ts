import { ValidationError } from '../shared/domain-error';

export const PASSWORD_MIN_LENGTH = 10;
/** An upper bound keeps hashing cheap to refuse (a megabyte "password" is not hashed). */
export const PASSWORD_MAX_LENGTH = 128;

/** Checks a new password before it is hashed. The hash itself is the infrastructure's job. */
export function assertAcceptablePassword(password: string, email?: string): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw ValidationError.of('', 'PASSWORD_TOO_SHORT', `A password needs at least ${PASSWORD_MIN_LENGTH} characters`, {
      min: PASSWORD_MIN_LENGTH,
    });
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw ValidationError.of('', 'PASSWORD_TOO_LONG', `A password has at most ${PASSWORD_MAX_LENGTH} characters`, {
      max: PASSWORD_MAX_LENGTH,
    });
  }
  if (email !== undefined && password.trim().toLowerCase() === email.trim().toLowerCase()) {
    throw ValidationError.of('', 'PASSWORD_IS_EMAIL', 'A password may not be your e-mail address');
  }
}
