import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { CreateSigningRequest } from '../../application/signing/create-signing-request.use-case';
import { DeclineSigningRequest, WithdrawSigningRequest } from '../../application/signing/decide-signing-request.use-case';
import { GetSigningConsent } from '../../application/signing/get-signing-consent.use-case';
import { GetSigningRequest, ListSigningRequests } from '../../application/signing/list-signing-requests.use-case';
import { SignDocument } from '../../application/signing/sign-document.use-case';
import { VerifySignedDocument } from '../../application/signing/verify-signed-document.use-case';
import { SigningStatus } from '../../domain/signing/signing-request.entity';
import { actorOf, GraphQLContext } from '../context';
import { DownloadUrlOf } from '../document/document.types';
import { AFTER_ARG, firstArg, toConnection } from '../shared/connection';
import { existingId } from '../shared/ids';
import { CreateSigningRequestInput, DeclineSigningRequestInput, SignDocumentInput, VerifySignedDocumentInput, WithdrawSigningRequestInput } from './signing.inputs';
import {
  CreateSigningRequestPayload,
  DeclineSigningRequestPayload,
  SignDocumentPayload,
  SignedDocumentVerificationType,
  SigningConsentType,
  SigningRequestConnection,
  SigningRequestEdge,
  SigningRequestType,
  SigningStatusEnum,
  VerifySignedDocumentPayload,
  WithdrawSigningRequestPayload,
} from './signing.types';

export interface SigningUseCases {
  readonly createSigningRequest: CreateSigningRequest;
  readonly listSigningRequests: ListSigningRequests;
  readonly getSigningRequest: GetSigningRequest;
  readonly getSigningConsent: GetSigningConsent;
  readonly signDocument: SignDocument;
  readonly declineSigningRequest: DeclineSigningRequest;
  readonly withdrawSigningRequest: WithdrawSigningRequest;
  readonly verifySignedDocument: VerifySignedDocument;
}

const TAB = 'TAB_DISABLED when the agency does not show the DOCUMENTS tab.';

/** The documents tab (issue 12): documents to sign, signing with evidence and a sealed copy, and checking a copy. */
@Resolver()
export class SigningResolver {
  constructor(
    private readonly useCases: SigningUseCases,
    private readonly downloadUrlOf: DownloadUrlOf,
  ) {}

  @Query(() => SigningRequestConnection, {
    description: `Documents to sign, newest first: a worker their own, staff their agency's. Others: ROLE_NOT_ALLOWED. ${TAB}`,
  })
  async signingRequests(
    @Ctx() ctx: GraphQLContext,
    @Arg('status', () => SigningStatusEnum, { nullable: true, description: 'Only documents in this state (PENDING: the ones to sign).' }) status?: SigningStatus,
    @Arg('flexworkerId', () => ID, { nullable: true, description: "Staff: only this worker's (Flexworker.id)." }) flexworkerId?: string,
    @Arg('first', () => Int, firstArg()) first?: number,
    @Arg('after', () => String, AFTER_ARG) after?: string,
  ): Promise<SigningRequestConnection> {
    const page = await this.useCases.listSigningRequests.execute(actorOf(ctx), { status, flexworkerId, first, after });
    return toConnection(SigningRequestConnection, SigningRequestEdge, page, (view) => SigningRequestType.from(view, this.downloadUrlOf));
  }

  @Query(() => SigningRequestType, { description: `One document to sign: the worker it is for, or staff (NOT_FOUND otherwise). ${TAB}` })
  async signingRequest(@Arg('id', () => ID, { description: 'The document (SigningRequest.id).' }) id: string, @Ctx() ctx: GraphQLContext): Promise<SigningRequestType> {
    const view = await this.useCases.getSigningRequest.execute(actorOf(ctx), existingId(id, 'SigningRequest'));
    return SigningRequestType.from(view, this.downloadUrlOf);
  }

  @Query(() => SigningConsentType, {
    description: `A worker: the statement they agree to by signing this document, in their language; show it with an explicit "I agree" and send its version to signDocument. ${TAB}`,
  })
  async signingConsent(@Arg('signingRequestId', () => ID, { description: 'The document to sign (SigningRequest.id).' }) signingRequestId: string, @Ctx() ctx: GraphQLContext): Promise<SigningConsentType> {
    return SigningConsentType.from(await this.useCases.getSigningConsent.execute(actorOf(ctx), existingId(signingRequestId, 'SigningRequest'), ctx.language));
  }

  @Mutation(() => CreateSigningRequestPayload, { description: `Staff: puts a PDF (uploaded with POST /uploads) before a worker to sign. ${TAB}` })
  async createSigningRequest(@Arg('input') input: CreateSigningRequestInput, @Ctx() ctx: GraphQLContext): Promise<CreateSigningRequestPayload> {
    const view = await this.useCases.createSigningRequest.execute(actorOf(ctx), {
      ...input,
      flexworkerId: existingId(input.flexworkerId, 'Flexworker'),
      placementId: input.placementId ? existingId(input.placementId, 'Placement') : null,
    });
    return Object.assign(new CreateSigningRequestPayload(), { signingRequest: SigningRequestType.from(view, this.downloadUrlOf) });
  }

  @Mutation(() => SignDocumentPayload, {
    description: `A worker signs a PENDING document: with explicit consent (signingConsent) and the current password again. The answer carries the signed copy (signedCopyUrl) and the evidence. ${TAB}`,
  })
  async signDocument(@Arg('input') input: SignDocumentInput, @Ctx() ctx: GraphQLContext): Promise<SignDocumentPayload> {
    const view = await this.useCases.signDocument.execute(
      actorOf(ctx),
      { ...input, id: existingId(input.id, 'SigningRequest') },
      { ipAddress: ctx.clientAddress ?? null, userAgent: ctx.userAgent ?? null, language: ctx.language },
    );
    return Object.assign(new SignDocumentPayload(), { signingRequest: SigningRequestType.from(view, this.downloadUrlOf) });
  }

  @Mutation(() => DeclineSigningRequestPayload, { description: `A worker declines a PENDING document with a reason staff see. ${TAB}` })
  async declineSigningRequest(@Arg('input') input: DeclineSigningRequestInput, @Ctx() ctx: GraphQLContext): Promise<DeclineSigningRequestPayload> {
    const view = await this.useCases.declineSigningRequest.execute(actorOf(ctx), { id: existingId(input.id, 'SigningRequest'), reason: input.reason });
    return Object.assign(new DeclineSigningRequestPayload(), { signingRequest: SigningRequestType.from(view, this.downloadUrlOf) });
  }

  @Mutation(() => WithdrawSigningRequestPayload, { description: `Staff: withdraws a PENDING document. ${TAB}` })
  async withdrawSigningRequest(@Arg('input') input: WithdrawSigningRequestInput, @Ctx() ctx: GraphQLContext): Promise<WithdrawSigningRequestPayload> {
    const view = await this.useCases.withdrawSigningRequest.execute(actorOf(ctx), { id: existingId(input.id, 'SigningRequest') });
    return Object.assign(new WithdrawSigningRequestPayload(), { signingRequest: SigningRequestType.from(view, this.downloadUrlOf) });
  }

  @Mutation(() => VerifySignedDocumentPayload, {
    description: `Staff, or a worker for their own copies: says whether a PDF (uploaded with POST /uploads) is a signed copy this server issued and whether it is intact. ${TAB}`,
  })
  async verifySignedDocument(@Arg('input') input: VerifySignedDocumentInput, @Ctx() ctx: GraphQLContext): Promise<VerifySignedDocumentPayload> {
    const check = await this.useCases.verifySignedDocument.execute(actorOf(ctx), { uploadId: input.uploadId });
    return Object.assign(new VerifySignedDocumentPayload(), { verification: SignedDocumentVerificationType.from(check, this.downloadUrlOf) });
  }
}
