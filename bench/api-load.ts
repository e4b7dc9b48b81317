import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import { GraphqlRequest, STATEMENTS_METRIC, metricSum, readMetrics, send } from './api-client';
import { SavedWeek } from './api-phases';

/* One phase of `npm run bench:api`: a request checked once, then loaded with autocannon. */

export interface Phase {
  readonly key: string;
  readonly label: string;
  /** The request as it would be sent now (a save: with the version known now). */
  request(): GraphqlRequest;
  /** The save: the week whose version each answer updates. */
  readonly saved?: SavedWeek;
}

/** Socket errors (refused connections) after which a load stops early. */
export const BAILOUT_ERRORS = 1000;

export interface LoadOptions {
  readonly connections: number;
  readonly durationSeconds: number;
}

export interface PhaseResult {
  readonly key: string;
  readonly label: string;
  /** Answers received during the load. */
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  /** 200 answers with `errors` (a save's STALE_VERSION conflicts are counted apart). */
  readonly graphqlErrors: number;
  readonly firstError?: string;
  readonly socketErrors: number;
  readonly timeouts: number;
  /** The save: answers that saved, and those that lost the race for the version. */
  readonly saves?: number;
  readonly conflicts?: number;
  /** Statements the server counted during the phase per answer (flexportal_db_statements_total); undefined without it. */
  readonly statementsPerRequest?: number;
}

/** The phase's request once: it must answer 200 without errors, or the bench stops with the answer. */
export async function validate(url: string, phase: Phase): Promise<void> {
  let answer = await send(url, phase.request());
  // A save answered after autocannon closed its connection moved the version unseen: the conflict says the current one.
  for (let retry = 0; phase.saved?.observe(JSON.stringify(answer.body)) === 'conflict' && retry < 3; retry++) answer = await send(url, phase.request());
  if (answer.status !== 200 || answer.body.errors || !answer.body.data) {
    throw new Error(`phase "${phase.label}" does not answer as it should: HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 2000)}`);
  }
}

/** The autocannon request of a phase; `tally` hears of every answer that is not a clean 200. */
export function loadRequest(url: string, phase: Phase, tally: (kind: 'error' | 'conflict', body: string) => void): autocannon.Request {
  const first = phase.request();
  const saved = phase.saved;
  return {
    method: 'POST',
    path: new URL(url).pathname,
    headers: first.headers,
    body: first.body,
    ...(saved ? { setupRequest: (request: autocannon.Request) => ({ ...request, body: saved.request().body }) } : {}),
    onResponse: (status: number, body: string) => {
      if (status !== 200) return; // counted by autocannon as non-2xx
      if (saved) {
        const outcome = saved.observe(body);
        if (outcome !== 'saved') tally(outcome === 'conflict' ? 'conflict' : 'error', body);
      } else if (body.includes('"errors":[')) {
        tally('error', body);
      }
    },
  };
}

async function statementCount(url: string): Promise<number | undefined> {
  const text = await readMetrics(url);
  return text === undefined ? undefined : metricSum(text, STATEMENTS_METRIC);
}

export async function runPhase(url: string, phase: Phase, options: LoadOptions): Promise<PhaseResult> {
  await validate(url, phase);
  let graphqlErrors = 0;
  let conflicts = 0;
  let firstError: string | undefined;
  const savesBefore = phase.saved?.saves ?? 0;
  const statementsBefore = await statementCount(url);
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.durationSeconds,
    // Stops the phase when the server is gone (else autocannon reconnects in a tight loop until the end).
    bailout: BAILOUT_ERRORS,
    requests: [
      loadRequest(url, phase, (kind, body) => {
        if (kind === 'conflict') return void conflicts++;
        graphqlErrors++;
        firstError ??= body.slice(0, 500);
      }),
    ],
  });
  const statementsAfter = await statementCount(url);
  const requests = result.requests.total;
  return {
    key: phase.key,
    label: phase.label,
    requests,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    graphqlErrors,
    firstError,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    ...(phase.saved ? { saves: phase.saved.saves - savesBefore, conflicts } : {}),
    statementsPerRequest:
      statementsBefore !== undefined && statementsAfter !== undefined && requests > 0 ? (statementsAfter - statementsBefore) / requests : undefined,
  };
}

/** The median wall-clock time of `count` requests sent one after another (after a few unmeasured ones). */
export async function sequentialMedianMs(url: string, phase: Phase, count = 40): Promise<number> {
  const once = async () => {
    const answer = await send(url, phase.request());
    phase.saved?.observe(JSON.stringify(answer.body)); // one at a time, every save finds its version
    return answer;
  };
  for (let i = 0; i < 5; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    const answer = await once();
    times.push(performance.now() - start);
    if (answer.status !== 200 || answer.body.errors) throw new Error(`"${phase.label}" one at a time: HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 500)}`);
  }
  times.sort((a, b) => a - b);
  return (times[(count - 1) >> 1] + times[count >> 1]) / 2;
}
