import { Flexworker } from '../../domain/flexworker/flexworker.entity';
import { Page, PageQuery } from '../shared/pagination';

export interface FlexworkerFilter {
  /** Part of the first name, last name or e-mail address, case-insensitive. */
  readonly search?: string;
  /** Exactly this payroll number (as stored, case-sensitive). */
  readonly payrollNumber?: string;
}

/** Every method is scoped by agency: a worker of another agency is simply not found. */
export abstract class FlexworkerRepository {
  abstract findById(agencyId: string, id: string): Promise<Flexworker | null>;
  /** For DataLoader: the workers found, in any order; unknown ids are left out. */
  abstract findByIds(agencyId: string, ids: readonly string[]): Promise<Flexworker[]>;
  /** A second worker with the same e-mail in the agency: ConflictError EMAIL_TAKEN (field `email`);
   *  with the same payroll number: ConflictError PAYROLL_NUMBER_TAKEN (field `payrollNumber`). */
  abstract insert(flexworker: Flexworker): Promise<void>;
  /** Optimistic: returns the worker with the next version, or ConflictError STALE_VERSION;
   *  an e-mail or payroll number already in use: ConflictError EMAIL_TAKEN or PAYROLL_NUMBER_TAKEN. */
  abstract update(flexworker: Flexworker): Promise<Flexworker>;
  /** Ordered by last name, first name (case-insensitive), then id. */
  abstract list(agencyId: string, filter: FlexworkerFilter, page: PageQuery): Promise<Page<Flexworker>>;
  /**
   * The full (decrypted) BSN of each worker of `ids` found in the agency, null where none is
   * registered; unknown ids are left out. Only for callers that decided the reader may have it
   * (application/organisation/payroll-bsn.ts): everyone else sees the BSN masked.
   */
  abstract findBsnsByIds(agencyId: string, ids: readonly string[]): Promise<Map<string, string | null>>;
}
