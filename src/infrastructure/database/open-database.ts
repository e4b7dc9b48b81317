import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { Logger } from '../../application/ports/logger';
import { Config } from '../config/config';
import { createDataSource } from './data-source';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';

export interface OpenDatabase {
  readonly dataSource: DataSource;
  /** Where it runs: 'embedded' (PGlite in DATA_DIR) or 'external' (DATABASE_URL). */
  readonly kind: 'embedded' | 'external';
  /** The connection URL (the embedded server's own when there is no DATABASE_URL): for pg-boss's pool. */
  readonly url: string;
  /** TypeORM's `pg` pool (its figures for /metrics; the invalidation notices listen on its connections). */
  pool(): Pool | undefined;
  close(): Promise<void>;
}

/** Extra connections the embedded server accepts beyond the pool (scripts, jobs, a psql). */
const EMBEDDED_SPARE_CONNECTIONS = 8;

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL with its data in DATA_DIR
 * (an empty `dataDir` keeps it in memory). The caller runs migrations.
 */
export async function openDatabase(
  config: Config,
  options: { poolSize?: number; logger?: Logger; onStatement?: () => void; onConnect?: (client: PoolClient) => Promise<void> } = {},
): Promise<OpenDatabase> {
  const poolSize = options.poolSize ?? config.databasePoolSize;
  let embedded: EmbeddedPostgres | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir || undefined,
      maxConnections: poolSize + EMBEDDED_SPARE_CONNECTIONS,
    });
    url = embedded.url;
  }
  const dataSource = createDataSource({ url, poolSize, logger: options.logger, logQueries: config.logSql, onStatement: options.onStatement, onConnect: options.onConnect });
  try {
    await dataSource.initialize();
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return {
    dataSource,
    kind: embedded ? 'embedded' : 'external',
    url,
    pool: () => (dataSource.driver as unknown as { master?: Pool }).master,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}
