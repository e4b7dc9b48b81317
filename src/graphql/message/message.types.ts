import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Message, MessageAttachment as MessageAttachmentData, MESSAGE_SIDES, MessageSide } from '../../domain/message/message.entity';
import { MESSAGE_THREAD_STATUSES, MessageThread } from '../../domain/message/message-thread.entity';
import { CURSOR_DESCRIPTION, EDGE_DESCRIPTION, EDGES_DESCRIPTION, NODES_DESCRIPTION, PAGE_INFO_DESCRIPTION, PageInfo } from '../shared/connection';
import { enumOf, RoleEnum } from '../shared/enums';

export const MessageThreadStatusEnum = enumOf(MESSAGE_THREAD_STATUSES);
registerEnumType(MessageThreadStatusEnum, {
  name: 'MessageThreadStatus',
  description: 'Whether a conversation with the agency takes messages.',
  valuesConfig: {
    OPEN: { description: 'Both sides may write.' },
    CLOSED: { description: 'Closed by the agency: no more messages (THREAD_CLOSED); the writer starts a new thread.' },
  },
});

export const MessageSideEnum = enumOf(MESSAGE_SIDES);
registerEnumType(MessageSideEnum, {
  name: 'MessageSide',
  description: 'The side of a conversation a message comes from.',
  valuesConfig: {
    WRITER: { description: 'The worker or relation contact who started the thread.' },
    AGENCY: { description: 'The agency: any of its staff (one team inbox).' },
  },
});

@ObjectType('MessageAttachment', { description: 'The file sent with a message: a PDF or a picture.' })
export class MessageAttachmentType {
  @Field({ description: 'Its file name.' }) fileName: string;
  @Field({ description: 'application/pdf, image/png or image/jpeg.' }) contentType: string;
  @Field(() => Int, { description: 'Its size in bytes.' }) size: number;
  @Field({
    description: 'A link to the file for this viewer, valid for a few minutes (DOCUMENT_LINK_TTL_SECONDS); it needs no token or cookie. Add `?inline=1` to show it in the browser. Ask again for a fresh one.',
  })
  downloadUrl: string;
  @Field({ description: 'When downloadUrl stops working.' }) downloadUrlExpiresAt: Date;
}

@ObjectType('Message', { description: 'One message of a conversation with the agency; never changed once written.' })
export class MessageType {
  @Field(() => ID, { description: 'The message id.' }) id: string;
  @Field(() => ID, { description: 'Its thread (MessageThread.id).' }) threadId: string;
  @Field(() => MessageSideEnum, { description: 'WRITER or AGENCY.' }) from: string;
  @Field(() => ID, { description: 'The login that wrote it (a staff member on the AGENCY side); `author` gives the name.' }) authorId: string;
  @Field({ description: 'The text as written (trimmed; line breaks as \\n).' }) text: string;
  @Field({ description: 'When it was written.' }) createdAt: Date;
  /** The message's agency and attachment, for the `attachment` field's link. */
  agencyId: string;
  file: MessageAttachmentData | null;

  static from(message: Message): MessageType {
    return Object.assign(new MessageType(), {
      id: message.id,
      threadId: message.threadId,
      from: message.side,
      authorId: message.authorId,
      text: message.text,
      createdAt: message.createdAt,
      agencyId: message.agencyId,
      file: message.attachment,
    });
  }
}

@ObjectType('MessageEdge', { description: EDGE_DESCRIPTION })
export class MessageEdge {
  @Field({ description: CURSOR_DESCRIPTION }) cursor: string;
  @Field(() => MessageType, { description: 'The message.' }) node: MessageType;
}

@ObjectType('MessageConnection', { description: 'A page of the messages of a thread, oldest first (Relay connection).' })
export class MessageConnection {
  @Field(() => [MessageEdge], { description: EDGES_DESCRIPTION }) edges: MessageEdge[];
  @Field(() => [MessageType], { description: NODES_DESCRIPTION }) nodes: MessageType[];
  @Field(() => PageInfo, { description: PAGE_INFO_DESCRIPTION }) pageInfo: PageInfo;
}

@ObjectType('MessageThread', {
  description: 'A conversation between a worker or relation contact (the writer) and their agency. Only its writer and the agency\'s staff see it.',
})
export class MessageThreadType {
  @Field(() => ID, { description: 'The thread id.' }) id: string;
  @Field({ description: 'The subject the writer gave (1–150 characters).' }) subject: string;
  @Field(() => MessageThreadStatusEnum, { description: 'OPEN or CLOSED.' }) status: string;
  @Field(() => ID, { description: 'The login that started it (User.id); `writer` gives the name.' }) writerId: string;
  @Field(() => RoleEnum, { description: 'FLEXWORKER or RELATION_CONTACT.' }) writerRole: string;
  @Field(() => ID, { nullable: true, description: 'The worker who wrote it (Flexworker.id); null for a relation contact.' }) flexworkerId: string | null;
  @Field(() => ID, { nullable: true, description: "The relation contact's company (Relation.id); null for a worker." }) relationId: string | null;
  @Field(() => Int, { description: 'How many messages it holds.' }) messageCount: number;
  @Field(() => Int, {
    description:
      "The other side's messages the viewer's side has not read: for the writer the agency's, for staff the writer's (one count for all staff). markMessageThreadRead sets it to 0; reading the messages does not.",
  })
  unreadCount: number;
  @Field({ description: 'When it was started.' }) createdAt: Date;
  @Field({ description: 'When its latest message was written (the inbox order).' }) lastMessageAt: Date;
  @Field(() => MessageSideEnum, { description: 'Who wrote the latest message.' }) lastMessageFrom: string;
  @Field(() => Date, { nullable: true, description: 'When staff closed it; null while OPEN.' }) closedAt: Date | null;
  @Field(() => Int, { description: 'Changes with every message, read mark and closing.' }) version: number;

  /** The thread as the viewer's side sees it (its own unread count). */
  static from(thread: MessageThread, side: MessageSide): MessageThreadType {
    return Object.assign(new MessageThreadType(), {
      id: thread.id,
      subject: thread.subject,
      status: thread.status,
      writerId: thread.writer.userId,
      writerRole: thread.writer.role,
      flexworkerId: thread.writer.flexworkerId,
      relationId: thread.writer.relationId,
      messageCount: thread.messageCount,
      unreadCount: thread.unreadFor(side),
      createdAt: thread.createdAt,
      lastMessageAt: thread.lastMessageAt,
      lastMessageFrom: thread.lastMessageSide,
      closedAt: thread.closedAt,
      version: thread.version,
    });
  }
}

@ObjectType('MessageThreadEdge', { description: EDGE_DESCRIPTION })
export class MessageThreadEdge {
  @Field({ description: CURSOR_DESCRIPTION }) cursor: string;
  @Field(() => MessageThreadType, { description: 'The thread.' }) node: MessageThreadType;
}

@ObjectType('MessageThreadConnection', { description: 'A page of conversations with the agency, the latest message first (Relay connection).' })
export class MessageThreadConnection {
  @Field(() => [MessageThreadEdge], { description: EDGES_DESCRIPTION }) edges: MessageThreadEdge[];
  @Field(() => [MessageThreadType], { description: NODES_DESCRIPTION }) nodes: MessageThreadType[];
  @Field(() => PageInfo, { description: PAGE_INFO_DESCRIPTION }) pageInfo: PageInfo;
  @Field(() => Int, {
    description: "The viewer's unread messages over all their threads, open and closed, whatever the status filter (a badge for the tab).",
  })
  unreadCount: number;
}

@ObjectType('StartMessageThreadPayload', { description: 'What startMessageThread made: the thread and its first message.' })
export class StartMessageThreadPayload {
  @Field(() => MessageThreadType, { description: 'The new thread, OPEN.' }) thread: MessageThreadType;
  @Field(() => MessageType, { description: 'Its first message.' }) message: MessageType;
}

@ObjectType('WriteMessagePayload', { description: 'What writeMessage made: the message, and the thread as it is now.' })
export class WriteMessagePayload {
  @Field(() => MessageType, { description: 'The new message.' }) message: MessageType;
  @Field(() => MessageThreadType, { description: "The thread with the new count and time; the writing side's unreadCount is 0." }) thread: MessageThreadType;
}

@ObjectType('MarkMessageThreadReadPayload', { description: 'What markMessageThreadRead changed: the thread.' })
export class MarkMessageThreadReadPayload {
  @Field(() => MessageThreadType, { description: "The thread, the viewer's unreadCount 0." }) thread: MessageThreadType;
}

@ObjectType('CloseMessageThreadPayload', { description: 'What closeMessageThread changed: the thread.' })
export class CloseMessageThreadPayload {
  @Field(() => MessageThreadType, { description: 'The thread, CLOSED.' }) thread: MessageThreadType;
}
