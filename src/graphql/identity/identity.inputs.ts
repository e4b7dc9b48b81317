import { MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { LanguageCode } from '../../domain/shared/language.value-object';
import { LanguageEnum, RoleEnum } from '../shared/enums';

@InputType()
export class LoginInput {
  @Field() @MaxLength(254) email: string;
  @Field() @MaxLength(256) password: string;
  @Field(() => ID, { nullable: true, description: 'Only when the same login exists at several agencies.' })
  @MaxLength(64)
  agencyId?: string;
}

@InputType()
export class ChangeMyPasswordInput {
  @Field() @MaxLength(256) currentPassword: string;
  @Field() @MaxLength(256) newPassword: string;
}

@InputType()
export class UpdateMySettingsInput {
  @Field(() => LanguageEnum, { nullable: true }) language?: LanguageCode;
}

@InputType()
export class CreateApiClientInput {
  @Field() @MaxLength(200) name: string;
}

@InputType({ description: 'The API client whose key is revoked.' })
export class RevokeApiClientInput {
  @Field(() => ID, { description: 'The id of the API client (ApiClient.id).' }) @MaxLength(64) id: string;
}

@InputType({ description: 'A login for a staff member, a relation contact or a flexworker.' })
export class CreateUserInput {
  @Field() @MaxLength(254) email: string;
  @Field() @MaxLength(200) displayName: string;
  @Field(() => RoleEnum) role: keyof typeof RoleEnum;
  @Field(() => ID, { nullable: true, description: 'Required for FLEXWORKER.' }) @MaxLength(64) flexworkerId?: string;
  @Field(() => ID, { nullable: true, description: 'Required for RELATION_CONTACT.' }) @MaxLength(64) relationId?: string;
  @Field(() => LanguageEnum, { nullable: true }) language?: LanguageCode;
  @Field({ description: 'The first password (at least 10 characters).' }) @MaxLength(256) password: string;
}
