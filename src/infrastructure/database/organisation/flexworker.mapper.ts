import { Flexworker } from '../../../domain/flexworker/flexworker.entity';
import { Address } from '../../../domain/shared/address.value-object';
import { Bsn } from '../../../domain/shared/bsn.value-object';
import { Email } from '../../../domain/shared/email.value-object';
import { Iban } from '../../../domain/shared/iban.value-object';
import { Language } from '../../../domain/shared/language.value-object';
import { PersonName } from '../../../domain/shared/person-name.value-object';
import { PhoneNumber } from '../../../domain/shared/phone-number.value-object';
import { LocalDate } from '../../../domain/time/local-date.value-object';
import { PayrollNumber } from '../../../domain/flexworker/payroll-number.value-object';
import { FieldCipher } from '../../crypto/field-cipher';
import { FlexworkerOrmEntity } from './flexworker.orm-entity';
import { dateText } from './placement.mapper';

/** The authenticated context of an encrypted field: its column and row, so it cannot be moved. */
export const bsnContext = (id: string) => `flexworkers.bsn:${id}`;
const ibanContext = (id: string) => `flexworkers.iban:${id}`;

export function flexworkerToRow(worker: Flexworker, cipher: FieldCipher): FlexworkerOrmEntity {
  const row = new FlexworkerOrmEntity();
  row.id = worker.id;
  row.agencyId = worker.agencyId;
  row.firstName = worker.name.firstName;
  row.lastName = worker.name.lastName;
  row.email = worker.email.value;
  row.phone = worker.phone?.value ?? null;
  row.language = worker.language.code;
  row.dateOfBirth = worker.dateOfBirth?.toString() ?? null;
  row.addressStreet = worker.address?.street ?? null;
  row.addressHouseNumber = worker.address?.houseNumber ?? null;
  row.addressPostalCode = worker.address?.postalCode ?? null;
  row.addressCity = worker.address?.city ?? null;
  row.addressCountry = worker.address?.country ?? null;
  row.bsnEncrypted = worker.bsn ? cipher.encrypt(worker.bsn.value, bsnContext(worker.id)) : null;
  row.ibanEncrypted = worker.iban ? cipher.encrypt(worker.iban.value, ibanContext(worker.id)) : null;
  row.payrollNumber = worker.payrollNumber?.value ?? null;
  row.version = worker.version;
  return row;
}

export function flexworkerToDomain(row: FlexworkerOrmEntity, cipher: FieldCipher): Flexworker {
  return Flexworker.rehydrate({
    id: row.id,
    agencyId: row.agencyId,
    name: PersonName.create({ firstName: row.firstName, lastName: row.lastName }),
    email: Email.parse(row.email),
    phone: row.phone === null ? null : PhoneNumber.parse(row.phone),
    language: Language.parse(row.language),
    dateOfBirth: row.dateOfBirth === null ? null : LocalDate.parse(dateText(row.dateOfBirth)),
    address:
      row.addressStreet === null
        ? null
        : Address.create({
            street: row.addressStreet,
            houseNumber: row.addressHouseNumber ?? '',
            postalCode: row.addressPostalCode ?? '',
            city: row.addressCity ?? '',
            country: row.addressCountry ?? '',
          }),
    bsn: row.bsnEncrypted === null ? null : Bsn.parse(cipher.decrypt(row.bsnEncrypted, bsnContext(row.id))),
    iban: row.ibanEncrypted === null ? null : Iban.parse(cipher.decrypt(row.ibanEncrypted, ibanContext(row.id))),
    payrollNumber: row.payrollNumber === null ? null : PayrollNumber.parse(row.payrollNumber),
    version: row.version,
  });
}
