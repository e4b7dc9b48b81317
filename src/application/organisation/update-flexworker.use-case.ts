import { Flexworker, PersonalDetailsInput } from '../../domain/flexworker/flexworker.entity';
import { attemptUnprefixed } from '../../domain/shared/collect';
import { ProblemCollector } from '../../domain/shared/domain-error';
import { AgencyRepository } from '../ports/agency.repository';
import { Clock } from '../ports/clock';
import { FlexworkerRepository } from '../ports/flexworker.repository';
import { PlacementRepository } from '../ports/placement.repository';
import { Actor } from '../shared/actor';
import { visibleFlexworkers } from './flexworker-visibility';
import { localDateAt } from './local-today';
import { checkExpectedVersion, notFound, requireStaffToChange } from './organisation-access';

export interface UpdateFlexworkerInput extends PersonalDetailsInput {
  readonly id: string;
  readonly language?: string;
  readonly expectedVersion?: number | null;
}

/** Staff correct or complete a worker's personal details; fields left out stay, `null` clears. */
export class UpdateFlexworker {
  constructor(
    private readonly flexworkers: FlexworkerRepository,
    private readonly placements: PlacementRepository,
    private readonly agencies: AgencyRepository,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: UpdateFlexworkerInput): Promise<Flexworker> {
    const flexworker = await this.flexworkers.findById(actor.agencyId, input.id);
    if (!flexworker || !(await visibleFlexworkers(actor, [flexworker], this.placements)).has(flexworker.id)) {
      throw notFound('Flexworker', input.id);
    }
    requireStaffToChange(actor, 'flexworker');
    checkExpectedVersion(flexworker, input.expectedVersion);
    const agency = await this.agencies.findById(actor.agencyId);
    if (!agency) throw notFound('Agency', actor.agencyId);
    const today = localDateAt(this.clock.now(), agency.settings.timeZone);
    const { id: _id, language, expectedVersion: _version, ...details } = input;
    const problems = new ProblemCollector();
    attemptUnprefixed(problems, () => flexworker.updatePersonalDetails(details, today));
    if (language !== undefined) attemptUnprefixed(problems, () => flexworker.changeLanguage(language));
    problems.throwIfAny();
    return this.flexworkers.update(flexworker);
  }
}
