import { Relation } from '../../domain/relation/relation.entity';
import { RelationRepository } from '../ports/relation.repository';
import { Actor } from '../shared/actor';
import { canSeeRelation, notFound } from './organisation-access';

export interface GetRelationInput {
  readonly id: string;
}

/** Staff read any relation of their agency; a relation contact reads their own. */
export class GetRelation {
  constructor(private readonly relations: RelationRepository) {}

  async execute(actor: Actor, input: GetRelationInput): Promise<Relation> {
    const relation = await this.relations.findById(actor.agencyId, input.id);
    if (!relation || !canSeeRelation(actor, relation)) throw notFound('Relation', input.id);
    return relation;
  }
}
