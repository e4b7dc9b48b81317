import { Stamp } from '../../../domain/timesheet/declaration.entity';
import { DayEntry } from '../../../domain/timesheet/day-entry.value-object';
import { Timesheet, TIMESHEET_STATUSES } from '../../../domain/timesheet/timesheet.entity';
import { IsoWeek } from '../../../domain/time/iso-week.value-object';
import { TimesheetOrmEntity } from './timesheet.orm-entity';

export function timesheetToRow(timesheet: Timesheet): TimesheetOrmEntity {
  const s = timesheet.toState();
  const row = new TimesheetOrmEntity();
  row.id = s.id;
  row.agencyId = s.agencyId;
  row.placementId = s.placementId;
  row.flexworkerId = s.flexworkerId;
  row.relationId = s.relationId;
  row.week = s.week.toString();
  row.weekStart = s.week.monday.toString();
  row.status = s.status;
  row.days = s.days.map((day) => day.toData());
  row.rejectionReason = s.rejection?.reason ?? null;
  row.rejectedAt = s.rejection?.at ?? null;
  row.rejectedBy = s.rejection?.by ?? null;
  row.workerApprovedAt = s.workerApproval?.at ?? null;
  row.workerApprovedBy = s.workerApproval?.by ?? null;
  row.relationApprovedAt = s.relationApproval?.at ?? null;
  row.relationApprovedBy = s.relationApproval?.by ?? null;
  row.currentDeclarationId = s.currentDeclarationId;
  row.declarationCount = s.declarationCount;
  row.version = s.version;
  return row;
}

export function timesheetToDomain(row: TimesheetOrmEntity): Timesheet {
  const status = TIMESHEET_STATUSES.find((s) => s === row.status);
  if (!status) throw new Error(`timesheets.status holds an unknown value for ${row.id}`);
  return Timesheet.rehydrate({
    id: row.id,
    agencyId: row.agencyId,
    placementId: row.placementId,
    flexworkerId: row.flexworkerId,
    relationId: row.relationId,
    week: IsoWeek.parse(row.week),
    status,
    days: row.days.map((data) => DayEntry.fromData(data)),
    rejection:
      row.rejectionReason === null || row.rejectedAt === null || row.rejectedBy === null
        ? null
        : { reason: row.rejectionReason, at: row.rejectedAt, by: row.rejectedBy },
    workerApproval: stampOf(row.workerApprovedAt, row.workerApprovedBy),
    relationApproval: stampOf(row.relationApprovedAt, row.relationApprovedBy),
    currentDeclarationId: row.currentDeclarationId,
    declarationCount: row.declarationCount,
    version: row.version,
  });
}

/** A stamp stored as its two columns (a check constraint keeps them both set or both null). */
export function stampOf(at: Date | null, by: string | null): Stamp | null {
  return at === null || by === null ? null : { at, by };
}
