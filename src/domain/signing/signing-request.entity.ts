import { ProblemCollector } from '../shared/domain-error';
import { boundedText } from '../shared/text';
import { LocalDate } from '../time/local-date.value-object';
import { dueDateInPast, notPending } from './signing-request.errors';

export const TITLE_MAX = 150;
export const DECLINE_REASON_MAX = 1000;

export const SIGNING_STATUSES = ['PENDING', 'SIGNED', 'DECLINED', 'WITHDRAWN'] as const;
export type SigningStatus = (typeof SIGNING_STATUSES)[number];

/** A PDF as the store keeps it: its name, its SHA-256 (the address of its bytes), its size. */
export interface SigningFile {
  readonly fileName: string;
  readonly sha256: string;
  readonly size: number;
}

export interface SigningRequestState {
  readonly id: string;
  readonly agencyId: string;
  readonly flexworkerId: string;
  /** The placement the document belongs to (an employment contract), when it belongs to one. */
  readonly placementId: string | null;
  readonly title: string;
  /** Shown to the worker; signing stays possible after it until staff withdraw the document. */
  readonly dueDate: LocalDate | null;
  readonly original: SigningFile;
  readonly status: SigningStatus;
  readonly createdBy: string;
  readonly createdAt: Date;
  /** When it was signed, declined or withdrawn, and by whom (the worker, or staff withdrawing). */
  readonly decidedAt: Date | null;
  readonly decidedBy: string | null;
  readonly declineReason: string | null;
  /** The sealed copy (original + evidence page, PAdES), once signed. */
  readonly signed: SigningFile | null;
  readonly version: number;
}

export interface CreateSigningRequestProps {
  readonly id: string;
  readonly agencyId: string;
  readonly flexworkerId: string;
  readonly placementId: string | null;
  readonly title: string;
  readonly dueDate: string | null | undefined;
  readonly original: SigningFile;
  readonly createdBy: string;
  readonly at: Date;
}

/**
 * A PDF that staff put before a worker to sign ("het digitaal ondertekenen van documenten"): it is
 * PENDING until the worker signs it (SIGNED, with a sealed copy) or declines it with a reason
 * (DECLINED), or staff withdraw it first (WITHDRAWN). Every end state is final.
 */
export class SigningRequest {
  private constructor(private state: SigningRequestState) {}

  static create(props: CreateSigningRequestProps, today: LocalDate): SigningRequest {
    const problems = new ProblemCollector();
    const title = problems.attempt('title', () => boundedText(props.title, { max: TITLE_MAX }));
    let dueDate: LocalDate | null = null;
    if (props.dueDate !== null && props.dueDate !== undefined && props.dueDate.trim() !== '') {
      const parsed = problems.attempt('dueDate', () => LocalDate.parse(props.dueDate!));
      if (parsed && parsed.isBefore(today)) {
        const past = dueDateInPast(today.toString()).problems[0];
        problems.add(past.path, past.reason, past.message, past.params);
      }
      dueDate = parsed ?? null;
    }
    problems.throwIfAny();
    return new SigningRequest({
      id: props.id,
      agencyId: props.agencyId,
      flexworkerId: props.flexworkerId,
      placementId: props.placementId,
      title: title!,
      dueDate,
      original: props.original,
      status: 'PENDING',
      createdBy: props.createdBy,
      createdAt: props.at,
      decidedAt: null,
      decidedBy: null,
      declineReason: null,
      signed: null,
      version: 1,
    });
  }

  static rehydrate(state: SigningRequestState): SigningRequest {
    return new SigningRequest(state);
  }

  get id(): string { return this.state.id; }
  get agencyId(): string { return this.state.agencyId; }
  get flexworkerId(): string { return this.state.flexworkerId; }
  get placementId(): string | null { return this.state.placementId; }
  get title(): string { return this.state.title; }
  get dueDate(): LocalDate | null { return this.state.dueDate; }
  get original(): SigningFile { return this.state.original; }
  get status(): SigningStatus { return this.state.status; }
  get createdBy(): string { return this.state.createdBy; }
  get createdAt(): Date { return this.state.createdAt; }
  get decidedAt(): Date | null { return this.state.decidedAt; }
  get decidedBy(): string | null { return this.state.decidedBy; }
  get declineReason(): string | null { return this.state.declineReason; }
  get signed(): SigningFile | null { return this.state.signed; }
  get version(): number { return this.state.version; }

  toState(): SigningRequestState {
    return this.state;
  }

  /** SIGNING_REQUEST_NOT_PENDING unless it still waits for the worker. */
  assertPending(): void {
    if (this.state.status !== 'PENDING') throw notPending(this.state.status);
  }

  sign(by: string, at: Date, signed: SigningFile): void {
    this.assertPending();
    this.state = { ...this.state, status: 'SIGNED', decidedAt: at, decidedBy: by, signed };
  }

  decline(by: string, at: Date, reason: string): void {
    this.assertPending();
    const problems = new ProblemCollector();
    const text = problems.attempt('reason', () => boundedText(reason, { max: DECLINE_REASON_MAX, multiline: true }));
    problems.throwIfAny();
    this.state = { ...this.state, status: 'DECLINED', decidedAt: at, decidedBy: by, declineReason: text! };
  }

  withdraw(by: string, at: Date): void {
    this.assertPending();
    this.state = { ...this.state, status: 'WITHDRAWN', decidedAt: at, decidedBy: by };
  }

  withVersion(version: number): SigningRequest {
    return new SigningRequest({ ...this.state, version });
  }
}
