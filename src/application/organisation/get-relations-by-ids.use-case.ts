import { Relation } from '../../domain/relation/relation.entity';
import { PlacementRepository } from '../ports/placement.repository';
import { RelationRepository } from '../ports/relation.repository';
import { Actor } from '../shared/actor';
import { visibleRelations } from './relation-visibility';

export interface GetRelationsByIdsInput {
  readonly ids: readonly string[];
}

/** For a DataLoader: one entry per id, in the same order; null where not found or not visible. */
export class GetRelationsByIds {
  constructor(
    private readonly relations: RelationRepository,
    private readonly placements: PlacementRepository,
  ) {}

  async execute(actor: Actor, input: GetRelationsByIdsInput): Promise<(Relation | null)[]> {
    const found = await this.relations.findByIds(actor.agencyId, [...new Set(input.ids)]);
    const byId = new Map((await visibleRelations(actor, found, this.placements)).map((r) => [r.id, r]));
    return input.ids.map((id) => byId.get(id) ?? null);
  }
}
