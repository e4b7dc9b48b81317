import { WorkerHoursRange, WorkerHoursRepository } from '../../../application/ports/worker-hours.repository';
import { DayEntry, DayEntryData } from '../../../domain/timesheet/day-entry.value-object';
import { DatabaseContext } from '../database-context';
import { isUuid } from '../organisation/keyset-cursor';

/**
 * A worker's days from the timesheets themselves (not `worker_time_blocks`, which holds neither
 * breaks nor day totals): one statement for every worker of a page, each with its own range of
 * weeks, joined on `unnest` of three parallel arrays.
 */
export class TypeormWorkerHoursRepository extends WorkerHoursRepository {
  constructor(private readonly db: DatabaseContext) {
    super();
  }

  async daysOfWorkers(agencyId: string, ranges: readonly WorkerHoursRange[]): Promise<Map<string, DayEntry[]>> {
    const wanted = ranges.filter((r) => isUuid(r.flexworkerId));
    const result = new Map<string, DayEntry[]>(ranges.map((r) => [r.flexworkerId, []]));
    if (!isUuid(agencyId) || wanted.length === 0) return result;
    const rows: { flexworker_id: string; days: DayEntryData[] }[] = await this.db.manager().query(
      `SELECT t.flexworker_id, t.days
         FROM timesheets t
         JOIN unnest($2::uuid[], $3::date[], $4::date[]) AS w(flexworker_id, from_date, to_date)
           ON t.flexworker_id = w.flexworker_id AND t.week_start BETWEEN w.from_date AND w.to_date
        WHERE t.agency_id = $1 AND jsonb_array_length(t.days) > 0`,
      [agencyId, wanted.map((r) => r.flexworkerId), wanted.map((r) => r.from.toString()), wanted.map((r) => r.to.toString())],
    );
    for (const row of rows) result.get(row.flexworker_id)?.push(...row.days.map((day) => DayEntry.fromData(day)));
    return result;
  }
}
