import { DataSource } from 'typeorm';
import { openTestDataSource } from '../../support/test-database';

describe('migrations and ORM entities', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await openTestDataSource(1);
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('leave nothing pending', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('agree on every table and column (only the hand-written constraints and indexes are unknown to the entities)', async () => {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    const drift = sql.upQueries.map((q) => q.query).filter((q) => !/DROP (CONSTRAINT|INDEX)/.test(q));
    expect(drift).toEqual([]);
  });
});
