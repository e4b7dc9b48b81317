/**
 * `npm run migration:run`: applies pending migrations to DATABASE_URL, or to the embedded
 * PostgreSQL in DATA_DIR when it is not set. (`npm start` does this too before serving.)
 */
import { loadConfig } from '../src/infrastructure/config/config';
import { openDatabase } from '../src/infrastructure/database/open-database';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, { poolSize: 1 });
  try {
    const applied = await database.dataSource.runMigrations({ transaction: 'each' });
    console.log(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}` : 'no pending migrations');
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
