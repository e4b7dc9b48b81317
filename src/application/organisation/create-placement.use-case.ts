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
import { InvitationSender } from '../identity/invitations';
import { UnitOfWork } from '../ports/unit-of-work';
import { UserRepository } from '../ports/user.repository';
import { User } from '../../domain/identity/user.entity';

/** What inviting a newly placed worker takes (sendInvitations); without it placements invite nobody. */
export interface PlacementInvitations {
  readonly users: UserRepository;
  readonly sender: InvitationSender;
  readonly unitOfWork: UnitOfWork;
  readonly clock: { now(): Date };
}

export interface CreatePlacementInput extends PlacementSettingsInput {
  readonly flexworkerId: string;
  readonly relationId: string;
  readonly startDate: string;
  readonly functionName: string;
}

/**
 * Staff place a worker of their agency at an active relation of their agency, with a schedule of
 * their agency. With `sendInvitations` (the default) a worker who has no login yet is invited in
 * the same transaction (a login without a password, and the mail); never where the relation
 * enters the hours (the worker has nothing to do).
 */
export class CreatePlacement {
  constructor(
    private readonly placements: PlacementRepository,
    private readonly flexworkers: FlexworkerRepository,
    private readonly relations: RelationRepository,
    private readonly caoSchedules: CaoScheduleRepository,
    private readonly ids: IdGenerator,
    private readonly dateWindow: DateWindowPolicy,
    private readonly invitations?: PlacementInvitations,
  ) {}

  async execute(actor: Actor, input: CreatePlacementInput): Promise<Placement> {
    requireStaff(actor);
    const invitations = this.invitations;
    if (!invitations) return this.place(actor, input);
    return invitations.unitOfWork.run(async () => {
      const placement = await this.place(actor, input);
      if (placement.sendInvitations && placement.hoursEnteredBy === 'FLEXWORKER') await this.inviteWorker(actor, placement, invitations);
      return placement;
    });
  }

  private async inviteWorker(actor: Actor, placement: Placement, invitations: PlacementInvitations): Promise<void> {
    if (await invitations.users.findByFlexworkerId(actor.agencyId, placement.flexworkerId)) return;
    const worker = await this.flexworkers.findById(actor.agencyId, placement.flexworkerId);
    if (!worker) return;
    const user = User.create({
      id: this.ids.next(), agencyId: actor.agencyId, email: worker.email.value, displayName: worker.name.fullName, role: 'FLEXWORKER',
      flexworkerId: worker.id, language: worker.language.code, passwordHash: null, now: invitations.clock.now(),
    });
    // A login made at the same moment (createUser, another placement) wins: then there is nobody to invite.
    if (!(await invitations.users.insertIfAbsent(user))) return;
    await invitations.sender.send(user, actor.kind === 'USER' ? actor.id : null);
  }

  private async place(actor: Actor, input: CreatePlacementInput): Promise<Placement> {
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
