import { ValidationError } from '../shared/domain-error';
import { cleanText } from '../shared/text';

export const PASSWORD_MIN_LENGTH = 10;
/** An upper bound keeps hashing cheap to refuse (a megabyte "password" is not hashed). */
export const PASSWORD_MAX_LENGTH = 128;

/** The name of the service: a word every guesser tries first (NIST SP 800-63B, "context-specific words"). */
export const SERVICE_NAME = 'flexportal';

/** Passwords known to be common or breached, asked for in lower case. The list is data the application brings in. */
export interface CommonPasswords {
  has(lowerCase: string): boolean;
}

export interface PasswordContext {
  /** The e-mail address of the login: the password may not be it, nor its local part with a few digits. */
  readonly email?: string;
  readonly commonPasswords: CommonPasswords;
}

/**
 * Checks a new password before it is hashed (NIST SP 800-63B: length, and a blocklist of common,
 * breached and context-specific passwords; no rules of composition). The hash itself is the
 * infrastructure's job.
 *
 * PASSWORD_TOO_COMMON: the password, in lower case, is on the list of common passwords; or it is
 * one of those or a word of its context (the service's name, the e-mail address's local part or
 * a part of it) with only digits, spaces or symbols before or after it ("Password2024!",
 * "flexportal123", "jan.jansen1990").
 */
export function assertAcceptablePassword(password: string, context: PasswordContext): void {
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
  // Not trimmed: spaces are part of a password. Control characters are not, and half a character
  // would be hashed as U+FFFD, matching any other half.
  cleanText(password);
  const email = context.email?.trim().toLowerCase();
  const lower = password.toLowerCase();
  if (email !== undefined && lower.trim() === email) {
    throw ValidationError.of('', 'PASSWORD_IS_EMAIL', 'A password may not be your e-mail address');
  }
  const core = lettersCore(lower);
  const words = contextWords(email);
  if (context.commonPasswords.has(lower) || (core !== '' && (context.commonPasswords.has(core) || words.has(core)))) {
    throw ValidationError.of('', 'PASSWORD_TOO_COMMON', 'This password is too common or too easy to guess');
  }
}

/** The password without the digits, spaces and symbols before its first letter and after its last. */
function lettersCore(lower: string): string {
  return lower.replace(/^[^\p{L}]+/u, '').replace(/[^\p{L}]+$/u, '');
}

/** The service's name, the e-mail's local part and its parts (split at . _ - +) of three letters or more. */
function contextWords(email: string | undefined): ReadonlySet<string> {
  const words = new Set([SERVICE_NAME]);
  const local = email?.split('@')[0];
  if (local) {
    for (const word of [local, ...local.split(/[._+-]+/)].map(lettersCore)) if (word.length >= 3) words.add(word);
  }
  return words;
}
