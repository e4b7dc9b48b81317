import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { Invitation } from '../../domain/identity/invitation.entity';
import { LanguageCode } from '../../domain/shared/language.value-object';
import { LanguageEnum } from '../shared/enums';
import { ViewerType } from './identity.types';
import { UserType } from './user.types';

export const InvitationStateEnum = { OPEN: 'OPEN', EXPIRED: 'EXPIRED', USED: 'USED', REVOKED: 'REVOKED', REPLACED: 'REPLACED' } as const;
registerEnumType(InvitationStateEnum, {
  name: 'InvitationState',
  description: 'OPEN (the link works), EXPIRED, USED (accepted), REVOKED by staff, or REPLACED by a re-sent one.',
});

@ObjectType('Invitation', { description: 'An invitation of a login to set its first password (the token is only in the mail).' })
export class InvitationType {
  @Field(() => ID, { description: 'The invitation id.' }) id: string;
  @Field(() => ID, { description: 'The login invited (User.id); resendInvitation and revokeInvitation take it.' }) userId: string;
  @Field({ description: 'When it was sent.' }) createdAt: Date;
  @Field({ description: 'When its link stops working.' }) expiresAt: Date;
  @Field(() => InvitationStateEnum, { description: 'Where it stands now.' }) state: keyof typeof InvitationStateEnum;

  static from(invitation: Invitation, now: Date): InvitationType {
    return Object.assign(new InvitationType(), {
      id: invitation.id,
      userId: invitation.userId,
      createdAt: invitation.createdAt,
      expiresAt: invitation.expiresAt,
      state: invitation.stateAt(now),
    });
  }
}

@InputType({ description: 'Whom to invite: a flexworker (flexworkerId), or a contact of a relation (relationId, email, name, language).' })
export class InviteUserInput {
  @Field(() => ID, { nullable: true, description: 'A flexworker of your agency: the mail goes to their e-mail, in their language.' })
  @MaxLength(64)
  flexworkerId?: string;
  @Field(() => ID, { nullable: true, description: 'A relation of your agency, for a contact who approves its hours.' }) @MaxLength(64) relationId?: string;
  @Field({ nullable: true, description: "The contact's e-mail address (with relationId)." }) @MaxLength(254) email?: string;
  @Field({ nullable: true, description: "The contact's name (with relationId)." }) @MaxLength(200) name?: string;
  @Field(() => LanguageEnum, { nullable: true, description: "The contact's language (with relationId); Dutch when left out." }) language?: LanguageCode;
}

@InputType({ description: 'The login whose open invitation to send again.' })
export class ResendInvitationInput {
  @Field(() => ID, { description: 'The invited login (User.id, Invitation.userId, Flexworker.account.userId).' }) @MaxLength(64) userId: string;
}

@InputType({ description: 'The login whose open invitation to revoke.' })
export class RevokeInvitationInput {
  @Field(() => ID, { description: 'The invited login (User.id, Invitation.userId, Flexworker.account.userId).' }) @MaxLength(64) userId: string;
}

@InputType({ description: 'The token from the invitation link and the first password.' })
export class AcceptInvitationInput {
  @Field({ description: 'The token from the link in the mail (after `#token=`).' }) @MaxLength(256) token: string;
  @Field({ description: 'The password to log in with: 10 to 128 characters, not a common one (PASSWORD_TOO_COMMON).' }) @MaxLength(256) password: string;
}

@ObjectType('InviteUserPayload', { description: 'What inviteUser did: the login (made without a password if needed) and its new invitation.' })
export class InviteUserPayload {
  @Field(() => UserType, { description: 'The invited login (without a password until the invitation is accepted).' }) user: UserType;
  @Field(() => InvitationType, { description: 'The new invitation (OPEN).' }) invitation: InvitationType;
}

@ObjectType('ResendInvitationPayload', { description: 'What resendInvitation did: a new invitation replaced the open one.' })
export class ResendInvitationPayload {
  @Field(() => UserType, { description: 'The invited login (without a password until the invitation is accepted).' }) user: UserType;
  @Field(() => InvitationType, { description: 'The new invitation (OPEN); the old one is REPLACED.' }) invitation: InvitationType;
}

@ObjectType('RevokeInvitationPayload', { description: 'What revokeInvitation did: the invitation is revoked.' })
export class RevokeInvitationPayload {
  @Field(() => UserType, { description: 'The invited login (without a password until the invitation is accepted).' }) user: UserType;
  @Field(() => InvitationType, { description: 'The revoked invitation (REVOKED).' }) invitation: InvitationType;
}

@ObjectType('Landing', { description: 'Where the portal opens after sign-up: the current ISO week.' })
export class LandingType {
  @Field({ description: 'The current ISO week in the agency\'s time zone, e.g. "2026-W49".' }) week: string;
  @Field(() => ID, { nullable: true, description: "The worker's placement this week (open timesheet(placementId, week)); null for a contact or a worker not placed this week." })
  placementId: string | null;
  @Field({ description: "The portal address to open: the week's timesheet (workers) or the approval inbox (contacts)." }) url: string;
}

@ObjectType('AcceptInvitationPayload', { description: 'What acceptInvitation did: the password is set and a session started.' })
export class AcceptInvitationPayload {
  @Field({ description: 'The bearer token of the new session. Shown once.' }) token: string;
  @Field({ description: 'When the token expires.' }) expiresAt: Date;
  @Field(() => ViewerType, { description: 'Who is logged in now, as the viewer query answers.' }) viewer: ViewerType;
  @Field(() => LandingType, { description: 'Where to open the portal.' }) landing: LandingType;
}
