import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ScheduleVersionData } from '../../../domain/unravel/cao-unravel-schedule.data';

@Entity({ name: 'cao_schedules' })
export class CaoScheduleOrmEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'agency_id' }) agencyId: string;
  @Column('text') name: string;
  @Column('text') source: string;
  @Column('int', { default: 1 }) version: number;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
}

/** One version of a schedule, in the engine's normalised JSON. Append-only. */
@Entity({ name: 'cao_schedule_versions' })
export class CaoScheduleVersionOrmEntity {
  @PrimaryColumn('uuid', { name: 'schedule_id' }) scheduleId: string;
  @PrimaryColumn('date', { name: 'valid_from' }) validFrom: string;
  @Column('uuid', { name: 'agency_id' }) agencyId: string;
  @Column('jsonb') data: ScheduleVersionData;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
}
