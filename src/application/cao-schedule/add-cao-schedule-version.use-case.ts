import { CaoSchedule } from '../../domain/cao-schedule/cao-schedule.entity';
import { NotFoundError, ValidationError } from '../../domain/shared/domain-error';
import { CaoScheduleRepository } from '../ports/cao-schedule.repository';
import { checkExpectedVersion } from '../organisation/organisation-access';
import { requireStaff } from '../shared/access';
import { Actor } from '../shared/actor';
import { DateWindowPolicy } from '../shared/date-window';

export interface AddCaoScheduleVersionInput {
  readonly scheduleId: string;
  /** The schedule's version the client read: a newer one in the store is CONFLICT STALE_VERSION. */
  readonly expectedVersion: number;
  /** One version in the engine's JSON format; problems at `version.<path>`. */
  readonly version: unknown;
}

/** Staff append a version to a schedule; it must start after the latest one, within the server's date window. */
export class AddCaoScheduleVersion {
  constructor(
    private readonly schedules: CaoScheduleRepository,
    private readonly dateWindow: DateWindowPolicy,
  ) {}

  async execute(actor: Actor, input: AddCaoScheduleVersionInput): Promise<CaoSchedule> {
    requireStaff(actor);
    const schedule = await this.schedules.findById(actor.agencyId, input.scheduleId);
    if (!schedule) throw new NotFoundError('CaoSchedule', input.scheduleId);
    checkExpectedVersion(schedule, input.expectedVersion);
    try {
      schedule.addVersion(input.version, this.dateWindow.current());
    } catch (error) {
      throw error instanceof ValidationError ? error.prefixed('version') : error;
    }
    return this.schedules.update(schedule);
  }
}
