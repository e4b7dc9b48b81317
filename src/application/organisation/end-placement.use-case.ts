import { Placement } from '../../domain/placement/placement.entity';
import { ProblemCollector } from '../../domain/shared/domain-error';
import { short } from '../../domain/shared/text';
import { LocalDate } from '../../domain/time/local-date.value-object';
import { PlacementRepository } from '../ports/placement.repository';
import { Actor } from '../shared/actor';
import { DateWindowPolicy } from '../shared/date-window';
import { canSeePlacement, checkExpectedVersion, notFound, requireStaffToChange } from './organisation-access';

export interface EndPlacementInput {
  readonly id: string;
  /** The last day of the placement, `YYYY-MM-DD`; not before its start, within the server's date window. */
  readonly endDate: string;
  readonly expectedVersion?: number | null;
}

/** Staff end a placement on a given (last) day. */
export class EndPlacement {
  constructor(
    private readonly placements: PlacementRepository,
    private readonly dateWindow: DateWindowPolicy,
  ) {}

  async execute(actor: Actor, input: EndPlacementInput): Promise<Placement> {
    const placement = await this.placements.findById(actor.agencyId, input.id);
    if (!placement || !canSeePlacement(actor, placement)) throw notFound('Placement', input.id);
    requireStaffToChange(actor, 'placement');
    checkExpectedVersion(placement, input.expectedVersion);
    const problems = new ProblemCollector();
    const endDate = problems.attempt('endDate', () => short(10, LocalDate.parse)(input.endDate));
    problems.throwIfAny();
    placement.end(endDate!, this.dateWindow.current());
    return this.placements.update(placement);
  }
}
