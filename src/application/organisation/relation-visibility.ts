import { Relation } from '../../domain/relation/relation.entity';
import { PlacementRepository } from '../ports/placement.repository';
import { Actor } from '../shared/actor';
import { canSeeRelation } from './organisation-access';

/**
 * Of these relations, the ones the actor may see: staff all, a contact their own, and a worker
 * those where they are or were placed (they work there: its name and contact details are theirs
 * to know). One query for a worker, none otherwise.
 */
export async function visibleRelations(
  actor: Actor,
  relations: readonly Relation[],
  placements: PlacementRepository,
): Promise<Relation[]> {
  if (actor.role === 'FLEXWORKER' && actor.flexworkerId) {
    if (relations.length === 0) return [];
    const mine = await placements.relationIdsOfFlexworker(actor.agencyId, actor.flexworkerId);
    return relations.filter((r) => mine.has(r.id));
  }
  return relations.filter((r) => canSeeRelation(actor, r));
}
