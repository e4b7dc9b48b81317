import { MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { LanguageCode } from '../../domain/shared/language.value-object';
import { LanguageEnum, RoleEnum } from '../shared/enums';

@InputType({ description: 'E-mail and password of a login.' })
export class LoginInput {
  @Field({ description: 'The login e-mail address (case does not matter).' }) @MaxLength(254) email: string;
  @Field({ description: 'The password; a wrong one and an unknown e-mail get the same answer.' }) @MaxLength(256) password: string;
  @Field(() => ID, { nullable: true, description: 'Only when the same login exists at several agencies.' })
  @MaxLength(64)
  agencyId?: string;
}

@InputType({ description: "The viewer's password now and the one to use from now on." })
export class ChangeMyPasswordInput {
  @Field({ description: 'The password you log in with now.' }) @MaxLength(256) currentPassword: string;
  @Field({ description: 'The new password: 10 to 128 characters, not a common one (PASSWORD_TOO_COMMON).' }) @MaxLength(256) newPassword: string;
}

@InputType({ description: "The viewer's own portal settings to change; a field left out stays as it is." })
export class UpdateMySettingsInput {
  @Field(() => LanguageEnum, { nullable: true, description: 'The portal language: messages and mails come in it.' }) language?: LanguageCode;
}

@InputType({ description: 'A new API key for a machine client (the payroll system).' })
export class CreateApiClientInput {
  @Field({ description: 'A name for staff to recognise the key by, e.g. "Loket payroll export".' }) @MaxLength(200) name: string;
}

@InputType({ description: 'The API client whose key is revoked.' })
export class RevokeApiClientInput {
  @Field(() => ID, { description: 'The id of the API client (ApiClient.id).' }) @MaxLength(64) id: string;
}

@InputType({ description: 'A login for a staff member, a relation contact or a flexworker.' })
export class CreateUserInput {
  @Field({ description: 'The login e-mail address, unique in the agency.' }) @MaxLength(254) email: string;
  @Field({ description: 'The name the portal greets the user with.' }) @MaxLength(200) displayName: string;
  @Field(() => RoleEnum, { description: 'AGENCY_STAFF, RELATION_CONTACT (with relationId) or FLEXWORKER (with flexworkerId).' }) role: keyof typeof RoleEnum;
  @Field(() => ID, { nullable: true, description: 'Required for FLEXWORKER.' }) @MaxLength(64) flexworkerId?: string;
  @Field(() => ID, { nullable: true, description: 'Required for RELATION_CONTACT.' }) @MaxLength(64) relationId?: string;
  @Field(() => LanguageEnum, { nullable: true, description: "The user's portal language; Dutch when left out." }) language?: LanguageCode;
  @Field({ description: 'The first password (at least 10 characters).' }) @MaxLength(256) password: string;
}

@InputType({ description: 'The e-mail address that forgot its password.' })
export class RequestPasswordResetInput {
  @Field({ description: 'The login e-mail address (case does not matter); an unknown one gets the same answer.' }) @MaxLength(254) email: string;
  @Field(() => ID, { nullable: true, description: "Only this agency's login, when the address has logins at several (otherwise each gets its own mail)." })
  @MaxLength(64)
  agencyId?: string;
}

@InputType({ description: 'The token of a password reset mail and the new password.' })
export class ResetPasswordInput {
  @Field({ description: 'The token from the link in the mail (after `#token=`).' }) @MaxLength(256) token: string;
  @Field({ description: 'The new password: 10 to 128 characters, not a common one (PASSWORD_TOO_COMMON).' }) @MaxLength(256) newPassword: string;
}
