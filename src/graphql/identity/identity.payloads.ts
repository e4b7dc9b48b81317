import { Field, ObjectType } from 'type-graphql';
import { ApiClientType, ViewerType } from './identity.types';
import { UserType } from './user.types';

@ObjectType('ChangeMyPasswordPayload', { description: 'What changeMyPassword changed: every session ended, and this device has a new one.' })
export class ChangeMyPasswordPayload {
  @Field({ description: 'The new bearer token of this device; every other session has ended. Shown once.' }) token: string;
  @Field({ description: 'When the new token expires.' }) expiresAt: Date;
}

@ObjectType('LogoutPayload', { description: 'What logout changed.' })
export class LogoutPayload {
  @Field({ description: 'True when the session of the bearer token ended; false when the request had no session (an API key).' })
  sessionEnded: boolean;
}

@ObjectType('UpdateMySettingsPayload', { description: 'What updateMySettings changed: the viewer with the new settings.' })
export class UpdateMySettingsPayload {
  @Field(() => ViewerType, { description: 'The viewer as it is now (language).' }) viewer: ViewerType;
}

@ObjectType('CreateUserPayload', { description: 'What createUser made: the new login.' })
export class CreateUserPayload {
  @Field(() => UserType, { description: 'The new user.' }) user: UserType;
}

@ObjectType('RevokeApiClientPayload', { description: 'What revokeApiClient changed: the API client, now with revokedAt.' })
export class RevokeApiClientPayload {
  @Field(() => ApiClientType, { description: 'The revoked API client.' }) apiClient: ApiClientType;
}
