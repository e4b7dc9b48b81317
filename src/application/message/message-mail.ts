import { Agency } from '../../domain/agency/agency.entity';
import { MessageThread } from '../../domain/message/message-thread.entity';
import { Language } from '../../domain/shared/language.value-object';
import { MessageDeps } from './message-deps';

type MailDeps = Pick<MessageDeps, 'users' | 'flexworkers' | 'outbox' | 'links'>;

/**
 * A writer's new thread or message: a mail to the agency's contact address, in the portal's
 * default language (an agency has no language of its own), with the subject and a link, never the
 * text. No contact address: no mail (staff see the inbox in the portal). Runs inside the caller's
 * unit of work, so the mail commits or rolls back with the message.
 */
export async function notifyAgency(deps: MailDeps, agency: Agency, thread: MessageThread, newThread: boolean): Promise<void> {
  const address = agency.settings.contactEmail;
  if (address === null) return;
  const writer = await deps.users.findById(thread.agencyId, thread.writer.userId);
  await deps.outbox.enqueue({
    kind: 'MESSAGE_TO_AGENCY',
    agencyId: thread.agencyId,
    agencyName: agency.name,
    timeZone: agency.settings.timeZone,
    to: { email: address, name: agency.name, language: Language.DEFAULT.code, userId: null },
    link: deps.links.messageThread(thread.id),
    subject: thread.subject,
    writerName: writer?.displayName ?? '',
    newThread,
  });
}

/** Staff answered: a mail to the writer's login address, in their language (a worker's is on their record). */
export async function notifyWriter(deps: MailDeps, agency: Agency, thread: MessageThread): Promise<void> {
  const writer = await deps.users.findById(thread.agencyId, thread.writer.userId);
  if (!writer) return;
  const worker = writer.flexworkerId ? await deps.flexworkers.findById(thread.agencyId, writer.flexworkerId) : null;
  await deps.outbox.enqueue({
    kind: 'MESSAGE_REPLY',
    agencyId: thread.agencyId,
    agencyName: agency.name,
    timeZone: agency.settings.timeZone,
    to: { email: writer.email, name: writer.displayName, language: worker?.language.code ?? writer.language, userId: writer.id },
    link: deps.links.messageThread(thread.id),
    subject: thread.subject,
  });
}
