/**
 * The DataSource for the TypeORM CLI (`npm run migration:generate`, `npm run migration:run`).
 * It needs DATABASE_URL; the npm scripts start the embedded PostgreSQL when it is not set.
 */
import { createDataSource } from './src/infrastructure/database/data-source';

export default createDataSource({ url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
