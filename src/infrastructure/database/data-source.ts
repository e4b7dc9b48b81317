import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { migrations } from './migrations';
import { ormEntities } from './orm-entities';

export interface DataSourceOptions {
  readonly url: string;
  /** Connections in this process's pool. */
  readonly poolSize?: number;
  readonly logQueries?: boolean;
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
    logging: options.logQueries ? ['query', 'error'] : ['error'],
    extra: { max: options.poolSize ?? 10, connectionTimeoutMillis: 10_000 },
  });
}
