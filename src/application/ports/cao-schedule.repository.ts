import { CaoSchedule } from '../../domain/cao-schedule/cao-schedule.entity';
import { Page, PageQuery } from '../shared/pagination';

/** Every method is scoped by agency: a schedule of another agency is simply not found. */
export abstract class CaoScheduleRepository {
  abstract findById(agencyId: string, id: string): Promise<CaoSchedule | null>;
  /** For DataLoader: the schedules found, in any order; unknown ids are left out. */
  abstract findByIds(agencyId: string, ids: readonly string[]): Promise<CaoSchedule[]>;
  /** The schedule with its versions. A second schedule of the same name (case-insensitive) in the
   *  agency: ConflictError CAO_SCHEDULE_NAME_TAKEN (field `name`). */
  abstract insert(schedule: CaoSchedule): Promise<void>;
  /** Optimistic: stores the versions added since it was read and returns the schedule with the
   *  next version, or ConflictError STALE_VERSION. Stored versions are never changed. */
  abstract update(schedule: CaoSchedule): Promise<CaoSchedule>;
  /** Ordered by name (case-insensitive), then id. */
  abstract list(agencyId: string, page: PageQuery): Promise<Page<CaoSchedule>>;
}
