import { ValidationError } from '../shared/domain-error';

/**
 * "Wachtwoord vergeten": one request to set a new password, for one login. The token mailed to the
 * user is never stored, only its hash. It can be used once, until it expires.
 */
export interface PasswordResetProps {
  readonly id: string;
  readonly userId: string;
  readonly agencyId: string;
  readonly tokenHash: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
}

export interface NewPasswordReset {
  readonly id: string;
  readonly userId: string;
  readonly agencyId: string;
  readonly tokenHash: string;
  readonly now: Date;
  readonly ttlMinutes: number;
}

export class PasswordReset {
  private constructor(private readonly props: PasswordResetProps) {}

  static issue(input: NewPasswordReset): PasswordReset {
    if (!(input.ttlMinutes > 0)) throw new Error('A reset token must be valid for some time');
    const expiresAt = new Date(input.now.getTime() + input.ttlMinutes * 60_000);
    const { id, userId, agencyId, tokenHash } = input;
    return new PasswordReset({ id, userId, agencyId, tokenHash, createdAt: input.now, expiresAt, usedAt: null });
  }

  static rehydrate(props: PasswordResetProps): PasswordReset {
    return new PasswordReset({ ...props });
  }

  get id(): string { return this.props.id; }
  get userId(): string { return this.props.userId; }
  get agencyId(): string { return this.props.agencyId; }
  get tokenHash(): string { return this.props.tokenHash; }
  get createdAt(): Date { return this.props.createdAt; }
  get expiresAt(): Date { return this.props.expiresAt; }
  get usedAt(): Date | null { return this.props.usedAt; }

  /** Refuses a token that was used already (RESET_TOKEN_USED) or has expired (RESET_TOKEN_EXPIRED). */
  assertUsableAt(now: Date): void {
    if (this.props.usedAt !== null) throw resetTokenUsed();
    if (now.getTime() >= this.props.expiresAt.getTime()) {
      throw ValidationError.of('token', 'RESET_TOKEN_EXPIRED', 'This password reset link has expired: ask for a new one');
    }
  }

  toProps(): PasswordResetProps {
    return { ...this.props };
  }
}

export function resetTokenUsed(): ValidationError {
  return ValidationError.of('token', 'RESET_TOKEN_USED', 'This password reset link was used already: ask for a new one');
}

export function resetTokenInvalid(): ValidationError {
  return ValidationError.of('token', 'RESET_TOKEN_INVALID', 'This password reset link is not valid: ask for a new one');
}
