import { CaoSchedule } from '../../domain/cao-schedule/cao-schedule.entity';
import { NotFoundError } from '../../domain/shared/domain-error';
import { CaoScheduleRepository } from '../ports/cao-schedule.repository';
import { requireStaff } from '../shared/access';
import { Actor } from '../shared/actor';

export interface GetCaoScheduleInput {
  readonly id: string;
}

/** Staff read a schedule of their agency (others see one only through their own placement). */
export class GetCaoSchedule {
  constructor(private readonly schedules: CaoScheduleRepository) {}

  async execute(actor: Actor, input: GetCaoScheduleInput): Promise<CaoSchedule> {
    requireStaff(actor);
    const schedule = await this.schedules.findById(actor.agencyId, input.id);
    if (!schedule) throw new NotFoundError('CaoSchedule', input.id);
    return schedule;
  }
}
