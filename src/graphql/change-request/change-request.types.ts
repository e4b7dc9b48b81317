import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MyInformation } from '../../application/change-request/get-my-information.use-case';
import { fullView } from '../../application/organisation/flexworker-view';
import { CHANGE_REQUEST_STATUSES, ChangeRequest, PROPOSABLE_FIELDS } from '../../domain/change-request/change-request.entity';
import { Iban } from '../../domain/shared/iban.value-object';
import { AddressType, FlexworkerType } from '../organisation/flexworker.types';
import { CURSOR_DESCRIPTION, EDGE_DESCRIPTION, EDGES_DESCRIPTION, NODES_DESCRIPTION, PAGE_INFO_DESCRIPTION, PageInfo } from '../shared/connection';
import { enumOf, LanguageEnum } from '../shared/enums';
import { LocalDateScalar } from '../shared/local-date.scalar';

export const ChangeRequestStatusEnum = enumOf(CHANGE_REQUEST_STATUSES);
registerEnumType(ChangeRequestStatusEnum, {
  name: 'ChangeRequestStatus',
  description: 'Where a change request is.',
  valuesConfig: {
    OPEN: { description: 'Waiting for the agency.' },
    APPROVED: { description: "Applied to the worker's record." },
    REJECTED: { description: 'Not applied; rejectionReason says why.' },
  },
});

/** UPPER_CASE in the schema (FIRST_NAME, DATE_OF_BIRTH); the internal values are the input's field names. */
export const PersonalDataFieldEnum = Object.fromEntries(PROPOSABLE_FIELDS.map((field) => [field.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase(), field]));
registerEnumType(PersonalDataFieldEnum, { name: 'PersonalDataField', description: 'A field of the personal data a worker may ask to change (never the BSN).' });

@ObjectType('ProposedPersonalData', {
  description: 'The values a change request proposes. Only the fields listed in `fields` change; there, null clears the value.',
})
export class ProposedPersonalDataType {
  @Field(() => [PersonalDataFieldEnum], { description: 'The fields the request changes.' }) fields: string[];
  @Field(() => String, { nullable: true, description: 'The new first name.' }) firstName: string | null;
  @Field(() => String, { nullable: true, description: 'The new last name.' }) lastName: string | null;
  @Field(() => String, { nullable: true, description: 'The new e-mail address.' }) email: string | null;
  @Field(() => String, { nullable: true, description: 'The new telephone number.' }) phone: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The new date of birth.' }) dateOfBirth: string | null;
  @Field(() => AddressType, { nullable: true, description: 'The new address.' }) address: AddressType | null;
  @Field(() => String, { nullable: true, description: 'The new IBAN, masked like Flexworker.ibanMasked.' }) ibanMasked: string | null;
  @Field(() => LanguageEnum, { nullable: true, description: 'The new portal language.' }) language: string | null;
}

@ObjectType('ChangeRequest', { description: "A worker's request to correct their personal data, and the agency's answer." })
export class ChangeRequestType {
  @Field(() => ID, { description: 'The change request id.' }) id: string;
  @Field(() => ID, { description: 'The worker whose data it is (Flexworker.id).' }) flexworkerId: string;
  @Field(() => ChangeRequestStatusEnum, { description: 'OPEN, APPROVED or REJECTED.' }) status: string;
  @Field(() => ProposedPersonalDataType, { description: 'The proposed values.' }) proposed: ProposedPersonalDataType;
  @Field({ description: "The worker's note to the agency." }) note: string;
  @Field(() => Int, { description: "The worker record's version (Flexworker.version) the request was made on: a newer record refuses approval as CHANGE_REQUEST_STALE." })
  flexworkerVersion: number;
  @Field({ description: 'When the worker sent it.' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When staff approved or rejected it; null while OPEN.' }) decidedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'REJECTED: why, as staff wrote it; null otherwise.' }) rejectionReason: string | null;
  @Field(() => Int, { description: 'Changes with every decision.' }) version: number;

  static from(request: ChangeRequest): ChangeRequestType {
    const c = request.changes;
    const proposed = Object.assign(new ProposedPersonalDataType(), {
      fields: request.fields,
      firstName: c.firstName ?? null,
      lastName: c.lastName ?? null,
      email: c.email ?? null,
      phone: c.phone ?? null,
      dateOfBirth: c.dateOfBirth ?? null,
      address: c.address ? Object.assign(new AddressType(), { ...c.address, country: c.address.country ?? 'NL' }) : null,
      ibanMasked: c.iban ? Iban.parse(c.iban).masked() : null,
      language: c.language ?? null,
    });
    return Object.assign(new ChangeRequestType(), {
      id: request.id,
      flexworkerId: request.flexworkerId,
      status: request.status,
      proposed,
      note: request.note,
      flexworkerVersion: request.flexworkerVersion,
      createdAt: request.createdAt,
      decidedAt: request.decidedAt,
      rejectionReason: request.rejectionReason,
      version: request.version,
    });
  }
}

@ObjectType('ChangeRequestEdge', { description: EDGE_DESCRIPTION })
export class ChangeRequestEdge {
  @Field({ description: CURSOR_DESCRIPTION }) cursor: string;
  @Field(() => ChangeRequestType, { description: 'The change request.' }) node: ChangeRequestType;
}

@ObjectType('ChangeRequestConnection', { description: 'A page of change requests, newest first (Relay connection).' })
export class ChangeRequestConnection {
  @Field(() => [ChangeRequestEdge], { description: EDGES_DESCRIPTION }) edges: ChangeRequestEdge[];
  @Field(() => [ChangeRequestType], { description: NODES_DESCRIPTION }) nodes: ChangeRequestType[];
  @Field(() => PageInfo, { description: PAGE_INFO_DESCRIPTION }) pageInfo: PageInfo;
}

@ObjectType('AgencyContact', { description: 'How a worker reaches their agency.' })
export class AgencyContactType {
  @Field({ description: 'The agency name.' }) name: string;
  @Field(() => String, { nullable: true, description: 'The e-mail address to write to; null when the agency gave none.' }) email: string | null;
  @Field(() => String, { nullable: true, description: 'The telephone number to call; null when the agency gave none.' }) phone: string | null;
}

@ObjectType('MyInformation', { description: 'The "your information" tab: the worker\'s own record (BSN and IBAN masked) and how to reach the agency.' })
export class MyInformationType {
  @Field(() => FlexworkerType, { description: "The worker's record as the agency knows it." }) flexworker: FlexworkerType;
  @Field(() => AgencyContactType, { description: "The agency's contact details." }) agencyContact: AgencyContactType;

  static from(info: MyInformation): MyInformationType {
    const s = info.agency.settings;
    return Object.assign(new MyInformationType(), {
      flexworker: FlexworkerType.from(fullView(info.flexworker)),
      agencyContact: Object.assign(new AgencyContactType(), { name: info.agency.name, email: s.contactEmail, phone: s.contactPhone }),
    });
  }
}

@ObjectType('RequestPersonalDataChangePayload', { description: 'What requestPersonalDataChange made: the open request.' })
export class RequestPersonalDataChangePayload {
  @Field(() => ChangeRequestType, { description: 'The new request, OPEN.' }) changeRequest: ChangeRequestType;
}

@ObjectType('ApproveChangeRequestPayload', { description: 'What approveChangeRequest changed: the request and the worker.' })
export class ApproveChangeRequestPayload {
  @Field(() => ChangeRequestType, { description: 'The request, APPROVED.' }) changeRequest: ChangeRequestType;
  @Field(() => FlexworkerType, { description: 'The worker as it is now, with the new values and version.' }) flexworker: FlexworkerType;
}

@ObjectType('RejectChangeRequestPayload', { description: 'What rejectChangeRequest changed: the request.' })
export class RejectChangeRequestPayload {
  @Field(() => ChangeRequestType, { description: 'The request, REJECTED, with the reason.' }) changeRequest: ChangeRequestType;
}
