import { Relation } from '../../../domain/relation/relation.entity';
import { ChamberOfCommerceNumber } from '../../../domain/shared/chamber-of-commerce-number.value-object';
import { Email } from '../../../domain/shared/email.value-object';
import { PhoneNumber } from '../../../domain/shared/phone-number.value-object';
import { RelationOrmEntity } from './relation.orm-entity';

export function relationToRow(relation: Relation): RelationOrmEntity {
  const row = new RelationOrmEntity();
  row.id = relation.id;
  row.agencyId = relation.agencyId;
  row.name = relation.name;
  row.chamberOfCommerceNumber = relation.chamberOfCommerceNumber?.value ?? null;
  row.contactEmail = relation.contactEmail?.value ?? null;
  row.contactPhone = relation.contactPhone?.value ?? null;
  row.active = relation.active;
  row.version = relation.version;
  return row;
}

export function relationToDomain(row: RelationOrmEntity): Relation {
  return Relation.rehydrate({
    id: row.id,
    agencyId: row.agencyId,
    name: row.name,
    chamberOfCommerceNumber: row.chamberOfCommerceNumber === null ? null : ChamberOfCommerceNumber.parse(row.chamberOfCommerceNumber),
    contactEmail: row.contactEmail === null ? null : Email.parse(row.contactEmail),
    contactPhone: row.contactPhone === null ? null : PhoneNumber.parse(row.contactPhone),
    active: row.active,
    version: row.version,
  });
}
