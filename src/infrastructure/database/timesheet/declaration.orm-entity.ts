import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DayEntryData } from '../../../domain/timesheet/day-entry.value-object';
import { HoursBreakdown } from '../../../domain/timesheet/hours-breakdown';

/**
 * The hours of a week as approved. A trigger keeps everything but the stamps (relation approval,
 * rejection, superseded) as it was inserted; `status` follows from the stamps, for the filters.
 */
@Entity({ name: 'declarations' })
export class DeclarationOrmEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'agency_id' }) agencyId: string;
  @Column('uuid', { name: 'timesheet_id' }) timesheetId: string;
  @Column('uuid', { name: 'placement_id' }) placementId: string;
  @Column('uuid', { name: 'flexworker_id' }) flexworkerId: string;
  @Column('uuid', { name: 'relation_id' }) relationId: string;
  @Column('text') week: string;
  @Column('date', { name: 'week_start' }) weekStart: string;
  @Column('int') number: number;
  @Column('text') origin: string;
  @Column('text') status: string;
  @Column('jsonb') days: DayEntryData[];
  @Column('jsonb') breakdown: HoursBreakdown;
  @Column('int', { name: 'worked_minutes' }) workedMinutes: number;
  @Column('timestamptz', { name: 'worker_approved_at' }) workerApprovedAt: Date;
  @Column('uuid', { name: 'worker_approved_by' }) workerApprovedBy: string;
  @Column('timestamptz', { name: 'relation_approved_at', nullable: true }) relationApprovedAt: Date | null;
  @Column('uuid', { name: 'relation_approved_by', nullable: true }) relationApprovedBy: string | null;
  @Column('boolean', { name: 'approved_by_agency', default: false }) approvedByAgency: boolean;
  @Column('timestamptz', { name: 'rejected_at', nullable: true }) rejectedAt: Date | null;
  @Column('uuid', { name: 'rejected_by', nullable: true }) rejectedBy: string | null;
  @Column('text', { name: 'rejection_reason', nullable: true }) rejectionReason: string | null;
  @Column('timestamptz', { name: 'corrected_at', nullable: true }) correctedAt: Date | null;
  @Column('uuid', { name: 'corrected_by', nullable: true }) correctedBy: string | null;
  @Column('text', { name: 'correction_reason', nullable: true }) correctionReason: string | null;
  @Column('uuid', { name: 'previous_declaration_id', nullable: true }) previousDeclarationId: string | null;
  @Column('timestamptz', { name: 'superseded_at', nullable: true }) supersededAt: Date | null;
  @Column('uuid', { name: 'superseded_by', nullable: true }) supersededBy: string | null;
  /** Stamped by the payroll export that booked it (set once, in the same transaction as the confirmation). */
  @Column('timestamptz', { name: 'processed_at', nullable: true }) processedAt: Date | null;
  @Column('uuid', { name: 'processed_in_export_id', nullable: true }) processedInExportId: string | null;
  @Column('int', { default: 1 }) version: number;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
}
