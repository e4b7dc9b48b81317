import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'api_clients' })
export class ApiClientOrmEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'agency_id' }) agencyId: string;
  @Column('text') name: string;
  @Column('text') role: string;
  @Column('text', { name: 'key_hash' }) keyHash: string;
  @Column('text', { name: 'key_prefix' }) keyPrefix: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('uuid', { name: 'created_by' }) createdBy: string;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
}
