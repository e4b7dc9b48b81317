import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'change_requests' })
export class ChangeRequestOrmEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'agency_id' }) agencyId: string;
  @Column('uuid', { name: 'flexworker_id' }) flexworkerId: string;
  @Column('uuid', { name: 'requested_by' }) requestedBy: string;
  /** The proposed values; `iban` encrypted (see change-request.mapper.ts). */
  @Column('jsonb') changes: Record<string, unknown>;
  @Column('text') note: string;
  @Column('int', { name: 'flexworker_version' }) flexworkerVersion: number;
  @Column('text') status: string;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt: Date | null;
  @Column('uuid', { name: 'decided_by', nullable: true }) decidedBy: string | null;
  @Column('text', { name: 'rejection_reason', nullable: true }) rejectionReason: string | null;
  @Column('int', { default: 1 }) version: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
}
