import { Placement, PlacementSettingsInput } from '../../domain/placement/placement.entity';
import { PlacementRepository } from '../ports/placement.repository';
import { Actor } from '../shared/actor';
import { canSeePlacement, checkExpectedVersion, notFound, requireStaffToChange } from './organisation-access';

export interface UpdatePlacementInput extends PlacementSettingsInput {
  readonly id: string;
  readonly expectedVersion?: number | null;
}

/** Staff change a placement's period or settings; fields left out stay, `null` clears an optional one. */
export class UpdatePlacement {
  constructor(private readonly placements: PlacementRepository) {}

  async execute(actor: Actor, input: UpdatePlacementInput): Promise<Placement> {
    const placement = await this.placements.findById(actor.agencyId, input.id);
    if (!placement || !canSeePlacement(actor, placement)) throw notFound('Placement', input.id);
    requireStaffToChange(actor, 'placement');
    checkExpectedVersion(placement, input.expectedVersion);
    const { id: _id, expectedVersion: _version, ...settings } = input;
    placement.changeSettings(settings);
    return this.placements.update(placement);
  }
}
