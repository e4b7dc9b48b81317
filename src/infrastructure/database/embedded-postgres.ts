import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * The embedded PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) behind its socket server,
 * so that `pg`, TypeORM and every other client talk to it exactly as to a real server.
 * PGlite runs one query at a time; the socket server queues the others.
 */
export interface EmbeddedPostgres {
  readonly url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder for the data files; `undefined` keeps the database in memory. */
  readonly dataDir?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Must be at least the sum of every pool that connects (TypeORM, jobs, scripts). */
  readonly maxConnections: number;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir);
  const port = options.port && options.port > 0 ? options.port : await freePort();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: options.maxConnections });
  await server.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
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
