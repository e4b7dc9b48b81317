import { Relation, RelationDetailsInput } from '../../domain/relation/relation.entity';
import { RelationRepository } from '../ports/relation.repository';
import { Actor } from '../shared/actor';
import { canSeeRelation, checkExpectedVersion, notFound, requireStaffToChange } from './organisation-access';

export interface UpdateRelationInput extends RelationDetailsInput {
  readonly id: string;
  readonly active?: boolean;
  readonly expectedVersion?: number | null;
}

/** Staff change a relation's details or (de)activate it; fields left out stay as they are. */
export class UpdateRelation {
  constructor(private readonly relations: RelationRepository) {}

  async execute(actor: Actor, input: UpdateRelationInput): Promise<Relation> {
    const relation = await this.relations.findById(actor.agencyId, input.id);
    if (!relation || !canSeeRelation(actor, relation)) throw notFound('Relation', input.id);
    requireStaffToChange(actor, 'relation');
    checkExpectedVersion(relation, input.expectedVersion);
    const { id: _id, active, expectedVersion: _version, ...details } = input;
    relation.updateDetails(details);
    if (active === true) relation.activate();
    if (active === false) relation.deactivate();
    return this.relations.update(relation);
  }
}
