import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { ApproveChangeRequest, RejectChangeRequest } from '../../application/change-request/decide-change-request.use-case';
import { GetMyInformation } from '../../application/change-request/get-my-information.use-case';
import { ListChangeRequests } from '../../application/change-request/list-change-requests.use-case';
import { SubmitChangeRequest } from '../../application/change-request/submit-change-request.use-case';
import { fullView } from '../../application/organisation/flexworker-view';
import { ChangeRequestStatus } from '../../domain/change-request/change-request.entity';
import { actorOf, GraphQLContext } from '../context';
import { FlexworkerType } from '../organisation/flexworker.types';
import { AFTER_ARG, firstArg, toConnection } from '../shared/connection';
import { existingId } from '../shared/ids';
import { ApproveChangeRequestInput, RejectChangeRequestInput, RequestPersonalDataChangeInput } from './change-request.inputs';
import {
  ApproveChangeRequestPayload,
  ChangeRequestConnection,
  ChangeRequestEdge,
  ChangeRequestStatusEnum,
  ChangeRequestType,
  MyInformationType,
  RejectChangeRequestPayload,
  RequestPersonalDataChangePayload,
} from './change-request.types';

export interface ChangeRequestUseCases {
  readonly getMyInformation: GetMyInformation;
  readonly submitChangeRequest: SubmitChangeRequest;
  readonly listChangeRequests: ListChangeRequests;
  readonly approveChangeRequest: ApproveChangeRequest;
  readonly rejectChangeRequest: RejectChangeRequest;
}

const TAB = 'TAB_DISABLED when the agency does not show the PERSONAL_INFORMATION tab.';

/** The "your information" tab (issue 12): the worker's data, their change requests, and staff's answers. */
@Resolver()
export class ChangeRequestResolver {
  constructor(private readonly useCases: ChangeRequestUseCases) {}

  @Query(() => MyInformationType, { description: `A worker: their own personal data and the agency's contact details. Others: ROLE_NOT_ALLOWED. ${TAB}` })
  async myInformation(@Ctx() ctx: GraphQLContext): Promise<MyInformationType> {
    return MyInformationType.from(await this.useCases.getMyInformation.execute(actorOf(ctx)));
  }

  @Query(() => ChangeRequestConnection, {
    description: `Change requests, newest first: staff the agency's, a worker their own (with state and reason). Others: ROLE_NOT_ALLOWED. ${TAB}`,
  })
  async changeRequests(
    @Ctx() ctx: GraphQLContext,
    @Arg('status', () => ChangeRequestStatusEnum, { nullable: true, description: 'Only requests in this state (OPEN: the ones to answer).' }) status?: ChangeRequestStatus,
    @Arg('flexworkerId', () => ID, { nullable: true, description: 'Only the requests of this worker (Flexworker.id).' }) flexworkerId?: string,
    @Arg('first', () => Int, firstArg()) first?: number,
    @Arg('after', () => String, AFTER_ARG) after?: string,
  ): Promise<ChangeRequestConnection> {
    const page = await this.useCases.listChangeRequests.execute(actorOf(ctx), { status, flexworkerId, first, after });
    return toConnection(ChangeRequestConnection, ChangeRequestEdge, page, ChangeRequestType.from);
  }

  @Mutation(() => RequestPersonalDataChangePayload, {
    description: `A worker asks the agency to correct their personal data (not the BSN); a new IBAN needs the current password. ${TAB}`,
  })
  async requestPersonalDataChange(@Arg('input') input: RequestPersonalDataChangeInput, @Ctx() ctx: GraphQLContext): Promise<RequestPersonalDataChangePayload> {
    const { currentPassword, ...rest } = input;
    const request = await this.useCases.submitChangeRequest.execute(actorOf(ctx), { ...rest, changes: { ...input.changes }, currentPassword });
    return Object.assign(new RequestPersonalDataChangePayload(), { changeRequest: ChangeRequestType.from(request) });
  }

  @Mutation(() => ApproveChangeRequestPayload, {
    description: `Staff: applies an OPEN request to the worker's record (as updateFlexworker, with an audit entry); CHANGE_REQUEST_STALE when the record changed since. ${TAB}`,
  })
  async approveChangeRequest(@Arg('input') input: ApproveChangeRequestInput, @Ctx() ctx: GraphQLContext): Promise<ApproveChangeRequestPayload> {
    const result = await this.useCases.approveChangeRequest.execute(actorOf(ctx), { id: existingId(input.id, 'ChangeRequest') });
    return Object.assign(new ApproveChangeRequestPayload(), {
      changeRequest: ChangeRequestType.from(result.request),
      flexworker: FlexworkerType.from(fullView(result.flexworker)),
    });
  }

  @Mutation(() => RejectChangeRequestPayload, { description: `Staff: rejects an OPEN request with a reason the worker reads. ${TAB}` })
  async rejectChangeRequest(@Arg('input') input: RejectChangeRequestInput, @Ctx() ctx: GraphQLContext): Promise<RejectChangeRequestPayload> {
    const request = await this.useCases.rejectChangeRequest.execute(actorOf(ctx), { id: existingId(input.id, 'ChangeRequest'), reason: input.reason });
    return Object.assign(new RejectChangeRequestPayload(), { changeRequest: ChangeRequestType.from(request) });
  }
}
