import { Field, ID, ObjectType } from 'type-graphql';
import { ApiClient } from '../../domain/identity/api-client.entity';
import { LanguageCode } from '../../domain/shared/language.value-object';
import { LanguageEnum, PortalTabEnum, RoleEnum } from '../shared/enums';

@ObjectType('Viewer', { description: 'Who is logged in, with what they need to set up the portal.' })
export class ViewerType {
  @Field(() => ID, { description: 'The user id, or the API client id for PAYROLL.' }) id: string;
  @Field(() => RoleEnum, { description: 'What the viewer is to the agency: it decides what they see and may do.' }) role: keyof typeof RoleEnum;
  @Field({ description: "The name to greet the viewer with: the user's display name, or the API client's name." }) displayName: string;
  @Field(() => String, { nullable: true, description: 'The login e-mail (users only).' }) email: string | null;
  @Field(() => LanguageEnum, { description: "The viewer's language: messages and explanations come in it (for an API key: the request's Accept-Language, Dutch without one)." })
  language: LanguageCode;
  @Field(() => ID, { description: "The viewer's agency (Agency.id)." }) agencyId: string;
  @Field({ description: "The agency's name, for the portal's header." }) agencyName: string;
  @Field(() => [PortalTabEnum], {
    description:
      "The portal's tabs to show, in display order. FLEXWORKER: the tabs the agency enabled (agency setting). RELATION_CONTACT: CONTACT when the agency enabled it (a contact writes to the agency too), else none. AGENCY_STAFF and PAYROLL: an empty list; staff find the agency's choice in `agency.settings.enabledTabs`.",
  })
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

@ObjectType('CreateApiClientPayload', { description: 'What createApiClient made: the API client and its key, shown this once.' })
export class CreateApiClientPayload {
  @Field(() => ApiClientType, { description: 'The new API client.' }) apiClient: ApiClientType;
  @Field({ description: 'The API key, shown this once. Send it as `Authorization: Bearer <key>`.' }) apiKey: string;
}
