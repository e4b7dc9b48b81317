import { Message } from '../../domain/message/message.entity';
import { MessageThread, MessageThreadStatus } from '../../domain/message/message-thread.entity';
import { Actor } from '../shared/actor';
import { Page, pageQuery, PageRequest } from '../shared/pagination';
import { findVisibleThread, requireContactTab, requireMessageRole, sideOf } from './contact-tab';
import { MessageDeps } from './message-deps';

type QueryDeps = Pick<MessageDeps, 'threads' | 'agencies'>;

export interface ListMessageThreadsInput extends PageRequest {
  readonly status?: MessageThreadStatus | null;
}

export interface ThreadPage extends Page<MessageThread> {
  /** The viewer's side's unread messages over all its threads (open and closed, whatever the filter). */
  readonly unreadCount: number;
}

/** Staff: the agency's inbox; a writer: the threads they started. The latest message first. */
export class ListMessageThreads {
  constructor(private readonly deps: QueryDeps) {}

  async execute(actor: Actor, input: ListMessageThreadsInput = {}): Promise<ThreadPage> {
    requireMessageRole(actor);
    const page = pageQuery(input);
    await requireContactTab(this.deps.agencies, actor);
    const writerId = actor.role === 'AGENCY_STAFF' ? undefined : actor.id;
    const threads = await this.deps.threads.list(actor.agencyId, { writerId, status: input.status ?? undefined }, page);
    const unreadCount = await this.deps.threads.unreadTotal(actor.agencyId, { writerId }, sideOf(actor));
    return { ...threads, unreadCount };
  }
}

/** One thread the viewer is a side of; NOT_FOUND for any other. Reading it marks nothing read. */
export class GetMessageThread {
  constructor(private readonly deps: QueryDeps) {}

  async execute(actor: Actor, input: { id: string }): Promise<MessageThread> {
    requireMessageRole(actor);
    await requireContactTab(this.deps.agencies, actor);
    return findVisibleThread(this.deps.threads, actor, input.id);
  }
}

/** The messages of a thread the viewer is a side of, oldest first. */
export class ListMessages {
  constructor(private readonly deps: QueryDeps) {}

  async execute(actor: Actor, input: { threadId: string } & PageRequest): Promise<Page<Message>> {
    requireMessageRole(actor);
    const page = pageQuery(input);
    await requireContactTab(this.deps.agencies, actor);
    const thread = await findVisibleThread(this.deps.threads, actor, input.threadId);
    return this.deps.threads.listMessages(actor.agencyId, thread.id, page);
  }
}
