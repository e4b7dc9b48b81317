import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MAIL_STATUSES, MailMessageView } from '../../application/ports/mail-message-directory';
import { MAIL_KINDS } from '../../application/ports/mail-outbox';
import { CURSOR_DESCRIPTION, EDGE_DESCRIPTION, EDGES_DESCRIPTION, NODES_DESCRIPTION, PAGE_INFO_DESCRIPTION, PageInfo } from '../shared/connection';
import { enumOf, LanguageEnum } from '../shared/enums';

export const MailKindEnum = enumOf(MAIL_KINDS);
registerEnumType(MailKindEnum, {
  name: 'MailKind',
  description: 'What a mail is about.',
  valuesConfig: {
    INVITATION: { description: 'An invitation to create an account (with a single-use link).' },
    PASSWORD_RESET: { description: 'A link to set a new password ("forgot password").' },
    HOURS_REMINDER: { description: 'A reminder to enter and approve hours, listing the open weeks.' },
    MESSAGE_TO_AGENCY: { description: "A worker or relation contact wrote to the agency (contact tab): to the agency's contact address, with the subject and a link, not the text." },
    MESSAGE_REPLY: { description: 'The agency answered a thread: to its writer, with the subject and a link, not the text.' },
  },
});

export const MailStatusEnum = enumOf(MAIL_STATUSES);
registerEnumType(MailStatusEnum, {
  name: 'MailStatus',
  description: 'Where a mail is in its delivery; each mail goes to the mail server at most once.',
  valuesConfig: {
    PENDING: { description: 'Waiting to be sent: the first try, or a retry after the mail server refused it for now (nextAttemptAt).' },
    SENDING: { description: 'Being handed to the mail server right now.' },
    SENT: { description: 'The mail server accepted it (sentAt).' },
    FAILED: {
      description:
        'Not sent, for good: refused permanently, out of attempts, or interrupted while sending (then it may or may not have arrived). lastError says which; it is never sent again by itself.',
    },
  },
});

@ObjectType('MailMessage', { description: "One mail of the agency's outbox, as staff see it (never its link or token)." })
export class MailMessageType {
  @Field(() => ID, { description: 'The outbox id; the Message-ID header is `<id@flexportal.mail>`.' }) id: string;
  @Field(() => MailKindEnum, { description: 'What the mail is about.' }) kind: string;
  @Field({ description: 'The address it is (or was) sent to.' }) recipientEmail: string;
  @Field({ description: 'The name it is addressed to.' }) recipientName: string;
  @Field(() => ID, { nullable: true, description: 'The login it is for (User.id), when there is one.' }) recipientUserId: string | null;
  @Field(() => LanguageEnum, { description: 'The language it is written in: the recipient’s.' }) language: string;
  @Field(() => String, { nullable: true, description: 'The subject line; null until the first try wrote the mail out.' }) subject: string | null;
  @Field(() => MailStatusEnum, { description: 'Where it is in its delivery.' }) status: string;
  @Field(() => Int, { description: 'Tries so far.' }) attempts: number;
  @Field(() => String, { nullable: true, description: "The mail server's last refusal or the reason it failed (null once sent)." }) lastError: string | null;
  @Field({ description: 'When the change that caused it was saved.' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'PENDING: when the next try is due.' }) nextAttemptAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'SENT: when the mail server accepted it.' }) sentAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'FAILED: when it was given up.' }) failedAt: Date | null;

  static from(view: MailMessageView): MailMessageType {
    return Object.assign(new MailMessageType(), view);
  }
}

@ObjectType('MailMessageEdge', { description: EDGE_DESCRIPTION })
export class MailMessageEdge {
  @Field({ description: CURSOR_DESCRIPTION }) cursor: string;
  @Field(() => MailMessageType, { description: 'The mail.' }) node: MailMessageType;
}

@ObjectType('MailMessageConnection', { description: 'A page of mails, newest first (Relay connection).' })
export class MailMessageConnection {
  @Field(() => [MailMessageEdge], { description: EDGES_DESCRIPTION }) edges: MailMessageEdge[];
  @Field(() => [MailMessageType], { description: NODES_DESCRIPTION }) nodes: MailMessageType[];
  @Field(() => PageInfo, { description: PAGE_INFO_DESCRIPTION }) pageInfo: PageInfo;
}
