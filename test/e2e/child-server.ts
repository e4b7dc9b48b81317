import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

/*
 * The compiled server (`node dist/src/main.js`, what `npm start` runs after its build) as a child
 * process of a test: started with its own environment, waited for until it prints its URL, and
 * stopped with a signal within a bound.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const MAIN = path.join(ROOT, 'dist', 'src', 'main.js');
const OUTPUT_KEPT = 200_000;

/** `npm run -s build` (incremental: a second build with nothing changed writes nothing). */
export function buildServer(): void {
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
  if (build.status !== 0) throw new Error(`npm run build failed (${build.status}):\n${build.stdout}\n${build.stderr}`);
}

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** From the signal to the exit. */
  readonly ms: number;
}

export interface ChildServer {
  readonly url: string;
  /** stdout and stderr as they came (the last part of them). */
  output(): string;
  /** Sends the signal and waits for the exit; after `boundMs` the process is killed and this rejects. */
  stop(signal: NodeJS.Signals, boundMs: number): Promise<Exit>;
}

/** Starts the compiled server with exactly `env` (plus PATH and HOME) and waits until it prints its URL. */
export function startChildServer(env: Record<string, string>, startBoundMs = 60_000): Promise<ChildServer> {
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_KEPT);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server printed no URL within ${startBoundMs} ms:\n${output}`));
    }, startBoundMs);
    const watch = () => {
      const url = /Flexportal GraphQL API: (\S+)/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.stdout!.off('data', watch);
      resolve({ url, output: () => output, stop: (signal, boundMs) => stop(child, exited, signal, boundMs) });
    };
    child.stdout!.on('data', watch);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before it printed its URL:\n${output}`));
    });
  });
}

async function stop(
  child: ChildProcess,
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>,
  signal: NodeJS.Signals,
  boundMs: number,
): Promise<Exit> {
  const sent = Date.now();
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not exit within ${boundMs} ms of ${signal}`));
    }, boundMs);
  });
  try {
    const { code, signal: by } = await Promise.race([exited, bound]);
    return { code, signal: by, ms: Date.now() - sent };
  } finally {
    clearTimeout(timer);
  }
}
