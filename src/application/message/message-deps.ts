import { AgencyRepository } from '../ports/agency.repository';
import { Clock } from '../ports/clock';
import { FlexworkerRepository } from '../ports/flexworker.repository';
import { IdGenerator } from '../ports/id-generator';
import { MailOutbox } from '../ports/mail-outbox';
import { MessageThreadRepository } from '../ports/message-thread.repository';
import { PortalLinks } from '../ports/portal-links';
import { UnitOfWork } from '../ports/unit-of-work';
import { UploadRepository } from '../ports/upload.repository';
import { UserRepository } from '../ports/user.repository';

/** The ports of the contact tab (issue 12): messages between a writer and their agency. */
export interface MessageDeps {
  readonly threads: MessageThreadRepository;
  readonly agencies: AgencyRepository;
  /** The writer's login: their name for the agency's mail, their address for a reply's. */
  readonly users: UserRepository;
  /** A worker's language lives on their record: a reply's mail is written in it. */
  readonly flexworkers: FlexworkerRepository;
  readonly outbox: MailOutbox;
  readonly links: PortalLinks;
  /** Files uploaded with POST /uploads, taken as a message's attachment. */
  readonly uploads: UploadRepository;
  readonly unitOfWork: UnitOfWork;
  readonly ids: IdGenerator;
  readonly clock: Clock;
}
