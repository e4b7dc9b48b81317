import { PlacementFilter, PlacementRepository } from '../../../application/ports/placement.repository';
import { emptyPage, invalidCursor, Page, pageOfItems, PageQuery } from '../../../application/shared/pagination';
import { Placement } from '../../../domain/placement/placement.entity';
import { DatabaseContext } from '../database-context';
import { decodeCursor, encodeCursor, isCursorDate, isUuid } from './keyset-cursor';
import { dateText, placementToDomain, placementToRow } from './placement.mapper';
import { PlacementOrmEntity } from './placement.orm-entity';
import { AgencyScopedRows } from '../agency-scoped-rows';

const LIST = 'placements';

export class TypeormPlacementRepository extends PlacementRepository {
  private readonly rows: AgencyScopedRows<PlacementOrmEntity>;

  constructor(db: DatabaseContext) {
    super();
    this.rows = new AgencyScopedRows(db, PlacementOrmEntity, 'placement');
  }

  private repo() {
    return this.rows.repo();
  }

  async findById(agencyId: string, id: string): Promise<Placement | null> {
    const row = await this.rows.findOne(agencyId, id);
    return row ? placementToDomain(row) : null;
  }

  async findByIds(agencyId: string, ids: readonly string[]): Promise<Placement[]> {
    return (await this.rows.findMany(agencyId, ids)).map(placementToDomain);
  }

  async insert(placement: Placement): Promise<void> {
    await this.rows.insert(placementToRow(placement));
  }

  async update(placement: Placement): Promise<Placement> {
    return placement.withVersion(await this.rows.updateVersioned(placementToRow(placement)));
  }

  async list(agencyId: string, filter: PlacementFilter, page: PageQuery): Promise<Page<Placement>> {
    const after = page.after === null ? null : decodeCursor(LIST, page.after, 2);
    if (after && !isCursorDate(after[0])) throw invalidCursor();
    const empty = emptyPage<Placement>();
    if (!isUuid(agencyId)) return empty;
    if ((filter.relationId !== undefined && !isUuid(filter.relationId)) || (filter.flexworkerId !== undefined && !isUuid(filter.flexworkerId))) {
      return empty;
    }
    const query = this.repo().createQueryBuilder('p').where('p.agency_id = :agencyId', { agencyId });
    if (filter.relationId !== undefined) query.andWhere('p.relation_id = :relationId', { relationId: filter.relationId });
    if (filter.flexworkerId !== undefined) query.andWhere('p.flexworker_id = :flexworkerId', { flexworkerId: filter.flexworkerId });
    if (filter.activeOn) {
      query.andWhere('p.start_date <= :day AND (p.end_date IS NULL OR p.end_date >= :day)', { day: filter.activeOn.toString() });
    }
    if (after) query.andWhere('(p.start_date, p.id) < (:afterDate, :afterId)', { afterDate: after[0], afterId: after[1] });
    const rows = await query.orderBy('p.start_date', 'DESC').addOrderBy('p.id', 'DESC').limit(page.first + 1).getMany();
    const items = rows.slice(0, page.first);
    const cursors = items.map((row) => encodeCursor(LIST, [dateText(row.startDate), row.id]));
    return pageOfItems(items.map(placementToDomain), cursors, rows.length > page.first);
  }

  async flexworkerIdsPlacedAt(agencyId: string, relationId: string, flexworkerIds: readonly string[]): Promise<Set<string>> {
    const wanted = [...new Set(flexworkerIds.filter(isUuid))];
    if (!isUuid(agencyId) || !isUuid(relationId) || wanted.length === 0) return new Set();
    const rows: { flexworker_id: string }[] = await this.repo()
      .createQueryBuilder('p')
      .select('DISTINCT p.flexworker_id', 'flexworker_id')
      .where('p.agency_id = :agencyId AND p.relation_id = :relationId AND p.flexworker_id = ANY(:ids)', { agencyId, relationId, ids: wanted })
      .getRawMany();
    return new Set(rows.map((r) => r.flexworker_id));
  }

  async relationIdsOfFlexworker(agencyId: string, flexworkerId: string): Promise<Set<string>> {
    if (!isUuid(agencyId) || !isUuid(flexworkerId)) return new Set();
    const rows: { relation_id: string }[] = await this.repo()
      .createQueryBuilder('p')
      .select('DISTINCT p.relation_id', 'relation_id')
      .where('p.agency_id = :agencyId AND p.flexworker_id = :flexworkerId', { agencyId, flexworkerId })
      .getRawMany();
    return new Set(rows.map((r) => r.relation_id));
  }

  async listByCaoSchedule(agencyId: string, caoScheduleId: string): Promise<Placement[]> {
    if (!isUuid(agencyId) || !isUuid(caoScheduleId)) return [];
    const rows = await this.repo()
      .createQueryBuilder('p')
      .where('p.agency_id = :agencyId AND p.cao_schedule_id = :caoScheduleId', { agencyId, caoScheduleId })
      .orderBy('p.id', 'ASC')
      .getMany();
    return rows.map(placementToDomain);
  }
}
