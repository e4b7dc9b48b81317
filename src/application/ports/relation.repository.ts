import { Relation } from '../../domain/relation/relation.entity';
import { Page, PageQuery } from '../shared/pagination';

export interface RelationFilter {
  /** Part of the name, case-insensitive. */
  readonly search?: string;
  readonly active?: boolean;
  /** Only these relations (what a contact or a worker may see). */
  readonly ids?: readonly string[];
}

/** Every method is scoped by agency: a relation of another agency is simply not found. */
export abstract class RelationRepository {
  abstract findById(agencyId: string, id: string): Promise<Relation | null>;
  /** For DataLoader: the relations found, in any order; unknown ids are left out. */
  abstract findByIds(agencyId: string, ids: readonly string[]): Promise<Relation[]>;
  abstract insert(relation: Relation): Promise<void>;
  /** Optimistic: returns the relation with the next version, or ConflictError STALE_VERSION. */
  abstract update(relation: Relation): Promise<Relation>;
  /** Ordered by name (case-insensitive), then id. */
  abstract list(agencyId: string, filter: RelationFilter, page: PageQuery): Promise<Page<Relation>>;
}
