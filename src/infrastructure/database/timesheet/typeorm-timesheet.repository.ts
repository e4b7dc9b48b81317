import { SelectQueryBuilder } from 'typeorm';
import { TimesheetFilter, TimesheetRepository } from '../../../application/ports/timesheet.repository';
import { emptyPage, Page, pageOfItems, PageQuery } from '../../../application/shared/pagination';
import { IsoWeek } from '../../../domain/time/iso-week.value-object';
import { Timesheet } from '../../../domain/timesheet/timesheet.entity';
import { AgencyScopedRows } from '../agency-scoped-rows';
import { DatabaseContext } from '../database-context';
import { RawRows } from '../raw-rows';
import { isUuid } from '../organisation/keyset-cursor';
import { Declaration } from '../../../domain/timesheet/declaration.entity';
import { declarationToDomain } from './declaration.mapper';
import { DeclarationOrmEntity } from './declaration.orm-entity';
import { timesheetToDomain, timesheetToRow } from './timesheet.mapper';
import { TimesheetOrmEntity } from './timesheet.orm-entity';
import { decodeWeekCursor, encodeWeekCursor, uuids } from './week-keyset';

const LIST = 'timesheets';
/** The blue bar's list (oldest first): its cursors are not those of `LIST`, which runs the other way. */
const OLDEST_FIRST = 'timesheets-oldest-first';
/** Rows per INSERT of insertMissing: well below PostgreSQL's 65535 parameters per statement. */
const INSERT_CHUNK = 1000;

export class TypeormTimesheetRepository extends TimesheetRepository {
  private readonly rows: AgencyScopedRows<TimesheetOrmEntity>;
  private readonly weekRows: RawRows<TimesheetOrmEntity>;
  private readonly declarationRows: RawRows<DeclarationOrmEntity>;

  constructor(private readonly db: DatabaseContext) {
    super();
    this.rows = new AgencyScopedRows(db, TimesheetOrmEntity, 'timesheet');
    this.weekRows = new RawRows(db.dataSource, TimesheetOrmEntity, 't');
    this.declarationRows = new RawRows(db.dataSource, DeclarationOrmEntity, 'd');
  }

  private repo() {
    return this.rows.repo();
  }

  async findById(agencyId: string, id: string): Promise<Timesheet | null> {
    const row = await this.rows.findOne(agencyId, id);
    return row ? timesheetToDomain(row) : null;
  }

  async findWithCurrentDeclaration(agencyId: string, id: string): Promise<{ timesheet: Timesheet; currentDeclaration: Declaration | null } | null> {
    if (!isUuid(agencyId) || !isUuid(id)) return null;
    // Every week's screen asks this: SQL made once (RawRows), not by the query builder each time.
    const [raw] = (await this.db
      .manager()
      .query(
        `SELECT ${this.weekRows.select}, ${this.declarationRows.select} FROM timesheets t ` +
          'LEFT JOIN declarations d ON d.id = t.current_declaration_id AND d.agency_id = t.agency_id WHERE t.agency_id = $1 AND t.id = $2',
        [agencyId, id],
      )) as Record<string, unknown>[];
    const row = raw ? this.weekRows.hydrate(raw) : null;
    if (!row) return null;
    const declaration = this.declarationRows.hydrate(raw);
    return { timesheet: timesheetToDomain(row), currentDeclaration: declaration ? declarationToDomain(declaration) : null };
  }

  async findByIdForUpdate(agencyId: string, id: string): Promise<Timesheet | null> {
    if (!this.db.inTransaction()) throw new Error('a week is locked inside a unit of work: outside one the lock would end at once');
    if (!isUuid(agencyId) || !isUuid(id)) return null;
    // NO KEY UPDATE, as the UPDATE of the week that follows takes: inserting a declaration (a
    // foreign key to the week, KEY SHARE) need not wait for it.
    const row = await this.repo()
      .createQueryBuilder('t')
      .setLock('for_no_key_update')
      .where('t.agency_id = :agencyId AND t.id = :id', { agencyId, id })
      .getOne();
    return row ? timesheetToDomain(row) : null;
  }

  async findByIds(agencyId: string, ids: readonly string[]): Promise<Timesheet[]> {
    return (await this.rows.findMany(agencyId, ids)).map(timesheetToDomain);
  }

  async findByPlacementAndWeek(agencyId: string, placementId: string, week: IsoWeek): Promise<Timesheet | null> {
    if (!isUuid(agencyId) || !isUuid(placementId)) return null;
    const row = await this.repo().findOneBy({ agencyId, placementId, weekStart: week.monday.toString() });
    return row ? timesheetToDomain(row) : null;
  }

  async insertMissing(timesheets: readonly Timesheet[]): Promise<void> {
    const rows = timesheets.map(timesheetToRow);
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await this.repo()
        .createQueryBuilder()
        .insert()
        .values(rows.slice(i, i + INSERT_CHUNK))
        .orIgnore()
        // Rows left out by ON CONFLICT return nothing: do not match returned defaults to the rows.
        .updateEntity(false)
        .execute();
    }
  }

  async update(timesheet: Timesheet): Promise<Timesheet> {
    return timesheet.withVersion(await this.rows.updateVersioned(timesheetToRow(timesheet)));
  }

  async list(agencyId: string, filter: TimesheetFilter, page: PageQuery): Promise<Page<Timesheet>> {
    return this.page(LIST, 'DESC', agencyId, filter, page);
  }

  async listOldestFirst(agencyId: string, filter: TimesheetFilter, page: PageQuery): Promise<Page<Timesheet>> {
    return this.page(OLDEST_FIRST, 'ASC', agencyId, filter, page);
  }

  async weeksPresent(agencyId: string, placementIds: readonly string[], from: IsoWeek, upTo: IsoWeek): Promise<Set<string>> {
    const ids = uuids(placementIds);
    if (!isUuid(agencyId) || ids.length === 0) return new Set();
    const rows: { placement_id: string; week: string }[] = await this.repo()
      .createQueryBuilder('t')
      .select('t.placement_id', 'placement_id')
      .addSelect('t.week', 'week')
      .where('t.agency_id = :agencyId AND t.placement_id = ANY(:ids)', { agencyId, ids })
      .andWhere('t.week_start BETWEEN :from AND :upTo', { from: from.monday.toString(), upTo: upTo.monday.toString() })
      .getRawMany();
    return new Set(rows.map((r) => `${r.placement_id}/${r.week}`));
  }

  async listAll(agencyId: string, filter: TimesheetFilter): Promise<Timesheet[]> {
    const query = this.filtered(agencyId, filter);
    if (!query) return [];
    return (await query.orderBy('t.week_start', 'ASC').addOrderBy('t.id', 'ASC').getMany()).map(timesheetToDomain);
  }

  /** A page of `list` (latest first) or `listOldestFirst`, keyset-paged by (week, id) in that direction. */
  private async page(list: string, order: 'ASC' | 'DESC', agencyId: string, filter: TimesheetFilter, page: PageQuery): Promise<Page<Timesheet>> {
    const after = decodeWeekCursor(list, page.after);
    const query = this.filtered(agencyId, filter);
    if (!query) return emptyPage();
    const behind = order === 'ASC' ? '>' : '<';
    if (after) query.andWhere(`(t.week_start, t.id) ${behind} (:afterDate, :afterId)`, { afterDate: after.weekStart, afterId: after.id });
    const rows = await this.weekRows.many(query.orderBy('t.week_start', order).addOrderBy('t.id', order).limit(page.first + 1), this.db.manager());
    const items = rows.slice(0, page.first);
    const cursors = items.map((row) => encodeWeekCursor(list, row));
    return pageOfItems(items.map(timesheetToDomain), cursors, rows.length > page.first);
  }

  /** The agency's timesheets that match; null when nothing can (an id that is not a UUID). */
  private filtered(agencyId: string, filter: TimesheetFilter): SelectQueryBuilder<TimesheetOrmEntity> | null {
    const ids = [filter.relationId, filter.flexworkerId].filter((id) => id !== undefined);
    if (!isUuid(agencyId) || !ids.every(isUuid)) return null;
    const query = this.repo().createQueryBuilder('t').where('t.agency_id = :agencyId', { agencyId });
    if (filter.week) query.andWhere('t.week_start = :week', { week: filter.week.monday.toString() });
    if (filter.weekFrom) query.andWhere('t.week_start >= :weekFrom', { weekFrom: filter.weekFrom.monday.toString() });
    if (filter.weekUpTo) query.andWhere('t.week_start <= :weekUpTo', { weekUpTo: filter.weekUpTo.monday.toString() });
    if (filter.statuses) query.andWhere('t.status = ANY(:statuses)', { statuses: [...filter.statuses] });
    if (filter.relationId !== undefined) query.andWhere('t.relation_id = :relationId', { relationId: filter.relationId });
    if (filter.flexworkerId !== undefined) query.andWhere('t.flexworker_id = :flexworkerId', { flexworkerId: filter.flexworkerId });
    if (filter.placementIds) query.andWhere('t.placement_id = ANY(:placementIds)', { placementIds: uuids(filter.placementIds) });
    if (filter.relationApprovedSince) {
      query.andWhere('(t.relation_approved_at IS NULL OR t.relation_approved_at >= :since)', { since: filter.relationApprovedSince });
    }
    if (filter.untouchedFrom) {
      query.andWhere("(t.week_start >= :untouchedFrom OR t.declaration_count > 0 OR t.days <> '[]'::jsonb)", {
        untouchedFrom: filter.untouchedFrom.monday.toString(),
      });
    }
    return query;
  }
}
