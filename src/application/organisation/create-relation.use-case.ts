import { Relation, RelationDetailsInput } from '../../domain/relation/relation.entity';
import { IdGenerator } from '../ports/id-generator';
import { RelationRepository } from '../ports/relation.repository';
import { requireStaff } from '../shared/access';
import { Actor } from '../shared/actor';

export interface CreateRelationInput extends RelationDetailsInput {
  readonly name: string;
}

/** Staff register a client company of their agency. */
export class CreateRelation {
  constructor(
    private readonly relations: RelationRepository,
    private readonly ids: IdGenerator,
  ) {}

  async execute(actor: Actor, input: CreateRelationInput): Promise<Relation> {
    requireStaff(actor);
    const relation = Relation.create({ ...input, id: this.ids.next(), agencyId: actor.agencyId });
    await this.relations.insert(relation);
    return relation;
  }
}
