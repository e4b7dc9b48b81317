import { DeclarationRepository } from '../../../src/application/ports/declaration.repository';
import { TimesheetFilter, TimesheetRepository } from '../../../src/application/ports/timesheet.repository';
import { Declaration } from '../../../src/domain/timesheet/declaration.entity';
import { Page, PageQuery } from '../../../src/application/shared/pagination';
import { ConflictError } from '../../../src/domain/shared/domain-error';
import { IsoWeek } from '../../../src/domain/time/iso-week.value-object';
import { Timesheet } from '../../../src/domain/timesheet/timesheet.entity';
import { mapParticipant, TransactionParticipant } from './fake-unit-of-work';
import { sortByWeek, weekPage } from './in-memory-week-keyset';

/**
 * The in-memory TimesheetRepository, with the contract of the TypeORM one: copies in and out (a
 * caller's change is not stored until `update`), scoping by agency, one week per placement
 * (`insertMissing` leaves an existing one as it is), the optimistic `UPDATE … WHERE version`, and
 * the same orders, filters and keyset paging.
 */
export class InMemoryTimesheetRepository extends TimesheetRepository implements TransactionParticipant {
  readonly rows = new Map<string, Timesheet>();
  /** The number of weeks handed to each `insertMissing`, for tests that count writes. */
  readonly insertMissingCalls: number[] = [];
  /** The ids of the weeks locked by `findByIdForUpdate`, in order, for tests of the lock order. */
  readonly lockedIds: string[] = [];

  /** `declarations`: where findWithCurrentDeclaration looks up the current version (the one store both adapters read in the database). */
  constructor(private readonly declarations?: DeclarationRepository) {
    super();
  }

  async findById(agencyId: string, id: string): Promise<Timesheet | null> {
    const row = this.rows.get(id);
    return row && row.agencyId === agencyId ? copy(row) : null;
  }

  async findWithCurrentDeclaration(agencyId: string, id: string): Promise<{ timesheet: Timesheet; currentDeclaration: Declaration | null } | null> {
    if (!this.declarations) throw new Error('InMemoryTimesheetRepository: give it the declarations to read the current one from');
    const timesheet = await this.findById(agencyId, id);
    if (!timesheet) return null;
    const currentDeclaration = timesheet.currentDeclarationId ? await this.declarations.findById(agencyId, timesheet.currentDeclarationId) : null;
    return { timesheet, currentDeclaration };
  }

  /** The fake unit of work runs one at a time: nothing to wait for, so this is findById. */
  async findByIdForUpdate(agencyId: string, id: string): Promise<Timesheet | null> {
    this.lockedIds.push(id);
    return this.findById(agencyId, id);
  }

  async findByIds(agencyId: string, ids: readonly string[]): Promise<Timesheet[]> {
    return [...new Set(ids)].map((id) => this.rows.get(id)).filter((t): t is Timesheet => t !== undefined && t.agencyId === agencyId).map(copy);
  }

  async findByPlacementAndWeek(agencyId: string, placementId: string, week: IsoWeek): Promise<Timesheet | null> {
    const row = this.all(agencyId).find((t) => t.placementId === placementId && t.week.equals(week));
    return row ? copy(row) : null;
  }

  async insertMissing(timesheets: readonly Timesheet[]): Promise<void> {
    this.insertMissingCalls.push(timesheets.length);
    for (const timesheet of timesheets) {
      const taken = [...this.rows.values()].some((t) => t.id === timesheet.id || (t.placementId === timesheet.placementId && t.week.equals(timesheet.week)));
      if (!taken) this.rows.set(timesheet.id, copy(timesheet));
    }
  }

  async update(timesheet: Timesheet): Promise<Timesheet> {
    const current = this.rows.get(timesheet.id);
    if (!current || current.agencyId !== timesheet.agencyId || current.version !== timesheet.version) {
      throw new ConflictError('STALE_VERSION', 'This timesheet was changed by someone else in the meantime', { entity: 'timesheet' });
    }
    if (current.placementId !== timesheet.placementId || !current.week.equals(timesheet.week)) {
      throw new Error(`timesheet ${timesheet.id}: its placement and week never change`);
    }
    const next = timesheet.withVersion(timesheet.version + 1);
    this.rows.set(next.id, copy(next));
    return copy(next);
  }

  async list(agencyId: string, filter: TimesheetFilter, page: PageQuery): Promise<Page<Timesheet>> {
    return weekPage('timesheets', this.matching(agencyId, filter), 'DESC', page);
  }

  async listOldestFirst(agencyId: string, filter: TimesheetFilter, page: PageQuery): Promise<Page<Timesheet>> {
    return weekPage('timesheets-oldest-first', this.matching(agencyId, filter), 'ASC', page);
  }

  async weeksPresent(agencyId: string, placementIds: readonly string[], from: IsoWeek, upTo: IsoWeek): Promise<Set<string>> {
    const ids = new Set(placementIds);
    const within = (t: Timesheet) => ids.has(t.placementId) && t.week.compare(from) >= 0 && t.week.compare(upTo) <= 0;
    return new Set(this.all(agencyId).filter(within).map((t) => `${t.placementId}/${t.week}`));
  }

  async listAll(agencyId: string, filter: TimesheetFilter): Promise<Timesheet[]> {
    return sortByWeek(this.matching(agencyId, filter), 'ASC');
  }

  snapshot(): () => void {
    return mapParticipant(this.rows).snapshot();
  }

  private all(agencyId: string): Timesheet[] {
    return [...this.rows.values()].filter((t) => t.agencyId === agencyId);
  }

  private matching(agencyId: string, f: TimesheetFilter): Timesheet[] {
    return this.all(agencyId)
      .filter((t) => !f.week || t.week.equals(f.week))
      .filter((t) => !f.weekFrom || t.week.compare(f.weekFrom) >= 0)
      .filter((t) => !f.weekUpTo || t.week.compare(f.weekUpTo) <= 0)
      .filter((t) => !f.statuses || f.statuses.includes(t.status))
      .filter((t) => f.relationId === undefined || t.relationId === f.relationId)
      .filter((t) => f.flexworkerId === undefined || t.flexworkerId === f.flexworkerId)
      .filter((t) => !f.placementIds || f.placementIds.includes(t.placementId))
      .filter((t) => !f.relationApprovedSince || t.relationApproval === null || t.relationApproval.at >= f.relationApprovedSince)
      .filter((t) => !f.untouchedFrom || t.week.compare(f.untouchedFrom) >= 0 || t.declarationCount > 0 || t.days.length > 0)
      .map(copy);
  }
}

function copy(timesheet: Timesheet): Timesheet {
  return Timesheet.rehydrate(timesheet.toState());
}
