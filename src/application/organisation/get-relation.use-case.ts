import { Relation } from '../../domain/relation/relation.entity';
import { PlacementRepository } from '../ports/placement.repository';
import { RelationRepository } from '../ports/relation.repository';
import { Actor } from '../shared/actor';
import { notFound } from './organisation-access';
import { visibleRelations } from './relation-visibility';

export interface GetRelationInput {
  readonly id: string;
}

/** Staff read any relation of their agency; a contact their own; a worker those where they work. */
export class GetRelation {
  constructor(
    private readonly relations: RelationRepository,
    private readonly placements: PlacementRepository,
  ) {}

  async execute(actor: Actor, input: GetRelationInput): Promise<Relation> {
    const relation = await this.relations.findById(actor.agencyId, input.id);
    const [visible] = relation ? await visibleRelations(actor, [relation], this.placements) : [];
    if (!visible) throw notFound('Relation', input.id);
    return visible;
  }
}
