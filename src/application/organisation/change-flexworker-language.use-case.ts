import { roleNotAllowed } from '../shared/access';
import { Flexworker } from '../../domain/flexworker/flexworker.entity';
import { FlexworkerRepository } from '../ports/flexworker.repository';
import { PlacementRepository } from '../ports/placement.repository';
import { Actor } from '../shared/actor';
import { visibleFlexworkers } from './flexworker-visibility';
import { canSeeWholeFlexworker, checkExpectedVersion, notFound } from './organisation-access';

export interface ChangeFlexworkerLanguageInput {
  /** Left out by a worker: their own record. */
  readonly id?: string;
  readonly language: string;
  readonly expectedVersion?: number | null;
}

/** A worker picks their own language; staff may set it for any worker of the agency. */
export class ChangeFlexworkerLanguage {
  constructor(
    private readonly flexworkers: FlexworkerRepository,
    private readonly placements: PlacementRepository,
  ) {}

  async execute(actor: Actor, input: ChangeFlexworkerLanguageInput): Promise<Flexworker> {
    const id = input.id ?? actor.flexworkerId ?? '';
    const flexworker = await this.flexworkers.findById(actor.agencyId, id);
    if (!flexworker || !(await visibleFlexworkers(actor, [flexworker], this.placements)).has(flexworker.id)) {
      throw notFound('Flexworker', id);
    }
    if (!canSeeWholeFlexworker(actor, flexworker)) {
      throw roleNotAllowed('Only the worker or agency staff may change this language', ['FLEXWORKER', 'AGENCY_STAFF']);
    }
    checkExpectedVersion(flexworker, input.expectedVersion);
    flexworker.changeLanguage(input.language);
    return this.flexworkers.update(flexworker);
  }
}
