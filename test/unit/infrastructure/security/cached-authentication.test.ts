import { Authentication } from '../../../../src/application/identity/authenticate.use-case';
import { Clock } from '../../../../src/application/ports/clock';
import { Actor } from '../../../../src/application/shared/actor';
import { UnauthenticatedError } from '../../../../src/domain/shared/domain-error';
import { Invalidation, InvalidationSource } from '../../../../src/infrastructure/database/invalidation-listener';
import { CachedAuthentication } from '../../../../src/infrastructure/security/cached-authentication';
import { CryptoSecretGenerator } from '../../../../src/infrastructure/security/crypto-secret-generator';

class StillClock extends Clock {
  constructor(public at = Date.parse('2026-12-07T08:00:00Z')) {
    super();
  }
  now(): Date {
    return new Date(this.at);
  }
}

class Notices implements InvalidationSource {
  listening = true;
  generation = 0;
  private handlers: ((i: Invalidation) => void)[] = [];
  subscribe(handler: (i: Invalidation) => void): void {
    this.handlers.push(handler);
  }
  send(i: Invalidation): void {
    this.generation += 1;
    for (const h of this.handlers) h(i);
  }
}

const ANA: Actor = { kind: 'USER', id: 'u-ana', role: 'FLEXWORKER', agencyId: 'a1', flexworkerId: 'f1', sessionId: 's-ana', language: 'nl' };
const BOB: Actor = { kind: 'USER', id: 'u-bob', role: 'AGENCY_STAFF', agencyId: 'a1', sessionId: 's-bob', language: 'en' };
const PAYROLL: Actor = { kind: 'API_CLIENT', id: 'k-1', role: 'PAYROLL', agencyId: 'a1' };

/** The database behind the cache: answers by token, counts its reads, and may run something in the middle of one. */
class Database {
  reads = 0;
  answers = new Map<string, Authentication | Error>([
    ['tok-ana', { actor: ANA, validUntil: new Date('2026-12-07T20:00:00Z') }],
    ['tok-bob', { actor: BOB, validUntil: new Date('2026-12-07T08:00:03Z') }],
    ['fpk_payroll', { actor: PAYROLL, validUntil: null }],
  ]);
  duringRead?: () => void;
  async resolve(bearer: string): Promise<Authentication> {
    this.reads += 1;
    this.duringRead?.();
    const answer = this.answers.get(bearer) ?? new UnauthenticatedError('INVALID_TOKEN', 'not valid');
    if (answer instanceof Error) throw answer;
    return answer;
  }
}

function world(ttlMs = 10_000, maxEntries = 100) {
  const database = new Database();
  const clock = new StillClock();
  const notices = new Notices();
  const cache = new CachedAuthentication(database, new CryptoSecretGenerator(), clock, notices, { ttlMs, maxEntries });
  return { database, clock, notices, cache };
}

describe('the authentication cache of one process', () => {
  it('asks the database once per token within the TTL, and again after it', async () => {
    const { database, clock, cache } = world(10_000);
    expect(await cache.execute('tok-ana')).toEqual(ANA);
    expect(await cache.execute('tok-ana')).toEqual(ANA);
    expect(await cache.execute('fpk_payroll')).toEqual(PAYROLL);
    expect(database.reads).toBe(2);
    expect(cache.stats).toEqual({ hits: 1, misses: 2 });
    clock.at += 9_999;
    await cache.execute('tok-ana');
    expect(database.reads).toBe(2);
    clock.at += 1;
    await cache.execute('tok-ana');
    expect(database.reads).toBe(3);
  });

  it('never keeps an answer past the session\'s own expiry, even within the TTL', async () => {
    const { database, clock, cache } = world(10_000);
    await cache.execute('tok-bob');
    clock.at += 2_999;
    await cache.execute('tok-bob');
    expect(database.reads).toBe(1);
    clock.at += 1; // 08:00:03, the session's end
    database.answers.set('tok-bob', new UnauthenticatedError('SESSION_EXPIRED', 'expired'));
    await expect(cache.execute('tok-bob')).rejects.toMatchObject({ reason: 'SESSION_EXPIRED' });
  });

  it('keeps no refusal: a token refused once is asked again', async () => {
    const { database, cache } = world();
    await expect(cache.execute('tok-unknown')).rejects.toMatchObject({ reason: 'INVALID_TOKEN' });
    await expect(cache.execute('tok-unknown')).rejects.toMatchObject({ reason: 'INVALID_TOKEN' });
    expect(database.reads).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('forgets exactly what a notice names: a session, a user\'s sessions, an API key; ALL forgets everything', async () => {
    const { database, notices, cache } = world();
    const warm = async () => {
      for (const token of ['tok-ana', 'tok-bob', 'fpk_payroll']) await cache.execute(token);
    };
    await warm();
    expect(cache.size).toBe(3);

    notices.send({ kind: 'session', id: 's-ana' });
    expect(cache.size).toBe(2);
    notices.send({ kind: 'user', id: 'u-bob' });
    expect(cache.size).toBe(1);
    notices.send({ kind: 'user', id: 'k-1' }); // an API client's id as a user's: not the key
    expect(cache.size).toBe(1);
    notices.send({ kind: 'api_client', id: 'k-1' });
    expect(cache.size).toBe(0);

    await warm();
    notices.send({ kind: 'agency', id: 'a1' }); // agency settings: nothing of the login
    expect(cache.size).toBe(3);
    notices.send('ALL');
    expect(cache.size).toBe(0);
    database.reads = 0;
    database.answers.set('tok-ana', new UnauthenticatedError('SESSION_ENDED', 'logged out'));
    await expect(cache.execute('tok-ana')).rejects.toMatchObject({ reason: 'SESSION_ENDED' });
  });

  it('does not keep what it read while a notice came in (the read may predate the change)', async () => {
    const { database, notices, cache } = world();
    database.duringRead = () => notices.send({ kind: 'session', id: 's-ana' });
    await cache.execute('tok-ana');
    expect(cache.size).toBe(0);
    database.duringRead = undefined;
    await cache.execute('tok-ana');
    expect(cache.size).toBe(1);
  });

  it('is not used at all while the process hears no notices, nor with a TTL of 0', async () => {
    const { database, notices, cache } = world();
    await cache.execute('tok-ana');
    notices.listening = false;
    await cache.execute('tok-ana');
    await cache.execute('tok-ana');
    expect(database.reads).toBe(3);

    const off = world(0);
    await off.cache.execute('tok-ana');
    await off.cache.execute('tok-ana');
    expect(off.database.reads).toBe(2);
    expect(off.cache.size).toBe(0);
  });

  it('keeps at most maxEntries tokens, dropping the oldest', async () => {
    const { database, cache } = world(10_000, 2);
    await cache.execute('tok-ana');
    await cache.execute('tok-bob');
    await cache.execute('fpk_payroll');
    expect(cache.size).toBe(2);
    database.reads = 0;
    await cache.execute('fpk_payroll');
    await cache.execute('tok-bob');
    expect(database.reads).toBe(0);
    await cache.execute('tok-ana');
    expect(database.reads).toBe(1);
  });
});
