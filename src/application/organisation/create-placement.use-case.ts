import { Placement, PlacementSettingsInput } from '../../domain/placement/placement.entity';
import { ProblemCollector } from '../../domain/shared/domain-error';
import { CaoScheduleRepository } from '../ports/cao-schedule.repository';
import { FlexworkerRepository } from '../ports/flexworker.repository';
import { IdGenerator } from '../ports/id-generator';
import { PlacementRepository } from '../ports/placement.repository';
import { RelationRepository } from '../ports/relation.repository';
import { requireStaff } from '../shared/access';
import { DateWindowPolicy } from '../shared/date-window';
import { Actor } from '../shared/actor';
import { checkCaoScheduleOfPlacement } from '../cao-schedule/cao-schedule-of-placement';
import { notFound } from './organisation-access';

export interface CreatePlacementInput extends PlacementSettingsInput {
  readonly flexworkerId: string;
  readonly relationId: string;
  readonly startDate: string;
  readonly functionName: string;
}

/** Staff place a worker of their agency at an active relation of their agency, with a schedule of their agency. */
export class CreatePlacement {
  constructor(
    private readonly placements: PlacementRepository,
    private readonly flexworkers: FlexworkerRepository,
    private readonly relations: RelationRepository,
    private readonly caoSchedules: CaoScheduleRepository,
    private readonly ids: IdGenerator,
    private readonly dateWindow: DateWindowPolicy,
  ) {}

  async execute(actor: Actor, input: CreatePlacementInput): Promise<Placement> {
    requireStaff(actor);
    const placement = Placement.create({ ...input, id: this.ids.next(), agencyId: actor.agencyId }, this.dateWindow.current());
    // One after the other: inside a unit of work both go over the transaction's one connection,
    // and pg deprecates (pg 9 refuses) a query sent while that connection is still busy.
    const flexworker = await this.flexworkers.findById(actor.agencyId, placement.flexworkerId);
    const relation = await this.relations.findById(actor.agencyId, placement.relationId);
    if (!flexworker) throw notFound('Flexworker', placement.flexworkerId);
    if (!relation) throw notFound('Relation', placement.relationId);
    const problems = new ProblemCollector();
    if (!relation.active) problems.add('relationId', 'RELATION_INACTIVE', 'Nobody can be placed at an inactive relation');
    await checkCaoScheduleOfPlacement(problems, this.caoSchedules, placement);
    problems.throwIfAny();
    await this.placements.insert(placement);
    return placement;
  }
}
