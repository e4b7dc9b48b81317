import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { AuthenticateUseCase } from '../../application/identity/authenticate.use-case';
import { ChangePasswordUseCase } from '../../application/identity/change-password.use-case';
import { CreateApiClientUseCase } from '../../application/identity/create-api-client.use-case';
import { CreateUserUseCase } from '../../application/identity/create-user.use-case';
import { GetViewerUseCase, ViewerView } from '../../application/identity/get-viewer.use-case';
import { LoginUseCase } from '../../application/identity/login.use-case';
import { LogoutUseCase } from '../../application/identity/logout.use-case';
import { ListApiClientsUseCase, RevokeApiClientUseCase } from '../../application/identity/manage-api-clients.use-case';
import { RequestPasswordResetUseCase } from '../../application/identity/request-password-reset.use-case';
import { ResetPasswordUseCase } from '../../application/identity/reset-password.use-case';
import { UpdateMySettingsUseCase } from '../../application/identity/update-my-settings.use-case';
import { actorOf, GraphQLContext } from '../context';
import { existingId } from '../shared/ids';
import {
  ChangeMyPasswordInput,
  CreateApiClientInput,
  CreateUserInput,
  LoginInput,
  RequestPasswordResetInput,
  ResetPasswordInput,
  RevokeApiClientInput,
  UpdateMySettingsInput,
} from './identity.inputs';
import {
  ChangeMyPasswordPayload,
  CreateUserPayload,
  LogoutPayload,
  RequestPasswordResetPayload,
  ResetPasswordPayload,
  RevokeApiClientPayload,
  UpdateMySettingsPayload,
} from './identity.payloads';
import { ApiClientType, CreateApiClientPayload, LoginPayload, ViewerType } from './identity.types';
import { UserType } from './user.types';
import { AcceptInvitation } from '../../application/identity/accept-invitation.use-case';
import { InviteUser } from '../../application/identity/invite-user.use-case';
import { InvitationOfUser, ResendInvitation, RevokeInvitation } from '../../application/identity/manage-invitation.use-case';
import { Clock } from '../../application/ports/clock';
import {
  AcceptInvitationInput,
  AcceptInvitationPayload,
  InvitationType,
  InviteUserInput,
  InviteUserPayload,
  LandingType,
  ResendInvitationInput,
  ResendInvitationPayload,
  RevokeInvitationInput,
  RevokeInvitationPayload,
} from './invitation.types';

export interface IdentityUseCases {
  readonly login: LoginUseCase;
  readonly logout: LogoutUseCase;
  readonly authenticate: AuthenticateUseCase;
  readonly changePassword: ChangePasswordUseCase;
  readonly getViewer: GetViewerUseCase;
  readonly updateMySettings: UpdateMySettingsUseCase;
  readonly createUser: CreateUserUseCase;
  readonly createApiClient: CreateApiClientUseCase;
  readonly listApiClients: ListApiClientsUseCase;
  readonly revokeApiClient: RevokeApiClientUseCase;
  readonly requestPasswordReset: RequestPasswordResetUseCase;
  readonly resetPassword: ResetPasswordUseCase;
  readonly inviteUser: InviteUser;
  readonly resendInvitation: ResendInvitation;
  readonly revokeInvitation: RevokeInvitation;
  readonly acceptInvitation: AcceptInvitation;
  readonly clock: Clock;
}

@Resolver()
export class IdentityResolver {
  constructor(private readonly useCases: IdentityUseCases) {}

  @Query(() => ViewerType, { description: 'Who is logged in. Needs a bearer token.' })
  async viewer(@Ctx() ctx: GraphQLContext): Promise<ViewerType> {
    return toViewer(await this.useCases.getViewer.execute(actorOf(ctx), ctx.language));
  }

  @Mutation(() => LoginPayload, { description: 'Log in with e-mail and password; returns a bearer token and the viewer.' })
  async login(@Arg('input') input: LoginInput, @Ctx() ctx: GraphQLContext): Promise<LoginPayload> {
    const result = await this.useCases.login.execute({ ...input, clientAddress: ctx.clientAddress });
    const viewer = await this.viewerOfNewSession(result.token, ctx);
    return Object.assign(new LoginPayload(), { token: result.token, expiresAt: result.expiresAt, viewer });
  }

  @Mutation(() => RequestPasswordResetPayload, {
    description: 'Forgot password: mails a link to set a new one to each login with this address. The same answer whether or not it has one.',
  })
  async requestPasswordReset(@Arg('input') input: RequestPasswordResetInput): Promise<RequestPasswordResetPayload> {
    await this.useCases.requestPasswordReset.execute(input);
    return Object.assign(new RequestPasswordResetPayload(), { accepted: true });
  }

  @Mutation(() => ResetPasswordPayload, {
    description: 'Sets a new password with the token of a reset mail (once); ends every session of the login and logs in.',
  })
  async resetPassword(@Arg('input') input: ResetPasswordInput, @Ctx() ctx: GraphQLContext): Promise<ResetPasswordPayload> {
    const result = await this.useCases.resetPassword.execute(input);
    const viewer = await this.viewerOfNewSession(result.token, ctx);
    return Object.assign(new ResetPasswordPayload(), { token: result.token, expiresAt: result.expiresAt, viewer });
  }

  @Mutation(() => InviteUserPayload, {
    description: 'Staff: invites a flexworker or a relation contact by e-mail to set a password (a login without one is made if needed).',
  })
  async inviteUser(@Arg('input') input: InviteUserInput, @Ctx() ctx: GraphQLContext): Promise<InviteUserPayload> {
    return this.invitationPayload(new InviteUserPayload(), await this.useCases.inviteUser.execute(actorOf(ctx), input));
  }

  @Mutation(() => ResendInvitationPayload, { description: "Staff: sends a login's open invitation again with a new link; the old link stops working." })
  async resendInvitation(@Arg('input') input: ResendInvitationInput, @Ctx() ctx: GraphQLContext): Promise<ResendInvitationPayload> {
    return this.invitationPayload(new ResendInvitationPayload(), await this.useCases.resendInvitation.execute(actorOf(ctx), { userId: existingId(input.userId, 'User') }));
  }

  @Mutation(() => RevokeInvitationPayload, { description: "Staff: revokes a login's open invitation; its link stops working." })
  async revokeInvitation(@Arg('input') input: RevokeInvitationInput, @Ctx() ctx: GraphQLContext): Promise<RevokeInvitationPayload> {
    return this.invitationPayload(new RevokeInvitationPayload(), await this.useCases.revokeInvitation.execute(actorOf(ctx), { userId: existingId(input.userId, 'User') }));
  }

  @Mutation(() => AcceptInvitationPayload, {
    description: 'Sign-up: sets the first password with the token of an invitation mail (once) and logs in; says where to land.',
  })
  async acceptInvitation(@Arg('input') input: AcceptInvitationInput, @Ctx() ctx: GraphQLContext): Promise<AcceptInvitationPayload> {
    const result = await this.useCases.acceptInvitation.execute(input);
    const viewer = await this.viewerOfNewSession(result.token, ctx);
    const landing = Object.assign(new LandingType(), result.landing);
    return Object.assign(new AcceptInvitationPayload(), { token: result.token, expiresAt: result.expiresAt, viewer, landing });
  }

  private invitationPayload<P extends InviteUserPayload>(payload: P, result: InvitationOfUser): P {
    return Object.assign(payload, {
      user: UserType.from(result.user),
      invitation: InvitationType.from(result.invitation, this.useCases.clock.now()),
    });
  }

  /** The viewer of a session just started; the rest of the answer comes in their language. */
  private async viewerOfNewSession(token: string, ctx: GraphQLContext): Promise<ViewerType> {
    const actor = await this.useCases.authenticate.execute(token);
    ctx.language = actor.language ?? ctx.language;
    return toViewer(await this.useCases.getViewer.execute(actor));
  }

  @Mutation(() => LogoutPayload, { description: 'Ends the session of the bearer token sent with this request. Takes no input.' })
  async logout(@Ctx() ctx: GraphQLContext): Promise<LogoutPayload> {
    return Object.assign(new LogoutPayload(), { sessionEnded: await this.useCases.logout.execute(actorOf(ctx)) });
  }

  @Mutation(() => ChangeMyPasswordPayload, { description: 'Changes your password; every session ends, this device gets a new token.' })
  async changeMyPassword(@Arg('input') input: ChangeMyPasswordInput, @Ctx() ctx: GraphQLContext): Promise<ChangeMyPasswordPayload> {
    const session = await this.useCases.changePassword.execute(actorOf(ctx), input);
    return Object.assign(new ChangeMyPasswordPayload(), { token: session.token, expiresAt: session.expiresAt });
  }

  @Mutation(() => UpdateMySettingsPayload, { description: 'Changes your own portal settings (language); errors from here on are in the new language.' })
  async updateMySettings(@Arg('input') input: UpdateMySettingsInput, @Ctx() ctx: GraphQLContext): Promise<UpdateMySettingsPayload> {
    const actor = actorOf(ctx);
    await this.useCases.updateMySettings.execute(actor, input);
    const viewer = await this.useCases.getViewer.execute(actor);
    ctx.language = viewer.language;
    return Object.assign(new UpdateMySettingsPayload(), { viewer: toViewer(viewer) });
  }

  @Mutation(() => CreateUserPayload, { description: 'Staff: gives a colleague, a relation contact or a flexworker a login.' })
  async createUser(@Arg('input') input: CreateUserInput, @Ctx() ctx: GraphQLContext): Promise<CreateUserPayload> {
    const user = await this.useCases.createUser.execute(actorOf(ctx), input);
    return Object.assign(new CreateUserPayload(), { user: UserType.from(user) });
  }

  @Query(() => [ApiClientType], { description: "Staff: the agency's API clients (payroll), revoked ones included." })
  async apiClients(@Ctx() ctx: GraphQLContext): Promise<ApiClientType[]> {
    const clients = await this.useCases.listApiClients.execute(actorOf(ctx));
    return clients.map(ApiClientType.from);
  }

  @Mutation(() => CreateApiClientPayload, { description: 'Staff: creates an API key for the payroll system (shown once).' })
  async createApiClient(@Arg('input') input: CreateApiClientInput, @Ctx() ctx: GraphQLContext): Promise<CreateApiClientPayload> {
    const { client, apiKey } = await this.useCases.createApiClient.execute(actorOf(ctx), input);
    return Object.assign(new CreateApiClientPayload(), { apiClient: ApiClientType.from(client), apiKey });
  }

  @Mutation(() => RevokeApiClientPayload, { description: 'Staff: revokes an API key; it is refused from the next request on.' })
  async revokeApiClient(@Arg('input') input: RevokeApiClientInput, @Ctx() ctx: GraphQLContext): Promise<RevokeApiClientPayload> {
    const client = await this.useCases.revokeApiClient.execute(actorOf(ctx), { id: existingId(input.id, 'ApiClient') });
    return Object.assign(new RevokeApiClientPayload(), { apiClient: ApiClientType.from(client) });
  }
}

function toViewer(view: ViewerView): ViewerType {
  return Object.assign(new ViewerType(), view, { enabledTabs: [...view.enabledTabs] });
}
