/**
 * A login session: the bearer token itself is never stored, only its hash. A session ends when it
 * expires, when the user logs out, or when the password changes (all sessions of the user).
 */
export interface SessionProps {
  readonly id: string;
  readonly userId: string;
  readonly agencyId: string;
  readonly tokenHash: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
}

export type SessionState = 'ACTIVE' | 'EXPIRED' | 'REVOKED';

export class Session {
  private constructor(private readonly props: SessionProps) {}

  static start(input: Omit<SessionProps, 'revokedAt'>): Session {
    if (input.expiresAt.getTime() <= input.createdAt.getTime()) {
      throw new Error('A session must expire after it starts');
    }
    return new Session({ ...input, revokedAt: null });
  }

  static rehydrate(props: SessionProps): Session {
    return new Session({ ...props });
  }

  get id(): string { return this.props.id; }
  get userId(): string { return this.props.userId; }
  get agencyId(): string { return this.props.agencyId; }
  get tokenHash(): string { return this.props.tokenHash; }
  get createdAt(): Date { return this.props.createdAt; }
  get expiresAt(): Date { return this.props.expiresAt; }
  get revokedAt(): Date | null { return this.props.revokedAt; }

  stateAt(now: Date): SessionState {
    if (this.props.revokedAt !== null) return 'REVOKED';
    return now.getTime() >= this.props.expiresAt.getTime() ? 'EXPIRED' : 'ACTIVE';
  }

  toProps(): SessionProps {
    return { ...this.props };
  }
}
