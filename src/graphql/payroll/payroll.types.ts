import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PayrollExportLineWithBsn } from '../../application/payroll/payroll-export-queries.use-case';
import { PAYROLL_EXPORT_STATUSES, PayrollExport } from '../../domain/payroll/payroll-export.entity';
import { CURSOR_DESCRIPTION, EDGE_DESCRIPTION, EDGES_DESCRIPTION, NODES_DESCRIPTION, PAGE_INFO_DESCRIPTION, PageInfo } from '../shared/connection';
import { enumOf } from '../shared/enums';
import { IsoWeekScalar, LocalDateScalar } from '../shared/scalars';
import { HourLineKindEnum } from '../timesheet/breakdown.types';

export const PayrollExportStatusEnum = enumOf(PAYROLL_EXPORT_STATUSES);
registerEnumType(PayrollExportStatusEnum, {
  name: 'PayrollExportStatus',
  description:
    'PENDING: its declarations are reserved for it until payroll confirms it; CONFIRMED: booked (its weeks are PROCESSED); CANCELLED or EXPIRED: given back, its hours go into the next export.',
});

@ObjectType('PayrollExport', {
  description:
    'One take of approved hours by the payroll system (docs/payroll.md): the weeks approved since the last export, and the differences of weeks corrected after payroll booked them. Payroll and agency staff only.',
})
export class PayrollExportType {
  @Field(() => ID, { description: 'The export id.' }) id: string;
  @Field(() => Int, { description: "1, 2, 3 … per agency, in the order the exports were made." }) number: number;
  @Field(() => PayrollExportStatusEnum, { description: 'Where the export is now; a PENDING export past expiresAt is EXPIRED.' }) status: string;
  @Field({ description: 'The key the payroll system sent: the same key answers this export again.' }) idempotencyKey: string;
  @Field({ description: 'Hours approved up to this moment were taken.' }) upTo: Date;
  @Field({ description: 'When the export was made.' }) createdAt: Date;
  @Field({ description: 'A PENDING export not confirmed by then expires and gives its hours back.' }) expiresAt: Date;
  @Field(() => Date, { nullable: true, description: 'When payroll confirmed that it booked the lines; null until then.' }) confirmedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it was cancelled; null unless CANCELLED.' }) cancelledAt: Date | null;
  @Field(() => ID, { description: 'The API client (payroll system) that made it.' }) createdById: string;
  @Field(() => Int, { description: 'Declaration versions whose lines it pays (weeks approved for the first time, and corrected versions).' })
  declarationCount: number;
  @Field(() => Int, { description: 'Declaration versions it reverses: booked versions that a correction replaced (their lines with negative minutes).' })
  reversalCount: number;
  @Field(() => Int, { description: 'How many lines it holds (the length of `lines` and of the downloads).' }) lineCount: number;
  @Field(() => Int, { description: "The sum of its lines' minutes, reversals counted negative." }) totalMinutes: number;
  @Field({ description: 'Path of the CSV download of every line (GET with the API key in the Authorization header), relative to the server.' })
  csvPath: string;
  @Field({ description: 'Path of the NDJSON download of every line (one JSON object per line), relative to the server.' }) ndjsonPath: string;

  static from(e: PayrollExport, now: Date): PayrollExportType {
    const base = `/payroll/exports/${e.id}/lines`;
    return Object.assign(new PayrollExportType(), {
      id: e.id,
      number: e.number,
      status: e.statusAt(now),
      idempotencyKey: e.idempotencyKey,
      upTo: e.upTo,
      createdAt: e.createdAt,
      expiresAt: e.expiresAt,
      confirmedAt: e.confirmedAt,
      cancelledAt: e.cancelledAt,
      createdById: e.createdBy,
      ...e.counts,
      csvPath: `${base}.csv`,
      ndjsonPath: `${base}.ndjson`,
    });
  }
}

@ObjectType('PayrollExportLine', {
  description:
    "One line of pay: a worker's minutes of one hour code on one date, from the stored unravel lines of a declaration version, or an allowance counted on a work day (kind ALLOWANCE: a count, minutes 0). A reversal line (sign -1) undoes a line booked before, with negative minutes (or a negative count).",
})
export class PayrollExportLineType {
  @Field(() => Int, { description: '1: paid; -1: reversal of a version payroll booked before (a correction replaced it).' }) sign: number;
  @Field(() => ID, { description: 'The worker (Flexworker.id).' }) flexworkerId: string;
  @Field(() => String, { nullable: true, description: "The worker's number in the payroll system; null when the agency has not set it." })
  payrollNumber: string | null;
  @Field({ description: "The worker's name." }) workerName: string;
  @Field(() => String, { nullable: true, description: "The worker's full BSN: only to payroll, and only where the agency allows it (settings.payrollReadsBsn); else null." })
  bsn: string | null;
  @Field(() => ID, { description: 'The placement (Placement.id).' }) placementId: string;
  @Field(() => String, { nullable: true, description: "The placement's cost centre; null when not set." }) costCentre: string | null;
  @Field(() => String, { nullable: true, description: "The relation's purchase-order reference of the placement; null when not set." })
  purchaseOrderReference: string | null;
  @Field(() => ID, { description: 'The relation (client company).' }) relationId: string;
  @Field({ description: "The relation's name." }) relationName: string;
  @Field(() => ID, { description: 'The week (Timesheet.id).' }) timesheetId: string;
  @Field(() => IsoWeekScalar, { description: 'The ISO week.' }) week: string;
  @Field(() => LocalDateScalar, { description: 'The date the minutes count on.' }) date: string;
  @Field({ description: 'The hour code, e.g. H100, OT125, ORT50.' }) hourCode: string;
  @Field(() => HourLineKindEnum, { description: 'The kind of hours.' }) kind: string;
  @Field(() => Float, { description: 'The percentage paid (100, 125, …; for a surcharge its own percentage); 0 for an allowance.' }) percentage: number;
  @Field(() => Int, { description: 'Minutes; negative on a reversal line; 0 for an allowance.' }) minutes: number;
  @Field(() => String, { nullable: true, description: 'The CAO schedule version (its validFrom) the day was unravelled with; null for hours entered per hour code.' })
  scheduleVersion: string | null;
  @Field(() => ID, { description: 'The declaration version the line comes from.' }) declarationId: string;
  @Field(() => Int, { description: 'Its number within the week (1, 2, 3 …).' }) declarationNumber: number;
  @Field(() => ID, { nullable: true, description: 'For a correction (both its reversal and its new lines): the export that booked the version it corrects.' })
  correctsExportId: string | null;
  @Field(() => ID, { nullable: true, description: 'For a correction: the declaration version it corrects (booked in correctsExportId).' })
  correctsDeclarationId: string | null;
  @Field(() => Int, { nullable: true, description: 'An allowance (kind ALLOWANCE): how many times it is paid for the date, negative on a reversal; null on a line of minutes.' })
  count: number | null;

  static from(line: PayrollExportLineWithBsn): PayrollExportLineType {
    const { exportId: _exportId, ...fields } = line;
    return Object.assign(new PayrollExportLineType(), fields);
  }
}

@ObjectType('PayrollExportEdge', { description: EDGE_DESCRIPTION })
export class PayrollExportEdge {
  @Field({ description: CURSOR_DESCRIPTION }) cursor: string;
  @Field(() => PayrollExportType, { description: 'The export.' }) node: PayrollExportType;
}

@ObjectType('PayrollExportConnection', { description: 'A page of payroll exports, newest first.' })
export class PayrollExportConnection {
  @Field(() => [PayrollExportEdge], { description: EDGES_DESCRIPTION }) edges: PayrollExportEdge[];
  @Field(() => [PayrollExportType], { description: NODES_DESCRIPTION }) nodes: PayrollExportType[];
  @Field(() => PageInfo, { description: PAGE_INFO_DESCRIPTION }) pageInfo: PageInfo;
}

@ObjectType('PayrollExportLineEdge', { description: EDGE_DESCRIPTION })
export class PayrollExportLineEdge {
  @Field({ description: CURSOR_DESCRIPTION }) cursor: string;
  @Field(() => PayrollExportLineType, { description: 'The line.' }) node: PayrollExportLineType;
}

@ObjectType('PayrollExportLineConnection', { description: "A page of an export's lines, in the order of the downloads." })
export class PayrollExportLineConnection {
  @Field(() => [PayrollExportLineEdge], { description: EDGES_DESCRIPTION }) edges: PayrollExportLineEdge[];
  @Field(() => [PayrollExportLineType], { description: NODES_DESCRIPTION }) nodes: PayrollExportLineType[];
  @Field(() => PageInfo, { description: PAGE_INFO_DESCRIPTION }) pageInfo: PageInfo;
}
