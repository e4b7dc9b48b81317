import { Flexworker, PersonalDetailsInput } from '../../domain/flexworker/flexworker.entity';
import { AgencyRepository } from '../ports/agency.repository';
import { Clock } from '../ports/clock';
import { FlexworkerRepository } from '../ports/flexworker.repository';
import { IdGenerator } from '../ports/id-generator';
import { requireStaff } from '../shared/access';
import { Actor } from '../shared/actor';
import { localDateAt } from './local-today';
import { notFound } from './organisation-access';

export interface CreateFlexworkerInput extends PersonalDetailsInput {
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly language?: string;
}

/**
 * Staff register a worker. The e-mail address is unique in the agency by the store's constraint
 * (ConflictError EMAIL_TAKEN), not by a look-up first: two requests at once cannot both win.
 */
export class CreateFlexworker {
  constructor(
    private readonly flexworkers: FlexworkerRepository,
    private readonly agencies: AgencyRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, input: CreateFlexworkerInput): Promise<Flexworker> {
    requireStaff(actor);
    const agency = await this.agencies.findById(actor.agencyId);
    if (!agency) throw notFound('Agency', actor.agencyId);
    const today = localDateAt(this.clock.now(), agency.settings.timeZone);
    const flexworker = Flexworker.create({ ...input, id: this.ids.next(), agencyId: actor.agencyId }, today);
    await this.flexworkers.insert(flexworker);
    return flexworker;
  }
}
