import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { sideOf } from '../../application/message/contact-tab';
import { CloseMessageThread, MarkMessageThreadRead } from '../../application/message/manage-message-thread.use-case';
import { GetMessageThread, ListMessages, ListMessageThreads } from '../../application/message/message-queries.use-case';
import { StartMessageThread } from '../../application/message/start-message-thread.use-case';
import { WriteMessage } from '../../application/message/write-message.use-case';
import { MessageAttachmentLinks } from '../../application/message/message-attachments';
import { DownloadUrlOf } from '../document/document.types';
import { MessageThreadStatus } from '../../domain/message/message-thread.entity';
import { actorOf, GraphQLContext } from '../context';
import { PersonType } from '../identity/person.types';
import { AFTER_ARG, firstArg, toConnection } from '../shared/connection';
import { existingId } from '../shared/ids';
import { CloseMessageThreadInput, MarkMessageThreadReadInput, StartMessageThreadInput, WriteMessageInput } from './message.inputs';
import {
  CloseMessageThreadPayload,
  MarkMessageThreadReadPayload,
  MessageConnection,
  MessageEdge,
  MessageThreadConnection,
  MessageThreadEdge,
  MessageThreadStatusEnum,
  MessageThreadType,
  MessageAttachmentType,
  MessageType,
  StartMessageThreadPayload,
  WriteMessagePayload,
} from './message.types';

export interface MessageUseCases {
  readonly startMessageThread: StartMessageThread;
  readonly writeMessage: WriteMessage;
  readonly markMessageThreadRead: MarkMessageThreadRead;
  readonly closeMessageThread: CloseMessageThread;
  readonly listMessageThreads: ListMessageThreads;
  readonly getMessageThread: GetMessageThread;
  readonly listMessages: ListMessages;
}

const TAB = 'TAB_DISABLED when the agency does not show the CONTACT tab.';
const SIDES = 'Its writer and the agency\'s staff only; any other thread is NOT_FOUND.';

/** The contact tab (issue 12): conversations between a worker or relation contact and their agency. */
@Resolver()
export class MessageResolver {
  constructor(private readonly useCases: MessageUseCases) {}

  @Query(() => MessageThreadConnection, {
    description: `Conversations with the agency, the latest message first: staff the agency's inbox, a worker or contact the threads they started; with the viewer's unread total. The payroll key: ROLE_NOT_ALLOWED. ${TAB}`,
  })
  async messageThreads(
    @Ctx() ctx: GraphQLContext,
    @Arg('status', () => MessageThreadStatusEnum, { nullable: true, description: 'Only threads in this state (OPEN: the ones to answer).' }) status?: MessageThreadStatus,
    @Arg('first', () => Int, firstArg()) first?: number,
    @Arg('after', () => String, AFTER_ARG) after?: string,
  ): Promise<MessageThreadConnection> {
    const actor = actorOf(ctx);
    const page = await this.useCases.listMessageThreads.execute(actor, { status, first, after });
    const side = sideOf(actor);
    const connection = toConnection(MessageThreadConnection, MessageThreadEdge, page, (thread) => MessageThreadType.from(thread, side));
    return Object.assign(connection, { unreadCount: page.unreadCount });
  }

  @Query(() => MessageThreadType, { description: `One conversation. ${SIDES} Reading it marks nothing read. ${TAB}` })
  async messageThread(@Arg('id', () => ID, { description: 'The thread (MessageThread.id).' }) id: string, @Ctx() ctx: GraphQLContext): Promise<MessageThreadType> {
    const actor = actorOf(ctx);
    const thread = await this.useCases.getMessageThread.execute(actor, { id: existingId(id, 'MessageThread') });
    return MessageThreadType.from(thread, sideOf(actor));
  }

  @Mutation(() => StartMessageThreadPayload, {
    description: `A worker or relation contact writes to their agency: a new thread with its first message. Mails the agency's contact address (subject and link, not the text). ${TAB}`,
  })
  async startMessageThread(@Arg('input') input: StartMessageThreadInput, @Ctx() ctx: GraphQLContext): Promise<StartMessageThreadPayload> {
    const { thread, message } = await this.useCases.startMessageThread.execute(actorOf(ctx), { subject: input.subject, text: input.text, attachmentUploadId: input.attachmentUploadId });
    return Object.assign(new StartMessageThreadPayload(), { thread: MessageThreadType.from(thread, 'WRITER'), message: MessageType.from(message) });
  }

  @Mutation(() => WriteMessagePayload, {
    description: `A message in a thread, by its writer or by staff; the writing side has then read the thread. A writer's message mails the agency, a staff reply the writer. THREAD_CLOSED on a closed thread. ${SIDES} ${TAB}`,
  })
  async writeMessage(@Arg('input') input: WriteMessageInput, @Ctx() ctx: GraphQLContext): Promise<WriteMessagePayload> {
    const actor = actorOf(ctx);
    const { thread, message } = await this.useCases.writeMessage.execute(actor, { threadId: existingId(input.threadId, 'MessageThread'), text: input.text, attachmentUploadId: input.attachmentUploadId });
    return Object.assign(new WriteMessagePayload(), { message: MessageType.from(message), thread: MessageThreadType.from(thread, sideOf(actor)) });
  }

  @Mutation(() => MarkMessageThreadReadPayload, {
    description: `The viewer's side has read the thread: its unreadCount becomes 0 (for staff: for all staff). ${SIDES} ${TAB}`,
  })
  async markMessageThreadRead(@Arg('input') input: MarkMessageThreadReadInput, @Ctx() ctx: GraphQLContext): Promise<MarkMessageThreadReadPayload> {
    const actor = actorOf(ctx);
    const thread = await this.useCases.markMessageThreadRead.execute(actor, { threadId: existingId(input.threadId, 'MessageThread') });
    return Object.assign(new MarkMessageThreadReadPayload(), { thread: MessageThreadType.from(thread, sideOf(actor)) });
  }

  @Mutation(() => CloseMessageThreadPayload, {
    description: `Staff close a thread: no more messages from either side (THREAD_CLOSED); closing a closed one changes nothing. There is no reopening. ${TAB}`,
  })
  async closeMessageThread(@Arg('input') input: CloseMessageThreadInput, @Ctx() ctx: GraphQLContext): Promise<CloseMessageThreadPayload> {
    const actor = actorOf(ctx);
    const thread = await this.useCases.closeMessageThread.execute(actor, { threadId: existingId(input.threadId, 'MessageThread') });
    return Object.assign(new CloseMessageThreadPayload(), { thread: MessageThreadType.from(thread, sideOf(actor)) });
  }
}

/** The messages and persons of a thread: reached only from a thread the viewer sees. */
@Resolver(() => MessageThreadType)
export class MessageThreadFieldsResolver {
  constructor(private readonly useCases: Pick<MessageUseCases, 'listMessages'>) {}

  @FieldResolver(() => MessageConnection, { description: 'Its messages, oldest first. Reading them marks nothing read (markMessageThreadRead does).' })
  async messages(
    @Root() thread: MessageThreadType,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, firstArg()) first?: number,
    @Arg('after', () => String, AFTER_ARG) after?: string,
  ): Promise<MessageConnection> {
    const page = await this.useCases.listMessages.execute(actorOf(ctx), { threadId: thread.id, first, after });
    return toConnection(MessageConnection, MessageEdge, page, MessageType.from);
  }

  @FieldResolver(() => PersonType, { nullable: true, description: 'Who started it (writerId).' })
  async writer(@Root() thread: MessageThreadType, @Ctx() ctx: GraphQLContext): Promise<PersonType | null> {
    const person = await ctx.loaders.persons.load(thread.writerId);
    return person ? PersonType.from(person) : null;
  }
}

@Resolver(() => MessageType)
export class MessageFieldsResolver {
  constructor(
    private readonly attachments: MessageAttachmentLinks,
    private readonly downloadUrlOf: DownloadUrlOf,
  ) {}

  @FieldResolver(() => MessageAttachmentType, { nullable: true, description: 'The file sent with the message (a PDF or picture), with a download link for the viewer; null when none.' })
  attachment(@Root() message: MessageType, @Ctx() ctx: GraphQLContext): MessageAttachmentType | null {
    if (!message.file) return null;
    const link = this.attachments.linkFor(actorOf(ctx), message);
    return Object.assign(new MessageAttachmentType(), {
      fileName: message.file.fileName,
      contentType: message.file.contentType,
      size: message.file.size,
      downloadUrl: this.downloadUrlOf(link.token),
      downloadUrlExpiresAt: link.expiresAt,
    });
  }

  @FieldResolver(() => PersonType, { nullable: true, description: 'Who wrote it (authorId): the writer, or the staff member who answered.' })
  async author(@Root() message: MessageType, @Ctx() ctx: GraphQLContext): Promise<PersonType | null> {
    const person = await ctx.loaders.persons.load(message.authorId);
    return person ? PersonType.from(person) : null;
  }
}
