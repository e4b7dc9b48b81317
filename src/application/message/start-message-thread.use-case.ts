import { Message } from '../../domain/message/message.entity';
import { MessageThread, WriterRole } from '../../domain/message/message-thread.entity';
import { requireRole } from '../shared/access';
import { Actor } from '../shared/actor';
import { requireContactTab } from './contact-tab';
import { MessageDeps } from './message-deps';
import { notifyAgency } from './message-mail';
import { takeAttachment } from './message-attachments';

export interface StartMessageThreadInput {
  readonly subject: string;
  readonly text: string;
  /** A PDF or picture the writer uploaded with POST /uploads, sent with the first message. */
  readonly attachmentUploadId?: string | null;
}

export interface ThreadWithMessage {
  readonly thread: MessageThread;
  readonly message: Message;
}

/**
 * A worker or a relation contact writes to their agency: a new thread with its first message,
 * and in the same unit of work a mail to the agency's contact address (when it has one).
 */
export class StartMessageThread {
  constructor(private readonly deps: MessageDeps) {}

  async execute(actor: Actor, input: StartMessageThreadInput): Promise<ThreadWithMessage> {
    requireRole(actor, 'FLEXWORKER', 'RELATION_CONTACT');
    const agency = await requireContactTab(this.deps.agencies, actor);
    const at = this.deps.clock.now();
    return this.deps.unitOfWork.run(async () => {
      const attachment = await takeAttachment(this.deps, actor, input.attachmentUploadId, at);
      const started = MessageThread.start({
        id: this.deps.ids.next(),
        agencyId: actor.agencyId,
        writer: { userId: actor.id, role: actor.role as WriterRole, flexworkerId: actor.flexworkerId ?? null, relationId: actor.relationId ?? null },
        subject: input.subject,
        text: input.text,
        attachment,
        messageId: this.deps.ids.next(),
        at,
      });
      await this.deps.threads.insert(started.thread, started.message);
      await notifyAgency(this.deps, agency, started.thread, true);
      return started;
    });
  }
}
