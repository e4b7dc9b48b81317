import PgBoss from 'pg-boss';
import { Logger } from '../../application/ports/logger';
import { JobDefinition } from './job-definition';

export interface JobRunner {
  /** Asks for a run of the job now (at most one waits in its queue). */
  trigger(name: string): Promise<void>;
  /** Stops taking jobs, waits for the running ones (up to `timeoutMs`), closes pg-boss's pool. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface JobRunnerOptions {
  /** The application's PostgreSQL (pg-boss keeps its tables in the `pgboss` schema there). */
  readonly connectionString: string;
  readonly definitions: readonly JobDefinition[];
  readonly logger: Logger;
  /** pg-boss's own pool; the embedded server must accept these connections on top of the app's pool. */
  readonly poolSize?: number;
}

/** pg-boss's pool when no other size is given (it holds one connection while polling, one for sends and maintenance). */
export const JOB_POOL_SIZE = 3;

/**
 * Runs the jobs on pg-boss. Each job has its own queue with the `stately` policy: at most one run
 * waits and one runs at a time across all processes, so a cron tick or a trigger seen by several
 * processes becomes one run. A run that throws is retried by pg-boss.
 */
export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const { logger, definitions } = options;
  const boss = new PgBoss({
    connectionString: options.connectionString,
    max: options.poolSize ?? JOB_POOL_SIZE,
    application_name: 'flexportal-jobs',
    // Finished runs carry no data worth keeping: archive them soon, drop them after a day.
    archiveCompletedAfterSeconds: 3600,
    deleteAfterDays: 1,
    monitorStateIntervalSeconds: undefined,
  });
  boss.on('error', (error: Error) => logger.error({ err: error }, 'job runner error'));
  await boss.start();
  const timers: NodeJS.Timeout[] = [];
  try {
    for (const job of definitions) {
      await boss.createQueue(job.name, { name: job.name, policy: 'stately', retryLimit: 3, retryDelay: 5, expireInSeconds: 15 * 60 });
      await boss.work(job.name, { pollingIntervalSeconds: 1 }, async () => {
        await job.run();
      });
      if (job.cron) await boss.schedule(job.name, job.cron);
      else await boss.unschedule(job.name);
      if (job.everySeconds) {
        const every = job.everySeconds;
        const timer = setInterval(() => {
          boss.send(job.name, {}, { singletonSeconds: every }).catch((error: Error) => logger.warn({ err: error, job: job.name }, 'could not offer a job run'));
        }, every * 1000);
        timer.unref();
        timers.push(timer);
      }
    }
  } catch (error) {
    await boss.stop({ graceful: false, wait: true });
    throw error;
  }
  logger.info({ jobs: definitions.map((d) => d.name) }, 'jobs started');
  return {
    async trigger(name) {
      await boss.send(name, {});
    },
    async stop(timeoutMs = 10_000) {
      for (const timer of timers) clearInterval(timer);
      await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
    },
  };
}
