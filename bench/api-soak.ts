import autocannon from 'autocannon';
import { metricSum, readMetrics } from './api-client';
import { BAILOUT_ERRORS, loadRequest, Phase, validate } from './api-load';
import { runInfo, writeResults } from './api-report';
import { BenchServer, rssOfProcess } from './api-server';

/*
 * `npm run bench:api -- --soak`: minutes of mixed load of every role (each connection sends the
 * phases' requests in turn: bare, viewer, the week, the overview, the inbox, a save), the server's
 * RSS and event-loop delay sampled before, every 30 s, and after 10 s of rest. "Before" is taken
 * after a short warm-up and rest, so that the JIT and the pools count as the process's normal size.
 */

const SAMPLE_EVERY_MS = 30_000;
const REST_MS = 10_000;

interface Sample {
  readonly at: string;
  readonly seconds: number;
  readonly rssBytes?: number;
  readonly heapUsedBytes?: number;
  readonly loopP99Ms?: number;
  readonly loopMeanMs?: number;
  /** Where the figures came from: the server's /metrics, or `ps` (RSS only). */
  readonly source: 'metrics' | 'ps';
}

async function sample(server: BenchServer, at: string, startedMs: number): Promise<Sample> {
  const seconds = Math.round((Date.now() - startedMs) / 1000);
  const text = await readMetrics(server.url);
  const seconds2ms = (value: number | undefined) => (value === undefined ? undefined : value * 1000);
  if (text !== undefined) {
    return {
      at,
      seconds,
      rssBytes: metricSum(text, 'process_resident_memory_bytes') ?? rssOfProcess(server.pid),
      heapUsedBytes: metricSum(text, 'nodejs_heap_size_used_bytes'),
      loopP99Ms: seconds2ms(metricSum(text, 'nodejs_eventloop_lag_p99_seconds')),
      loopMeanMs: seconds2ms(metricSum(text, 'nodejs_eventloop_lag_mean_seconds')),
      source: 'metrics',
    };
  }
  return { at, seconds, rssBytes: rssOfProcess(server.pid), source: 'ps' };
}

const mb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / 2 ** 20).toFixed(0)} MB`);
const ms = (value: number | undefined) => (value === undefined ? 'n/a' : `${value.toFixed(1)} ms`);

function print(s: Sample): void {
  console.log(
    `${s.at.padEnd(7)} t=${String(s.seconds).padStart(4)} s  RSS ${mb(s.rssBytes).padStart(7)}  heap used ${mb(s.heapUsedBytes).padStart(7)}  ` +
      `event-loop delay p99 ${ms(s.loopP99Ms)}, mean ${ms(s.loopMeanMs)}  (${s.source})`,
  );
}

const sleep = (msToWait: number) => new Promise((done) => setTimeout(done, msToWait));

export function mixedLoad(server: BenchServer, phases: readonly Phase[], connections: number, seconds: number, tally: { errors: number; conflicts: number; first?: string }) {
  return autocannon({
    url: server.url,
    connections,
    duration: seconds,
    bailout: BAILOUT_ERRORS,
    requests: phases.map((phase) =>
      loadRequest(server.url, phase, (kind, body) => {
        if (kind === 'conflict') return void tally.conflicts++;
        tally.errors++;
        tally.first ??= body.slice(0, 500);
      }),
    ),
  });
}

export async function runSoak(server: BenchServer, phases: readonly Phase[], connections: number, minutes: number, warmUpSeconds: number): Promise<void> {
  for (const phase of phases) await validate(server.url, phase);
  const warmUp = Math.max(10, warmUpSeconds);
  console.log(`warm-up: ${warmUp} s of the mixed load, then ${REST_MS / 1000} s of rest`);
  await mixedLoad(server, phases, connections, warmUp, { errors: 0, conflicts: 0 });
  await sleep(REST_MS);
  const started = Date.now();
  const samples: Sample[] = [await sample(server, 'before', started)];
  print(samples[0]);
  console.log(`soak: ${minutes} min of mixed load (${phases.map((p) => p.key).join(', ')} in turn), ${connections} connections`);
  const tally = { errors: 0, conflicts: 0, first: undefined as string | undefined };
  const timer = setInterval(() => void sample(server, 'load', started).then((s) => (samples.push(s), print(s))), SAMPLE_EVERY_MS);
  let result: autocannon.Result;
  try {
    result = await mixedLoad(server, phases, connections, minutes * 60, tally);
  } finally {
    clearInterval(timer);
  }
  const gone = server.exitStatus();
  if (gone) throw new Error(`${gone}\n(during the soak, ${Math.round((Date.now() - started) / 1000)} s in)`);
  await sleep(REST_MS);
  const after = await sample(server, 'after', started);
  samples.push(after);
  print(after);
  const before = samples[0];
  const ratio = before.rssBytes && after.rssBytes ? after.rssBytes / before.rssBytes : undefined;
  console.log(
    `load: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; ` +
      `${result.requests.total} answers, ${result.non2xx} non-2xx, ${tally.errors} with errors, ${tally.conflicts} save conflicts, ` +
      `${result.errors} socket errors, ${result.timeouts} timeouts${tally.first ? ` (first error: ${tally.first})` : ''}`,
  );
  console.log(`RSS after/before = ${ratio === undefined ? 'n/a' : ratio.toFixed(2)}`);
  // The process grows to its working size under load in the first half minute and V8 seldom gives
  // memory back within 10 s: growth after that first sample is what a leak would show.
  const first = samples.find((s) => s.at === 'load');
  const sinceFirst = first?.rssBytes && after.rssBytes ? after.rssBytes / first.rssBytes : undefined;
  if (sinceFirst !== undefined) console.log(`RSS after / at ${first!.seconds} s under load = ${sinceFirst.toFixed(2)}`);
  writeResults(`api-${server.database}-soak`, {
    ...runInfo(server.database, connections, minutes * 60),
    samples,
    rssAfterBefore: ratio,
    rssAfterFirstLoadSample: sinceFirst,
    load: { requestsPerSecond: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99, answers: result.requests.total, non2xx: result.non2xx, ...tally },
  });
}
