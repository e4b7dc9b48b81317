import { CaoSchedule } from '../../domain/cao-schedule/cao-schedule.entity';
import { CaoScheduleRepository } from '../ports/cao-schedule.repository';
import { requireStaff } from '../shared/access';
import { Actor } from '../shared/actor';
import { Page, pageQuery, PageRequest } from '../shared/pagination';

export type ListCaoSchedulesInput = PageRequest;

/** Staff page through their agency's schedules by name. */
export class ListCaoSchedules {
  constructor(private readonly schedules: CaoScheduleRepository) {}

  async execute(actor: Actor, input: ListCaoSchedulesInput = {}): Promise<Page<CaoSchedule>> {
    requireStaff(actor);
    return this.schedules.list(actor.agencyId, pageQuery(input));
  }
}
