import { SendDueReminders } from '../../application/reminder/send-due-reminders.use-case';
import { Logger } from '../../application/ports/logger';
import { JobDefinition } from './job-definition';

/**
 * `hours.reminders`: every minute, sends the reminders of the agencies whose reminder moment is
 * due (SendDueReminders). Two processes running it at once send each reminder once: the
 * `hours_reminders` row is the claim, inserted in the transaction that enqueues the mail.
 * `agencies` limits it to those agencies (tests that share one database).
 */
export function hoursRemindersJob(sendDueReminders: SendDueReminders, logger?: Logger, agencies?: () => readonly string[]): JobDefinition {
  return {
    name: 'hours.reminders',
    cron: '* * * * *',
    async run() {
      const sent = await sendDueReminders.execute({ agencyIds: agencies?.() });
      if (sent > 0) logger?.info({ job: 'hours.reminders', sent }, 'reminders to enter hours enqueued');
    },
  };
}
