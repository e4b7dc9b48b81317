import { Declaration, DeclarationStatus } from '../../domain/timesheet/declaration.entity';
import { IsoWeek } from '../../domain/time/iso-week.value-object';
import { Page, PageQuery } from '../shared/pagination';

export interface DeclarationFilter {
  readonly week?: IsoWeek;
  readonly statuses?: readonly DeclarationStatus[];
  readonly relationId?: string;
  readonly flexworkerId?: string;
  readonly timesheetId?: string;
}

/** Declarations are appended and only get stamps afterwards (approval, rejection, superseded). */
export abstract class DeclarationRepository {
  abstract findById(agencyId: string, id: string): Promise<Declaration | null>;
  abstract findByIds(agencyId: string, ids: readonly string[]): Promise<Declaration[]>;
  /** A second declaration with the same (timesheet, number) is a ConflictError (unique constraint). */
  abstract insert(declaration: Declaration): Promise<void>;
  /** Stores the stamps, optimistically by version; returns the declaration with the next version. */
  abstract update(declaration: Declaration): Promise<Declaration>;
  /** Of one timesheet, version 1 first. */
  abstract listByTimesheet(agencyId: string, timesheetId: string): Promise<Declaration[]>;
  /** For DataLoader: every declaration of these timesheets, version 1 first per timesheet. */
  abstract listByTimesheets(agencyId: string, timesheetIds: readonly string[]): Promise<Declaration[]>;
  /**
   * The latest version of each week of these placements from `weekFrom` up to `weekUpTo` (both
   * included), whatever its status; by placement, then week. In one query.
   */
  abstract listLatestOfPlacements(agencyId: string, placementIds: readonly string[], weekFrom: IsoWeek, weekUpTo: IsoWeek): Promise<Declaration[]>;
  /** Oldest week first; within a week by timesheet, a timesheet's versions by number. */
  abstract list(agencyId: string, filter: DeclarationFilter, page: PageQuery): Promise<Page<Declaration>>;
}
