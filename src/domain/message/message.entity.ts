import { ProblemCollector } from '../shared/domain-error';
import { boundedText } from '../shared/text';

export const MESSAGE_TEXT_MAX = 5000;

/** Who wrote a message: the worker or contact who started the thread, or the agency (any staff member). */
export const MESSAGE_SIDES = ['WRITER', 'AGENCY'] as const;
export type MessageSide = (typeof MESSAGE_SIDES)[number];

/** A file sent with a message (a PDF or a picture): its bytes are in the DocumentStore under `sha256`. */
export interface MessageAttachment {
  readonly fileName: string;
  readonly contentType: string;
  readonly sha256: string;
  readonly size: number;
}

export interface MessageState {
  readonly id: string;
  readonly agencyId: string;
  readonly threadId: string;
  /** 1, 2, 3… within its thread: the order of the conversation and what a read mark counts. */
  readonly seq: number;
  readonly side: MessageSide;
  /** The login that wrote it (a staff member's id where the side is AGENCY). */
  readonly authorId: string;
  /** Trimmed, 1–5000 characters, line breaks kept (as LF). */
  readonly text: string;
  /** The file sent with it, if any. */
  readonly attachment: MessageAttachment | null;
  readonly createdAt: Date;
}

export interface NewMessageProps {
  readonly id: string;
  readonly agencyId: string;
  readonly threadId: string;
  readonly seq: number;
  readonly side: MessageSide;
  readonly authorId: string;
  readonly text: string;
  readonly attachment?: MessageAttachment | null;
  readonly at: Date;
}

/** One message of a thread; written once, never changed. */
export class Message {
  private constructor(private readonly state: MessageState) {}

  /** Problem at `text`. */
  static write(props: NewMessageProps): Message {
    const problems = new ProblemCollector();
    const text = problems.attempt('text', () => messageText(props.text));
    problems.throwIfAny();
    return Message.fromChecked(props, text!);
  }

  /** For a text already checked by the caller (the thread collects every problem of its start). */
  static fromChecked(props: NewMessageProps, text: string): Message {
    const { at, attachment, ...rest } = props;
    return new Message({ ...rest, text, attachment: attachment ? { ...attachment } : null, createdAt: at });
  }

  static rehydrate(state: MessageState): Message {
    return new Message({ ...state });
  }

  get id(): string { return this.state.id; }
  get agencyId(): string { return this.state.agencyId; }
  get threadId(): string { return this.state.threadId; }
  get seq(): number { return this.state.seq; }
  get side(): MessageSide { return this.state.side; }
  get authorId(): string { return this.state.authorId; }
  get text(): string { return this.state.text; }
  get attachment(): MessageAttachment | null { return this.state.attachment; }
  get createdAt(): Date { return this.state.createdAt; }

  toState(): MessageState {
    return { ...this.state };
  }
}

/** The text rule of every message: trimmed, 1 to MESSAGE_TEXT_MAX characters, line breaks kept. */
export function messageText(text: string): string {
  return boundedText(text, { max: MESSAGE_TEXT_MAX, multiline: true });
}
