import { Relation } from '../../domain/relation/relation.entity';
import { PlacementRepository } from '../ports/placement.repository';
import { RelationRepository } from '../ports/relation.repository';
import { requireRole } from '../shared/access';
import { Actor } from '../shared/actor';
import { Page, pageQuery, PageRequest } from '../shared/pagination';
import { searchText } from './search-text';

export interface ListRelationsInput extends PageRequest {
  readonly search?: string | null;
  readonly active?: boolean | null;
}

/**
 * Relations by name: staff page through all of their agency's; a contact sees their own; a worker
 * those where they are or were placed.
 */
export class ListRelations {
  constructor(
    private readonly relations: RelationRepository,
    private readonly placements: PlacementRepository,
  ) {}

  async execute(actor: Actor, input: ListRelationsInput = {}): Promise<Page<Relation>> {
    requireRole(actor, 'AGENCY_STAFF', 'RELATION_CONTACT', 'FLEXWORKER', 'PAYROLL');
    const page = pageQuery(input);
    const search = searchText(input.search);
    const ids = await this.visibleIds(actor);
    return this.relations.list(actor.agencyId, { search, active: input.active ?? undefined, ids }, page);
  }

  private async visibleIds(actor: Actor): Promise<readonly string[] | undefined> {
    if (actor.role === 'RELATION_CONTACT') return actor.relationId ? [actor.relationId] : [];
    if (actor.role === 'FLEXWORKER') {
      return actor.flexworkerId ? [...(await this.placements.relationIdsOfFlexworker(actor.agencyId, actor.flexworkerId))] : [];
    }
    return undefined;
  }
}

