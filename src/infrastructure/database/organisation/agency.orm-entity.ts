import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'agencies' })
export class AgencyOrmEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text', { name: 'time_zone' }) timeZone: string;
  @Column('text', { name: 'enabled_tabs', array: true }) enabledTabs: string[];
  @Column('text', { name: 'approval_deadline_weekday' }) approvalDeadlineWeekday: string;
  @Column('smallint', { name: 'approval_deadline_minute' }) approvalDeadlineMinute: number;
  @Column('text', { name: 'pay_weekday' }) payWeekday: string;
  @Column('text', { name: 'pay_day_on_holiday' }) payDayOnHoliday: string;
  @Column('smallint', { name: 'declaration_visibility_days' }) declarationVisibilityDays: number;
  @Column('int') version: number;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
}
