import { Agency } from '../../domain/agency/agency.entity';
import { AgencySettingsInput } from '../../domain/agency/agency-settings.value-object';
import { attemptUnprefixed } from '../../domain/shared/collect';
import { ProblemCollector } from '../../domain/shared/domain-error';
import { AgencyRepository } from '../ports/agency.repository';
import { requireStaff } from '../shared/access';
import { Actor } from '../shared/actor';
import { checkExpectedVersion, notFound } from './organisation-access';

export interface UpdateAgencySettingsInput extends AgencySettingsInput {
  readonly name?: string;
  readonly expectedVersion?: number | null;
}

/** Staff change their own agency's name and settings; fields left out stay as they are. */
export class UpdateAgencySettings {
  constructor(private readonly agencies: AgencyRepository) {}

  async execute(actor: Actor, input: UpdateAgencySettingsInput): Promise<Agency> {
    requireStaff(actor);
    const agency = await this.agencies.findById(actor.agencyId);
    if (!agency) throw notFound('Agency', actor.agencyId);
    checkExpectedVersion(agency, input.expectedVersion);
    const { name, expectedVersion: _version, ...settings } = input;
    const problems = new ProblemCollector();
    if (name !== undefined) attemptUnprefixed(problems, () => agency.rename(name));
    attemptUnprefixed(problems, () => agency.changeSettings(settings));
    problems.throwIfAny();
    return this.agencies.update(agency);
  }
}
