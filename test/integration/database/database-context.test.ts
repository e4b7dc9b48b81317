import { DataSource } from 'typeorm';
import { ConflictError } from '../../../src/domain/shared/domain-error';
import { DatabaseContext } from '../../../src/infrastructure/database/database-context';
import { openTestDataSource } from '../../support/test-database';

/** The unit of work over a real database: PostgreSQL undoing a transaction for another's sake is a CONFLICT. */
describe('DatabaseContext', () => {
  let dataSource: DataSource;
  let db: DatabaseContext;

  beforeAll(async () => {
    dataSource = await openTestDataSource(2);
    db = new DatabaseContext(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it.each(['deadlock_detected', 'serialization_failure'])('turns a transaction undone by PostgreSQL (%s) into CONFLICT CONCURRENT_CHANGE', async (condition) => {
    const attempt = db.run(async () => {
      await db.manager().query(`DO $$ BEGIN RAISE EXCEPTION 'in the way' USING ERRCODE = '${condition}'; END $$`);
    });
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ reason: 'CONCURRENT_CHANGE', category: 'CONFLICT' });
  });

  it('leaves other database errors as they are', async () => {
    const attempt = db.run(async () => {
      await db.manager().query(`DO $$ BEGIN RAISE EXCEPTION 'broken' USING ERRCODE = 'data_exception'; END $$`);
    });
    await expect(attempt).rejects.not.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toThrow(/broken/);
  });
});
