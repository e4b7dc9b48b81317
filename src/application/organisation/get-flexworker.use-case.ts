import { AgencyRepository } from '../ports/agency.repository';
import { FlexworkerRepository } from '../ports/flexworker.repository';
import { PlacementRepository } from '../ports/placement.repository';
import { Actor } from '../shared/actor';
import { visibleFlexworkers } from './flexworker-visibility';
import { FlexworkerView } from './flexworker-view';
import { notFound } from './organisation-access';

export interface GetFlexworkerInput {
  readonly id: string;
}

/**
 * Staff and payroll read any worker of their agency and a worker reads themself (the whole
 * record; payroll with the full BSN where the agency allows it); a relation contact reads the
 * name of a worker placed at their relation. Anyone else: not found.
 */
export class GetFlexworker {
  constructor(
    private readonly flexworkers: FlexworkerRepository,
    private readonly placements: PlacementRepository,
    private readonly agencies: AgencyRepository,
  ) {}

  async execute(actor: Actor, input: GetFlexworkerInput): Promise<FlexworkerView> {
    const flexworker = await this.flexworkers.findById(actor.agencyId, input.id);
    const view = flexworker ? (await visibleFlexworkers(actor, [flexworker], this.placements, this.agencies)).get(flexworker.id) : undefined;
    if (!view) throw notFound('Flexworker', input.id);
    return view;
  }
}
