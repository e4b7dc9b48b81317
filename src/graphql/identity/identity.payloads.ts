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

@ObjectType('RequestPasswordResetPayload', {
  description: 'The same answer for every address, with or without a login: a mail goes to each login with it (up to a few per hour).',
})
export class RequestPasswordResetPayload {
  @Field({ description: 'Always true: the request was taken. It does not say whether the address has a login.' }) accepted: boolean;
}

@ObjectType('ResetPasswordPayload', { description: 'What resetPassword changed: a new password, every older session ended, and a new session for this device.' })
export class ResetPasswordPayload {
  @Field({ description: 'The bearer token of the new session (the reset logs in). Shown once.' }) token: string;
  @Field({ description: 'When the token expires.' }) expiresAt: Date;
  @Field(() => ViewerType, { description: 'Who is logged in now, as the viewer query answers.' }) viewer: ViewerType;
}
