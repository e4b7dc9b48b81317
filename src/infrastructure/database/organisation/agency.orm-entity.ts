import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'agencies' })
export class AgencyOrmEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text', { name: 'time_zone', default: 'Europe/Amsterdam' }) timeZone: string;
  @Column('text', { name: 'enabled_tabs', array: true }) enabledTabs: string[];
  @Column('text', { name: 'approval_deadline_weekday', default: 'MON' }) approvalDeadlineWeekday: string;
  @Column('smallint', { name: 'approval_deadline_minute', default: 720 }) approvalDeadlineMinute: number;
  @Column('text', { name: 'pay_weekday', default: 'WED' }) payWeekday: string;
  @Column('text', { name: 'pay_day_on_holiday', default: 'NEXT_WORKING_DAY' }) payDayOnHoliday: string;
  @Column('smallint', { name: 'declaration_visibility_days', default: 28 }) declarationVisibilityDays: number;
  @Column('boolean', { name: 'payroll_reads_bsn', default: false }) payrollReadsBsn: boolean;
  /** `FRI 16:00` per moment, in week order. */
  @Column('text', { name: 'reminder_moments', array: true }) reminderMoments: string[];
  @Column('text', { name: 'contact_email', nullable: true }) contactEmail: string | null;
  @Column('text', { name: 'contact_phone', nullable: true }) contactPhone: string | null;
  @Column('int', { default: 1 }) version: number;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
}
