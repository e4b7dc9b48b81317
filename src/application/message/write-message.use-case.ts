import { Actor } from '../shared/actor';
import { findVisibleThread, requireContactTab, requireMessageRole, sideOf } from './contact-tab';
import { MessageDeps } from './message-deps';
import { notifyAgency, notifyWriter } from './message-mail';
import { takeAttachment } from './message-attachments';
import { ThreadWithMessage } from './start-message-thread.use-case';

export interface WriteMessageInput {
  readonly threadId: string;
  readonly text: string;
  /** A PDF or picture uploaded with POST /uploads, sent with the message. */
  readonly attachmentUploadId?: string | null;
}

/**
 * A message in a thread, from either side: the thread row is locked while its counters change (two
 * people writing at once both count). The writing side has then read the thread. A writer's
 * message notifies the agency's contact address, a staff reply the writer. THREAD_CLOSED when the
 * thread was closed.
 */
export class WriteMessage {
  constructor(private readonly deps: MessageDeps) {}

  async execute(actor: Actor, input: WriteMessageInput): Promise<ThreadWithMessage> {
    requireMessageRole(actor);
    const agency = await requireContactTab(this.deps.agencies, actor);
    const side = sideOf(actor);
    return this.deps.unitOfWork.run(async () => {
      const thread = await findVisibleThread(this.deps.threads, actor, input.threadId, { lock: true });
      const at = this.deps.clock.now();
      const attachment = await takeAttachment(this.deps, actor, input.attachmentUploadId, at);
      const message = thread.write({ side, authorId: actor.id, text: input.text, attachment, messageId: this.deps.ids.next(), at });
      await this.deps.threads.addMessage(message);
      const saved = await this.deps.threads.update(thread);
      if (side === 'WRITER') await notifyAgency(this.deps, agency, saved, false);
      else await notifyWriter(this.deps, agency, saved);
      return { thread: saved, message };
    });
  }
}
