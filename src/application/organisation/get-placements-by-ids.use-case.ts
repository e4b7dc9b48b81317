import { Placement } from '../../domain/placement/placement.entity';
import { PlacementRepository } from '../ports/placement.repository';
import { Actor } from '../shared/actor';
import { canSeePlacement } from './organisation-access';

export interface GetPlacementsByIdsInput {
  readonly ids: readonly string[];
}

/** For a DataLoader: one entry per id, in the same order; null where not found or not visible. */
export class GetPlacementsByIds {
  constructor(private readonly placements: PlacementRepository) {}

  async execute(actor: Actor, input: GetPlacementsByIdsInput): Promise<(Placement | null)[]> {
    const found = await this.placements.findByIds(actor.agencyId, [...new Set(input.ids)]);
    const byId = new Map(found.filter((p) => canSeePlacement(actor, p)).map((p) => [p.id, p]));
    return input.ids.map((id) => byId.get(id) ?? null);
  }
}
