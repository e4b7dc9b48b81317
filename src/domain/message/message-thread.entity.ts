import { ProblemCollector } from '../shared/domain-error';
import { boundedText } from '../shared/text';
import { Message, MessageAttachment, MessageSide, messageText } from './message.entity';
import { threadClosed } from './message-thread.errors';

export const SUBJECT_MAX = 150;

export const MESSAGE_THREAD_STATUSES = ['OPEN', 'CLOSED'] as const;
export type MessageThreadStatus = (typeof MESSAGE_THREAD_STATUSES)[number];

/** Who may start a thread with the agency: a worker, or a contact of a client company. */
export const WRITER_ROLES = ['FLEXWORKER', 'RELATION_CONTACT'] as const;
export type WriterRole = (typeof WRITER_ROLES)[number];

export interface ThreadWriter {
  /** The login that started the thread: the only one on the writer's side who sees it. */
  readonly userId: string;
  readonly role: WriterRole;
  readonly flexworkerId: string | null;
  readonly relationId: string | null;
}

export interface MessageThreadState {
  readonly id: string;
  readonly agencyId: string;
  readonly writer: ThreadWriter;
  /** Trimmed, 1–150 characters, one line. */
  readonly subject: string;
  readonly status: MessageThreadStatus;
  readonly createdAt: Date;
  readonly lastMessageAt: Date;
  readonly lastMessageSide: MessageSide;
  /** The number of messages, and so the `seq` of the last one. */
  readonly messageCount: number;
  /** Messages of the agency the writer has not read (written after the writer last read or wrote). */
  readonly writerUnread: number;
  /** Messages of the writer the agency has not read: one mark for the whole team inbox. */
  readonly agencyUnread: number;
  readonly closedAt: Date | null;
  readonly closedBy: string | null;
  readonly version: number;
}

export interface StartThreadProps {
  readonly id: string;
  readonly agencyId: string;
  readonly writer: ThreadWriter;
  readonly subject: string;
  readonly text: string;
  readonly attachment?: MessageAttachment | null;
  readonly messageId: string;
  readonly at: Date;
}

export interface WriteProps {
  readonly side: MessageSide;
  readonly authorId: string;
  readonly text: string;
  readonly attachment?: MessageAttachment | null;
  readonly messageId: string;
  readonly at: Date;
}

/**
 * A conversation between one writer (a worker or a relation contact) and their agency ("Contact:
 * Stuur een bericht via de Flexportal naar ons"). Each side has a count of the other side's
 * messages it has not read: writing marks the thread read for the writer's side, reading it does
 * not (only `markReadBy`). Staff close a thread; a closed thread takes no messages from anyone.
 */
export class MessageThread {
  private constructor(private state: MessageThreadState) {}

  /** The thread with its first message. Problems at `subject` and `text`, together. */
  static start(props: StartThreadProps): { thread: MessageThread; message: Message } {
    const problems = new ProblemCollector();
    const subject = problems.attempt('subject', () => boundedText(props.subject, { max: SUBJECT_MAX }));
    const text = problems.attempt('text', () => messageText(props.text));
    problems.throwIfAny();
    const thread = new MessageThread({
      id: props.id,
      agencyId: props.agencyId,
      writer: { ...props.writer },
      subject: subject!,
      status: 'OPEN',
      createdAt: props.at,
      lastMessageAt: props.at,
      lastMessageSide: 'WRITER',
      messageCount: 1,
      writerUnread: 0,
      agencyUnread: 1,
      closedAt: null,
      closedBy: null,
      version: 1,
    });
    const message = Message.fromChecked(
      { id: props.messageId, agencyId: props.agencyId, threadId: props.id, seq: 1, side: 'WRITER', authorId: props.writer.userId, text: props.text, attachment: props.attachment, at: props.at },
      text!,
    );
    return { thread, message };
  }

  static rehydrate(state: MessageThreadState): MessageThread {
    return new MessageThread({ ...state, writer: { ...state.writer } });
  }

  get id(): string { return this.state.id; }
  get agencyId(): string { return this.state.agencyId; }
  get writer(): ThreadWriter { return this.state.writer; }
  get subject(): string { return this.state.subject; }
  get status(): MessageThreadStatus { return this.state.status; }
  get createdAt(): Date { return this.state.createdAt; }
  get lastMessageAt(): Date { return this.state.lastMessageAt; }
  get lastMessageSide(): MessageSide { return this.state.lastMessageSide; }
  get messageCount(): number { return this.state.messageCount; }
  get closedAt(): Date | null { return this.state.closedAt; }
  get closedBy(): string | null { return this.state.closedBy; }
  get version(): number { return this.state.version; }

  /** The other side's messages that `side` has not read. */
  unreadFor(side: MessageSide): number {
    return side === 'WRITER' ? this.state.writerUnread : this.state.agencyUnread;
  }

  /** A new message of `side`; the writing side has then read everything. THREAD_CLOSED when closed; problem at `text`. */
  write(props: WriteProps): Message {
    if (this.state.status === 'CLOSED') throw threadClosed();
    const seq = this.state.messageCount + 1;
    const message = Message.write({ id: props.messageId, agencyId: this.state.agencyId, threadId: this.state.id, seq, side: props.side, authorId: props.authorId, text: props.text, attachment: props.attachment, at: props.at });
    const fromWriter = props.side === 'WRITER';
    this.state = {
      ...this.state,
      messageCount: seq,
      lastMessageAt: props.at,
      lastMessageSide: props.side,
      writerUnread: fromWriter ? 0 : this.state.writerUnread + 1,
      agencyUnread: fromWriter ? this.state.agencyUnread + 1 : 0,
    };
    return message;
  }

  /** `side` has read every message so far; false when there was nothing unread (nothing to store). */
  markReadBy(side: MessageSide): boolean {
    if (this.unreadFor(side) === 0) return false;
    this.state = side === 'WRITER' ? { ...this.state, writerUnread: 0 } : { ...this.state, agencyUnread: 0 };
    return true;
  }

  /** Staff end the conversation; false when it was closed already (closing again changes nothing). */
  close(by: string, at: Date): boolean {
    if (this.state.status === 'CLOSED') return false;
    this.state = { ...this.state, status: 'CLOSED', closedAt: at, closedBy: by };
    return true;
  }

  withVersion(version: number): MessageThread {
    return new MessageThread({ ...this.state, version });
  }

  toState(): MessageThreadState {
    return { ...this.state, writer: { ...this.state.writer } };
  }
}
