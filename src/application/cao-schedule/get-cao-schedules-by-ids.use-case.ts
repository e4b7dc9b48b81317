import { CaoSchedule } from '../../domain/cao-schedule/cao-schedule.entity';
import { CaoScheduleRepository } from '../ports/cao-schedule.repository';
import { Actor } from '../shared/actor';

export interface GetCaoSchedulesByIdsInput {
  readonly ids: readonly string[];
}

/**
 * For a DataLoader: one entry per id, in the same order; null where not found. Any actor of the
 * agency: callers reach a schedule only through a placement the actor may see (the placement's
 * schedule field, the timesheet unravelling a visible placement's week), and schedules hold no
 * personal data.
 */
export class GetCaoSchedulesByIds {
  constructor(private readonly schedules: CaoScheduleRepository) {}

  async execute(actor: Actor, input: GetCaoSchedulesByIdsInput): Promise<(CaoSchedule | null)[]> {
    const found = await this.schedules.findByIds(actor.agencyId, [...new Set(input.ids)]);
    const byId = new Map(found.map((s) => [s.id, s]));
    return input.ids.map((id) => byId.get(id) ?? null);
  }
}
