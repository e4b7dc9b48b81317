import { startEmbeddedPostgres } from '../../src/infrastructure/database/embedded-postgres';
import { buildPortalIfStale } from '../browser/support/portal-build';
import { migrateDatabase } from './test-database';

/**
 * One database for the whole run: the real server in DATABASE_URL when set, else an embedded
 * PostgreSQL in memory. Migrations run once here; test files isolate themselves by creating
 * their own agency (every row belongs to one), never by truncating.
 */
export default async function globalSetup(): Promise<void> {
  let url = process.env.DATABASE_URL;
  if (!url) {
    const embedded = await startEmbeddedPostgres({ maxConnections: 64 });
    (globalThis as { __embeddedPostgres?: unknown }).__embeddedPostgres = embedded;
    url = embedded.url;
  }
  process.env.TEST_DATABASE_URL = url;
  await migrateDatabase(url);
  buildPortalIfStale(); // the browser tests (test/browser) open the built portal
}
