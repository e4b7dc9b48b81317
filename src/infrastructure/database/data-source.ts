import 'reflect-metadata';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { migrations } from './migrations';
import { ormEntities } from './orm-entities';
import { Logger } from '../../application/ports/logger';
import { ParameterFreeTypeormLogger } from './typeorm-logger';

export interface DataSourceOptions {
  readonly url: string;
  /** Connections in this process's pool. */
  readonly poolSize?: number;
  readonly logQueries?: boolean;
  /** Where failed and slow queries are logged (without their parameters). */
  readonly logger?: Logger;
  /** Called for every statement TypeORM sends (the statement count of /metrics). */
  readonly onStatement?: () => void;
  /** Run on each new connection of the pool before it is used (the invalidation notices' LISTEN). */
  readonly onConnect?: (client: PoolClient) => Promise<void>;
}

/** The one DataSource shape for the server, the CLI, scripts and tests. `synchronize` is never on. */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: ormEntities,
    migrations,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: options.logQueries ? ['query', 'error', 'warn', 'migration'] : ['error', 'warn', 'migration'],
    logger: new ParameterFreeTypeormLogger(options.logger, options.logQueries ?? false, options.onStatement),
    maxQueryExecutionTime: 2_000,
    extra: { max: options.poolSize ?? 10, connectionTimeoutMillis: 10_000, onConnect: options.onConnect },
  });
}
