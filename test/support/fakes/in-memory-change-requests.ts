import { ChangeRequestFilter, ChangeRequestRepository } from '../../../src/application/ports/change-request.repository';
import { Page, PageQuery } from '../../../src/application/shared/pagination';
import { ChangeRequest } from '../../../src/domain/change-request/change-request.entity';
import { ConflictError } from '../../../src/domain/shared/domain-error';
import { mapParticipant, TransactionParticipant } from './fake-unit-of-work';
import { pageOf } from './in-memory-pages';

/** The in-memory ChangeRequestRepository: copies in and out, optimistic versions, newest first, scoped by agency. */
export class InMemoryChangeRequestRepository extends ChangeRequestRepository implements TransactionParticipant {
  readonly rows = new Map<string, ChangeRequest>();

  async findById(agencyId: string, id: string): Promise<ChangeRequest | null> {
    const row = this.rows.get(id);
    return row && row.agencyId === agencyId ? copy(row) : null;
  }

  async insert(request: ChangeRequest): Promise<void> {
    if (this.rows.has(request.id)) throw new Error(`duplicate key: change request ${request.id}`);
    this.rows.set(request.id, copy(request));
  }

  async update(request: ChangeRequest): Promise<ChangeRequest> {
    const stored = this.rows.get(request.id);
    if (!stored || stored.agencyId !== request.agencyId || stored.version !== request.version) {
      throw new ConflictError('STALE_VERSION', 'This change request was changed by someone else in the meantime');
    }
    const next = request.withVersion(request.version + 1);
    this.rows.set(request.id, copy(next));
    return copy(next);
  }

  async list(agencyId: string, filter: ChangeRequestFilter, page: PageQuery): Promise<Page<ChangeRequest>> {
    const items = [...this.rows.values()].filter(
      (r) => r.agencyId === agencyId && (!filter.status || r.status === filter.status) && (!filter.flexworkerId || r.flexworkerId === filter.flexworkerId),
    );
    return pageOf({ list: 'changeRequests', key: (r: ChangeRequest) => [r.createdAt.toISOString()], size: 1, order: 'DESC' }, items.map(copy), page);
  }

  snapshot(): () => void {
    return mapParticipant(this.rows).snapshot();
  }
}

function copy(request: ChangeRequest): ChangeRequest {
  return ChangeRequest.rehydrate(request.toState());
}
