import { Organisation1764200000000 } from './1764200000000-organisation';
import { Identity1764200100000 } from './1764200100000-identity';
import { CaoSchedules1764200200000 } from './1764200200000-cao-schedules';
import { Timesheets1764200300000 } from './1764200300000-timesheets';
import { WorkerTimeBlocks1764200400000 } from './1764200400000-worker-time-blocks';
import { RateLimits1764200560000 } from './1764200560000-rate-limits';
import { PayrollFields1764200600000 } from './1764200600000-payroll-fields';
import { PayrollExports1764200700000 } from './1764200700000-payroll-exports';
import { Documents1764200800000 } from './1764200800000-documents';
import { MailOutbox1764200900000 } from './1764200900000-mail-outbox';
import { Invitations1764201000000 } from './1764201000000-invitations';
import { PasswordResets1764201100000 } from './1764201100000-password-resets';
import { HoursReminders1764201200000 } from './1764201200000-hours-reminders';
import { ChangeRequests1764201300000 } from './1764201300000-change-requests';
import { Uploads1764201400000 } from './1764201400000-uploads';
import { Messages1764201500000 } from './1764201500000-messages';
import { Signing1764201600000 } from './1764201600000-signing';
import { MessageAttachments1764201700000 } from './1764201700000-message-attachments';
import { SettlementDeclarations1764201900000 } from './1764201900000-settlement-declarations';
import { InvalidationNotices1764202000000 } from './1764202000000-invalidation-notices';
import { RateLimitsUnlogged1764202100000 } from './1764202100000-rate-limits-unlogged';
import { OrganisationNotices1764202200000 } from './1764202200000-organisation-notices';

/**
 * Every migration, committed and run in timestamp order by TypeORM (never `synchronize`).
 * Each feature adds its migration class here.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const migrations: Function[] = [
  Organisation1764200000000,
  Identity1764200100000,
  CaoSchedules1764200200000,
  Timesheets1764200300000,
  WorkerTimeBlocks1764200400000,
  RateLimits1764200560000,
  PayrollFields1764200600000,
  PayrollExports1764200700000,
  Documents1764200800000,
  MailOutbox1764200900000,
  Invitations1764201000000,
  PasswordResets1764201100000,
  HoursReminders1764201200000,
  ChangeRequests1764201300000,
  Uploads1764201400000,
  Messages1764201500000,
  Signing1764201600000,
  MessageAttachments1764201700000,
  SettlementDeclarations1764201900000,
  InvalidationNotices1764202000000,
  RateLimitsUnlogged1764202100000,
  OrganisationNotices1764202200000,
];
