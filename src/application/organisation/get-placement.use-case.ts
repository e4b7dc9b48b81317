import { Placement } from '../../domain/placement/placement.entity';
import { PlacementRepository } from '../ports/placement.repository';
import { Actor } from '../shared/actor';
import { canSeePlacement, notFound } from './organisation-access';

export interface GetPlacementInput {
  readonly id: string;
}

/** Staff read any placement of the agency; a worker their own; a relation contact those at their relation. */
export class GetPlacement {
  constructor(private readonly placements: PlacementRepository) {}

  async execute(actor: Actor, input: GetPlacementInput): Promise<Placement> {
    const placement = await this.placements.findById(actor.agencyId, input.id);
    if (!placement || !canSeePlacement(actor, placement)) throw notFound('Placement', input.id);
    return placement;
  }
}
