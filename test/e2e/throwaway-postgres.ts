import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/*
 * A PostgreSQL cluster of a test's own, that the test may stop and start: initdb into a temporary
 * folder, pg_ctl on a free port on 127.0.0.1 (as .ci/run does, and as the `postgres` user when the
 * tests run as root). Nothing is shared with the run's test database.
 */

const run = promisify(execFile);
const DEBIAN_LAYOUT = '/usr/lib/postgresql';
const PG_CTL_TIMEOUT_S = 30;

/** The newest installed server binaries (`/usr/lib/postgresql/<version>/bin`), or undefined. */
export function postgresBinaries(): string | undefined {
  if (!existsSync(DEBIAN_LAYOUT)) return undefined;
  const versions = readdirSync(DEBIAN_LAYOUT)
    .filter((version) => ['initdb', 'pg_ctl'].every((tool) => existsSync(path.join(DEBIAN_LAYOUT, version, 'bin', tool))))
    .sort((a, b) => Number(a) - Number(b));
  if (versions.length === 0) return undefined;
  if (isRoot() && spawnSync('id', ['-u', 'postgres']).status !== 0) return undefined; // root needs the postgres user
  return path.join(DEBIAN_LAYOUT, versions[versions.length - 1], 'bin');
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** Single-quoted for `su -c`. */
function quote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Runs a server binary, as the `postgres` user when we are root (PostgreSQL refuses to run as root). */
function asPostgres(binary: string, args: string[]): [string, string[]] {
  if (!isRoot()) return [binary, args];
  return ['su', ['postgres', '-c', [binary, ...args].map(quote).join(' ')]];
}

export class ThrowawayPostgres {
  private running = false;
  private readonly stopAtExit = () => {
    if (this.running) spawnSync(...asPostgres(this.pgCtl, ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']));
  };

  private constructor(
    private readonly bin: string,
    readonly dir: string,
    readonly port: number,
  ) {
    process.once('exit', this.stopAtExit);
  }

  /** initdb (about half a second) and a first start. */
  static async create(bin: string): Promise<ThrowawayPostgres> {
    const dir = mkdtempSync(path.join(tmpdir(), 'flexportal-pg-'));
    if (isRoot()) await run('chown', ['postgres:', dir]);
    const initdb = asPostgres(path.join(bin, 'initdb'), ['-D', path.join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale']);
    await run(...initdb, { timeout: 60_000 });
    const postgres = new ThrowawayPostgres(bin, dir, await freePort());
    await postgres.start();
    return postgres;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private get dataDir(): string {
    return path.join(this.dir, 'data');
  }

  private get pgCtl(): string {
    return path.join(this.bin, 'pg_ctl');
  }

  /** Starts the server and waits until it takes connections. */
  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1`;
    await this.pgCtlRun(['-D', this.dataDir, '-l', path.join(this.dir, 'server.log'), '-o', options, '-w', '-t', String(PG_CTL_TIMEOUT_S), 'start']);
    this.running = true;
  }

  /** A fast shutdown, as an operator's `systemctl stop`: open sessions are ended, the server waits for nothing. */
  async stop(): Promise<void> {
    await this.pgCtlRun(['-D', this.dataDir, '-m', 'fast', '-w', '-t', String(PG_CTL_TIMEOUT_S), 'stop']);
    this.running = false;
  }

  /** Stops the server if it runs, and removes its folder. */
  async destroy(): Promise<void> {
    try {
      if (this.running) await this.stop();
    } finally {
      process.removeListener('exit', this.stopAtExit);
      rmSync(this.dir, { recursive: true, force: true });
    }
  }

  /** The server's own log, for a failing test's message. */
  serverLog(): string {
    const file = path.join(this.dir, 'server.log');
    return existsSync(file) ? readFileSync(file, 'utf8').slice(-4000) : '';
  }

  private async pgCtlRun(args: string[]): Promise<void> {
    try {
      await run(...asPostgres(this.pgCtl, args), { timeout: (PG_CTL_TIMEOUT_S + 10) * 1000 });
    } catch (error) {
      throw new Error(`pg_ctl ${args[args.length - 1]} failed: ${(error as Error).message}\n${this.serverLog()}`);
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
