import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig } from '../../../../src/infrastructure/config/config';

describe('the configuration of processes, the authentication cache and /metrics', () => {
  const URL = 'postgres://db.example/flexportal';

  it('runs one process by default; WEB_CONCURRENCY sets more, `auto` one per CPU', () => {
    expect(loadConfig({ DATABASE_URL: URL }).webConcurrency).toBe(1);
    expect(loadConfig({ DATABASE_URL: URL, WEB_CONCURRENCY: '4' }).webConcurrency).toBe(4);
    expect(loadConfig({ DATABASE_URL: URL, WEB_CONCURRENCY: 'auto' }).webConcurrency).toBe(Math.max(1, availableParallelism()));
  });

  it('refuses more than one process on the embedded database, and nonsense, with a sentence that says why', () => {
    expect(() => loadConfig({ WEB_CONCURRENCY: '2' })).toThrow(new ConfigError('WEB_CONCURRENCY above 1 needs DATABASE_URL: the embedded database serves one process (run one, or point all of them at one PostgreSQL)'));
    expect(loadConfig({ WEB_CONCURRENCY: '1' }).webConcurrency).toBe(1);
    expect(() => loadConfig({ DATABASE_URL: URL, WEB_CONCURRENCY: '0' })).toThrow('WEB_CONCURRENCY must be a whole number from 1 to 64, got "0"');
    expect(() => loadConfig({ DATABASE_URL: URL, WEB_CONCURRENCY: 'many' })).toThrow('WEB_CONCURRENCY must be a whole number from 1 to 64, got "many"');
  });

  it('keeps logins 10 s by default (0 turns it off, at most 300), serves /metrics unless METRICS=false, with an optional token', () => {
    const plain = loadConfig({});
    expect([plain.authCacheTtlSeconds, plain.metrics, plain.metricsToken]).toEqual([10, true, undefined]);
    const set = loadConfig({ AUTH_CACHE_TTL_SECONDS: '0', METRICS: 'false', METRICS_TOKEN: ' s3cret ' });
    expect([set.authCacheTtlSeconds, set.metrics, set.metricsToken]).toEqual([0, false, 's3cret']);
    expect(() => loadConfig({ AUTH_CACHE_TTL_SECONDS: '301' })).toThrow('AUTH_CACHE_TTL_SECONDS must be a whole number from 0 to 300, got "301"');
  });
});
