import { FlexworkerFilter, FlexworkerRepository } from '../../../application/ports/flexworker.repository';
import { emptyPage, Page, pageOfItems, PageQuery } from '../../../application/shared/pagination';
import { Flexworker } from '../../../domain/flexworker/flexworker.entity';
import { ConflictError } from '../../../domain/shared/domain-error';
import { FieldCipher } from '../../crypto/field-cipher';
import { DatabaseContext } from '../database-context';
import { isUniqueViolation } from '../postgres-errors';
import { flexworkerToDomain, flexworkerToRow } from './flexworker.mapper';
import { FlexworkerOrmEntity } from './flexworker.orm-entity';
import { containsPattern, decodeCursor, encodeCursor, isUuid } from './keyset-cursor';
import { stale } from './typeorm-agency.repository';

const LIST = 'flexworkers';
const EMAIL_CONSTRAINT = 'flexworkers_agency_email_key';

/** BSN and IBAN pass through the FieldCipher on their way in and out. */
export class TypeormFlexworkerRepository extends FlexworkerRepository {
  constructor(
    private readonly db: DatabaseContext,
    private readonly cipher: FieldCipher,
  ) {
    super();
  }

  private repo() {
    return this.db.manager().getRepository(FlexworkerOrmEntity);
  }

  private toDomain = (row: FlexworkerOrmEntity): Flexworker => flexworkerToDomain(row, this.cipher);

  async findById(agencyId: string, id: string): Promise<Flexworker | null> {
    if (!isUuid(agencyId) || !isUuid(id)) return null;
    const row = await this.repo().findOneBy({ agencyId, id });
    return row ? this.toDomain(row) : null;
  }

  async findByIds(agencyId: string, ids: readonly string[]): Promise<Flexworker[]> {
    const wanted = [...new Set(ids.filter(isUuid))];
    if (!isUuid(agencyId) || wanted.length === 0) return [];
    const rows = await this.repo()
      .createQueryBuilder('w')
      .where('w.agency_id = :agencyId AND w.id = ANY(:ids)', { agencyId, ids: wanted })
      .getMany();
    return rows.map(this.toDomain);
  }

  async insert(flexworker: Flexworker): Promise<void> {
    try {
      await this.repo().insert(flexworkerToRow(flexworker, this.cipher));
    } catch (error) {
      throw translate(error);
    }
  }

  async update(flexworker: Flexworker): Promise<Flexworker> {
    const { id, agencyId, version, createdAt: _c, updatedAt: _u, ...fields } = flexworkerToRow(flexworker, this.cipher);
    let affected: number | undefined;
    try {
      const result = await this.repo()
        .createQueryBuilder()
        .update()
        .set({ ...fields, version: () => 'version + 1', updatedAt: () => 'now()' })
        .where('id = :id AND agency_id = :agencyId AND version = :version', { id, agencyId, version })
        .execute();
      affected = result.affected ?? undefined;
    } catch (error) {
      throw translate(error);
    }
    if (affected !== 1) throw stale('flexworker');
    return flexworker.withVersion(version + 1);
  }

  async list(agencyId: string, filter: FlexworkerFilter, page: PageQuery): Promise<Page<Flexworker>> {
    const after = page.after === null ? null : decodeCursor(LIST, page.after, 3);
    if (!isUuid(agencyId)) return emptyPage();
    const query = this.repo()
      .createQueryBuilder('w')
      .addSelect('lower(w.last_name)', 'sort_last')
      .addSelect('lower(w.first_name)', 'sort_first')
      .where('w.agency_id = :agencyId', { agencyId });
    if (filter.search) {
      query.andWhere(`(w.first_name ILIKE :pattern ESCAPE '\\' OR w.last_name ILIKE :pattern ESCAPE '\\' OR w.email ILIKE :pattern ESCAPE '\\')`, {
        pattern: containsPattern(filter.search),
      });
    }
    if (after) {
      query.andWhere('(lower(w.last_name), lower(w.first_name), w.id) > (:afterLast, :afterFirst, :afterId)', {
        afterLast: after[0],
        afterFirst: after[1],
        afterId: after[2],
      });
    }
    const { entities, raw } = await query
      .orderBy('lower(w.last_name)', 'ASC')
      .addOrderBy('lower(w.first_name)', 'ASC')
      .addOrderBy('w.id', 'ASC')
      .limit(page.first + 1)
      .getRawAndEntities<{ sort_last: string; sort_first: string; w_id: string }>();
    const items = entities.slice(0, page.first);
    const cursors = raw.slice(0, items.length).map((r) => encodeCursor(LIST, [r.sort_last, r.sort_first, r.w_id]));
    return pageOfItems(items.map(this.toDomain), cursors, entities.length > page.first);
  }
}

function translate(error: unknown): unknown {
  if (isUniqueViolation(error, EMAIL_CONSTRAINT)) {
    return new ConflictError('EMAIL_TAKEN', 'This e-mail address is already in use at this agency', { field: 'email' });
  }
  return error;
}
