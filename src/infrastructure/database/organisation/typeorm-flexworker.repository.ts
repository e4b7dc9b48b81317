import { FlexworkerFilter, FlexworkerRepository } from '../../../application/ports/flexworker.repository';
import { emptyPage, Page, pageOfItems, PageQuery } from '../../../application/shared/pagination';
import { Flexworker } from '../../../domain/flexworker/flexworker.entity';
import { ConflictError } from '../../../domain/shared/domain-error';
import { FieldCipher } from '../../crypto/field-cipher';
import { DatabaseContext } from '../database-context';
import { isUniqueViolation } from '../postgres-errors';
import { bsnContext, flexworkerToDomain, flexworkerToRow } from './flexworker.mapper';
import { FlexworkerOrmEntity } from './flexworker.orm-entity';
import { containsPattern, decodeCursor, encodeCursor, isUuid } from './keyset-cursor';
import { AgencyScopedRows } from '../agency-scoped-rows';

const LIST = 'flexworkers';
const EMAIL_CONSTRAINT = 'flexworkers_agency_email_key';
const PAYROLL_NUMBER_CONSTRAINT = 'flexworkers_agency_payroll_number_key';

/** BSN and IBAN pass through the FieldCipher on their way in and out. */
export class TypeormFlexworkerRepository extends FlexworkerRepository {
  private readonly rows: AgencyScopedRows<FlexworkerOrmEntity>;

  constructor(
    db: DatabaseContext,
    private readonly cipher: FieldCipher,
  ) {
    super();
    this.rows = new AgencyScopedRows(db, FlexworkerOrmEntity, 'flexworker');
  }

  private repo() {
    return this.rows.repo();
  }

  private toDomain = (row: FlexworkerOrmEntity): Flexworker => flexworkerToDomain(row, this.cipher);

  async findById(agencyId: string, id: string): Promise<Flexworker | null> {
    const row = await this.rows.findOne(agencyId, id);
    return row ? this.toDomain(row) : null;
  }

  async findByIds(agencyId: string, ids: readonly string[]): Promise<Flexworker[]> {
    return (await this.rows.findMany(agencyId, ids)).map(this.toDomain);
  }

  async insert(flexworker: Flexworker): Promise<void> {
    await this.rows.insert(flexworkerToRow(flexworker, this.cipher)).catch((error) => Promise.reject(translate(error)));
  }

  async update(flexworker: Flexworker): Promise<Flexworker> {
    const row = flexworkerToRow(flexworker, this.cipher);
    const version = await this.rows.updateVersioned(row).catch((error) => Promise.reject(translate(error)));
    return flexworker.withVersion(version);
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
    if (filter.payrollNumber !== undefined) {
      query.andWhere('w.payroll_number = :payrollNumber', { payrollNumber: filter.payrollNumber });
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

  async findBsnsByIds(agencyId: string, ids: readonly string[]): Promise<Map<string, string | null>> {
    const wanted = [...new Set(ids.filter(isUuid))];
    if (!isUuid(agencyId) || wanted.length === 0) return new Map();
    const rows = await this.repo()
      .createQueryBuilder('w')
      .select(['w.id', 'w.bsnEncrypted'])
      .where('w.agency_id = :agencyId AND w.id = ANY(:ids)', { agencyId, ids: wanted })
      .getMany();
    return new Map(rows.map((row) => [row.id, row.bsnEncrypted === null ? null : this.cipher.decrypt(row.bsnEncrypted, bsnContext(row.id))]));
  }
}

function translate(error: unknown): unknown {
  if (isUniqueViolation(error, EMAIL_CONSTRAINT)) {
    return new ConflictError('EMAIL_TAKEN', 'This e-mail address is already in use at this agency', { field: 'email' });
  }
  if (isUniqueViolation(error, PAYROLL_NUMBER_CONSTRAINT)) {
    return new ConflictError('PAYROLL_NUMBER_TAKEN', 'Another worker of this agency has this payroll number', { field: 'payrollNumber' });
  }
  return error;
}
