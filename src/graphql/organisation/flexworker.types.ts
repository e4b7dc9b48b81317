import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FlexworkerView } from '../../application/organisation/flexworker-view';
import { LocalDateScalar } from '../shared/local-date.scalar';
import { PageInfo } from '../shared/connection';
import { LanguageEnum } from '../shared/enums';

export const FlexworkerAccessEnum = { FULL: 'FULL', NAME_ONLY: 'NAME_ONLY' } as const;
registerEnumType(FlexworkerAccessEnum, {
  name: 'FlexworkerAccess',
  description: 'FULL for staff and the worker themself; NAME_ONLY for contacts of a relation where the worker is placed.',
});

@ObjectType('Address')
export class AddressType {
  @Field() street: string;
  @Field() houseNumber: string;
  @Field() postalCode: string;
  @Field() city: string;
  @Field({ description: 'ISO 3166-1 alpha-2.' }) country: string;
}

@ObjectType('Flexworker', { description: 'A temp worker. Private fields are null when access is NAME_ONLY.' })
export class FlexworkerType {
  @Field(() => ID) id: string;
  @Field(() => FlexworkerAccessEnum) access: keyof typeof FlexworkerAccessEnum;
  @Field() firstName: string;
  @Field() lastName: string;
  @Field() fullName: string;
  @Field(() => String, { nullable: true }) email: string | null;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field(() => LanguageEnum, { nullable: true }) language: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) dateOfBirth: string | null;
  @Field(() => AddressType, { nullable: true }) address: AddressType | null;
  @Field(() => String, { nullable: true, description: 'The BSN masked: only the last digits show.' }) bsnMasked: string | null;
  @Field(() => String, { nullable: true, description: 'The IBAN masked: country and last four show.' }) ibanMasked: string | null;
  @Field(() => Int, { nullable: true }) version: number | null;

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
        email: null, phone: null, language: null, dateOfBirth: null, address: null, bsnMasked: null, ibanMasked: null, version: null,
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
      version: w.version,
    });
  }
}

@ObjectType('FlexworkerEdge')
export class FlexworkerEdge {
  @Field() cursor: string;
  @Field(() => FlexworkerType) node: FlexworkerType;
}

@ObjectType('FlexworkerConnection')
export class FlexworkerConnection {
  @Field(() => [FlexworkerEdge]) edges: FlexworkerEdge[];
  @Field(() => [FlexworkerType]) nodes: FlexworkerType[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}
