import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/*
 * The server under load for `npm run bench:api`: the compiled `dist/src/main.js` as a child
 * process, as `npm start` runs it, so that the load generator and the server do not share an event
 * loop. Embedded PostgreSQL in a fresh temporary directory by default; DATABASE_URL (inherited from
 * the environment) for a real PostgreSQL, where the demo seed is idempotent.
 */

const ROOT = resolve(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'src', 'main.js');
/** The largest allowance the configuration accepts (RATE_LIMIT_*: up to 9 digits of points). */
const UNLIMITED = '999999999/60';
const OUTPUT_KEPT = 50_000;
/**
 * With DATABASE_URL the server needs FIELD_ENCRYPTION_KEY (BSNs and IBANs); without one in the
 * environment the bench gives this fixed key, meant only for a database the bench seeds itself.
 */
const BENCH_FIELD_ENCRYPTION_KEY = Buffer.alloc(32, 'flexportal-bench').toString('base64');

export interface BenchServer {
  /** The GraphQL endpoint, as the server printed it. */
  readonly url: string;
  readonly pid: number;
  readonly database: 'embedded' | 'postgres';
  /** stdout and stderr as they came (the last part). */
  output(): string;
  /** Undefined while it runs; else how it ended (exit code or signal) and the last of its output. */
  exitStatus(): string | undefined;
  /** SIGTERM, then SIGKILL after `boundMs`; removes the temporary data directory. Safe to call twice. */
  stop(boundMs?: number): Promise<void>;
}

/**
 * The server's environment: quiet logs, any free port, the demo seeded, and the per-caller rate
 * limits raised as far as the configuration allows (there is no setting that turns them off: every
 * request still takes its counters, one `INSERT … ON CONFLICT` each, in the database).
 */
function serverEnv(dataDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    SEED_DEMO: 'true',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    ...(process.env.DATABASE_URL && !process.env.FIELD_ENCRYPTION_KEY ? { FIELD_ENCRYPTION_KEY: BENCH_FIELD_ENCRYPTION_KEY } : {}),
    RATE_LIMIT_ANONYMOUS: UNLIMITED,
    RATE_LIMIT_TOKEN: UNLIMITED,
    RATE_LIMIT_LIST_ROWS: UNLIMITED,
  };
}

export function startBenchServer(startBoundMs = 180_000): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'flexportal-bench-api-'));
  const database = process.env.DATABASE_URL ? 'postgres' : 'embedded';
  // BENCH_SERVER_NODE_ARGS: node's flags for the server only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it under load.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, MAIN], { cwd: ROOT, env: serverEnv(dataDir), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_KEPT);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exitStatus: string | undefined;
  const exited = new Promise<void>((done) =>
    child.once('exit', (code, signal) => {
      exitStatus = `the server (pid ${child.pid}) exited with ${signal ?? `code ${code}`}; its last output:\n${output.slice(-4000)}`;
      done();
    }),
  );
  let stopping: Promise<void> | undefined;
  const stop = (boundMs = 20_000) => {
    stopping ??= stopChild(child, exited, boundMs).finally(() => rmSync(dataDir, { recursive: true, force: true }));
    return stopping;
  };
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      void stop(1000);
      fail(new Error(`the server printed no URL within ${startBoundMs} ms:\n${output}`));
    }, startBoundMs);
    const watch = () => {
      // Printed after the `ready` log line, once the demo is seeded and a demo login worked over HTTP.
      const url = /Flexportal GraphQL API: (\S+)/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.stdout!.off('data', watch);
      done({ url, pid: child.pid!, database, output: () => output, exitStatus: () => (stopping ? undefined : exitStatus), stop });
    };
    child.stdout!.on('data', watch);
    void exited.then(() => {
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
      fail(new Error(`the server exited (${child.exitCode ?? child.signalCode}) before it printed its URL:\n${output}`));
    });
  });
}

async function stopChild(child: ChildProcess, exited: Promise<void>, boundMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<'late'>((done) => (timer = setTimeout(() => done('late'), boundMs)));
  const outcome = await Promise.race([exited.then(() => 'exited' as const), bound]);
  clearTimeout(timer);
  if (outcome === 'late') {
    console.error(`the server did not exit within ${boundMs} ms of SIGTERM: killed`);
    child.kill('SIGKILL');
    await exited;
  }
}

/** The resident set of a process in bytes from `ps` (when the server has no /metrics); undefined if it is gone. */
export function rssOfProcess(pid: number): number | undefined {
  try {
    const kb = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
    return Number.isFinite(kb) && kb > 0 ? kb * 1024 : undefined;
  } catch {
    return undefined;
  }
}
