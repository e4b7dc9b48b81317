import { Placement, PlacementSettingsInput } from '../../domain/placement/placement.entity';
import { ProblemCollector } from '../../domain/shared/domain-error';
import { CaoScheduleRepository } from '../ports/cao-schedule.repository';
import { PlacementRepository } from '../ports/placement.repository';
import { Actor } from '../shared/actor';
import { DateWindowPolicy } from '../shared/date-window';
import { checkCaoScheduleOfPlacement } from '../cao-schedule/cao-schedule-of-placement';
import { canSeePlacement, checkExpectedVersion, notFound, requireStaffToChange } from './organisation-access';

export interface UpdatePlacementInput extends PlacementSettingsInput {
  readonly id: string;
  readonly expectedVersion?: number | null;
}

/** Staff change a placement's period or settings; fields left out stay, `null` clears an optional one. */
export class UpdatePlacement {
  constructor(
    private readonly placements: PlacementRepository,
    private readonly caoSchedules: CaoScheduleRepository,
    private readonly dateWindow: DateWindowPolicy,
  ) {}

  async execute(actor: Actor, input: UpdatePlacementInput): Promise<Placement> {
    const placement = await this.placements.findById(actor.agencyId, input.id);
    if (!placement || !canSeePlacement(actor, placement)) throw notFound('Placement', input.id);
    requireStaffToChange(actor, 'placement');
    checkExpectedVersion(placement, input.expectedVersion);
    const { id: _id, expectedVersion: _version, ...settings } = input;
    placement.changeSettings(settings, this.dateWindow.current());
    if (settings.caoScheduleId !== undefined) {
      const problems = new ProblemCollector();
      await checkCaoScheduleOfPlacement(problems, this.caoSchedules, placement);
      problems.throwIfAny();
    }
    return this.placements.update(placement);
  }
}
