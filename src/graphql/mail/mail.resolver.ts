import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { ListMailMessages } from '../../application/mail/list-mail-messages.use-case';
import { MailStatus } from '../../application/ports/mail-message-directory';
import { MailKind } from '../../application/ports/mail-outbox';
import { actorOf, GraphQLContext } from '../context';
import { AFTER_ARG, firstArg, toConnection } from '../shared/connection';
import { MailKindEnum, MailMessageConnection, MailMessageEdge, MailMessageType, MailStatusEnum } from './mail.types';

export interface MailUseCases {
  readonly listMailMessages: ListMailMessages;
}

@Resolver()
export class MailResolver {
  constructor(private readonly useCases: MailUseCases) {}

  @Query(() => MailMessageConnection, {
    description:
      "Staff: the agency's mails (invitations, password resets, reminders), newest first, with their delivery state and the mail server's error when one failed. Others: ROLE_NOT_ALLOWED.",
  })
  async mailMessages(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, firstArg()) first?: number,
    @Arg('after', () => String, AFTER_ARG) after?: string,
    @Arg('status', () => MailStatusEnum, { nullable: true, description: 'Only mails in this state.' }) status?: MailStatus,
    @Arg('kind', () => MailKindEnum, { nullable: true, description: 'Only mails of this kind.' }) kind?: MailKind,
  ): Promise<MailMessageConnection> {
    const page = await this.useCases.listMailMessages.execute(actorOf(ctx), { first, after, status, kind });
    return toConnection(MailMessageConnection, MailMessageEdge, page, MailMessageType.from);
  }
}
