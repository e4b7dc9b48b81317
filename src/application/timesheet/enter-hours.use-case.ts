import { ValidationError } from '../../domain/shared/domain-error';
import { HoursEnteredBy, Placement } from '../../domain/placement/placement.entity';
import { Declaration } from '../../domain/timesheet/declaration.entity';
import { HoursBreakdown } from '../../domain/timesheet/hours-breakdown';
import { Timesheet, TimesheetStatus } from '../../domain/timesheet/timesheet.entity';
import { DayEntryInput } from '../../domain/timesheet/week-entries';
import { Actor } from '../shared/actor';
import { settlePeriodsOf } from './period-settlement';
import { partyOf, requireVersion } from './timesheet-access';
import { localNowFor, placementOf, scheduleOf, surroundingsOf, visibleTimesheet, WeekDeps } from './week-deps';

export interface SaveTimesheetInput {
  readonly timesheetId: string;
  /** The version the client read. */
  readonly expectedVersion: number;
  /** The whole week as entered: days left out were not worked. */
  readonly days: readonly DayEntryInput[];
}

export interface ApproveTimesheetInput extends Omit<SaveTimesheetInput, 'days'> {
  /** The week as entered; left out, the saved draft is approved as it is. */
  readonly days?: readonly DayEntryInput[] | null;
  /** The confirmation pop-up of "Opslaan + Accorderen". */
  readonly confirm: boolean;
}

export interface EnteredWeek {
  readonly timesheet: Timesheet;
  /** The week's status as this request found it: with `timesheet.status`, what the step changed (lists follow it). */
  readonly statusBefore: TimesheetStatus;
  /** Computed from the saved days by the engine (or the manual codes): the live preview. */
  readonly breakdown: HoursBreakdown;
  readonly declaration: Declaration | null;
}

/** "Alleen opslaan": the party that enters the hours stores a draft and gets the live unravel preview back. */
export class SaveTimesheet {
  constructor(private readonly deps: WeekDeps) {}

  async execute(actor: Actor, input: SaveTimesheetInput): Promise<EnteredWeek> {
    const party = partyOf(actor);
    return this.deps.unitOfWork.run(async () => {
      const { timesheet, statusBefore, breakdown } = await saveEntered(this.deps, actor, party, input, input.days);
      return { timesheet: await this.deps.timesheets.update(timesheet), statusBefore, breakdown, declaration: null };
    });
  }
}

/**
 * "Opslaan + Accorderen": stores the week and approves it in one transaction, making a
 * Declaration. By the worker the week becomes SUBMITTED; by a relation contact on a placement
 * where the relation enters the hours, APPROVED at once (both approvals in one step).
 */
export class ApproveTimesheet {
  constructor(private readonly deps: WeekDeps) {}

  async execute(actor: Actor, input: ApproveTimesheetInput): Promise<EnteredWeek> {
    const party = partyOf(actor);
    return this.deps.unitOfWork.run(async () => {
      const { timesheet, statusBefore, placement, breakdown } = await saveEntered(this.deps, actor, party, input, input.days);
      const now = this.deps.clock.now(); // once: the approval's moment and its "today" must agree at midnight
      const act = {
        by: actor.id,
        at: now,
        declarationId: this.deps.ids.next(),
        confirmed: input.confirm === true,
        ...(await localNowFor(this.deps, actor, now)),
        breakdown,
      };
      const declaration = atSentDays(input.days, () =>
        party === 'FLEXWORKER' ? timesheet.approveByWorker(placement, act) : timesheet.approveAsEnteringRelation(placement, act),
      );
      // The timesheet row first: a second approval at the same moment waits for its lock and then finds the version gone.
      const saved = await this.deps.timesheets.update(timesheet);
      await this.deps.declarations.insert(declaration);
      if (declaration.status !== 'APPROVED') return { timesheet: saved, statusBefore, breakdown, declaration };
      // Entered and approved by the relation at once: a settlement period of this week may settle now.
      const settled = (await settlePeriodsOf(this.deps, actor, placement, timesheet.week)).find((s) => s.timesheet.id === saved.id);
      return settled
        ? { timesheet: settled.timesheet, statusBefore, breakdown, declaration: settled.declaration }
        : { timesheet: saved, statusBefore, breakdown, declaration };
    });
  }
}

/**
 * The steps saving and approving share: the week as the client read it, by the party that enters
 * its hours, with the days read against the placement as it is now. Without days the saved draft
 * is read again: the placement's hour source or entry modes may have changed since, and a
 * declaration must never hold days its lines do not count.
 */
async function saveEntered(
  deps: WeekDeps,
  actor: Actor,
  party: HoursEnteredBy,
  input: { timesheetId: string; expectedVersion: number },
  sent: readonly DayEntryInput[] | null | undefined,
): Promise<{ timesheet: Timesheet; statusBefore: TimesheetStatus; placement: Placement; breakdown: HoursBreakdown }> {
  const timesheet = await visibleTimesheet(deps, actor, input.timesheetId);
  const statusBefore = timesheet.status;
  requireVersion(timesheet, input.expectedVersion);
  const placement = await placementOf(deps, timesheet);
  timesheet.requireEditableBy(placement, party);
  const around = await surroundingsOf(deps, placement, timesheet);
  const days = deps.calculator.parseDays(placement, timesheet.week, sent ?? timesheet.days.map((d) => d.toData()), around);
  const breakdown = deps.calculator.breakdown(timesheet.week, days, placement, await scheduleOf(deps, placement));
  timesheet.saveDraft(placement, party, days);
  return { timesheet, statusBefore, placement, breakdown };
}

/**
 * The week keeps its days in date order, so a problem the approval finds on a day (one still to
 * come) names `days[i]` of that order; when the days came with the request, it names the day as
 * the client sent it instead.
 */
function atSentDays<T>(days: readonly DayEntryInput[] | null | undefined, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (!days || !(error instanceof ValidationError)) throw error;
    throw new ValidationError(
      error.problems.map((p) => {
        const rest = /^days\[\d+\](.*)$/.exec(p.path);
        const index = days.findIndex((d) => d.date === p.params?.date);
        return rest && index >= 0 ? { ...p, path: `days[${index}]${rest[1]}` } : p;
      }),
    );
  }
}
