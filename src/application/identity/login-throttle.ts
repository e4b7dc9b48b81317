import { TooManyAttemptsError } from '../../domain/shared/domain-error';
import { AttemptCounters } from '../ports/attempt-counters';

export interface LoginThrottleSettings {
  /** Failed logins of one account (normalised e-mail) in a window before it is refused. */
  readonly maxFailures: number;
  /** Failed logins from one client address in a window before it is refused. */
  readonly maxFailuresPerAddress: number;
  readonly windowMinutes: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleSettings = { maxFailures: 10, maxFailuresPerAddress: 50, windowMinutes: 15 };

/**
 * Failed logins counted per account and per client address (in the database, so every server
 * process counts together). Once either is at its limit, logins for it are refused before the
 * password is looked at: the refusal says nothing about whether the password was right. A
 * successful login (or a password reset) clears the account's counter; the address's runs out
 * with its window. An unknown e-mail address is counted like a known one.
 */
export class LoginThrottle {
  constructor(
    private readonly counters: AttemptCounters,
    private readonly settings: LoginThrottleSettings = DEFAULT_LOGIN_THROTTLE,
  ) {}

  /** Throws TOO_MANY_ATTEMPTS when the account or the address is at its limit. */
  async assertAllowed(email: string, address: string | undefined): Promise<void> {
    const checks = [{ key: accountKey(email), max: this.settings.maxFailures }];
    if (address !== undefined) checks.push({ key: addressKey(address), max: this.settings.maxFailuresPerAddress });
    const counts = await Promise.all(checks.map((c) => this.counters.peek(c.key)));
    const waits = counts.filter((count, i) => count.count >= checks[i].max).map((count) => count.retryAfterMs);
    if (waits.length === 0) return;
    const retryAfterSeconds = Math.max(1, Math.ceil(Math.max(...waits) / 1000));
    throw new TooManyAttemptsError('TOO_MANY_ATTEMPTS', `Too many failed logins: try again in ${retryAfterSeconds} seconds`, retryAfterSeconds);
  }

  async recordFailure(email: string, address: string | undefined): Promise<void> {
    const window = this.settings.windowMinutes * 60;
    await this.counters.add(accountKey(email), window);
    if (address !== undefined) await this.counters.add(addressKey(address), window);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.counters.clear(accountKey(email));
  }
}

function accountKey(email: string): string {
  return `login-account:${email.trim().toLowerCase()}`;
}

function addressKey(address: string): string {
  return `login-address:${address}`;
}
