/**
 * `npm run bench:api`: the API's throughput as users load it (issue 14). Starts the compiled server
 * as a child process (embedded PostgreSQL in a fresh directory, or DATABASE_URL), logs in as the
 * demo's worker Ana, the contact of her relation and the agency's staff, and loads each phase with
 * autocannon (32 connections, 8 s): a bare `{ __typename }` first and last (the baseline is their
 * mean), `viewer`, Ana's approved week, staff's overview of 50 weeks, the contact's approval inbox
 * and a save of Ana's open week. Prints req/s, p50, p99, the ratio to bare and the SQL statements
 * per request (from /metrics, when the server has it), and writes bench/results/api-<db>.json.
 *
 * Flags: --duration N (seconds per phase), --connections N, --quick (2 s phases),
 * --soak (only the soak of bench/api-soak.ts, 5 minutes), --soak-minutes N.
 */
import { DemoTokens, demoTokens, graphqlRequest } from './api-client';
import { Phase, PhaseResult, runPhase, sequentialMedianMs, validate } from './api-load';
import { BARE, DemoWeeks, findDemoWeeks, INBOX, OVERVIEW, SavedWeek, VIEWER, WEEK } from './api-phases';
import { printTable, runInfo, writeResults } from './api-report';
import { BenchServer, startBenchServer } from './api-server';
import { mixedLoad, runSoak } from './api-soak';

interface Args {
  readonly connections: number;
  readonly durationSeconds: number;
  readonly soak: boolean;
  readonly soakMinutes: number;
}

function parseArgs(argv: readonly string[]): Args {
  const value = (flag: string, fallback: number) => {
    const i = argv.indexOf(flag);
    if (i < 0) return fallback;
    const n = Number(argv[i + 1]);
    if (!(n > 0)) throw new Error(`${flag} needs a positive number, got "${argv[i + 1]}"`);
    return n;
  };
  const known = ['--duration', '--connections', '--quick', '--soak', '--soak-minutes'];
  const unknown = argv.filter((a) => a.startsWith('--') && !known.includes(a));
  if (unknown.length > 0) throw new Error(`unknown flag ${unknown.join(', ')}; known: ${known.join(', ')}`);
  return {
    connections: Math.round(value('--connections', 32)),
    durationSeconds: value('--duration', argv.includes('--quick') ? 2 : 8),
    soak: argv.includes('--soak') || argv.includes('--soak-minutes'),
    soakMinutes: value('--soak-minutes', 5),
  };
}

/** The phases in the order they run; the bare phase runs again at the end. */
export function phasesOf(tokens: DemoTokens, weeks: DemoWeeks): Phase[] {
  const fixed = (key: string, label: string, request: ReturnType<typeof graphqlRequest>): Phase => ({ key, label, request: () => request });
  return [
    fixed('bare', 'bare { __typename }', graphqlRequest(BARE)),
    fixed('viewer', 'viewer { role language }', graphqlRequest(VIEWER, undefined, tokens.worker)),
    fixed('week', `worker's week (${weeks.approved.week}, ${weeks.approved.lines} lines)`, graphqlRequest(WEEK, { id: weeks.approved.id }, tokens.worker)),
    fixed('overview', "staff's overview (first 50 weeks)", graphqlRequest(OVERVIEW, undefined, tokens.staff)),
    fixed('inbox', "contact's approval inbox", graphqlRequest(INBOX, undefined, tokens.contact)),
    (() => {
      const saved = new SavedWeek(weeks.open, tokens.worker);
      return { key: 'save', label: `save of one week (${weeks.open.week}) by all`, request: () => saved.request(), saved };
    })(),
  ];
}

/**
 * When autocannon stops, the requests it had in flight are still being answered: a pause of twice
 * the last p99 (1 to 10 s), so that one phase's tail does not run into the next phase's figures.
 */
function settle(p99Ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, Math.min(10_000, 1000 + 2 * p99Ms)));
}

async function phases(server: BenchServer, args: Args, tokens: DemoTokens, weeks: DemoWeeks): Promise<void> {
  const info = runInfo(server.database, args.connections, args.durationSeconds);
  const all = phasesOf(tokens, weeks);
  // Unmeasured: the server's JIT and pools settle before the first bare phase, not during it (without
  // this the first bare phase came out at half the last one: bare runs of 4 s went 371, 752, 1,196 req/s).
  const warmUp = Math.min(8, args.durationSeconds);
  console.log(`warm-up: ${warmUp} s of all the phases' requests in turn, then ${warmUp} s of bare`);
  for (const phase of all) await validate(server.url, phase);
  await settle((await mixedLoad(server, all, args.connections, warmUp, { errors: 0, conflicts: 0 })).latency.p99);
  await settle((await mixedLoad(server, [all[0]], args.connections, warmUp, { errors: 0, conflicts: 0 })).latency.p99);
  const results: PhaseResult[] = [];
  for (const phase of [...all, all[0]]) {
    process.stdout.write(`${phase.label} … `);
    const result = await runPhase(server.url, phase, { connections: args.connections, durationSeconds: args.durationSeconds });
    console.log(`${Math.round(result.requestsPerSecond)} req/s, p99 ${result.p99Ms} ms`);
    results.push(result);
    const gone = server.exitStatus();
    if (gone) throw new Error(`${gone}\n(during the phase "${phase.label}")`);
    await settle(result.p99Ms);
  }
  const oneAtATime: Record<string, number> = {};
  for (const phase of all.filter((p) => ['bare', 'viewer', 'week', 'save'].includes(p.key))) {
    oneAtATime[phase.key] = await sequentialMedianMs(server.url, phase);
  }
  printTable(info, results, oneAtATime);
  writeResults(`api-${server.database}`, { ...info, weeks, results, oneAtATimeMedianMs: oneAtATime });
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  console.log(`starting the server (${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL in a temporary directory'}) …`);
  const server = await startBenchServer();
  const interrupted = () => void server.stop().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    console.log(`server ${server.url} (pid ${server.pid}, ${server.database})`);
    const tokens = await demoTokens(server.url);
    const weeks = await findDemoWeeks(server.url, tokens);
    if (args.soak) await runSoak(server, phasesOf(tokens, weeks), args.connections, args.soakMinutes, args.durationSeconds);
    else await phases(server, args, tokens, weeks);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
