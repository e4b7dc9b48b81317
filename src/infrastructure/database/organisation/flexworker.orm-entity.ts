import { Column, Entity, PrimaryColumn } from 'typeorm';

/** BSN and IBAN are stored only encrypted (FieldCipher), never in plain text. */
@Entity({ name: 'flexworkers' })
export class FlexworkerOrmEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'agency_id' }) agencyId: string;
  @Column('text', { name: 'first_name' }) firstName: string;
  @Column('text', { name: 'last_name' }) lastName: string;
  @Column('text') email: string;
  @Column('text', { nullable: true }) phone: string | null;
  @Column('text') language: string;
  @Column('date', { name: 'date_of_birth', nullable: true }) dateOfBirth: string | null;
  @Column('text', { name: 'address_street', nullable: true }) addressStreet: string | null;
  @Column('text', { name: 'address_house_number', nullable: true }) addressHouseNumber: string | null;
  @Column('text', { name: 'address_postal_code', nullable: true }) addressPostalCode: string | null;
  @Column('text', { name: 'address_city', nullable: true }) addressCity: string | null;
  @Column('text', { name: 'address_country', nullable: true }) addressCountry: string | null;
  @Column('text', { name: 'bsn_encrypted', nullable: true }) bsnEncrypted: string | null;
  @Column('text', { name: 'iban_encrypted', nullable: true }) ibanEncrypted: string | null;
  @Column('text', { name: 'payroll_number', nullable: true }) payrollNumber: string | null;
  @Column('int', { default: 1 }) version: number;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
}
