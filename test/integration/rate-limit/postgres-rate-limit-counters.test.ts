import { DataSource } from 'typeorm';
import { PostgresRateLimitCounters } from '../../../src/infrastructure/rate-limit/postgres-rate-limit-counters';
import { RateLimits } from '../../../src/infrastructure/rate-limit/rate-limit-policy';
import { unique } from '../../support/test-app';
import { openTestDataSource } from '../../support/test-database';

/** The counters on the test database (embedded PGlite through its socket, or DATABASE_URL). */
const LIMITS: RateLimits = {
  anonymous: { points: 10, windowSeconds: 60 },
  login: { points: 3, windowSeconds: 60 },
  token: { points: 10, windowSeconds: 60 },
  passwordHashing: { points: 2, windowSeconds: 60 },
  listRows: { points: 100, windowSeconds: 60 },
  passwordReset: { points: 3, windowSeconds: 60 },
};

describe('the rate-limit counters in PostgreSQL', () => {
  let one: DataSource;
  let other: DataSource;

  beforeAll(async () => {
    [one, other] = await Promise.all([openTestDataSource(4), openTestDataSource(4)]);
  });

  afterAll(async () => {
    await Promise.all([one?.destroy(), other?.destroy()]);
  });

  it('let exactly the limit through when many charges of two pools race for one key', async () => {
    const counters = [new PostgresRateLimitCounters(one, LIMITS), new PostgresRateLimitCounters(other, LIMITS)];
    const key = unique('race');
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) => counters[i % 2].charge([{ limit: 'anonymous', key, points: 1 }])),
    );
    expect(outcomes.filter((refusals) => refusals.length === 0)).toHaveLength(10);
    for (const refusals of outcomes.filter((r) => r.length > 0)) {
      expect(refusals).toEqual([{ limit: 'anonymous', points: 10, windowSeconds: 60, retryAfterMs: expect.any(Number) }]);
      expect(refusals[0].retryAfterMs).toBeGreaterThan(0);
      expect(refusals[0].retryAfterMs).toBeLessThanOrEqual(60_000);
    }
    const [row] = await one.query('SELECT points FROM rate_limits WHERE key = $1', [`anonymous:${key}`]);
    expect(row.points).toBe(40);
  });

  it('take several points at once, and name only the charges that went over', async () => {
    const counters = new PostgresRateLimitCounters(one, LIMITS);
    const address = unique('addr');
    const user = unique('user');
    expect(await counters.charge([{ limit: 'login', key: address, points: 3 }, { limit: 'listRows', key: user, points: 60 }])).toEqual([]);
    const refusals = await counters.charge([
      { limit: 'login', key: address, points: 1 },
      { limit: 'listRows', key: user, points: 40 },
      { limit: 'passwordHashing', key: user, points: 1 },
    ]);
    expect(refusals.map((r) => r.limit)).toEqual(['login']);
  });

  it('count all the charges of a request in one statement, and two requests charging the same counters in opposite orders never deadlock', async () => {
    let statements = 0;
    const counters = [new PostgresRateLimitCounters(one, LIMITS, 1000, () => (statements += 1)), new PostgresRateLimitCounters(other, LIMITS)];
    const [a, b] = [unique('a'), unique('b')];
    expect(await counters[0].charge([{ limit: 'token', key: a, points: 1 }, { limit: 'listRows', key: a, points: 5 }, { limit: 'token', key: a, points: 1 }])).toEqual([]);
    expect(statements).toBe(1);
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        counters[i % 2].charge(
          i % 2 === 0
            ? [{ limit: 'listRows', key: a, points: 1 }, { limit: 'listRows', key: b, points: 1 }]
            : [{ limit: 'listRows', key: b, points: 1 }, { limit: 'listRows', key: a, points: 1 }],
        ),
      ),
    );
    expect(outcomes.every((refusals) => refusals.length === 0)).toBe(true);
    const rows = await one.query('SELECT key, points FROM rate_limits WHERE key = ANY($1) ORDER BY key', [[`listRows:${a}`, `listRows:${b}`, `token:${a}`]]);
    expect(rows).toEqual([{ key: `listRows:${a}`, points: 45 }, { key: `listRows:${b}`, points: 40 }, { key: `token:${a}`, points: 2 }]);
  });

  it('keep keys of different limits apart', async () => {
    const counters = new PostgresRateLimitCounters(one, LIMITS);
    const key = unique('same');
    for (let i = 0; i < 3; i++) expect(await counters.charge([{ limit: 'login', key, points: 1 }])).toEqual([]);
    expect(await counters.charge([{ limit: 'anonymous', key, points: 1 }])).toEqual([]);
    expect(await counters.charge([{ limit: 'login', key, points: 1 }])).toHaveLength(1);
  });

  it('delete the counters whose window has ended, and only those', async () => {
    const counters = new PostgresRateLimitCounters(one, LIMITS, 2);
    const [ended, running] = [unique('ended'), unique('running')];
    await one.query('INSERT INTO rate_limits (key, points, expire) VALUES ($1, 5, $2), ($3, 5, $4)', [
      ended,
      Date.now() - 1000,
      running,
      Date.now() + 60_000,
    ]);
    const sweep = jest.spyOn(counters, 'sweep');
    await counters.charge([{ limit: 'token', key: unique('t'), points: 1 }]);
    expect(sweep).not.toHaveBeenCalled();
    await counters.charge([{ limit: 'token', key: unique('t'), points: 1 }]);
    expect(sweep).toHaveBeenCalledTimes(1);
    await sweep.mock.results[0].value;
    const keys = (await one.query('SELECT key FROM rate_limits WHERE key = ANY($1)', [[ended, running]])).map((r: { key: string }) => r.key);
    expect(keys).toEqual([running]);
  });

  it('reject, rather than refuse, when the database is closed', async () => {
    const closed = await openTestDataSource(1);
    const counters = new PostgresRateLimitCounters(closed, LIMITS);
    await closed.destroy();
    await expect(counters.charge([{ limit: 'token', key: unique('c'), points: 1 }])).rejects.toThrow(/closed/);
  });
});
