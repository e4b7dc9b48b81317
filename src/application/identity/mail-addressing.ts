import { User } from '../../domain/identity/user.entity';
import { AgencyRepository } from '../ports/agency.repository';
import { FlexworkerRepository } from '../ports/flexworker.repository';
import { OutgoingMail } from '../ports/mail-outbox';

/** Who a login's mail goes to, in which language, and for which agency (name and time zone). */
export type MailAddressing = Pick<OutgoingMail, 'agencyId' | 'agencyName' | 'timeZone' | 'to'>;

export interface MailAddressingDeps {
  readonly agencies: AgencyRepository;
  readonly flexworkers: FlexworkerRepository;
}

/**
 * The mail's recipient in their language (a worker's is on the Flexworker, else the login's), with
 * the agency's name and time zone. The two reads go one after the other: inside a unit of work they
 * share the transaction's one connection.
 */
export async function mailAddressingFor(deps: MailAddressingDeps, user: User): Promise<MailAddressing> {
  const agency = await deps.agencies.findById(user.agencyId);
  const worker = user.flexworkerId ? await deps.flexworkers.findById(user.agencyId, user.flexworkerId) : null;
  return {
    agencyId: user.agencyId,
    agencyName: agency?.name ?? '',
    timeZone: agency?.settings.timeZone ?? 'Europe/Amsterdam',
    to: { email: user.email, name: user.displayName, language: worker?.language.code ?? user.language, userId: user.id },
  };
}
