import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface HourCodeRow {
  code: string;
  percentage: number;
  label: string | null;
}

@Entity({ name: 'placements' })
export class PlacementOrmEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'agency_id' }) agencyId: string;
  @Column('uuid', { name: 'flexworker_id' }) flexworkerId: string;
  @Column('uuid', { name: 'relation_id' }) relationId: string;
  @Column('date', { name: 'start_date' }) startDate: string;
  @Column('date', { name: 'end_date', nullable: true }) endDate: string | null;
  @Column('text', { name: 'function_name' }) functionName: string;
  @Column('text', { name: 'cost_centre', nullable: true }) costCentre: string | null;
  @Column('text', { name: 'purchase_order_reference', nullable: true }) purchaseOrderReference: string | null;
  @Column('int', { name: 'contract_minutes_per_week' }) contractMinutesPerWeek: number;
  @Column('text', { name: 'allowed_entry_modes', array: true }) allowedEntryModes: string[];
  @Column('text', { name: 'hours_entered_by' }) hoursEnteredBy: string;
  @Column('boolean', { name: 'send_invitations' }) sendInvitations: boolean;
  @Column('boolean', { name: 'send_reminders' }) sendReminders: boolean;
  @Column('uuid', { name: 'cao_schedule_id', nullable: true }) caoScheduleId: string | null;
  @Column('jsonb', { name: 'hour_codes', nullable: true }) hourCodes: HourCodeRow[] | null;
  @Column('int', { default: 1 }) version: number;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
}
