import { SendDueReminders } from '../../application/reminder/send-due-reminders.use-case';
import { Logger } from '../../application/ports/logger';
import { JobDefinition } from './job-definition';

/**
 * `hours.reminders`: every minute, sends the reminders of the agencies whose reminder moment is
 * due (SendDueReminders). Two processes running it at once send each reminder once: the
 * `hours_reminders` row is the claim, inserted in the transaction that enqueues the mail.
 */
export function hoursRemindersJob(sendDueReminders: SendDueReminders, logger?: Logger): JobDefinition {
  return {
    name: 'hours.reminders',
    cron: '* * * * *',
    async run() {
      const sent = await sendDueReminders.execute();
      if (sent > 0) logger?.info({ job: 'hours.reminders', sent }, 'reminders to enter hours enqueued');
    },
  };
}
