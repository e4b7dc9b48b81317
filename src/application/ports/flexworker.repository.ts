import { Flexworker } from '../../domain/flexworker/flexworker.entity';
import { Page, PageQuery } from '../shared/pagination';

export interface FlexworkerFilter {
  /** Part of the first name, last name or e-mail address, case-insensitive. */
  readonly search?: string;
}

/** Every method is scoped by agency: a worker of another agency is simply not found. */
export abstract class FlexworkerRepository {
  abstract findById(agencyId: string, id: string): Promise<Flexworker | null>;
  /** For DataLoader: the workers found, in any order; unknown ids are left out. */
  abstract findByIds(agencyId: string, ids: readonly string[]): Promise<Flexworker[]>;
  /** A second worker with the same e-mail in the agency: ConflictError EMAIL_TAKEN (field `email`). */
  abstract insert(flexworker: Flexworker): Promise<void>;
  /** Optimistic: returns the worker with the next version, or ConflictError STALE_VERSION;
   *  an e-mail already in use: ConflictError EMAIL_TAKEN. */
  abstract update(flexworker: Flexworker): Promise<Flexworker>;
  /** Ordered by last name, first name (case-insensitive), then id. */
  abstract list(agencyId: string, filter: FlexworkerFilter, page: PageQuery): Promise<Page<Flexworker>>;
}
