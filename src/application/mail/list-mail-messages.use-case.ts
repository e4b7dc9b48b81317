import { MailMessageDirectory, MailMessageFilter, MailMessageView } from '../ports/mail-message-directory';
import { requireStaff } from '../shared/access';
import { Actor } from '../shared/actor';
import { Page, pageQuery, PageRequest } from '../shared/pagination';

export interface ListMailMessagesInput extends PageRequest, MailMessageFilter {}

/** Staff see what their agency's mail did: sent, waiting for a retry, or failed with the error. */
export class ListMailMessages {
  constructor(private readonly directory: MailMessageDirectory) {}

  async execute(actor: Actor, input: ListMailMessagesInput = {}): Promise<Page<MailMessageView>> {
    requireStaff(actor);
    const page = pageQuery(input);
    return this.directory.list(actor.agencyId, { status: input.status, kind: input.kind }, page);
  }
}
