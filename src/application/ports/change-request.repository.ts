import { ChangeRequest, ChangeRequestStatus } from '../../domain/change-request/change-request.entity';
import { Page, PageQuery } from '../shared/pagination';

export interface ChangeRequestFilter {
  readonly status?: ChangeRequestStatus;
  readonly flexworkerId?: string;
}

/** Every method is scoped by agency: a request of another agency is simply not found. */
export abstract class ChangeRequestRepository {
  abstract findById(agencyId: string, id: string): Promise<ChangeRequest | null>;
  abstract insert(request: ChangeRequest): Promise<void>;
  /** Optimistic: returns the request with the next version, or ConflictError STALE_VERSION. */
  abstract update(request: ChangeRequest): Promise<ChangeRequest>;
  /** Newest first. */
  abstract list(agencyId: string, filter: ChangeRequestFilter, page: PageQuery): Promise<Page<ChangeRequest>>;
}
