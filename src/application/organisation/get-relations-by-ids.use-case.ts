import { Relation } from '../../domain/relation/relation.entity';
import { RelationRepository } from '../ports/relation.repository';
import { Actor } from '../shared/actor';
import { canSeeRelation } from './organisation-access';

export interface GetRelationsByIdsInput {
  readonly ids: readonly string[];
}

/** For a DataLoader: one entry per id, in the same order; null where not found or not visible. */
export class GetRelationsByIds {
  constructor(private readonly relations: RelationRepository) {}

  async execute(actor: Actor, input: GetRelationsByIdsInput): Promise<(Relation | null)[]> {
    const found = await this.relations.findByIds(actor.agencyId, [...new Set(input.ids)]);
    const byId = new Map(found.filter((r) => canSeeRelation(actor, r)).map((r) => [r.id, r]));
    return input.ids.map((id) => byId.get(id) ?? null);
  }
}
