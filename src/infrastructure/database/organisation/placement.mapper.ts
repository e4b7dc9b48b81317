import { HourCode } from '../../../domain/placement/hour-code.value-object';
import { HourSource } from '../../../domain/placement/hour-source';
import { ENTRY_MODES, HOURS_ENTERERS, Placement } from '../../../domain/placement/placement.entity';
import { WeeklyContractHours } from '../../../domain/placement/weekly-contract-hours.value-object';
import { LocalDate } from '../../../domain/time/local-date.value-object';
import { PlacementOrmEntity } from './placement.orm-entity';

export function placementToRow(placement: Placement): PlacementOrmEntity {
  const row = new PlacementOrmEntity();
  const source = placement.hourSource;
  row.id = placement.id;
  row.agencyId = placement.agencyId;
  row.flexworkerId = placement.flexworkerId;
  row.relationId = placement.relationId;
  row.startDate = placement.startDate.toString();
  row.endDate = placement.endDate?.toString() ?? null;
  row.functionName = placement.functionName;
  row.costCentre = placement.costCentre;
  row.purchaseOrderReference = placement.purchaseOrderReference;
  row.contractMinutesPerWeek = placement.contractHoursPerWeek.totalMinutes;
  row.allowedEntryModes = [...placement.allowedEntryModes];
  row.hoursEnteredBy = placement.hoursEnteredBy;
  row.sendInvitations = placement.sendInvitations;
  row.sendReminders = placement.sendReminders;
  row.caoScheduleId = source.kind === 'CAO_SCHEDULE' ? source.caoScheduleId : null;
  row.hourCodes =
    source.kind === 'MANUAL_HOUR_CODES' ? source.hourCodes.map((c) => ({ code: c.code, percentage: c.percentage, label: c.label })) : null;
  row.version = placement.version;
  return row;
}

export function placementToDomain(row: PlacementOrmEntity): Placement {
  const hoursEnteredBy = HOURS_ENTERERS.find((h) => h === row.hoursEnteredBy);
  if (!hoursEnteredBy) throw new Error(`placements.hours_entered_by holds an unknown value for ${row.id}`);
  return Placement.rehydrate({
    id: row.id,
    agencyId: row.agencyId,
    flexworkerId: row.flexworkerId,
    relationId: row.relationId,
    startDate: LocalDate.parse(dateText(row.startDate)),
    endDate: row.endDate === null ? null : LocalDate.parse(dateText(row.endDate)),
    functionName: row.functionName,
    costCentre: row.costCentre,
    purchaseOrderReference: row.purchaseOrderReference,
    contractHoursPerWeek: WeeklyContractHours.ofMinutes(row.contractMinutesPerWeek),
    allowedEntryModes: new Set(ENTRY_MODES.filter((m) => row.allowedEntryModes.includes(m))),
    hoursEnteredBy,
    sendInvitations: row.sendInvitations,
    sendReminders: row.sendReminders,
    hourSource: hourSourceOf(row),
    version: row.version,
  });
}

function hourSourceOf(row: PlacementOrmEntity): HourSource {
  if (row.caoScheduleId !== null) return { kind: 'CAO_SCHEDULE', caoScheduleId: row.caoScheduleId };
  return { kind: 'MANUAL_HOUR_CODES', hourCodes: (row.hourCodes ?? []).map((c) => HourCode.create(c)) };
}

/** TypeORM gives `date` columns as `YYYY-MM-DD` text; node-postgres alone gives a Date at local midnight. */
export function dateText(value: string | Date): string {
  if (typeof value === 'string') return value.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}
