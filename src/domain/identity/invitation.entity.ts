import { ValidationError } from '../shared/domain-error';

/**
 * "Je ontvangt per mail een uitnodiging om een account aan te maken": one invitation of one login
 * to set its first password. Only the hash of its single-use token is kept. It ends in one of
 * three ways (used, revoked by staff, replaced by a re-sent one) or expires.
 */
export interface InvitationProps {
  readonly id: string;
  readonly agencyId: string;
  readonly userId: string;
  readonly tokenHash: string;
  readonly createdAt: Date;
  readonly createdBy: string | null;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
  readonly revokedAt: Date | null;
  readonly replacedAt: Date | null;
}

export interface NewInvitation {
  readonly id: string;
  readonly agencyId: string;
  readonly userId: string;
  readonly tokenHash: string;
  readonly createdBy: string | null;
  readonly now: Date;
  readonly ttlHours: number;
}

export type InvitationState = 'OPEN' | 'EXPIRED' | 'USED' | 'REVOKED' | 'REPLACED';

export class Invitation {
  private constructor(private props: InvitationProps) {}

  static issue(input: NewInvitation): Invitation {
    if (!(input.ttlHours > 0)) throw new Error('An invitation must be valid for some time');
    const { id, agencyId, userId, tokenHash, createdBy, now } = input;
    return new Invitation({
      id, agencyId, userId, tokenHash, createdBy, createdAt: now,
      expiresAt: new Date(now.getTime() + input.ttlHours * 3_600_000),
      usedAt: null, revokedAt: null, replacedAt: null,
    });
  }

  static rehydrate(props: InvitationProps): Invitation {
    return new Invitation({ ...props });
  }

  get id(): string { return this.props.id; }
  get agencyId(): string { return this.props.agencyId; }
  get userId(): string { return this.props.userId; }
  get tokenHash(): string { return this.props.tokenHash; }
  get createdAt(): Date { return this.props.createdAt; }
  get expiresAt(): Date { return this.props.expiresAt; }
  get usedAt(): Date | null { return this.props.usedAt; }
  get revokedAt(): Date | null { return this.props.revokedAt; }
  get replacedAt(): Date | null { return this.props.replacedAt; }

  /** Not used, revoked or replaced (it may still have expired). */
  get open(): boolean {
    return this.props.usedAt === null && this.props.revokedAt === null && this.props.replacedAt === null;
  }

  stateAt(now: Date): InvitationState {
    if (this.props.usedAt) return 'USED';
    if (this.props.revokedAt) return 'REVOKED';
    if (this.props.replacedAt) return 'REPLACED';
    return now.getTime() >= this.props.expiresAt.getTime() ? 'EXPIRED' : 'OPEN';
  }

  /** Refuses a link that was used, revoked or replaced (INVITATION_INVALID) or has expired (INVITATION_EXPIRED). */
  assertUsableAt(now: Date): void {
    const state = this.stateAt(now);
    if (state === 'EXPIRED') throw invitationExpired();
    if (state !== 'OPEN') throw invitationInvalid();
  }

  useAt(now: Date): void {
    this.assertUsableAt(now);
    this.props = { ...this.props, usedAt: now };
  }

  /** Staff take it back: the link stops working. Refused when it is no longer open. */
  revokeAt(now: Date): void {
    if (!this.open) throw ValidationError.of('id', 'INVITATION_NOT_OPEN', 'This invitation was used, revoked or replaced already');
    this.props = { ...this.props, revokedAt: now };
  }

  /** A new invitation takes its place (resend): this link stops working. */
  replaceAt(now: Date): void {
    if (!this.open) throw ValidationError.of('id', 'INVITATION_NOT_OPEN', 'This invitation was used, revoked or replaced already');
    this.props = { ...this.props, replacedAt: now };
  }

  toProps(): InvitationProps {
    return { ...this.props };
  }
}

export function invitationInvalid(): ValidationError {
  return ValidationError.of('token', 'INVITATION_INVALID', 'This invitation link is not valid (any more): ask the agency for a new one');
}

export function invitationExpired(): ValidationError {
  return ValidationError.of('token', 'INVITATION_EXPIRED', 'This invitation link has expired: ask the agency for a new one');
}
