import { DeclarationExportRef, PayrollExportLine } from '../../../application/ports/payroll-export.repository';
import { PAYROLL_EXPORT_STATUSES, PayrollExport, PayrollExportStatus } from '../../../domain/payroll/payroll-export.entity';

export interface PayrollExportRow {
  id: string;
  agency_id: string;
  number: number;
  created_by: string;
  idempotency_key: string;
  up_to: Date;
  up_to_given: boolean;
  status: string;
  created_at: Date;
  expires_at: Date;
  confirmed_at: Date | null;
  confirmed_by: string | null;
  cancelled_at: Date | null;
  cancelled_by: string | null;
  expired_at: Date | null;
  declaration_count: number;
  reversal_count: number;
  line_count: number;
  total_minutes: string | number;
}

export interface LineRow {
  seq: number;
  day_ord: string | number;
  line_ord: string | number;
  export_id: string;
  sign: number;
  timesheet_id: string;
  declaration_id: string;
  declaration_number: number;
  week: string;
  date: string;
  hour_code: string;
  kind: string;
  percentage: number;
  minutes: number;
  schedule_version: string | null;
  flexworker_id: string;
  payroll_number: string | null;
  worker_name: string;
  placement_id: string;
  cost_centre: string | null;
  purchase_order_reference: string | null;
  relation_id: string;
  relation_name: string;
  corrects_export_id: string | null;
  corrects_declaration_id: string | null;
  count: number | null;
}

export function exportToDomain(row: PayrollExportRow): PayrollExport {
  const status = PAYROLL_EXPORT_STATUSES.find((s) => s === row.status);
  if (!status) throw new Error(`payroll_exports.status holds an unknown value for ${row.id}`);
  return PayrollExport.rehydrate({
    id: row.id,
    agencyId: row.agency_id,
    number: row.number,
    createdBy: row.created_by,
    idempotencyKey: row.idempotency_key,
    upTo: new Date(row.up_to),
    upToGiven: row.up_to_given,
    status: status as PayrollExportStatus,
    createdAt: new Date(row.created_at),
    expiresAt: new Date(row.expires_at),
    confirmedAt: dateOrNull(row.confirmed_at),
    confirmedBy: row.confirmed_by,
    cancelledAt: dateOrNull(row.cancelled_at),
    cancelledBy: row.cancelled_by,
    expiredAt: dateOrNull(row.expired_at),
    declarationCount: row.declaration_count,
    reversalCount: row.reversal_count,
    lineCount: row.line_count,
    totalMinutes: Number(row.total_minutes),
  });
}

export function lineToDomain(row: LineRow): PayrollExportLine {
  return {
    exportId: row.export_id,
    sign: row.sign === -1 ? -1 : 1,
    flexworkerId: row.flexworker_id,
    payrollNumber: row.payroll_number,
    workerName: row.worker_name,
    placementId: row.placement_id,
    costCentre: row.cost_centre,
    purchaseOrderReference: row.purchase_order_reference,
    relationId: row.relation_id,
    relationName: row.relation_name,
    timesheetId: row.timesheet_id,
    week: row.week,
    date: row.date,
    hourCode: row.hour_code,
    kind: row.kind,
    percentage: Number(row.percentage),
    minutes: Number(row.minutes),
    scheduleVersion: row.schedule_version,
    declarationId: row.declaration_id,
    declarationNumber: row.declaration_number,
    correctsExportId: row.corrects_export_id,
    correctsDeclarationId: row.corrects_declaration_id,
    count: row.count === null ? null : Number(row.count),
  };
}

export function refToDomain(row: PayrollExportRow & { declaration_id: string; sign: number }): DeclarationExportRef {
  return { declarationId: row.declaration_id, sign: row.sign === -1 ? -1 : 1, payrollExport: exportToDomain(row) };
}

function dateOrNull(value: Date | null): Date | null {
  return value === null ? null : new Date(value);
}
