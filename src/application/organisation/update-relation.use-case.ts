import { Relation, RelationDetailsInput } from '../../domain/relation/relation.entity';
import { PlacementRepository } from '../ports/placement.repository';
import { RelationRepository } from '../ports/relation.repository';
import { Actor } from '../shared/actor';
import { checkExpectedVersion, notFound, requireStaffToChange } from './organisation-access';
import { visibleRelations } from './relation-visibility';

export interface UpdateRelationInput extends RelationDetailsInput {
  readonly id: string;
  readonly active?: boolean;
  readonly expectedVersion?: number | null;
}

/**
 * Staff change a relation's details or (de)activate it; fields left out stay as they are. Anyone
 * else who may see the relation (its contact, a worker placed there) is refused for the role;
 * for the others it does not exist.
 */
export class UpdateRelation {
  constructor(
    private readonly relations: RelationRepository,
    private readonly placements: PlacementRepository,
  ) {}

  async execute(actor: Actor, input: UpdateRelationInput): Promise<Relation> {
    const relation = await this.relations.findById(actor.agencyId, input.id);
    const [visible] = relation ? await visibleRelations(actor, [relation], this.placements) : [];
    if (!relation || !visible) throw notFound('Relation', input.id);
    requireStaffToChange(actor, 'relation');
    checkExpectedVersion(relation, input.expectedVersion);
    const { id: _id, active, expectedVersion: _version, ...details } = input;
    relation.updateDetails(details);
    if (active === true) relation.activate();
    if (active === false) relation.deactivate();
    return this.relations.update(relation);
  }
}
