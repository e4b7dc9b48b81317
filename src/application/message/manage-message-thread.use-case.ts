import { MessageThread } from '../../domain/message/message-thread.entity';
import { requireStaff } from '../shared/access';
import { Actor } from '../shared/actor';
import { findVisibleThread, requireContactTab, requireMessageRole, sideOf } from './contact-tab';
import { MessageDeps } from './message-deps';

/**
 * The viewer's side has read the thread: its unread count becomes 0. Staff share one mark (the
 * team inbox): one staff member reading it reads it for all. Also on a closed thread.
 */
export class MarkMessageThreadRead {
  constructor(private readonly deps: Pick<MessageDeps, 'threads' | 'agencies' | 'unitOfWork'>) {}

  async execute(actor: Actor, input: { threadId: string }): Promise<MessageThread> {
    requireMessageRole(actor);
    await requireContactTab(this.deps.agencies, actor);
    return this.deps.unitOfWork.run(async () => {
      const thread = await findVisibleThread(this.deps.threads, actor, input.threadId, { lock: true });
      return thread.markReadBy(sideOf(actor)) ? this.deps.threads.update(thread) : thread;
    });
  }
}

/**
 * Staff end a conversation: it takes no more messages from either side (THREAD_CLOSED); the writer
 * starts a new thread. Final: there is no reopening. Closing a closed thread changes nothing.
 */
export class CloseMessageThread {
  constructor(private readonly deps: Pick<MessageDeps, 'threads' | 'agencies' | 'unitOfWork' | 'clock'>) {}

  async execute(actor: Actor, input: { threadId: string }): Promise<MessageThread> {
    requireStaff(actor);
    await requireContactTab(this.deps.agencies, actor);
    return this.deps.unitOfWork.run(async () => {
      const thread = await findVisibleThread(this.deps.threads, actor, input.threadId, { lock: true });
      return thread.close(actor.id, this.deps.clock.now()) ? this.deps.threads.update(thread) : thread;
    });
  }
}
