import { RelationFilter, RelationRepository } from '../../../application/ports/relation.repository';
import { emptyPage, Page, pageOfItems, PageQuery } from '../../../application/shared/pagination';
import { Relation } from '../../../domain/relation/relation.entity';
import { DatabaseContext } from '../database-context';
import { containsPattern, decodeCursor, encodeCursor, isUuid } from './keyset-cursor';
import { relationToDomain, relationToRow } from './relation.mapper';
import { RelationOrmEntity } from './relation.orm-entity';
import { stale } from './typeorm-agency.repository';

const LIST = 'relations';

export class TypeormRelationRepository extends RelationRepository {
  constructor(private readonly db: DatabaseContext) {
    super();
  }

  private repo() {
    return this.db.manager().getRepository(RelationOrmEntity);
  }

  async findById(agencyId: string, id: string): Promise<Relation | null> {
    if (!isUuid(agencyId) || !isUuid(id)) return null;
    const row = await this.repo().findOneBy({ agencyId, id });
    return row ? relationToDomain(row) : null;
  }

  async findByIds(agencyId: string, ids: readonly string[]): Promise<Relation[]> {
    const wanted = [...new Set(ids.filter(isUuid))];
    if (!isUuid(agencyId) || wanted.length === 0) return [];
    const rows = await this.repo()
      .createQueryBuilder('r')
      .where('r.agency_id = :agencyId AND r.id = ANY(:ids)', { agencyId, ids: wanted })
      .getMany();
    return rows.map(relationToDomain);
  }

  async insert(relation: Relation): Promise<void> {
    await this.repo().insert(relationToRow(relation));
  }

  async update(relation: Relation): Promise<Relation> {
    const { id, agencyId, version, createdAt: _c, updatedAt: _u, ...fields } = relationToRow(relation);
    const result = await this.repo()
      .createQueryBuilder()
      .update()
      .set({ ...fields, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND agency_id = :agencyId AND version = :version', { id, agencyId, version })
      .execute();
    if (result.affected !== 1) throw stale('relation');
    return relation.withVersion(version + 1);
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
