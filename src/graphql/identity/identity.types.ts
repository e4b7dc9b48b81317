import { Field, ID, ObjectType } from 'type-graphql';
import { ApiClient } from '../../domain/identity/api-client.entity';
import { LanguageEnum, PortalTabEnum, RoleEnum } from '../shared/enums';

@ObjectType('Viewer', { description: 'Who is logged in, with what they need to set up the portal.' })
export class ViewerType {
  @Field(() => ID, { description: 'The user id, or the API client id for PAYROLL.' }) id: string;
  @Field(() => RoleEnum, { description: 'What the viewer is to the agency: it decides what they see and may do.' }) role: keyof typeof RoleEnum;
  @Field({ description: "The name to greet the viewer with: the user's display name, or the API client's name." }) displayName: string;
  @Field(() => String, { nullable: true, description: 'The login e-mail (users only).' }) email: string | null;
  @Field(() => LanguageEnum, { description: "The viewer's language: messages and explanations come in it (Dutch for an API key)." })
  language: keyof typeof LanguageEnum;
  @Field(() => ID, { description: "The viewer's agency (Agency.id)." }) agencyId: string;
  @Field({ description: "The agency's name, for the portal's header." }) agencyName: string;
  @Field(() => [PortalTabEnum], { description: "The tabs of the agency's portal, in display order." })
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
  @Field(() => ID, { description: 'The API client id (Viewer.id when it calls); revokeApiClient takes it.' }) id: string;
  @Field({ description: 'What staff called it, e.g. "Loket payroll export".' }) name: string;
  @Field(() => RoleEnum, { description: 'What the key may do: PAYROLL (reads every week and declaration of the agency).' }) role: keyof typeof RoleEnum;
  @Field({ description: 'The first characters of the key, to tell keys apart.' }) keyPrefix: string;
  @Field({ description: 'When staff created the key.' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When the key was revoked (refused from then on); null while it works.' }) revokedAt: Date | null;

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
