import { Placement, PlacementSettingsInput } from '../../domain/placement/placement.entity';
import { ValidationError } from '../../domain/shared/domain-error';
import { FlexworkerRepository } from '../ports/flexworker.repository';
import { IdGenerator } from '../ports/id-generator';
import { PlacementRepository } from '../ports/placement.repository';
import { RelationRepository } from '../ports/relation.repository';
import { requireStaff } from '../shared/access';
import { Actor } from '../shared/actor';
import { notFound } from './organisation-access';

export interface CreatePlacementInput extends PlacementSettingsInput {
  readonly flexworkerId: string;
  readonly relationId: string;
  readonly startDate: string;
  readonly functionName: string;
}

/** Staff place a worker of their agency at an active relation of their agency. */
export class CreatePlacement {
  constructor(
    private readonly placements: PlacementRepository,
    private readonly flexworkers: FlexworkerRepository,
    private readonly relations: RelationRepository,
    private readonly ids: IdGenerator,
  ) {}

  async execute(actor: Actor, input: CreatePlacementInput): Promise<Placement> {
    requireStaff(actor);
    const placement = Placement.create({ ...input, id: this.ids.next(), agencyId: actor.agencyId });
    const [flexworker, relation] = await Promise.all([
      this.flexworkers.findById(actor.agencyId, placement.flexworkerId),
      this.relations.findById(actor.agencyId, placement.relationId),
    ]);
    if (!flexworker) throw notFound('Flexworker', placement.flexworkerId);
    if (!relation) throw notFound('Relation', placement.relationId);
    if (!relation.active) {
      throw ValidationError.of('relationId', 'RELATION_INACTIVE', 'Nobody can be placed at an inactive relation');
    }
    await this.placements.insert(placement);
    return placement;
  }
}
