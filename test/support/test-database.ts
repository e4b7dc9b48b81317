import { DataSource } from 'typeorm';
import { createDataSource } from '../../src/infrastructure/database/data-source';

/** The database of this test run, set by the global setup (embedded, or DATABASE_URL). */
export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests through jest (its globalSetup starts the database)');
  return url;
}

export async function migrateDatabase(url: string): Promise<void> {
  const dataSource = createDataSource({ url, poolSize: 1 });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

/** A connected DataSource on the migrated test database; destroy it in `afterAll`. */
export async function openTestDataSource(poolSize = 4): Promise<DataSource> {
  const dataSource = createDataSource({ url: testDatabaseUrl(), poolSize });
  await dataSource.initialize();
  return dataSource;
}
