/**
 * `npm run bench:limits`: the real server (HTTP, Apollo, the limits; the embedded PostgreSQL in a
 * fresh directory, or DATABASE_URL) answers, one request at a time, a bare `{ __typename }` (the
 * baseline) and the floods of issue 8 that the limits refuse: depth 50 (the declarations cycle),
 * 10,000 aliases (209 KB) and 100,000 aliases (1.8 MB). Printed per case: median and 95th
 * percentile milliseconds by the wall clock, the ratio of the median to the baseline's, the heap's
 * peak above where it stood before the case, and what stayed after a garbage collection.
 * Run with --expose-gc (the npm script does) for the memory figures.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startApp } from '../src/composition-root';
import { loadConfig } from '../src/infrastructure/config/config';

interface Case {
  readonly name: string;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  /** The reason the server must refuse it with; none for the baseline. */
  readonly reason?: string;
}

const NO_ID = '00000000-0000-4000-8000-000000000000';

function cycle(depth: number): string {
  let inner = 'id';
  for (let level = depth - 1; level >= 2; level--) inner = `${level % 2 === 0 ? 'declarations' : 'timesheet'} { ${inner} }`;
  return `query ($id: ID!) { timesheet(id: $id) { ${inner} } }`;
}

const aliases = (count: number) => `{${Array.from({ length: count }, (_, i) => `a${i}:viewer{id}`).join(' ')}}`;

const CASES: Case[] = [
  { name: 'baseline { __typename }', query: '{ __typename }' },
  { name: 'depth 50 (declarations cycle)', query: cycle(50), variables: { id: NO_ID }, reason: 'QUERY_TOO_DEEP' },
  { name: '10,000 aliases', query: aliases(10_000), reason: 'TOO_MANY_TOKENS' },
  { name: '100,000 aliases', query: aliases(100_000), reason: 'TOO_MANY_TOKENS' },
];

const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = () => process.memoryUsage().heapUsed / 2 ** 20;

async function send(url: string, body: string): Promise<{ status: number; reason?: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const json = (await response.json()) as { errors?: { extensions?: { reason?: string } }[] };
  return { status: response.status, reason: json.errors?.[0]?.extensions?.reason };
}

async function measure(url: string, c: Case, rounds: number) {
  const body = JSON.stringify({ query: c.query, variables: c.variables });
  for (let i = 0; i < 3; i++) await send(url, body); // warm-up
  gc?.();
  const before = heapMb();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, heapMb())), 1);
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    const answer = await send(url, body);
    times.push(performance.now() - started);
    peak = Math.max(peak, heapMb());
    const expected = c.reason ? { status: 400, reason: c.reason } : { status: 200, reason: undefined };
    if (answer.status !== expected.status || answer.reason !== expected.reason) {
      throw new Error(`${c.name}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(answer)}`);
    }
  }
  clearInterval(sampler);
  gc?.();
  times.sort((a, b) => a - b);
  return {
    kb: Buffer.byteLength(body) / 1024,
    median: times[Math.floor(times.length / 2)],
    p95: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))],
    peakMb: peak - before,
    retainedMb: heapMb() - before,
  };
}

async function main(): Promise<void> {
  const dataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'flexportal-bench-'));
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    ...(dataDir ? { DATA_DIR: dataDir } : {}),
    // Nothing encrypted is read or written here; a database of its own needs a key all the same.
    FIELD_ENCRYPTION_KEY: process.env.FIELD_ENCRYPTION_KEY ?? randomBytes(32).toString('base64'),
    // The bench sends a few hundred anonymous requests from one address.
    RATE_LIMIT_ANONYMOUS: '1000000/60',
  });
  const app = await startApp({ config });
  try {
    const rounds = Number(process.env.BENCH_ROUNDS ?? 40);
    console.log(`limits: ${JSON.stringify(config.graphqlLimits)}; ${rounds} requests per case, one at a time${gc ? '' : ' (no --expose-gc: memory figures are rough)'}`);
    let baseline = 0;
    for (const c of CASES) {
      const m = await measure(app.url, c, rounds);
      baseline ||= m.median;
      console.log(
        `${c.name.padEnd(30)} ${m.kb.toFixed(0).padStart(5)} KB  median ${m.median.toFixed(2).padStart(7)} ms  p95 ${m.p95.toFixed(2).padStart(7)} ms  ` +
          `ratio to baseline ${(m.median / baseline).toFixed(1).padStart(5)}  heap peak +${m.peakMb.toFixed(1)} MB, after GC ${m.retainedMb >= 0 ? '+' : ''}${m.retainedMb.toFixed(1)} MB`,
      );
    }
  } finally {
    await app.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
