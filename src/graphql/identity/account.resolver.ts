import { Ctx, Field, FieldResolver, ID, ObjectType, registerEnumType, Resolver, Root } from 'type-graphql';
import { AccountView } from '../../application/identity/account-states.use-case';
import { GraphQLContext } from '../context';
import { FlexworkerType } from '../organisation/flexworker.types';
import { RelationType } from '../organisation/relation.types';

export const AccountStateEnum = {
  NONE: 'NONE',
  INVITED: 'INVITED',
  INVITATION_EXPIRED: 'INVITATION_EXPIRED',
  INVITATION_REVOKED: 'INVITATION_REVOKED',
  ACTIVE: 'ACTIVE',
  INACTIVE: 'INACTIVE',
} as const;
registerEnumType(AccountStateEnum, {
  name: 'AccountState',
  description:
    'NONE (no login), INVITED (an invitation is open), INVITATION_EXPIRED, INVITATION_REVOKED, ACTIVE (has a password), INACTIVE (the login was deactivated).',
});

@ObjectType('Account', { description: "A person's login as staff see it in their lists." })
export class AccountType {
  @Field(() => AccountStateEnum, { description: 'Where the login stands.' }) state: keyof typeof AccountStateEnum;
  @Field(() => ID, { nullable: true, description: 'The login (User.id; resendInvitation and revokeInvitation take it); null with NONE.' })
  userId: string | null;
  @Field(() => String, { nullable: true, description: 'The login e-mail; null with NONE.' }) email: string | null;
  @Field(() => Date, { nullable: true, description: "When the newest invitation's link stops (or stopped) working; null without one or once ACTIVE." })
  invitationExpiresAt: Date | null;

  static from(view: AccountView): AccountType {
    return Object.assign(new AccountType(), { state: view.state, userId: view.userId, email: view.email, invitationExpiresAt: view.invitationExpiresAt });
  }
}

@ObjectType('RelationContact', { description: "A contact of a relation who logs in to approve its hours, with their account's state." })
export class RelationContactType {
  @Field(() => ID, { description: 'The login (User.id).' }) userId: string;
  @Field({ description: 'The name the portal greets them with.' }) name: string;
  @Field({ description: 'The login e-mail.' }) email: string;
  @Field(() => AccountType, { description: 'Where the login stands.' }) account: AccountType;
}

/** Flexworker.account for staff, batched per request (one query for the logins, one for their invitations). */
@Resolver(() => FlexworkerType)
export class FlexworkerAccountResolver {
  @FieldResolver(() => AccountType, { nullable: true, description: "Staff: the worker's login (invited, active, invitation expired, …); null for everyone else." })
  async account(@Root() worker: FlexworkerType, @Ctx() ctx: GraphQLContext): Promise<AccountType | null> {
    const view = await ctx.loaders.flexworkerAccounts.load(worker.id);
    return view ? AccountType.from(view) : null;
  }
}

/** Relation.contacts for staff, batched per request. */
@Resolver(() => RelationType)
export class RelationContactsResolver {
  @FieldResolver(() => [RelationContactType], { nullable: true, description: "Staff: the relation's contacts with their account state, by name; null for everyone else." })
  async contacts(@Root() relation: RelationType, @Ctx() ctx: GraphQLContext): Promise<RelationContactType[] | null> {
    const views = await ctx.loaders.relationContacts.load(relation.id);
    return views?.map((view) => Object.assign(new RelationContactType(), { userId: view.userId!, name: view.name!, email: view.email!, account: AccountType.from(view) })) ?? null;
  }
}
