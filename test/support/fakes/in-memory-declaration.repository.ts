import { DeclarationFilter, DeclarationRepository } from '../../../src/application/ports/declaration.repository';
import { Page, PageQuery } from '../../../src/application/shared/pagination';
import { ConflictError } from '../../../src/domain/shared/domain-error';
import { Declaration } from '../../../src/domain/timesheet/declaration.entity';
import { IsoWeek } from '../../../src/domain/time/iso-week.value-object';
import { mapParticipant, TransactionParticipant } from './fake-unit-of-work';
import { weekPage } from './in-memory-week-keyset';

/**
 * The in-memory DeclarationRepository, with the contract of the TypeORM one: copies in and out,
 * scoping by agency, UNIQUE (timesheet, number) as the same ConflictError, stamps stored
 * optimistically by version while the hours never change (the database's trigger), and the
 * same orders, filters and keyset paging.
 */
export class InMemoryDeclarationRepository extends DeclarationRepository implements TransactionParticipant {
  readonly rows = new Map<string, Declaration>();

  async findById(agencyId: string, id: string): Promise<Declaration | null> {
    const row = this.rows.get(id);
    return row && row.agencyId === agencyId ? copy(row) : null;
  }

  async findByIds(agencyId: string, ids: readonly string[]): Promise<Declaration[]> {
    return [...new Set(ids)].map((id) => this.rows.get(id)).filter((d): d is Declaration => d !== undefined && d.agencyId === agencyId).map(copy);
  }

  async insert(declaration: Declaration): Promise<void> {
    if (this.rows.has(declaration.id)) throw new Error(`duplicate key: declaration ${declaration.id}`);
    const numberTaken = [...this.rows.values()].some((d) => d.timesheetId === declaration.timesheetId && d.number === declaration.number);
    if (numberTaken) {
      throw new ConflictError('STALE_VERSION', 'Someone else approved this week at the same moment; load it again', { entity: 'timesheet' });
    }
    this.rows.set(declaration.id, copy(declaration));
  }

  async update(declaration: Declaration): Promise<Declaration> {
    const current = this.rows.get(declaration.id);
    if (!current || current.agencyId !== declaration.agencyId || current.version !== declaration.version) {
      throw new ConflictError('STALE_VERSION', 'This declaration was changed by someone else in the meantime', { entity: 'declaration' });
    }
    if (JSON.stringify(hoursOf(current)) !== JSON.stringify(hoursOf(declaration))) {
      throw new Error(`declaration ${declaration.id}: its hours never change, only its stamps`);
    }
    const next = declaration.withVersion(declaration.version + 1);
    this.rows.set(next.id, copy(next));
    return copy(next);
  }

  async listByTimesheet(agencyId: string, timesheetId: string): Promise<Declaration[]> {
    return this.listByTimesheets(agencyId, [timesheetId]);
  }

  async listByTimesheets(agencyId: string, timesheetIds: readonly string[]): Promise<Declaration[]> {
    return this.all(agencyId)
      .filter((d) => timesheetIds.includes(d.timesheetId))
      .sort((a, b) => (a.timesheetId < b.timesheetId ? -1 : a.timesheetId > b.timesheetId ? 1 : a.number - b.number))
      .map(copy);
  }

  async listLatestOfPlacements(agencyId: string, placementIds: readonly string[], weekFrom: IsoWeek, weekUpTo: IsoWeek): Promise<Declaration[]> {
    const latest = new Map<string, Declaration>();
    for (const d of this.all(agencyId)) {
      if (!placementIds.includes(d.placementId) || d.week.compare(weekFrom) < 0 || d.week.compare(weekUpTo) > 0) continue;
      const kept = latest.get(d.timesheetId);
      if (!kept || kept.number < d.number) latest.set(d.timesheetId, d);
    }
    return [...latest.values()]
      .sort((a, b) => (a.placementId !== b.placementId ? (a.placementId < b.placementId ? -1 : 1) : a.week.compare(b.week) || (a.timesheetId < b.timesheetId ? -1 : 1)))
      .map(copy);
  }

  async list(agencyId: string, f: DeclarationFilter, page: PageQuery): Promise<Page<Declaration>> {
    const items = this.all(agencyId)
      .filter((d) => !f.week || d.week.equals(f.week))
      .filter((d) => !f.statuses || f.statuses.includes(d.status))
      .filter((d) => f.relationId === undefined || d.relationId === f.relationId)
      .filter((d) => f.flexworkerId === undefined || d.flexworkerId === f.flexworkerId)
      .filter((d) => f.timesheetId === undefined || d.timesheetId === f.timesheetId)
      .map(copy);
    // Within a week by timesheet, and a timesheet's versions by number, as the real repository does.
    return weekPage('declarations', items, 'ASC', page, (d) => `${d.timesheetId}\u0000${String(d.number).padStart(9, '0')}`);
  }

  snapshot(): () => void {
    return mapParticipant(this.rows).snapshot();
  }

  private all(agencyId: string): Declaration[] {
    return [...this.rows.values()].filter((d) => d.agencyId === agencyId);
  }
}

/** What a declaration holds for good: everything but its stamps and version. */
function hoursOf(declaration: Declaration): unknown {
  const { relationApproval: _r, rejection: _j, supersededAt: _a, supersededBy: _b, version: _v, days, ...rest } = declaration.toState();
  return { ...rest, days: days.map((d) => d.toData()) };
}

function copy(declaration: Declaration): Declaration {
  return Declaration.rehydrate(declaration.toState());
}
