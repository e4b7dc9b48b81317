import { LocalDate } from '../../domain/time/local-date.value-object';
import { DayEntry } from '../../domain/timesheet/day-entry.value-object';

/** One worker's dates to read: weeks whose Monday lies from `from` to `to` (both included). */
export interface WorkerHoursRange {
  readonly flexworkerId: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
}

/**
 * A worker's hours across all their placements of the agency, as the timesheets hold them now
 * (draft, approved or corrected: the days the week holds). For the Working Time Act signals.
 */
export abstract class WorkerHoursRepository {
  /** Every day of every timesheet of each worker in their range, in one statement; a worker without days gets an empty list. */
  abstract daysOfWorkers(agencyId: string, ranges: readonly WorkerHoursRange[]): Promise<Map<string, DayEntry[]>>;
}
