import { CaoSchedule } from '../../../domain/cao-schedule/cao-schedule.entity';
import { CaoUnravelSchedule } from '../../../domain/unravel/cao-unravel-schedule';
import { CaoScheduleOrmEntity, CaoScheduleVersionOrmEntity } from './cao-schedule.orm-entity';

export function caoScheduleToRow(schedule: CaoSchedule): CaoScheduleOrmEntity {
  const row = new CaoScheduleOrmEntity();
  row.id = schedule.id;
  row.agencyId = schedule.agencyId;
  row.name = schedule.name;
  row.source = schedule.source;
  row.version = schedule.version;
  return row;
}

/** The schedule's versions from index `from` on, as rows to append. */
export function caoScheduleVersionRows(schedule: CaoSchedule, from: number): CaoScheduleVersionOrmEntity[] {
  return schedule.versions.slice(from).map((data) => {
    const row = new CaoScheduleVersionOrmEntity();
    row.agencyId = schedule.agencyId;
    row.scheduleId = schedule.id;
    row.validFrom = data.validFrom;
    row.data = data;
    return row;
  });
}

/** `versions` in ascending validFrom; `parse` gives the engine's form when it is asked for. */
export function caoScheduleToDomain(
  row: CaoScheduleOrmEntity,
  versions: readonly CaoScheduleVersionOrmEntity[],
  parse: () => CaoUnravelSchedule,
): CaoSchedule {
  if (versions.length === 0) throw new Error(`cao_schedules ${row.id} has no versions`);
  return CaoSchedule.rehydrate(
    {
      id: row.id,
      agencyId: row.agencyId,
      name: row.name,
      source: row.source,
      versions: versions.map((v) => v.data),
      version: row.version,
    },
    parse,
  );
}
