import { Pool } from 'pg';
import { testDatabaseUrl } from '../../support/test-database';

/**
 * Statements with parameters, sent at the same time over several connections, each get their own
 * rows. (The embedded server once let two connections' Parse/Bind/Execute messages interleave, so
 * that a SELECT ran another connection's statement and came back with its rows, or none.)
 */
describe('concurrent statements over several connections', () => {
  let pool: Pool;

  beforeAll(() => {
    pool = new Pool({ connectionString: testDatabaseUrl(), max: 4 });
  });

  afterAll(async () => {
    await pool.end();
  });

  it('answers every statement with its own result', async () => {
    const asked = Array.from({ length: 200 }, (_, i) => i);
    const answers = await Promise.all(
      asked.map(async (n) => {
        const result = await pool.query<{ n: number; label: string }>('SELECT $1::int AS n, $2::text AS label', [n, `statement ${n}`]);
        return result.rows;
      }),
    );
    answers.forEach((rows, n) => expect(rows).toEqual([{ n, label: `statement ${n}` }]));
  });

  it('keeps a transaction on one connection apart from statements on the others', async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const inside = client.query('SELECT $1::int AS n', [1]);
      const outside = Promise.all([2, 3, 4].map((n) => pool.query<{ n: number }>('SELECT $1::int AS n', [n])));
      expect((await inside).rows).toEqual([{ n: 1 }]);
      await client.query('COMMIT');
      expect((await outside).map((r) => r.rows[0].n)).toEqual([2, 3, 4]);
    } finally {
      client.release();
    }
  });
});
