import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DayEntryData } from '../../../domain/timesheet/day-entry.value-object';

/** One placement's ISO week; `week_start` (its Monday) orders and filters the lists. */
@Entity({ name: 'timesheets' })
export class TimesheetOrmEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'agency_id' }) agencyId: string;
  @Column('uuid', { name: 'placement_id' }) placementId: string;
  @Column('uuid', { name: 'flexworker_id' }) flexworkerId: string;
  @Column('uuid', { name: 'relation_id' }) relationId: string;
  @Column('text') week: string;
  @Column('date', { name: 'week_start' }) weekStart: string;
  @Column('text') status: string;
  @Column('jsonb') days: DayEntryData[];
  @Column('text', { name: 'rejection_reason', nullable: true }) rejectionReason: string | null;
  @Column('timestamptz', { name: 'rejected_at', nullable: true }) rejectedAt: Date | null;
  @Column('uuid', { name: 'rejected_by', nullable: true }) rejectedBy: string | null;
  @Column('timestamptz', { name: 'worker_approved_at', nullable: true }) workerApprovedAt: Date | null;
  @Column('uuid', { name: 'worker_approved_by', nullable: true }) workerApprovedBy: string | null;
  @Column('timestamptz', { name: 'relation_approved_at', nullable: true }) relationApprovedAt: Date | null;
  @Column('uuid', { name: 'relation_approved_by', nullable: true }) relationApprovedBy: string | null;
  @Column('uuid', { name: 'current_declaration_id', nullable: true }) currentDeclarationId: string | null;
  @Column('int', { name: 'declaration_count' }) declarationCount: number;
  @Column('int', { default: 1 }) version: number;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
}
