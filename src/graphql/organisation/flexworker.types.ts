import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FlexworkerView } from '../../application/organisation/flexworker-view';
import { LocalDateScalar } from '../shared/local-date.scalar';
import { CURSOR_DESCRIPTION, EDGE_DESCRIPTION, EDGES_DESCRIPTION, NODES_DESCRIPTION, PAGE_INFO_DESCRIPTION, PageInfo } from '../shared/connection';
import { LanguageEnum } from '../shared/enums';

export const FlexworkerAccessEnum = { FULL: 'FULL', NAME_ONLY: 'NAME_ONLY' } as const;
registerEnumType(FlexworkerAccessEnum, {
  name: 'FlexworkerAccess',
  description: 'FULL for staff and the worker themself; NAME_ONLY for contacts of a relation where the worker is placed.',
});

@ObjectType('Address', { description: "A worker's home address as registered by the agency (FULL access only)." })
export class AddressType {
  @Field({ description: 'The street name, without the number.' }) street: string;
  @Field({ description: 'The house number with any addition, e.g. "12a".' }) houseNumber: string;
  @Field({ description: 'The postal code as entered, e.g. "1011 AB".' }) postalCode: string;
  @Field({ description: 'The town or city.' }) city: string;
  @Field({ description: 'ISO 3166-1 alpha-2.' }) country: string;
}

@ObjectType('Flexworker', { description: 'A temp worker. Private fields are null when access is NAME_ONLY.' })
export class FlexworkerType {
  @Field(() => ID, { description: 'The worker id (Placement.flexworkerId, Timesheet.flexworkerId, Viewer.flexworkerId).' }) id: string;
  @Field(() => FlexworkerAccessEnum, { description: 'How much of the worker this viewer sees: FULL, or NAME_ONLY (then the private fields are null).' })
  access: keyof typeof FlexworkerAccessEnum;
  @Field({ description: 'The first name; every viewer who may see the worker sees it.' }) firstName: string;
  @Field({ description: 'The last name, with any prefix ("El Amrani", "de Vries").' }) lastName: string;
  @Field({ description: 'First and last name as one text, to show in lists.' }) fullName: string;
  @Field(() => String, { nullable: true, description: "The worker's e-mail address; null with NAME_ONLY access." })
  email: string | null;
  @Field(() => String, { nullable: true, description: 'A telephone number as entered (e.g. +31 6 1234 5678); null when unknown or with NAME_ONLY access.' })
  phone: string | null;
  @Field(() => LanguageEnum, { nullable: true, description: "The worker's portal language (mails and messages); null with NAME_ONLY access." })
  language: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The date of birth (YYYY-MM-DD); null when unknown or with NAME_ONLY access.' })
  dateOfBirth: string | null;
  @Field(() => AddressType, { nullable: true, description: 'The home address; null when unknown or with NAME_ONLY access.' })
  address: AddressType | null;
  @Field(() => String, { nullable: true, description: 'The BSN masked: only the last digits show.' }) bsnMasked: string | null;
  @Field(() => String, { nullable: true, description: 'The IBAN masked: country and last four show.' }) ibanMasked: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The worker's personnel number in the payroll system, unique in the agency; null when none is set or with NAME_ONLY access.",
  })
  payrollNumber: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The full BSN, only for the payroll system (a PAYROLL API key) of an agency whose settings.payrollReadsBsn is true; null for everyone else and when none is registered (use bsnMasked).',
  })
  bsnForPayroll: string | null;
  @Field(() => Int, { nullable: true, description: 'Send it back as expectedVersion when changing the worker; null with NAME_ONLY access.' })
  version: number | null;

  static from(view: FlexworkerView): FlexworkerType {
    const base = {
      id: view.id,
      access: view.access,
      firstName: view.name.firstName,
      lastName: view.name.lastName,
      fullName: view.name.fullName,
    };
    if (view.access === 'NAME_ONLY') {
      return Object.assign(new FlexworkerType(), base, {
        email: null, phone: null, language: null, dateOfBirth: null, address: null, bsnMasked: null, ibanMasked: null,
        payrollNumber: null, bsnForPayroll: null, version: null,
      });
    }
    const w = view.flexworker;
    return Object.assign(new FlexworkerType(), base, {
      email: w.email.value,
      phone: w.phone?.value ?? null,
      language: w.language.code,
      dateOfBirth: w.dateOfBirth?.toString() ?? null,
      address: w.address ? Object.assign(new AddressType(), {
        street: w.address.street,
        houseNumber: w.address.houseNumber,
        postalCode: w.address.postalCode,
        city: w.address.city,
        country: w.address.country,
      }) : null,
      bsnMasked: w.bsn?.masked() ?? null,
      ibanMasked: w.iban?.masked() ?? null,
      payrollNumber: w.payrollNumber?.value ?? null,
      bsnForPayroll: view.bsnForPayroll,
      version: w.version,
    });
  }
}

@ObjectType('FlexworkerEdge', { description: EDGE_DESCRIPTION })
export class FlexworkerEdge {
  @Field({ description: CURSOR_DESCRIPTION }) cursor: string;
  @Field(() => FlexworkerType, { description: 'The worker.' }) node: FlexworkerType;
}

@ObjectType('FlexworkerConnection', { description: 'A page of flexworkers (Relay connection).' })
export class FlexworkerConnection {
  @Field(() => [FlexworkerEdge], { description: EDGES_DESCRIPTION }) edges: FlexworkerEdge[];
  @Field(() => [FlexworkerType], { description: NODES_DESCRIPTION }) nodes: FlexworkerType[];
  @Field(() => PageInfo, { description: PAGE_INFO_DESCRIPTION }) pageInfo: PageInfo;
}
