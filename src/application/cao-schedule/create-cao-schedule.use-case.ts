import { CaoSchedule } from '../../domain/cao-schedule/cao-schedule.entity';
import { CaoScheduleRepository } from '../ports/cao-schedule.repository';
import { IdGenerator } from '../ports/id-generator';
import { requireStaff } from '../shared/access';
import { Actor } from '../shared/actor';
import { DateWindowPolicy } from '../shared/date-window';

/** The schedule in the engine's JSON format (docs/unravel.md); the domain checks every field. */
export interface CreateCaoScheduleInput {
  readonly name: string;
  readonly source?: string | null;
  readonly versions: readonly unknown[];
}

/**
 * Staff add a CAO unravel schedule. Problems are listed by the path of the input
 * (`versions[0].ortWindows[2].from`); a name already used in the agency is CONFLICT
 * CAO_SCHEDULE_NAME_TAKEN, by the store's constraint.
 */
export class CreateCaoSchedule {
  constructor(
    private readonly schedules: CaoScheduleRepository,
    private readonly ids: IdGenerator,
    private readonly dateWindow: DateWindowPolicy,
  ) {}

  async execute(actor: Actor, input: CreateCaoScheduleInput): Promise<CaoSchedule> {
    requireStaff(actor);
    const raw = { name: input.name, source: input.source ?? undefined, versions: input.versions };
    const schedule = CaoSchedule.create({ id: this.ids.next(), agencyId: actor.agencyId, raw }, this.dateWindow.current());
    await this.schedules.insert(schedule);
    return schedule;
  }
}
