import { Message } from '../../domain/message/message.entity';
import { MessageThread, MessageThreadStatus } from '../../domain/message/message-thread.entity';
import { Page, PageQuery } from '../shared/pagination';

export interface MessageThreadFilter {
  /** Only the threads this login started (the writer's own list); all of the agency without it. */
  readonly writerId?: string;
  readonly status?: MessageThreadStatus;
}

/** Every method is scoped by agency: a thread of another agency is simply not found. */
export abstract class MessageThreadRepository {
  abstract findById(agencyId: string, id: string): Promise<MessageThread | null>;
  /** Inside a unit of work: the thread row locked until it ends (its counters are then changed safely). */
  abstract findByIdForUpdate(agencyId: string, id: string): Promise<MessageThread | null>;
  abstract insert(thread: MessageThread, first: Message): Promise<void>;
  abstract addMessage(message: Message): Promise<void>;
  /** Optimistic: returns the thread with the next version, or ConflictError STALE_VERSION. */
  abstract update(thread: MessageThread): Promise<MessageThread>;
  /** The latest message first (the inbox order). */
  abstract list(agencyId: string, filter: MessageThreadFilter, page: PageQuery): Promise<Page<MessageThread>>;
  /** The sum of one side's unread counts over the threads of the filter (status ignored). */
  abstract unreadTotal(agencyId: string, filter: { readonly writerId?: string }, side: 'WRITER' | 'AGENCY'): Promise<number>;
  /** The messages of one thread, oldest first (the order of the conversation). */
  /** One message, by its id. */
  abstract findMessage(agencyId: string, id: string): Promise<Message | null>;
  abstract listMessages(agencyId: string, threadId: string, page: PageQuery): Promise<Page<Message>>;
}
