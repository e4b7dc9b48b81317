import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Extension } from '@electric-sql/pglite';

const BTREE_GIST: string = '@electric-sql/pglite/contrib/btree_gist';

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
  // btree_gist: the exclusion constraint on a worker's time blocks (uuid = and range &&) needs it; the migrations create it.
  // A subpath export, which `moduleResolution node` cannot type: typed here by hand.
  const { btree_gist } = (await import(BTREE_GIST)) as { btree_gist: Extension };
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir: options.dataDir, extensions: { btree_gist } });
  const port = options.port && options.port > 0 ? options.port : await freePort();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: options.maxConnections });
  keepStatementsWhole((server as unknown as { queryQueue: MessageQueue }).queryQueue);
  await server.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

/** The parts of pglite-socket's (internal) query queue that the fix below replaces or reads. */
interface MessageQueue {
  queue: { handlerId: number; message: Uint8Array; onData(data: Uint8Array): void; resolve(bytes: number): void; reject(error: unknown): void }[];
  processing: boolean;
  lastHandlerId: number | null;
  db: { isInTransaction(): boolean; runExclusive<T>(fn: () => Promise<T>): Promise<T>; execProtocolRawStream(message: Uint8Array, options: { onRawData(data: Uint8Array): void }): Promise<unknown> };
  processQueue(): Promise<void>;
  clearTransactionIfNeeded(handlerId: number): Promise<void>;
}

/** Messages that end a client's turn: Sync and a simple Query. Parse, Bind, Describe, Execute, Close and Flush do not. */
const SYNC = 0x53;
const QUERY = 0x51;
const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);

/**
 * pglite-socket 0.2.17 runs the protocol messages of all connections one at a time and keeps a
 * connection's turn only inside an explicit transaction. A statement with parameters arrives as
 * Parse, Bind, Execute, Sync; outside a transaction two connections' messages could interleave,
 * so that one connection executed the other's (unnamed) statement and got its rows: under
 * concurrent requests a SELECT came back empty. Here a connection keeps its turn from its first
 * extended-protocol message until its Sync, as well as for the whole of a transaction.
 */
function keepStatementsWhole(q: MessageQueue): void {
  // The fix reaches into pglite-socket's internals: a version that changed them must fail here, loudly, not misbehave later.
  if (!q || !Array.isArray(q.queue) || typeof q.processQueue !== 'function' || typeof q.clearTransactionIfNeeded !== 'function' || !('lastHandlerId' in q)) {
    throw new Error('pglite-socket is not the version whose query queue embedded-postgres.ts patches (0.2.17): check the fix before upgrading');
  }
  let midStatement = false;
  const notices = new NoticeFanOut();
  const watchdog = new TurnWatchdog(q, () => midStatement);
  q.processQueue = async function processQueue(this: MessageQueue): Promise<void> {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const holder = this.lastHandlerId;
        const keepTurn = holder !== null && (midStatement || this.db.isInTransaction());
        const index = keepTurn ? this.queue.findIndex((item) => item.handlerId === holder) : 0;
        if (index < 0) {
          watchdog.waiting(holder!); // the holder's next message will start the queue again
          break;
        }
        const [item] = this.queue.splice(index, 1);
        let bytes = 0;
        const output: Uint8Array[] = [];
        notices.sent(item);
        watchdog.ran(item.handlerId, item.message);
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                output.push(data);
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          item.reject(error);
          continue;
        }
        notices.answered(item.handlerId, output);
        const type = item.message[0];
        midStatement = EXTENDED.has(type) || (midStatement && type !== SYNC && type !== QUERY);
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
  const clearTransaction = q.clearTransactionIfNeeded.bind(q);
  q.clearTransactionIfNeeded = async function clearTransactionIfNeeded(this: MessageQueue, handlerId: number): Promise<void> {
    await clearTransaction(handlerId);
    notices.gone(handlerId);
    watchdog.gone(handlerId);
    // A connection that went away in the middle of a statement gives up its turn.
    if (this.lastHandlerId === handlerId && !this.db.isInTransaction()) {
      midStatement = false;
      this.lastHandlerId = null;
      await this.processQueue();
    }
  };
}

/**
 * A diagnosis, not a cure: one connection keeps the single session's turn (inside a transaction,
 * or between Parse and Sync) while others wait. If it says nothing for STALL_MS, every other
 * request waits with it (a transaction whose code waits for another connection would wait for
 * ever): say so once on stderr, with the holder's last statement, so that the culprit can be found.
 */
const STALL_MS = 15_000;
class TurnWatchdog {
  private readonly last = new Map<number, Uint8Array>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly q: MessageQueue,
    private readonly midStatement: () => boolean,
  ) {}

  ran(handlerId: number, message: Uint8Array): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const type = message[0];
    if (type === QUERY || type === 0x50) this.last.set(handlerId, message);
  }

  gone(handlerId: number): void {
    this.last.delete(handlerId);
  }

  waiting(holder: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.q.lastHandlerId !== holder || this.q.queue.length === 0) return;
      const message = this.last.get(holder);
      const text = message ? Buffer.from(message.subarray(5, 5 + 600)).toString('utf8').replace(/\0/g, ' ').trim() : '(none)';
      process.stderr.write(
        `embedded PostgreSQL: connection #${holder} has held the session for ${STALL_MS / 1000} s ` +
          `(${this.q.db.isInTransaction() ? 'in a transaction' : this.midStatement() ? 'between Parse and Sync' : 'idle'}) while ` +
          `${this.q.queue.length} messages of other connections wait; its last statement: ${text}\n`,
      );
    }, STALL_MS);
    this.timer.unref();
  }
}

const NOTIFICATION = 0x41;
const LISTEN = /^\s*LISTEN\s/i;

/**
 * PGlite runs every connection in one session, so a NOTIFY comes back only to the connection
 * that committed it, never to the one that LISTENs. As a real server does, the connections that
 * have LISTENed get each notification too, between two answers (pg takes a NotificationResponse
 * at any point between messages). The server's processes rely on it to forget cached logins.
 */
class NoticeFanOut {
  private readonly listeners = new Map<number, (data: Uint8Array) => void>();

  /** Notes a connection that asks to LISTEN (a simple Query, as `pg` sends it). */
  sent(item: { handlerId: number; message: Uint8Array; onData(data: Uint8Array): void }): void {
    if (item.message[0] !== QUERY || item.message.length < 6) return;
    const text = Buffer.from(item.message.subarray(5, 5 + 64)).toString('utf8');
    if (LISTEN.test(text)) this.listeners.set(item.handlerId, (data) => item.onData(data));
  }

  /** Passes the notifications in one connection's answer on to the other listening connections. */
  answered(handlerId: number, output: readonly Uint8Array[]): void {
    if (this.listeners.size === 0 || output.length === 0) return;
    const bytes = Buffer.concat(output);
    for (let at = 0; at + 5 <= bytes.length; ) {
      const length = bytes.readInt32BE(at + 1);
      if (length < 4) return;
      if (bytes[at] === NOTIFICATION) {
        const message = bytes.subarray(at, at + 1 + length);
        for (const [id, write] of this.listeners) {
          if (id === handlerId) continue;
          try {
            write(message);
          } catch {
            this.listeners.delete(id);
          }
        }
      }
      at += 1 + length;
    }
  }

  gone(handlerId: number): void {
    this.listeners.delete(handlerId);
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
