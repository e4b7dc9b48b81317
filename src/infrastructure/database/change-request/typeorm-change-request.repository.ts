import { ChangeRequestFilter, ChangeRequestRepository } from '../../../application/ports/change-request.repository';
import { emptyPage, invalidCursor, Page, pageOfItems, PageQuery } from '../../../application/shared/pagination';
import { ChangeRequest } from '../../../domain/change-request/change-request.entity';
import { FieldCipher } from '../../crypto/field-cipher';
import { AgencyScopedRows } from '../agency-scoped-rows';
import { DatabaseContext } from '../database-context';
import { decodeCursor, encodeCursor, isUuid } from '../organisation/keyset-cursor';
import { changeRequestToDomain, changeRequestToRow } from './change-request.mapper';
import { ChangeRequestOrmEntity } from './change-request.orm-entity';

const LIST = 'changeRequests';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The proposed IBAN passes through the FieldCipher on its way in and out. */
export class TypeormChangeRequestRepository extends ChangeRequestRepository {
  private readonly rows: AgencyScopedRows<ChangeRequestOrmEntity>;

  constructor(
    db: DatabaseContext,
    private readonly cipher: FieldCipher,
  ) {
    super();
    this.rows = new AgencyScopedRows(db, ChangeRequestOrmEntity, 'change request');
  }

  async findById(agencyId: string, id: string): Promise<ChangeRequest | null> {
    const row = await this.rows.findOne(agencyId, id);
    return row ? changeRequestToDomain(row, this.cipher) : null;
  }

  async insert(request: ChangeRequest): Promise<void> {
    await this.rows.insert(changeRequestToRow(request, this.cipher));
  }

  async update(request: ChangeRequest): Promise<ChangeRequest> {
    return request.withVersion(await this.rows.updateVersioned(changeRequestToRow(request, this.cipher)));
  }

  async list(agencyId: string, filter: ChangeRequestFilter, page: PageQuery): Promise<Page<ChangeRequest>> {
    const after = page.after === null ? null : decodeCursor(LIST, page.after, 2);
    if (after && (!ISO.test(after[0]) || Number.isNaN(Date.parse(after[0])))) throw invalidCursor();
    if (!isUuid(agencyId) || (filter.flexworkerId !== undefined && !isUuid(filter.flexworkerId))) return emptyPage();
    const query = this.rows.repo().createQueryBuilder('r').where('r.agency_id = :agencyId', { agencyId });
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    if (filter.flexworkerId) query.andWhere('r.flexworker_id = :flexworkerId', { flexworkerId: filter.flexworkerId });
    if (after) query.andWhere('(r.created_at, r.id) < (:at::timestamptz, :id::uuid)', { at: after[0], id: after[1] });
    const rows = await query.orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'DESC').limit(page.first + 1).getMany();
    const items = rows.slice(0, page.first).map((row) => changeRequestToDomain(row, this.cipher));
    return pageOfItems(items, items.map((r) => encodeCursor(LIST, [r.createdAt.toISOString(), r.id])), rows.length > page.first);
  }
}
