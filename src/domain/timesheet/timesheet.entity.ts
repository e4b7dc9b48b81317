import { ConflictError, ValidationError } from '../shared/domain-error';
import { HoursEnteredBy, Placement } from '../placement/placement.entity';
import { IsoWeek } from '../time/iso-week.value-object';
import { LocalDate } from '../time/local-date.value-object';
import { DayEntry } from './day-entry.value-object';
import { Declaration, Stamp } from './declaration.entity';
import { HoursBreakdown } from './hours-breakdown';
import { enteredByOtherParty, notEditable, TimesheetReason as R } from './timesheet.errors';
import { parseReason, refuseDaysToCome } from './week-rules';

/**
 * OPEN: being filled (or reopened after a rejection); SUBMITTED: approved by the worker, waiting
 * for the relation; APPROVED: approved by the relation (or entered and approved by it); PROCESSED:
 * taken by payroll.
 */
export const TIMESHEET_STATUSES = ['OPEN', 'SUBMITTED', 'APPROVED', 'PROCESSED'] as const;
export type TimesheetStatus = (typeof TIMESHEET_STATUSES)[number];

export interface Rejection {
  readonly reason: string;
  readonly by: string;
  readonly at: Date;
}

export interface TimesheetState {
  readonly id: string;
  readonly agencyId: string;
  readonly placementId: string;
  readonly flexworkerId: string;
  readonly relationId: string;
  readonly week: IsoWeek;
  readonly status: TimesheetStatus;
  readonly days: readonly DayEntry[];
  /** The last rejection by the relation, shown to whoever enters the hours until the next approval. */
  readonly rejection: Rejection | null;
  readonly workerApproval: Stamp | null;
  readonly relationApproval: Stamp | null;
  readonly currentDeclarationId: string | null;
  readonly declarationCount: number;
  readonly version: number;
}

/** Who does something to a week: the user, when, and (for approvals) the declaration id to use. */
export interface Act {
  readonly by: string;
  readonly at: Date;
}

export interface ApprovalAct extends Act {
  readonly declarationId: string;
  /** The pop-up: "Opslaan + Accorderen" is confirmed once more. */
  readonly confirmed: boolean;
  /** Today in the agency's time zone: days after it cannot be approved. */
  readonly today: LocalDate;
  /** Minutes since midnight of today (agency's zone): work with times must have ended by then. Left out: only dates count. */
  readonly nowMinute?: number;
  /** The week's hours split by the engine (or the manual codes), computed from these very days. */
  readonly breakdown: HoursBreakdown;
}

export interface CorrectionAct extends Act {
  readonly declarationId: string;
  readonly reason: string;
  readonly days: readonly DayEntry[];
  readonly breakdown: HoursBreakdown;
  /** As in ApprovalAct: a correction cannot add hours still to come either. */
  readonly today?: LocalDate;
  readonly nowMinute?: number;
}

/**
 * A werkbrief: one placement, one ISO week. Whoever the placement says enters the hours fills
 * it and approves it; every approval makes an immutable Declaration version, which the relation
 * approves or rejects and the agency may correct (as a new version, never by overwriting).
 */
export class Timesheet {
  private constructor(private state: TimesheetState) {}

  /** A new, empty week of a placement; the week must overlap the placement's period. */
  static open(props: { id: string; placement: Placement; week: IsoWeek }): Timesheet {
    const { placement, week } = props;
    if (week.sunday.isBefore(placement.startDate) || (placement.endDate !== null && week.monday.isAfter(placement.endDate))) {
      throw ValidationError.of('week', R.WEEK_OUTSIDE_PLACEMENT, `Week ${week} is outside the placement's period`, {
        week: week.toString(),
        start: placement.startDate.toString(),
        end: placement.endDate?.toString() ?? '',
      });
    }
    return new Timesheet({
      id: props.id,
      agencyId: placement.agencyId,
      placementId: placement.id,
      flexworkerId: placement.flexworkerId,
      relationId: placement.relationId,
      week,
      status: 'OPEN',
      days: [],
      rejection: null,
      workerApproval: null,
      relationApproval: null,
      currentDeclarationId: null,
      declarationCount: 0,
      version: 1,
    });
  }

  static rehydrate(state: TimesheetState): Timesheet {
    return new Timesheet({ ...state });
  }

  get id(): string { return this.state.id; }
  get agencyId(): string { return this.state.agencyId; }
  get placementId(): string { return this.state.placementId; }
  get flexworkerId(): string { return this.state.flexworkerId; }
  get relationId(): string { return this.state.relationId; }
  get week(): IsoWeek { return this.state.week; }
  get status(): TimesheetStatus { return this.state.status; }
  get days(): readonly DayEntry[] { return this.state.days; }
  get rejection(): Rejection | null { return this.state.rejection; }
  get workerApproval(): Stamp | null { return this.state.workerApproval; }
  get relationApproval(): Stamp | null { return this.state.relationApproval; }
  get currentDeclarationId(): string | null { return this.state.currentDeclarationId; }
  get declarationCount(): number { return this.state.declarationCount; }
  get version(): number { return this.state.version; }

  get isOpen(): boolean {
    return this.state.status === 'OPEN';
  }

  /** "Alleen opslaan": keeps the days as a draft; only while OPEN, only by the party that enters the hours. */
  saveDraft(placement: Placement, party: HoursEnteredBy, days: readonly DayEntry[]): void {
    this.requireEditableBy(placement, party);
    this.state = { ...this.state, days: [...days] };
  }

  /**
   * Whether a viewer sees the days as they stand. A worker's draft ("Alleen opslaan") is theirs
   * until they approve it: the relation sees no hours of an open week the worker enters.
   */
  showsDraftTo(placement: Placement, viewer: HoursEnteredBy | 'AGENCY'): boolean {
    return !(viewer === 'RELATION' && this.state.status === 'OPEN' && placement.hoursEnteredBy === 'FLEXWORKER');
  }

  /** Whether `party` may change the hours now: the week is open and the placement says they enter them. */
  isEditableBy(placement: Placement, party: HoursEnteredBy | null): boolean {
    return this.state.status === 'OPEN' && party !== null && placement.hoursEnteredBy === party;
  }

  /** Refuses the wrong party (FORBIDDEN) and a week that is no longer open (CONFLICT). */
  requireEditableBy(placement: Placement, party: HoursEnteredBy): void {
    this.requireEnterer(placement, party);
    if (this.state.status !== 'OPEN') throw notEditable(this.state.status);
  }

  /**
   * "Opslaan + Accorderen" by the worker: the week becomes SUBMITTED (read-only for the worker)
   * and a Declaration version is made for the relation to approve.
   */
  approveByWorker(placement: Placement, act: ApprovalAct): Declaration {
    this.requireApprovable(placement, 'FLEXWORKER', act);
    const stamp = { by: act.by, at: act.at };
    const declaration = this.declare(act, 'WORKER', stamp, null);
    this.state = { ...this.state, status: 'SUBMITTED', workerApproval: stamp, relationApproval: null };
    return declaration;
  }

  /**
   * Where the relation enters the hours, its approval counts as both: the week is APPROVED at
   * once, and the declaration carries the relation's approval in both places.
   */
  approveAsEnteringRelation(placement: Placement, act: ApprovalAct): Declaration {
    this.requireApprovable(placement, 'RELATION', act);
    const stamp = { by: act.by, at: act.at };
    const declaration = this.declare(act, 'RELATION', stamp, stamp);
    this.state = { ...this.state, status: 'APPROVED', workerApproval: stamp, relationApproval: stamp };
    return declaration;
  }

  /** The relation approves the current declaration: SUBMITTED → APPROVED. */
  approveByRelation(declaration: Declaration, act: Act): void {
    this.requireCurrent(declaration);
    if (this.state.status !== 'SUBMITTED') throw this.notWaiting();
    declaration.approveByRelation(act);
    this.state = { ...this.state, status: 'APPROVED', relationApproval: { by: act.by, at: act.at } };
  }

  /** The relation rejects the current declaration with a reason: the week reopens, showing it. */
  rejectByRelation(declaration: Declaration, act: Act & { reason: string }): void {
    const reason = parseReason(act.reason);
    this.requireCurrent(declaration);
    if (this.state.status !== 'SUBMITTED') throw this.notWaiting();
    declaration.rejectByRelation({ ...act, reason });
    this.state = { ...this.state, status: 'OPEN', rejection: { reason, by: act.by, at: act.at }, workerApproval: null };
  }

  /**
   * Agency staff correct hours the worker approved: a new declaration version with the reason;
   * the one before is superseded, never changed. A week the relation approved stays approved
   * (payroll takes the difference); one still waiting for the relation waits for this version.
   */
  correctByAgency(previous: Declaration, act: CorrectionAct): Declaration {
    const reason = parseReason(act.reason);
    if (this.state.status === 'OPEN') {
      throw new ConflictError(R.NOT_APPROVED_BY_WORKER, 'Only hours that were approved can be corrected; this week is still open', {
        status: this.state.status,
      });
    }
    this.requireCurrent(previous);
    if (act.today) refuseDaysToCome(act.days, act.today, act.nowMinute);
    if (act.days.length === previous.days.length && act.days.every((d, i) => d.equals(previous.days[i]))) {
      throw ValidationError.of('days', R.NOTHING_TO_CORRECT, 'The correction gives the same hours as the declaration');
    }
    const correction = Declaration.correctionOf(previous, {
      id: act.declarationId,
      number: this.state.declarationCount + 1,
      days: act.days,
      breakdown: act.breakdown,
      correction: { by: act.by, at: act.at, reason, previousDeclarationId: previous.id },
    });
    previous.supersede(correction.id, act.at);
    this.state = {
      ...this.state,
      status: this.state.status === 'PROCESSED' ? 'APPROVED' : this.state.status,
      days: [...act.days],
      currentDeclarationId: correction.id,
      declarationCount: this.state.declarationCount + 1,
    };
    return correction;
  }

  /**
   * The period's overtime settled (again) on this week, the last of its settlement period: a new
   * declaration version of the same days with the settled breakdown, superseding the current one.
   * Only approved hours are settled; payroll takes the difference like that of a correction.
   */
  settlePeriod(current: Declaration, act: Act & { declarationId: string; reason: string; breakdown: HoursBreakdown }): Declaration {
    this.requireCurrent(current);
    if (this.state.status !== 'APPROVED' && this.state.status !== 'PROCESSED') throw new Error(`week ${this.state.id} is not approved`);
    const settled = Declaration.settlementOf(current, {
      id: act.declarationId,
      number: this.state.declarationCount + 1,
      breakdown: act.breakdown,
      correction: { by: act.by, at: act.at, reason: act.reason, previousDeclarationId: current.id },
    });
    current.supersede(settled.id, act.at);
    this.state = { ...this.state, status: 'APPROVED', currentDeclarationId: settled.id, declarationCount: this.state.declarationCount + 1 };
    return settled;
  }

  withVersion(version: number): Timesheet {
    return new Timesheet({ ...this.state, version });
  }

  toState(): TimesheetState {
    return { ...this.state };
  }

  private requireEnterer(placement: Placement, party: HoursEnteredBy): void {
    if (placement.id !== this.state.placementId) throw new Error('placement does not belong to this timesheet');
    if (placement.hoursEnteredBy !== party) throw enteredByOtherParty(placement.hoursEnteredBy);
  }

  private requireApprovable(placement: Placement, party: HoursEnteredBy, act: ApprovalAct): void {
    this.requireEnterer(placement, party);
    if (this.state.status !== 'OPEN') {
      throw new ConflictError(R.ALREADY_SUBMITTED, 'These hours were already approved', { status: this.state.status });
    }
    if (!act.confirmed) {
      throw ValidationError.of('confirm', R.CONFIRMATION_REQUIRED, 'Confirm that you approve these hours');
    }
    refuseDaysToCome(this.state.days, act.today, act.nowMinute);
  }

  private declare(act: ApprovalAct, origin: 'WORKER' | 'RELATION', worker: Stamp, relation: Stamp | null): Declaration {
    const declaration = Declaration.create({
      id: act.declarationId,
      agencyId: this.state.agencyId,
      timesheetId: this.state.id,
      placementId: this.state.placementId,
      flexworkerId: this.state.flexworkerId,
      relationId: this.state.relationId,
      week: this.state.week,
      number: this.state.declarationCount + 1,
      origin,
      days: this.state.days,
      breakdown: act.breakdown,
      workerApproval: worker,
      relationApproval: relation,
    });
    this.state = { ...this.state, currentDeclarationId: declaration.id, declarationCount: declaration.number, rejection: null };
    return declaration;
  }

  private requireCurrent(declaration: Declaration): void {
    if (declaration.timesheetId !== this.state.id) throw new Error('declaration does not belong to this timesheet');
    if (declaration.id !== this.state.currentDeclarationId) {
      throw new ConflictError(R.DECLARATION_SUPERSEDED, 'These hours were changed in the meantime: a newer version exists', {
        declarationId: declaration.id,
        currentDeclarationId: this.state.currentDeclarationId ?? '',
      });
    }
  }

  private notWaiting(): ConflictError {
    if (this.state.status === 'APPROVED' || this.state.status === 'PROCESSED') {
      return new ConflictError(R.DECLARATION_ALREADY_APPROVED, 'These hours were already approved', { status: this.state.status });
    }
    return new ConflictError(R.NOT_SUBMITTED, 'These hours are not waiting for approval', { status: this.state.status });
  }
}
