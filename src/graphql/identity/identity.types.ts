import { Field, ID, ObjectType } from 'type-graphql';
import { ApiClient } from '../../domain/identity/api-client.entity';
import { LanguageCode } from '../../domain/shared/language.value-object';
import { LanguageEnum, PortalTabEnum, RoleEnum } from '../shared/enums';

@ObjectType('Viewer', { description: 'Who is logged in, with what they need to set up the portal.' })
export class ViewerType {
  @Field(() => ID, { description: 'The user id, or the API client id for PAYROLL.' }) id: string;
  @Field(() => RoleEnum) role: keyof typeof RoleEnum;
  @Field() displayName: string;
  @Field(() => String, { nullable: true, description: 'The login e-mail (users only).' }) email: string | null;
  @Field(() => LanguageEnum) language: LanguageCode;
  @Field(() => ID) agencyId: string;
  @Field() agencyName: string;
  @Field(() => [PortalTabEnum], { description: "The tabs of the agency's portal, in display order." })
  enabledTabs: (keyof typeof PortalTabEnum)[];
  @Field(() => ID, { nullable: true, description: 'The flexworker this login belongs to (FLEXWORKER).' })
  flexworkerId: string | null;
  @Field(() => ID, { nullable: true, description: 'The relation this contact speaks for (RELATION_CONTACT).' })
  relationId: string | null;
}

@ObjectType('LoginPayload', { description: 'What login started: a session with its bearer token, and who is logged in.' })
export class LoginPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`. Shown once; only its hash is stored.' })
  token: string;
  @Field({ description: 'When the token expires.' }) expiresAt: Date;
  @Field(() => ViewerType, { description: 'Who is logged in, as the viewer query answers.' }) viewer: ViewerType;
}

@ObjectType('ApiClient', { description: 'A machine client (the payroll system) with an API key.' })
export class ApiClientType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => RoleEnum) role: keyof typeof RoleEnum;
  @Field({ description: 'The first characters of the key, to tell keys apart.' }) keyPrefix: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;

  static from(client: ApiClient): ApiClientType {
    return Object.assign(new ApiClientType(), {
      id: client.id,
      name: client.name,
      role: client.role,
      keyPrefix: client.keyPrefix,
      createdAt: client.createdAt,
      revokedAt: client.revokedAt,
    });
  }
}

@ObjectType('CreateApiClientPayload', { description: 'What createApiClient made: the API client and its key, shown this once.' })
export class CreateApiClientPayload {
  @Field(() => ApiClientType, { description: 'The new API client.' }) apiClient: ApiClientType;
  @Field({ description: 'The API key, shown this once. Send it as `Authorization: Bearer <key>`.' }) apiKey: string;
}
