import { Placement } from '../../domain/placement/placement.entity';
import { LocalDate } from '../../domain/time/local-date.value-object';
import { Page, PageQuery } from '../shared/pagination';

export interface PlacementFilter {
  /** Only placements whose period contains this date. */
  readonly activeOn?: LocalDate;
  readonly relationId?: string;
  readonly flexworkerId?: string;
}

/** Every method is scoped by agency: a placement of another agency is simply not found. */
export abstract class PlacementRepository {
  abstract findById(agencyId: string, id: string): Promise<Placement | null>;
  /** For DataLoader: the placements found, in any order; unknown ids are left out. */
  abstract findByIds(agencyId: string, ids: readonly string[]): Promise<Placement[]>;
  abstract insert(placement: Placement): Promise<void>;
  /** Optimistic: returns the placement with the next version, or ConflictError STALE_VERSION. */
  abstract update(placement: Placement): Promise<Placement>;
  /** Ordered by start date, latest first, then by id, descending too. */
  abstract list(agencyId: string, filter: PlacementFilter, page: PageQuery): Promise<Page<Placement>>;
  /** Of `flexworkerIds`, those ever placed at the relation (what a relation contact may see the name of). */
  abstract flexworkerIdsPlacedAt(agencyId: string, relationId: string, flexworkerIds: readonly string[]): Promise<Set<string>>;
  /** The relations where the worker is or was placed (what a worker may see of relations). */
  abstract relationIdsOfFlexworker(agencyId: string, flexworkerId: string): Promise<Set<string>>;
  /** Every placement whose hours this CAO schedule unravels (any period), by id; in one query. */
  abstract listByCaoSchedule(agencyId: string, caoScheduleId: string): Promise<Placement[]>;
}
