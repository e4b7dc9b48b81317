import { MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { AddressInput } from '../organisation/organisation.inputs';
import { LanguageEnum } from '../shared/enums';
import { LocalDateScalar } from '../shared/local-date.scalar';

@InputType({
  description:
    'The new values a worker proposes: a field left out stays as it is, null clears an optional one. Checked as updateFlexworker checks them. There is no BSN: only agency staff change it (updateFlexworker).',
})
export class ProposedPersonalDataInput {
  @Field({ nullable: true, description: 'The new first name.' }) @MaxLength(100) firstName?: string;
  @Field({ nullable: true, description: 'The new last name.' }) @MaxLength(100) lastName?: string;
  @Field({ nullable: true, description: 'The new e-mail address.' }) @MaxLength(254) email?: string;
  @Field(() => String, { nullable: true, description: 'The new telephone number; null clears it.' }) @MaxLength(32) phone?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The date of birth (YYYY-MM-DD); null clears it.' }) dateOfBirth?: string | null;
  @Field(() => AddressInput, { nullable: true, description: 'The whole new address; null clears it.' }) @ValidateNested() address?: AddressInput | null;
  @Field(() => String, { nullable: true, description: 'The new IBAN (mod-97 checked); needs currentPassword. Null clears it.' }) @MaxLength(42) iban?: string | null;
  @Field(() => LanguageEnum, { nullable: true, description: 'The new portal language.' }) language?: string;
}

@InputType({ description: 'A change request of the worker for their own personal data.' })
export class RequestPersonalDataChangeInput {
  @Field(() => ProposedPersonalDataInput, { description: 'The new values; at least one.' }) @ValidateNested() changes: ProposedPersonalDataInput;
  @Field({ description: 'A note to the agency (1–2000 characters), e.g. why or since when.' }) @MaxLength(2000) note: string;
  @Field(() => String, { nullable: true, description: 'Your current password: required when the IBAN changes (PASSWORD_REQUIRED, PASSWORD_INCORRECT).' })
  @MaxLength(1024)
  currentPassword?: string | null;
}

@InputType({ description: 'Staff approve a change request.' })
export class ApproveChangeRequestInput {
  @Field(() => ID, { description: 'The request (ChangeRequest.id).' }) @MaxLength(64) id: string;
}

@InputType({ description: 'Staff reject a change request with a reason the worker reads.' })
export class RejectChangeRequestInput {
  @Field(() => ID, { description: 'The request (ChangeRequest.id).' }) @MaxLength(64) id: string;
  @Field({ description: 'Why (1–2000 characters); the worker sees it.' }) @MaxLength(2000) reason: string;
}
