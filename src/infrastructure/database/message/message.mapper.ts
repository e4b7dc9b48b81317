import { Message, MESSAGE_SIDES } from '../../../domain/message/message.entity';
import { MESSAGE_THREAD_STATUSES, MessageThread, WRITER_ROLES } from '../../../domain/message/message-thread.entity';
import { MessageOrmEntity, MessageThreadOrmEntity } from './message.orm-entity';

function known<T extends string>(values: readonly T[], value: string, column: string, id: string): T {
  const found = values.find((v) => v === value);
  if (!found) throw new Error(`${column} holds an unknown value for ${id}`);
  return found;
}

export function threadToRow(thread: MessageThread): MessageThreadOrmEntity {
  const s = thread.toState();
  return Object.assign(new MessageThreadOrmEntity(), {
    id: s.id,
    agencyId: s.agencyId,
    writerId: s.writer.userId,
    writerRole: s.writer.role,
    flexworkerId: s.writer.flexworkerId,
    relationId: s.writer.relationId,
    subject: s.subject,
    status: s.status,
    createdAt: s.createdAt,
    lastMessageAt: s.lastMessageAt,
    lastMessageSide: s.lastMessageSide,
    messageCount: s.messageCount,
    writerUnread: s.writerUnread,
    agencyUnread: s.agencyUnread,
    closedAt: s.closedAt,
    closedBy: s.closedBy,
    version: s.version,
  });
}

export function threadToDomain(row: MessageThreadOrmEntity): MessageThread {
  return MessageThread.rehydrate({
    id: row.id,
    agencyId: row.agencyId,
    writer: {
      userId: row.writerId,
      role: known(WRITER_ROLES, row.writerRole, 'message_threads.writer_role', row.id),
      flexworkerId: row.flexworkerId,
      relationId: row.relationId,
    },
    subject: row.subject,
    status: known(MESSAGE_THREAD_STATUSES, row.status, 'message_threads.status', row.id),
    createdAt: new Date(row.createdAt),
    lastMessageAt: new Date(row.lastMessageAt),
    lastMessageSide: known(MESSAGE_SIDES, row.lastMessageSide, 'message_threads.last_message_side', row.id),
    messageCount: row.messageCount,
    writerUnread: row.writerUnread,
    agencyUnread: row.agencyUnread,
    closedAt: row.closedAt ? new Date(row.closedAt) : null,
    closedBy: row.closedBy,
    version: row.version,
  });
}

export function messageToRow(message: Message): MessageOrmEntity {
  const { attachment, ...state } = message.toState();
  return Object.assign(new MessageOrmEntity(), state, {
    attachmentFileName: attachment?.fileName ?? null,
    attachmentContentType: attachment?.contentType ?? null,
    attachmentSha256: attachment?.sha256 ?? null,
    attachmentSize: attachment?.size ?? null,
  });
}

export function messageToDomain(row: MessageOrmEntity): Message {
  return Message.rehydrate({
    id: row.id,
    agencyId: row.agencyId,
    threadId: row.threadId,
    seq: row.seq,
    side: known(MESSAGE_SIDES, row.side, 'messages.side', row.id),
    authorId: row.authorId,
    text: row.text,
    attachment: row.attachmentSha256
      ? { fileName: row.attachmentFileName!, contentType: row.attachmentContentType!, sha256: row.attachmentSha256, size: Number(row.attachmentSize) }
      : null,
    createdAt: new Date(row.createdAt),
  });
}
