import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'relations' })
export class RelationOrmEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'agency_id' }) agencyId: string;
  @Column('text') name: string;
  @Column('text', { name: 'chamber_of_commerce_number', nullable: true }) chamberOfCommerceNumber: string | null;
  @Column('text', { name: 'contact_email', nullable: true }) contactEmail: string | null;
  @Column('text', { name: 'contact_phone', nullable: true }) contactPhone: string | null;
  @Column('boolean', { default: true }) active: boolean;
  @Column('int', { default: 1 }) version: number;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
}
