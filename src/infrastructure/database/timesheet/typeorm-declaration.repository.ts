import { SelectQueryBuilder } from 'typeorm';
import { DeclarationFilter, DeclarationRepository } from '../../../application/ports/declaration.repository';
import { emptyPage, invalidCursor, Page, pageOfItems, PageQuery } from '../../../application/shared/pagination';
import { ConflictError } from '../../../domain/shared/domain-error';
import { Declaration } from '../../../domain/timesheet/declaration.entity';
import { HoursBreakdown } from '../../../domain/timesheet/hours-breakdown';
import { IsoWeek } from '../../../domain/time/iso-week.value-object';
import { AgencyScopedRows, stale } from '../agency-scoped-rows';
import { DatabaseContext } from '../database-context';
import { FrozenMemo } from '../frozen-memo';
import { RawRows } from '../raw-rows';
import { decodeCursor, encodeCursor, isCursorDate, isUuid } from '../organisation/keyset-cursor';
import { dateText } from '../organisation/placement.mapper';
import { isUniqueViolation } from '../postgres-errors';
import { declarationToDomain, declarationToRow } from './declaration.mapper';
import { DeclarationOrmEntity } from './declaration.orm-entity';
import { uuids } from './week-keyset';

const LIST = 'declarations';
const NUMBER_CONSTRAINT = 'declarations_timesheet_number_key';

/**
 * Declarations are inserted once; afterwards only their stamps are stored (the database refuses
 * any other change, and every delete, by a trigger).
 */
export class TypeormDeclarationRepository extends DeclarationRepository {
  private readonly rows: AgencyScopedRows<DeclarationOrmEntity>;
  /** The approval inbox's page and the reads by ids in SQL made once (RawRows). */
  private readonly listed: RawRows<DeclarationOrmEntity>;
  /** Breakdowns already read, by declaration id (they never change). */
  private readonly breakdowns = new FrozenMemo<HoursBreakdown>(MAX_BREAKDOWNS);

  constructor(private readonly db: DatabaseContext) {
    super();
    this.rows = new AgencyScopedRows(db, DeclarationOrmEntity, 'declaration');
    this.listed = new RawRows(db.dataSource, DeclarationOrmEntity, 'd');
  }

  private repo() {
    return this.rows.repo();
  }

  async findById(agencyId: string, id: string): Promise<Declaration | null> {
    const row = await this.rows.findOne(agencyId, id);
    return row ? declarationToDomain(row) : null;
  }

  /**
   * Every list of weeks reads the current declarations through here. A declaration's breakdown is
   * never changed once inserted (a trigger refuses it), so the ones this process has read are
   * kept, frozen, by declaration id, and PostgreSQL is asked to leave them out of the answer: no
   * sending and parsing of the same large JSON again (issue 14: it was a third of the overview's
   * CPU with the garbage it left). Everything else of the row is read every time.
   */
  async findByIds(agencyId: string, ids: readonly string[]): Promise<Declaration[]> {
    const wanted = uuids(ids);
    if (!isUuid(agencyId) || wanted.length === 0) return [];
    const known = wanted.filter((id) => this.breakdowns.has(id));
    const select = this.listed.selectWith({ breakdown: 'CASE WHEN "d"."id" = ANY($3::uuid[]) THEN NULL ELSE "d"."breakdown" END' });
    const rows = await this.listed.all(this.db.manager(), `SELECT ${select} FROM ${this.listed.from} WHERE "d"."agency_id" = $1 AND "d"."id" = ANY($2::uuid[])`, [agencyId, wanted, known]);
    return rows.map((row) => {
      const kept = row.breakdown === null ? this.breakdowns.get(row.id) : undefined;
      if (kept) row.breakdown = kept;
      else this.breakdowns.keep(row.id, row.breakdown);
      return declarationToDomain(row);
    });
  }

  async insert(declaration: Declaration): Promise<void> {
    await this.rows.insert(declarationToRow(declaration)).catch((error) => Promise.reject(translate(error)));
  }

  async update(declaration: Declaration): Promise<Declaration> {
    const row = declarationToRow(declaration);
    const { id, agencyId, version } = row;
    const result = await this.repo()
      .createQueryBuilder()
      .update()
      .set({
        status: row.status,
        relationApprovedAt: row.relationApprovedAt,
        relationApprovedBy: row.relationApprovedBy,
        rejectedAt: row.rejectedAt,
        rejectedBy: row.rejectedBy,
        rejectionReason: row.rejectionReason,
        supersededAt: row.supersededAt,
        supersededBy: row.supersededBy,
        version: () => 'version + 1',
      })
      .where('id = :id AND agency_id = :agencyId AND version = :version', { id, agencyId, version })
      .execute();
    if (result.affected !== 1) throw stale('declaration');
    return declaration.withVersion(version + 1);
  }

  async listByTimesheet(agencyId: string, timesheetId: string): Promise<Declaration[]> {
    return this.listByTimesheets(agencyId, [timesheetId]);
  }

  async listByTimesheets(agencyId: string, timesheetIds: readonly string[]): Promise<Declaration[]> {
    const wanted = uuids(timesheetIds);
    if (!isUuid(agencyId) || wanted.length === 0) return [];
    const rows = await this.repo()
      .createQueryBuilder('d')
      .where('d.agency_id = :agencyId AND d.timesheet_id = ANY(:ids)', { agencyId, ids: wanted })
      .orderBy('d.timesheet_id', 'ASC')
      .addOrderBy('d.number', 'ASC')
      .getMany();
    return rows.map(declarationToDomain);
  }

  async listLatestOfPlacements(agencyId: string, placementIds: readonly string[], weekFrom: IsoWeek, weekUpTo: IsoWeek): Promise<Declaration[]> {
    const wanted = uuids(placementIds);
    if (!isUuid(agencyId) || wanted.length === 0) return [];
    // DISTINCT ON keeps the first row per timesheet in the order: its highest number.
    const rows = await this.repo()
      .createQueryBuilder('d')
      .distinctOn(['d.placement_id', 'd.week_start', 'd.timesheet_id'])
      .where('d.agency_id = :agencyId AND d.placement_id = ANY(:ids)', { agencyId, ids: wanted })
      .andWhere('d.week_start BETWEEN :from AND :upTo', { from: weekFrom.monday.toString(), upTo: weekUpTo.monday.toString() })
      .orderBy('d.placement_id', 'ASC')
      .addOrderBy('d.week_start', 'ASC')
      .addOrderBy('d.timesheet_id', 'ASC')
      .addOrderBy('d.number', 'DESC')
      .getMany();
    return rows.map(declarationToDomain);
  }

  /** Oldest week first; within a week by timesheet, and a timesheet's versions by number (1, 2, 3 …). */
  async list(agencyId: string, filter: DeclarationFilter, page: PageQuery): Promise<Page<Declaration>> {
    const after = decodeListCursor(page.after);
    const query = this.filtered(agencyId, filter);
    if (!query) return emptyPage();
    if (after) {
      query.andWhere('(d.week_start, d.timesheet_id, d.number) > (:afterDate, :afterTimesheet, :afterNumber)', {
        afterDate: after.weekStart,
        afterTimesheet: after.timesheetId,
        afterNumber: after.number,
      });
    }
    const rows = await this.listed.many(query.orderBy('d.week_start', 'ASC').addOrderBy('d.timesheet_id', 'ASC').addOrderBy('d.number', 'ASC').limit(page.first + 1), this.db.manager());
    const items = rows.slice(0, page.first);
    const cursors = items.map((row) => encodeCursor(LIST, [dateText(row.weekStart), String(row.number), row.timesheetId]));
    return pageOfItems(items.map(declarationToDomain), cursors, rows.length > page.first);
  }

  /** The agency's declarations that match; null when nothing can (an id that is not a UUID). */
  private filtered(agencyId: string, filter: DeclarationFilter): SelectQueryBuilder<DeclarationOrmEntity> | null {
    const ids = [filter.relationId, filter.flexworkerId, filter.timesheetId].filter((id) => id !== undefined);
    if (!isUuid(agencyId) || !ids.every(isUuid)) return null;
    const query = this.repo().createQueryBuilder('d').where('d.agency_id = :agencyId', { agencyId });
    if (filter.week) query.andWhere('d.week_start = :week', { week: filter.week.monday.toString() });
    if (filter.statuses) query.andWhere('d.status = ANY(:statuses)', { statuses: [...filter.statuses] });
    if (filter.relationId !== undefined) query.andWhere('d.relation_id = :relationId', { relationId: filter.relationId });
    if (filter.flexworkerId !== undefined) query.andWhere('d.flexworker_id = :flexworkerId', { flexworkerId: filter.flexworkerId });
    if (filter.timesheetId !== undefined) query.andWhere('d.timesheet_id = :timesheetId', { timesheetId: filter.timesheetId });
    return query;
  }
}

/** CURSOR_INVALID for a cursor of another list, or one without a date, a timesheet id and a number. */
function decodeListCursor(cursor: string | null): { weekStart: string; timesheetId: string; number: number } | null {
  if (cursor === null) return null;
  const [weekStart, number, timesheetId] = decodeCursor(LIST, cursor, 3);
  if (!isCursorDate(weekStart) || !isUuid(timesheetId) || !/^\d{1,9}$/.test(number)) throw invalidCursor();
  return { weekStart, timesheetId, number: Number(number) };
}

/** Two approvals of one week at the same moment: the second finds its number taken. */
function translate(error: unknown): unknown {
  if (isUniqueViolation(error, NUMBER_CONSTRAINT)) {
    return new ConflictError('STALE_VERSION', 'Someone else approved this week at the same moment; load it again', { entity: 'timesheet' });
  }
  return error;
}

/** Breakdowns one process keeps (a week's is some 10 to 30 KB in memory). */
const MAX_BREAKDOWNS = 2_000;
