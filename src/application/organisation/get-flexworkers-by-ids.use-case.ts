import { AgencyRepository } from '../ports/agency.repository';
import { FlexworkerRepository } from '../ports/flexworker.repository';
import { PlacementRepository } from '../ports/placement.repository';
import { Actor } from '../shared/actor';
import { visibleFlexworkers } from './flexworker-visibility';
import { FlexworkerView } from './flexworker-view';

export interface GetFlexworkersByIdsInput {
  readonly ids: readonly string[];
}

/** For a DataLoader: one view per id, in the same order; null where not found or not visible. */
export class GetFlexworkersByIds {
  constructor(
    private readonly flexworkers: FlexworkerRepository,
    private readonly placements: PlacementRepository,
    private readonly agencies: AgencyRepository,
  ) {}

  async execute(actor: Actor, input: GetFlexworkersByIdsInput): Promise<(FlexworkerView | null)[]> {
    const found = await this.flexworkers.findByIds(actor.agencyId, [...new Set(input.ids)]);
    const views = await visibleFlexworkers(actor, found, this.placements, this.agencies);
    return input.ids.map((id) => views.get(id) ?? null);
  }
}
