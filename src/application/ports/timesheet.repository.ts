import { Declaration } from '../../domain/timesheet/declaration.entity';
import { Timesheet, TimesheetStatus } from '../../domain/timesheet/timesheet.entity';
import { IsoWeek } from '../../domain/time/iso-week.value-object';
import { Page, PageQuery } from '../shared/pagination';

export interface TimesheetFilter {
  readonly week?: IsoWeek;
  /** Weeks from this one on (with `weekUpTo`: a range of weeks). */
  readonly weekFrom?: IsoWeek;
  /** Weeks up to and including this one. */
  readonly weekUpTo?: IsoWeek;
  readonly statuses?: readonly TimesheetStatus[];
  readonly relationId?: string;
  readonly flexworkerId?: string;
  readonly placementIds?: readonly string[];
  /** Leaves out weeks the relation approved before this instant (the worker's status tab). */
  readonly relationApprovedSince?: Date;
  /**
   * Leaves out weeks before this one that were never touched: no days and never approved (no
   * declaration). The blue bar's horizon: older weeks stay only while they hold something.
   */
  readonly untouchedFrom?: IsoWeek;
}

/** Every method is scoped by agency: a timesheet of another agency is simply not found. */
export abstract class TimesheetRepository {
  abstract findById(agencyId: string, id: string): Promise<Timesheet | null>;
  /**
   * The week with the declaration it names as current (null before its first approval), in one
   * read: a week's screen shows both. Null when the week is not found.
   */
  abstract findWithCurrentDeclaration(agencyId: string, id: string): Promise<{ readonly timesheet: Timesheet; readonly currentDeclaration: Declaration | null } | null>;
  /**
   * As findById, and holds the week's row lock until the unit of work ends (`SELECT … FOR NO KEY
   * UPDATE`): another unit of work that writes or locks the week waits, and reads it as this one
   * left it. Only inside `UnitOfWork.run`; lock weeks in one order (sorted) to never deadlock.
   */
  abstract findByIdForUpdate(agencyId: string, id: string): Promise<Timesheet | null>;
  /** For DataLoader: the timesheets found, in any order; unknown ids are left out. */
  abstract findByIds(agencyId: string, ids: readonly string[]): Promise<Timesheet[]>;
  abstract findByPlacementAndWeek(agencyId: string, placementId: string, week: IsoWeek): Promise<Timesheet | null>;
  /**
   * Inserts the timesheets whose (placement, week) is not there yet; one that another request
   * created at the same moment is left as it is (`ON CONFLICT DO NOTHING`). Read them back after.
   */
  abstract insertMissing(timesheets: readonly Timesheet[]): Promise<void>;
  /** Optimistic: `UPDATE … WHERE version`; returns the timesheet with the next version, or ConflictError STALE_VERSION. */
  abstract update(timesheet: Timesheet): Promise<Timesheet>;
  /** Latest week first, then by id, descending too. */
  abstract list(agencyId: string, filter: TimesheetFilter, page: PageQuery): Promise<Page<Timesheet>>;
  /** Which weeks of these placements have a timesheet (`from` to `upTo`, both included): keys `placementId/2026-W48`, nothing else read. */
  abstract weeksPresent(agencyId: string, placementIds: readonly string[], from: IsoWeek, upTo: IsoWeek): Promise<Set<string>>;
  /** As `list`, oldest week first, then by id ascending (the blue bar); its cursors are its own. */
  abstract listOldestFirst(agencyId: string, filter: TimesheetFilter, page: PageQuery): Promise<Page<Timesheet>>;
  /** Every match, oldest week first (for bounded sets such as one worker's open weeks). */
  abstract listAll(agencyId: string, filter: TimesheetFilter): Promise<Timesheet[]>;
}
