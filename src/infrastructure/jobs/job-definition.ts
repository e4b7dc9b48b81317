/**
 * A job the server runs in the background on pg-boss (on the same PostgreSQL, embedded too): mail
 * delivery, reminders, clean-up. Whatever a job does must be safe when two server processes run
 * it at the same moment (claims with `FOR UPDATE SKIP LOCKED`, unique constraints): pg-boss keeps
 * one run per schedule tick, the job's own SQL keeps one outcome per piece of work.
 */
export interface JobDefinition {
  /** The pg-boss queue name: lower case, dots and dashes (`mail.deliver`, `hours.reminders`). */
  readonly name: string;
  /** A cron expression in UTC (pg-boss schedules: at most once a minute); none: only when triggered. */
  readonly cron?: string;
  /**
   * Also run it this often (seconds), for work that should not wait up to a minute (mail): every
   * process offers a run each interval; the queue keeps one waiting, so they do not pile up.
   */
  readonly everySeconds?: number;
  /** Does the work that is due now; throws to let pg-boss retry it. */
  run(): Promise<void>;
}
