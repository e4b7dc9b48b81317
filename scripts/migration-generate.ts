/**
 * `npm run migration:generate -- <Name>`: compares the ORM entities with a migrated database
 * (DATABASE_URL, or a throw-away embedded one) and writes the SQL that would close the gap to
 * src/infrastructure/database/migrations/<timestamp>-<name>.ts. Read and edit it before committing:
 * constraints, checks and partial indexes are written by hand here.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/infrastructure/config/config';
import { openDatabase } from '../src/infrastructure/database/open-database';

async function main(name: string | undefined): Promise<void> {
  if (!name || !/^[A-Za-z][A-Za-z0-9]*$/.test(name)) {
    console.error('usage: npm run migration:generate -- <PascalCaseName>');
    process.exit(2);
  }
  const config = loadConfig();
  const database = await openDatabase(process.env.DATABASE_URL ? config : { ...config, dataDir: '' }, { poolSize: 1 });
  try {
    await database.dataSource.runMigrations({ transaction: 'each' });
    const sql = await database.dataSource.driver.createSchemaBuilder().log();
    // Constraints, checks and indexes are written by hand in the migrations and are not declared
    // on the ORM entities, so TypeORM would propose to drop them all: those proposals are left out.
    const handWritten = /DROP (CONSTRAINT|INDEX)/;
    const omitted = sql.upQueries.filter((q) => handWritten.test(q.query)).length;
    sql.upQueries = sql.upQueries.filter((q) => !handWritten.test(q.query));
    sql.downQueries = sql.downQueries.filter((q) => !/ADD CONSTRAINT|CREATE (UNIQUE )?INDEX/.test(q.query));
    if (omitted > 0) console.log(`left out ${omitted} drops of hand-written constraints and indexes`);
    if (sql.upQueries.length === 0) {
      console.log('the entities match the migrations: nothing to generate');
      return;
    }
    const timestamp = Date.now();
    const lines = (queries: { query: string }[]) =>
      queries.map((q) => `    await q.query(${JSON.stringify(q.query)});`).join('\n');
    const body = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  async up(q: QueryRunner): Promise<void> {
${lines(sql.upQueries)}
  }

  async down(q: QueryRunner): Promise<void> {
${lines(sql.downQueries.reverse())}
  }
}
`;
    const file = path.resolve(__dirname, '..', '..', 'src/infrastructure/database/migrations', `${timestamp}-${name}.ts`);
    writeFileSync(file, body);
    console.log(`wrote ${path.relative(process.cwd(), file)}; add it to migrations/index.ts`);
  } finally {
    await database.close();
  }
}

main(process.argv[2]).catch((error) => {
  console.error(error);
  process.exit(1);
});
