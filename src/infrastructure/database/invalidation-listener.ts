import { Client, Notification, PoolClient } from 'pg';
import { Logger } from '../../application/ports/logger';

/** The channel the database's triggers notify on (migration 1764202000000-invalidation-notices). */
export const INVALIDATION_CHANNEL = 'flexportal_invalidate';

/** What a notice names: `user:<id>` and the like; ALL when notices may have been missed. */
export type Invalidation = { readonly kind: string; readonly id: string } | 'ALL';

export interface InvalidationSource {
  /** True while notices arrive: a process that is not listening must not serve from memory. */
  readonly listening: boolean;
  /** Counts every invalidation: a value read before a database read that differs after it means "do not keep what you read". */
  readonly generation: number;
  subscribe(handler: (invalidation: Invalidation) => void): void;
}

const RETRY_MS = [250, 1_000, 2_000, 5_000];

/**
 * Listens on its own connection for the database's invalidation notices (LISTEN/NOTIFY: every
 * server process on one PostgreSQL hears each committed change within milliseconds). Notices
 * arrive after the change commits, never for a change that was rolled back.
 *
 * While the connection is down nothing is listening: `listening` is false (the caches bypass
 * themselves), subscribers hear ALL, and the listener reconnects with a growing pause; once it
 * listens again they hear ALL once more, since notices sent in between are lost.
 *
 * The pool's connections listen too. PostgreSQL hands a session its own notices before it
 * answers the COMMIT, so a change made through this process is forgotten here before the
 * request that made it answers: the next request of the same client never sees the old answer.
 * (The embedded PGlite runs all connections in one session, and hands a notice only to the
 * connection that committed: there the pool is where notices arrive.)
 */
export class InvalidationListener implements InvalidationSource {
  private client?: Client;
  private handlers: ((invalidation: Invalidation) => void)[] = [];
  private retry?: NodeJS.Timeout;
  private attempt = 0;
  private stopped = false;
  private connected = false;
  generation = 0;

  private url = '';

  constructor(private readonly logger?: Logger) {}

  get listening(): boolean {
    return this.connected;
  }

  subscribe(handler: (invalidation: Invalidation) => void): void {
    this.handlers.push(handler);
  }

  /** Connects and listens; resolves once listening (or after the first failure, retrying in the background). */
  async start(url: string): Promise<void> {
    this.url = url;
    await this.connect();
  }

  /**
   * The pool's `onConnect`: each new connection of the pool listens too, before it is used. A
   * failure fails the connection (the pool reports it as any other connection failure).
   */
  async poolConnected(client: PoolClient | Client): Promise<void> {
    client.on('notification', (message: Notification) => this.hear(message));
    await client.query(`LISTEN ${INVALIDATION_CHANNEL}`);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    this.connected = false;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.url, connectionTimeoutMillis: 5_000 });
    client.on('notification', (message) => this.hear(message));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${INVALIDATION_CHANNEL}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.stopped || this.client !== client) return;
    this.attempt = 0;
    this.connected = true;
    // Notices sent while nobody listened are lost: forget everything once more.
    this.publish('ALL');
  }

  private lost(client: Client, error?: unknown): void {
    if (this.client !== client) return;
    this.client = undefined;
    const was = this.connected;
    this.connected = false;
    this.publish('ALL');
    client.end().catch(() => undefined);
    if (this.stopped) return;
    if (was) this.logger?.warn({ err: error }, 'invalidation notices lost; caches bypassed until they are heard again');
    const pause = RETRY_MS[Math.min(this.attempt, RETRY_MS.length - 1)];
    this.attempt += 1;
    this.retry = setTimeout(() => void this.connect(), pause);
    this.retry.unref();
  }

  private hear(message: Notification): void {
    if (message.channel !== INVALIDATION_CHANNEL) return;
    const payload = message.payload ?? '';
    const at = payload.indexOf(':');
    this.publish(at < 0 ? 'ALL' : { kind: payload.slice(0, at), id: payload.slice(at + 1) });
  }

  private publish(invalidation: Invalidation): void {
    this.generation += 1;
    for (const handler of this.handlers) handler(invalidation);
  }
}
