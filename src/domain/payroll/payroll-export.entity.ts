import { ConflictError, ValidationError } from '../shared/domain-error';
import { cleanText } from '../shared/text';
import { PayrollReason as R } from './payroll.errors';

/**
 * PENDING: its declarations are reserved for it, until the payroll system CONFIRMS that it booked
 * them, or CANCELS it, or it EXPIRES; both of the latter free them for the next export.
 */
export const PAYROLL_EXPORT_STATUSES = ['PENDING', 'CONFIRMED', 'CANCELLED', 'EXPIRED'] as const;
export type PayrollExportStatus = (typeof PAYROLL_EXPORT_STATUSES)[number];

/** What an export holds, counted when it was made. */
export interface PayrollExportCounts {
  /** Declaration versions whose lines it pays (new weeks and corrected ones). */
  readonly declarationCount: number;
  /** Declaration versions it reverses (the confirmed versions that a correction replaced). */
  readonly reversalCount: number;
  readonly lineCount: number;
  /** Sum of the lines' minutes, reversals negative. */
  readonly totalMinutes: number;
}

export interface PayrollExportState extends PayrollExportCounts {
  readonly id: string;
  readonly agencyId: string;
  /** 1, 2, 3 … per agency, in the order the exports were made. */
  readonly number: number;
  /** The API client that made it. */
  readonly createdBy: string;
  readonly idempotencyKey: string;
  /** Declarations approved up to this moment (exclusive of later ones) were taken. */
  readonly upTo: Date;
  /** Whether the client gave `upTo` (else it was the moment of creation). */
  readonly upToGiven: boolean;
  readonly status: PayrollExportStatus;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly confirmedAt: Date | null;
  readonly confirmedBy: string | null;
  readonly cancelledAt: Date | null;
  readonly cancelledBy: string | null;
  readonly expiredAt: Date | null;
}

/** One to 128 visible ASCII characters: a UUID, a run id, whatever the payroll system keeps. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;

/** The shared text rule first (control characters, broken characters: the one reason everywhere), then the key's own. */
export function parseIdempotencyKey(key: string): string {
  try {
    cleanText(key);
  } catch (error) {
    throw error instanceof ValidationError ? error.prefixed('idempotencyKey') : error;
  }
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw ValidationError.of('idempotencyKey', R.IDEMPOTENCY_KEY_INVALID, 'The idempotency key must be 1 to 128 visible ASCII characters, without spaces', { max: 128 });
  }
  return key;
}

/**
 * One take of approved hours by the payroll system. The lines never change once it is made; only
 * its status moves on, once: PENDING → CONFIRMED, CANCELLED or EXPIRED.
 */
export class PayrollExport {
  private constructor(private state: PayrollExportState) {}

  static create(props: Omit<PayrollExportState, 'status' | 'confirmedAt' | 'confirmedBy' | 'cancelledAt' | 'cancelledBy' | 'expiredAt'>): PayrollExport {
    if (props.expiresAt.getTime() <= props.createdAt.getTime()) throw new Error('an export expires after it was made');
    return new PayrollExport({ ...props, status: 'PENDING', confirmedAt: null, confirmedBy: null, cancelledAt: null, cancelledBy: null, expiredAt: null });
  }

  static rehydrate(state: PayrollExportState): PayrollExport {
    return new PayrollExport({ ...state });
  }

  get id(): string { return this.state.id; }
  get agencyId(): string { return this.state.agencyId; }
  get number(): number { return this.state.number; }
  get createdBy(): string { return this.state.createdBy; }
  get idempotencyKey(): string { return this.state.idempotencyKey; }
  get upTo(): Date { return this.state.upTo; }
  get upToGiven(): boolean { return this.state.upToGiven; }
  get createdAt(): Date { return this.state.createdAt; }
  get expiresAt(): Date { return this.state.expiresAt; }
  get confirmedAt(): Date | null { return this.state.confirmedAt; }
  get confirmedBy(): string | null { return this.state.confirmedBy; }
  get cancelledAt(): Date | null { return this.state.cancelledAt; }
  get cancelledBy(): string | null { return this.state.cancelledBy; }
  get expiredAt(): Date | null { return this.state.expiredAt; }
  get counts(): PayrollExportCounts {
    const { declarationCount, reversalCount, lineCount, totalMinutes } = this.state;
    return { declarationCount, reversalCount, lineCount, totalMinutes };
  }

  /** The stored status, or EXPIRED for a PENDING export whose time ran out (before anyone recorded that). */
  statusAt(now: Date): PayrollExportStatus {
    if (this.state.status === 'PENDING' && now.getTime() >= this.state.expiresAt.getTime()) return 'EXPIRED';
    return this.state.status;
  }

  /**
   * Whether a request with this key and moment asks for this export again. The same key with
   * another explicit `upTo` is a mistake of the client, never a second export.
   */
  answersRetry(upTo: Date | null): boolean {
    if (upTo === null) return !this.state.upToGiven;
    return this.state.upToGiven && upTo.getTime() === this.state.upTo.getTime();
  }

  /** The payroll system booked the lines. Confirming again changes nothing (a retry); false then. */
  confirm(by: string, at: Date): boolean {
    switch (this.statusAt(at)) {
      case 'CONFIRMED':
        return false;
      case 'CANCELLED':
        throw new ConflictError(R.EXPORT_CANCELLED, 'This export was cancelled; its hours are in a later export', { exportId: this.state.id });
      case 'EXPIRED':
        throw new ConflictError(R.EXPORT_EXPIRED, 'This export expired before it was confirmed; its hours are free for a new export', {
          exportId: this.state.id,
          expiresAt: this.state.expiresAt.toISOString(),
        });
      default:
        this.state = { ...this.state, status: 'CONFIRMED', confirmedAt: at, confirmedBy: by };
        return true;
    }
  }

  /** Frees the export's declarations for the next export. Cancelling again (or after expiry) changes nothing; false then. */
  cancel(by: string, at: Date): boolean {
    switch (this.statusAt(at)) {
      case 'CONFIRMED':
        throw new ConflictError(R.EXPORT_CONFIRMED, 'This export was confirmed: its hours were booked and cannot be given back', { exportId: this.state.id });
      case 'CANCELLED':
        return false;
      case 'EXPIRED':
        if (this.state.status === 'PENDING') this.expire(at);
        return false;
      default:
        this.state = { ...this.state, status: 'CANCELLED', cancelledAt: at, cancelledBy: by };
        return true;
    }
  }

  /** Records that its time ran out. */
  expire(at: Date): void {
    if (this.state.status !== 'PENDING' || this.statusAt(at) !== 'EXPIRED') throw new Error(`export ${this.state.id} is not due to expire`);
    this.state = { ...this.state, status: 'EXPIRED', expiredAt: at };
  }

  toState(): PayrollExportState {
    return { ...this.state };
  }
}
