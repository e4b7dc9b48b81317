import { Declaration, DECLARATION_ORIGINS } from '../../../domain/timesheet/declaration.entity';
import { DayEntry } from '../../../domain/timesheet/day-entry.value-object';
import { IsoWeek } from '../../../domain/time/iso-week.value-object';
import { DeclarationOrmEntity } from './declaration.orm-entity';
import { stampOf } from './timesheet.mapper';

export function declarationToRow(declaration: Declaration): DeclarationOrmEntity {
  const s = declaration.toState();
  const row = new DeclarationOrmEntity();
  row.id = s.id;
  row.agencyId = s.agencyId;
  row.timesheetId = s.timesheetId;
  row.placementId = s.placementId;
  row.flexworkerId = s.flexworkerId;
  row.relationId = s.relationId;
  row.week = s.week.toString();
  row.weekStart = s.week.monday.toString();
  row.number = s.number;
  row.origin = s.origin;
  row.status = declaration.status;
  row.days = s.days.map((day) => day.toData());
  row.breakdown = s.breakdown;
  row.workedMinutes = s.breakdown.workedMinutes;
  row.workerApprovedAt = s.workerApproval.at;
  row.workerApprovedBy = s.workerApproval.by;
  row.relationApprovedAt = s.relationApproval?.at ?? null;
  row.relationApprovedBy = s.relationApproval?.by ?? null;
  row.approvedByAgency = s.approvedByAgency;
  row.rejectedAt = s.rejection?.at ?? null;
  row.rejectedBy = s.rejection?.by ?? null;
  row.rejectionReason = s.rejection?.reason ?? null;
  row.correctedAt = s.correction?.at ?? null;
  row.correctedBy = s.correction?.by ?? null;
  row.correctionReason = s.correction?.reason ?? null;
  row.previousDeclarationId = s.correction?.previousDeclarationId ?? null;
  row.supersededAt = s.supersededAt;
  row.supersededBy = s.supersededBy;
  row.processedAt = s.processed?.at ?? null;
  row.processedInExportId = s.processed?.exportId ?? null;
  row.version = s.version;
  return row;
}

export function declarationToDomain(row: DeclarationOrmEntity): Declaration {
  const origin = DECLARATION_ORIGINS.find((o) => o === row.origin);
  if (!origin) throw new Error(`declarations.origin holds an unknown value for ${row.id}`);
  const rejection = stampOf(row.rejectedAt, row.rejectedBy);
  const correction = stampOf(row.correctedAt, row.correctedBy);
  return Declaration.rehydrate({
    id: row.id,
    agencyId: row.agencyId,
    timesheetId: row.timesheetId,
    placementId: row.placementId,
    flexworkerId: row.flexworkerId,
    relationId: row.relationId,
    week: IsoWeek.parse(row.week),
    number: row.number,
    origin,
    days: row.days.map((data) => DayEntry.fromData(data)),
    breakdown: row.breakdown,
    workerApproval: { at: row.workerApprovedAt, by: row.workerApprovedBy },
    relationApproval: stampOf(row.relationApprovedAt, row.relationApprovedBy),
    approvedByAgency: row.approvedByAgency,
    rejection: rejection && row.rejectionReason !== null ? { ...rejection, reason: row.rejectionReason } : null,
    correction:
      correction && row.correctionReason !== null && row.previousDeclarationId !== null
        ? { ...correction, reason: row.correctionReason, previousDeclarationId: row.previousDeclarationId }
        : null,
    supersededAt: row.supersededAt,
    supersededBy: row.supersededBy,
    processed: row.processedAt !== null && row.processedInExportId !== null ? { at: row.processedAt, exportId: row.processedInExportId } : null,
    version: row.version,
  });
}
