import { Field, ID, ObjectType } from 'type-graphql';
import { ApiClient } from '../../domain/identity/api-client.entity';
import { LanguageEnum, PortalTabEnum, RoleEnum } from '../shared/enums';

@ObjectType('Viewer', { description: 'Who is logged in, with what they need to set up the portal.' })
export class ViewerType {
  @Field(() => ID, { description: 'The user id, or the API client id for PAYROLL.' }) id: string;
  @Field(() => RoleEnum) role: keyof typeof RoleEnum;
  @Field() displayName: string;
  @Field(() => String, { nullable: true, description: 'The login e-mail (users only).' }) email: string | null;
  @Field(() => LanguageEnum) language: keyof typeof LanguageEnum;
  @Field(() => ID) agencyId: string;
  @Field() agencyName: string;
  @Field(() => [PortalTabEnum], {
    description:
      "The worker portal's tabs to show, in display order. FLEXWORKER: the tabs the agency enabled (agency setting). RELATION_CONTACT, AGENCY_STAFF and PAYROLL: an empty list, since these tabs are the worker's; staff find the agency's choice in `agency.settings.enabledTabs`.",
  })
  enabledTabs: (keyof typeof PortalTabEnum)[];
  @Field(() => ID, { nullable: true, description: 'The flexworker this login belongs to (FLEXWORKER).' })
  flexworkerId: string | null;
  @Field(() => ID, { nullable: true, description: 'The relation this contact speaks for (RELATION_CONTACT).' })
  relationId: string | null;
}

@ObjectType('LoginPayload')
export class LoginPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`. Shown once; only its hash is stored.' })
  token: string;
  @Field() expiresAt: Date;
  @Field(() => ViewerType) viewer: ViewerType;
}

@ObjectType('SessionPayload')
export class SessionPayload {
  @Field({ description: 'The new bearer token of this device; every other session has ended.' }) token: string;
  @Field() expiresAt: Date;
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

@ObjectType('CreateApiClientPayload')
export class CreateApiClientPayload {
  @Field(() => ApiClientType) apiClient: ApiClientType;
  @Field({ description: 'The API key, shown this once. Send it as `Authorization: Bearer <key>`.' }) apiKey: string;
}
