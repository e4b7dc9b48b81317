import { ConflictError } from '../shared/domain-error';
import { IsoWeek } from '../time/iso-week.value-object';
import { DayEntry } from './day-entry.value-object';
import { HoursBreakdown } from './hours-breakdown';
import { TimesheetReason as R } from './timesheet.errors';

/** Who did it and when. */
export interface Stamp {
  readonly by: string;
  readonly at: Date;
}

/**
 * WORKER: approved by the worker; RELATION: entered and approved by the relation; CORRECTION: by
 * agency staff; SETTLEMENT: the same days with a settlement period's overtime settled (again) on
 * the period's last week, made by the system when a week of the period was approved or corrected.
 */
export const DECLARATION_ORIGINS = ['WORKER', 'RELATION', 'CORRECTION', 'SETTLEMENT'] as const;
export type DeclarationOrigin = (typeof DECLARATION_ORIGINS)[number];

export const DECLARATION_STATUSES = ['AWAITING_RELATION', 'APPROVED', 'REJECTED', 'SUPERSEDED'] as const;
export type DeclarationStatus = (typeof DECLARATION_STATUSES)[number];

export interface Correction extends Stamp {
  readonly reason: string;
  readonly previousDeclarationId: string;
}

export interface DeclarationState {
  readonly id: string;
  readonly agencyId: string;
  readonly timesheetId: string;
  readonly placementId: string;
  readonly flexworkerId: string;
  readonly relationId: string;
  readonly week: IsoWeek;
  /** 1, 2, 3 … per timesheet: the version of the week's hours. */
  readonly number: number;
  readonly origin: DeclarationOrigin;
  readonly days: readonly DayEntry[];
  readonly breakdown: HoursBreakdown;
  readonly workerApproval: Stamp;
  readonly relationApproval: Stamp | null;
  /**
   * A correction of hours the relation had approved is approved by the agency that corrects them
   * (the relation never saw these hours; its approval stays on the version it approved).
   */
  readonly approvedByAgency: boolean;
  readonly rejection: (Stamp & { readonly reason: string }) | null;
  readonly correction: Correction | null;
  readonly supersededAt: Date | null;
  readonly supersededBy: string | null;
  /** Booked by the payroll system: the confirmed export that took this version, and when it was confirmed. */
  readonly processed: PayrollProcessing | null;
  readonly version: number;
}

export interface PayrollProcessing {
  readonly at: Date;
  readonly exportId: string;
}

type CreateProps = Omit<DeclarationState, 'approvedByAgency' | 'rejection' | 'correction' | 'supersededAt' | 'supersededBy' | 'processed' | 'version'>;

/**
 * The hours of a week as they were approved: the days, the unravel lines and totals, the schedule
 * versions used. The hours never change; only the stamps of what happened to this version are
 * added, each once: the relation's approval or rejection, or being superseded by a correction.
 */
export class Declaration {
  private constructor(private state: DeclarationState) {}

  static create(props: CreateProps): Declaration {
    return new Declaration({
      ...props,
      days: [...props.days],
      approvedByAgency: false,
      rejection: null,
      correction: null,
      supersededAt: null,
      supersededBy: null,
      processed: null,
      version: 1,
    });
  }

  /**
   * A correction keeps the worker's approval of the week. Of hours the relation approved, the
   * agency approves the correction itself; of hours still waiting, the relation approves it.
   */
  static correctionOf(previous: Declaration, props: { id: string; number: number; days: readonly DayEntry[]; breakdown: HoursBreakdown; correction: Correction }): Declaration {
    const p = previous.state;
    return new Declaration({
      ...p,
      id: props.id,
      number: props.number,
      origin: 'CORRECTION',
      days: [...props.days],
      breakdown: props.breakdown,
      relationApproval: null,
      approvedByAgency: previous.status === 'APPROVED',
      rejection: null,
      correction: props.correction,
      supersededAt: null,
      supersededBy: null,
      processed: null,
      version: 1,
    });
  }

  /**
   * The approved hours of the last week of a settlement period with the period settled (again):
   * the same days, the breakdown with the settlement, approved by the agency like a correction of
   * approved hours. `correction` says who caused it, when and why.
   */
  static settlementOf(previous: Declaration, props: { id: string; number: number; breakdown: HoursBreakdown; correction: Correction }): Declaration {
    if (previous.status !== 'APPROVED') throw new Error('only approved hours are settled');
    return new Declaration({
      ...previous.state,
      id: props.id,
      number: props.number,
      origin: 'SETTLEMENT',
      days: [...previous.state.days],
      breakdown: props.breakdown,
      relationApproval: null,
      approvedByAgency: true,
      rejection: null,
      correction: props.correction,
      supersededAt: null,
      supersededBy: null,
      processed: null,
      version: 1,
    });
  }

  static rehydrate(state: DeclarationState): Declaration {
    return new Declaration({ ...state });
  }

  get id(): string { return this.state.id; }
  get agencyId(): string { return this.state.agencyId; }
  get timesheetId(): string { return this.state.timesheetId; }
  get placementId(): string { return this.state.placementId; }
  get flexworkerId(): string { return this.state.flexworkerId; }
  get relationId(): string { return this.state.relationId; }
  get week(): IsoWeek { return this.state.week; }
  get number(): number { return this.state.number; }
  get origin(): DeclarationOrigin { return this.state.origin; }
  get days(): readonly DayEntry[] { return this.state.days; }
  get breakdown(): HoursBreakdown { return this.state.breakdown; }
  get workerApproval(): Stamp { return this.state.workerApproval; }
  get relationApproval(): Stamp | null { return this.state.relationApproval; }
  get approvedByAgency(): boolean { return this.state.approvedByAgency; }
  get rejection(): (Stamp & { reason: string }) | null { return this.state.rejection; }
  get correction(): Correction | null { return this.state.correction; }
  get supersededAt(): Date | null { return this.state.supersededAt; }
  get supersededBy(): string | null { return this.state.supersededBy; }
  get processed(): PayrollProcessing | null { return this.state.processed; }
  get version(): number { return this.state.version; }

  get status(): DeclarationStatus {
    if (this.state.supersededAt !== null) return 'SUPERSEDED';
    if (this.state.rejection !== null) return 'REJECTED';
    if (this.state.relationApproval !== null || this.state.approvedByAgency) return 'APPROVED';
    return 'AWAITING_RELATION';
  }

  /** @internal Through Timesheet.approveByRelation, which checks the week too. */
  approveByRelation(act: Stamp): void {
    this.requireAwaiting();
    this.state = { ...this.state, relationApproval: { by: act.by, at: act.at } };
  }

  /** @internal Through Timesheet.rejectByRelation. */
  rejectByRelation(act: Stamp & { reason: string }): void {
    this.requireAwaiting();
    this.state = { ...this.state, rejection: { by: act.by, at: act.at, reason: act.reason } };
  }

  /** @internal Through Timesheet.correctByAgency. */
  supersede(byDeclarationId: string, at: Date): void {
    if (this.state.supersededAt !== null) throw superseded(this.state.id);
    this.state = { ...this.state, supersededAt: at, supersededBy: byDeclarationId };
  }

  withVersion(version: number): Declaration {
    return new Declaration({ ...this.state, version });
  }

  toState(): DeclarationState {
    return { ...this.state };
  }

  private requireAwaiting(): void {
    switch (this.status) {
      case 'APPROVED':
        throw new ConflictError(R.DECLARATION_ALREADY_APPROVED, 'These hours were already approved', { status: 'APPROVED' });
      case 'REJECTED':
        throw new ConflictError(R.DECLARATION_ALREADY_REJECTED, 'These hours were already rejected', { status: 'REJECTED' });
      case 'SUPERSEDED':
        throw superseded(this.state.id);
      default:
    }
  }
}

function superseded(id: string): ConflictError {
  return new ConflictError(R.DECLARATION_SUPERSEDED, 'These hours were changed in the meantime: a newer version exists', { declarationId: id });
}
