import cluster, { Worker } from 'node:cluster';
import { AggregatorRegistry } from 'prom-client';
import { Logger } from '../../application/ports/logger';
import type { Metrics } from '../observability/metrics';

/*
 * WEB_CONCURRENCY=N (issue 14): N server processes on one machine share the port (node:cluster;
 * the primary hands each connection to a worker in turn). The processes share nothing in memory:
 * everything that must hold across them is in PostgreSQL (rate counters, locks, jobs, the
 * notices that end cached logins), so N processes behave as N machines behind a load balancer.
 *
 * The primary serves nothing itself. It starts the first worker alone (it migrates the database
 * and seeds the demo), then the others; it restarts a worker that dies, and on SIGTERM/SIGINT it
 * stops them all (each drains its requests) and exits. /metrics, answered by whichever worker
 * gets the request, is gathered from all workers by the primary (counters and histograms summed).
 */

const READY = 'flexportal:ready';
const METRICS_ASK = 'flexportal:metrics?';
const METRICS_ANSWER = 'flexportal:metrics!';

interface ReadyMessage {
  readonly type: typeof READY;
  readonly url: string;
}

export interface ClusterOptions {
  readonly workers: number;
  readonly logger: Logger;
  /** How long a stopping worker may take before it is killed. */
  readonly stopTimeoutMs: number;
  /** Once every worker listens: the URL (to print the welcome, check the demo login). */
  onReady(url: string): Promise<void> | void;
}

export function isClusterWorker(): boolean {
  return cluster.isWorker;
}

/** In the primary: forks the workers and looks after them until a signal stops them. */
export async function runPrimary(options: ClusterOptions): Promise<void> {
  const { logger } = options;
  const aggregator = new AggregatorRegistry();
  let stopping = false;
  const roles = new Map<Worker, { first: boolean }>();

  const fork = (first: boolean): Promise<string> => {
    const worker = cluster.fork({ FLEXPORTAL_FIRST_WORKER: first ? '1' : '0' });
    roles.set(worker, { first });
    worker.on('message', (message: { type?: string; id?: number }) => {
      if (message?.type !== METRICS_ASK) return;
      aggregator.clusterMetrics().then(
        (text) => worker.send({ type: METRICS_ANSWER, id: message.id, text }),
        (error: unknown) => worker.send({ type: METRICS_ANSWER, id: message.id, error: String(error) }),
      );
    });
    return new Promise((resolve, reject) => {
      worker.on('message', (message: ReadyMessage) => {
        if (message?.type === READY) resolve(message.url);
      });
      worker.once('exit', (code) => reject(new Error(`worker ${worker.process.pid} exited (${code}) before it was ready`)));
    });
  };

  cluster.on('exit', (worker, code, signal) => {
    const role = roles.get(worker);
    roles.delete(worker);
    // A clean exit is a worker told to stop (a signal to the whole process group): not restarted.
    if (stopping || code === 0) return;
    logger.warn({ pid: worker.process.pid, code, signal }, 'server process ended; starting another');
    fork(role?.first ?? false).catch((error: unknown) => logger.error({ err: error }, 'a server process did not start'));
  });

  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, workers: roles.size }, 'shutting down the server processes');
    const exits = [...roles.keys()].map(
      (worker) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(() => worker.process.kill('SIGKILL'), options.stopTimeoutMs);
          worker.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          worker.process.kill(signal);
        }),
    );
    await Promise.all(exits);
    logger.info({}, 'stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  // The first one alone: it migrates and seeds; the others find the database ready.
  const url = await fork(true);
  await Promise.all(Array.from({ length: options.workers - 1 }, () => fork(false)));
  logger.info({ workers: options.workers }, 'server processes ready');
  await options.onReady(url);
}

/** In a worker: whether it is the first (it migrates and seeds the demo). */
export function isFirstWorker(): boolean {
  return process.env.FLEXPORTAL_FIRST_WORKER === '1';
}

/** In a worker: tells the primary it listens. */
export function reportReady(url: string): void {
  process.send?.({ type: READY, url } satisfies ReadyMessage);
}

/**
 * In a worker: answers the primary's requests for its figures; first with none (while it
 * starts, so that /metrics of the others does not wait for it), then with its registry.
 */
export function shareMetricsWithPrimary(own?: Metrics): void {
  AggregatorRegistry.setRegistries(own ? [own.registry] : []);
  // Its constructor makes prom-client answer the primary's requests in this worker (once).
  new AggregatorRegistry();
}

/** In a worker: /metrics of all workers, gathered by the primary. */
export function clusterMetricsText(_own: Metrics, timeoutMs = 5_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    const timer = setTimeout(() => {
      process.off('message', answer);
      reject(new Error('the primary did not gather the metrics in time'));
    }, timeoutMs);
    const answer = (message: { type?: string; id?: number; text?: string; error?: string }) => {
      if (message?.type !== METRICS_ANSWER || message.id !== id) return;
      clearTimeout(timer);
      process.off('message', answer);
      if (message.error !== undefined || message.text === undefined) reject(new Error(message.error ?? 'no metrics'));
      else resolve(message.text);
    };
    process.on('message', answer);
    process.send?.({ type: METRICS_ASK, id });
  });
}

let nextId = 1;
