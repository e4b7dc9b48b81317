import { RelationFilter, RelationRepository } from '../../../application/ports/relation.repository';
import { emptyPage, Page, pageOfItems, PageQuery } from '../../../application/shared/pagination';
import { Relation } from '../../../domain/relation/relation.entity';
import { DatabaseContext } from '../database-context';
import { containsPattern, decodeCursor, encodeCursor, isUuid } from './keyset-cursor';
import { relationToDomain, relationToRow } from './relation.mapper';
import { RelationOrmEntity } from './relation.orm-entity';
import { AgencyScopedRows } from '../agency-scoped-rows';

const LIST = 'relations';

export class TypeormRelationRepository extends RelationRepository {
  private readonly rows: AgencyScopedRows<RelationOrmEntity>;

  constructor(db: DatabaseContext) {
    super();
    this.rows = new AgencyScopedRows(db, RelationOrmEntity, 'relation');
  }

  private repo() {
    return this.rows.repo();
  }

  async findById(agencyId: string, id: string): Promise<Relation | null> {
    const row = await this.rows.findOne(agencyId, id);
    return row ? relationToDomain(row) : null;
  }

  async findByIds(agencyId: string, ids: readonly string[]): Promise<Relation[]> {
    return (await this.rows.findMany(agencyId, ids)).map(relationToDomain);
  }

  async insert(relation: Relation): Promise<void> {
    await this.rows.insert(relationToRow(relation));
  }

  async update(relation: Relation): Promise<Relation> {
    return relation.withVersion(await this.rows.updateVersioned(relationToRow(relation)));
  }

  async list(agencyId: string, filter: RelationFilter, page: PageQuery): Promise<Page<Relation>> {
    const after = page.after === null ? null : decodeCursor(LIST, page.after, 2);
    if (!isUuid(agencyId)) return emptyPage();
    const query = this.repo()
      .createQueryBuilder('r')
      .addSelect('lower(r.name)', 'sort_name')
      .where('r.agency_id = :agencyId', { agencyId });
    if (filter.active !== undefined) query.andWhere('r.active = :active', { active: filter.active });
    if (filter.ids) query.andWhere('r.id = ANY(:ids)', { ids: filter.ids.filter(isUuid) });
    if (filter.search) query.andWhere(`r.name ILIKE :pattern ESCAPE '\\'`, { pattern: containsPattern(filter.search) });
    if (after) query.andWhere('(lower(r.name), r.id) > (:afterName, :afterId)', { afterName: after[0], afterId: after[1] });
    const { entities, raw } = await query
      .orderBy('lower(r.name)', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(page.first + 1)
      .getRawAndEntities<{ sort_name: string; r_id: string }>();
    const items = entities.slice(0, page.first);
    const cursors = raw.slice(0, items.length).map((r) => encodeCursor(LIST, [r.sort_name, r.r_id]));
    return pageOfItems(items.map(relationToDomain), cursors, entities.length > page.first);
  }
}
