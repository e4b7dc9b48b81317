import { LoginThrottle } from '../../../../src/application/identity/login-throttle';
import { LoginUseCase } from '../../../../src/application/identity/login.use-case';
import { SessionStarter } from '../../../../src/application/identity/session-starter';
import { User } from '../../../../src/domain/identity/user.entity';
import { TooManyAttemptsError } from '../../../../src/domain/shared/domain-error';
import { FixedClock, SequentialIds } from '../../../support/fakes/fixed-clock';
import { InMemoryAttemptCounters } from '../../../support/fakes/in-memory-attempt-counters';
import { CountingSecrets, InMemorySessionRepository, InMemoryUserRepository, PlainPasswordHasher } from '../../../support/fakes/in-memory-identity.repositories';

const NOW = new Date('2026-11-27T10:00:00Z');

async function world() {
  const users = new InMemoryUserRepository();
  const hasher = new PlainPasswordHasher();
  const clock = new FixedClock(NOW);
  const ids = new SequentialIds('id');
  const throttle = new LoginThrottle(new InMemoryAttemptCounters(clock), { maxFailures: 3, maxFailuresPerAddress: 5, windowMinutes: 15 });
  const login = new LoginUseCase(users, hasher, new SessionStarter(new InMemorySessionRepository(), new CountingSecrets(), clock, ids, 60), throttle);
  await users.insert(
    User.create({ id: 'u1', agencyId: 'a1', email: 'ana@example.com', displayName: 'Ana', role: 'AGENCY_STAFF', language: 'en', passwordHash: 'plain:right password', now: NOW }),
  );
  return { login, hasher, clock };
}

type W = Awaited<ReturnType<typeof world>>;

async function outcome(w: W, password: string, clientAddress?: string, email = 'ana@example.com'): Promise<string> {
  return w.login.execute({ email, password, clientAddress }).then(
    () => 'ok',
    (e: unknown) => (e instanceof TooManyAttemptsError ? `${e.reason} ${e.retryAfterSeconds}` : (e as { reason: string }).reason),
  );
}

describe('login throttling', () => {
  it('after the failures the right password is refused too, before any hash is checked, until the window ends', async () => {
    const w = await world();
    for (let i = 0; i < 3; i++) expect(await outcome(w, `wrong ${i}`, `10.0.0.${i}`)).toBe('INVALID_CREDENTIALS');
    const verifications = w.hasher.verifications;
    w.clock.set(new Date(NOW.getTime() + 5 * 60_000));
    expect(await outcome(w, 'right password', '10.0.1.1')).toBe(`TOO_MANY_ATTEMPTS ${10 * 60}`);
    expect(await outcome(w, 'wrong again', '10.0.1.1')).toBe(`TOO_MANY_ATTEMPTS ${10 * 60}`);
    expect(w.hasher.verifications).toBe(verifications);
    w.clock.set(new Date(NOW.getTime() + 15 * 60_000));
    expect(await outcome(w, 'right password')).toBe('ok');
  });

  it('a success clears the account counter; the e-mail is counted in lower case', async () => {
    const w = await world();
    for (let i = 0; i < 2; i++) expect(await outcome(w, 'wrong', undefined, ' ANA@example.com')).toBe('INVALID_CREDENTIALS');
    expect(await outcome(w, 'right password')).toBe('ok');
    for (let i = 0; i < 2; i++) expect(await outcome(w, 'wrong')).toBe('INVALID_CREDENTIALS');
    expect(await outcome(w, 'right password')).toBe('ok');
  });

  it('an unknown address is counted like a known one', async () => {
    const w = await world();
    for (let i = 0; i < 3; i++) expect(await outcome(w, 'wrong', undefined, 'nobody@example.com')).toBe('INVALID_CREDENTIALS');
    expect(await outcome(w, 'wrong', undefined, 'nobody@example.com')).toBe(`TOO_MANY_ATTEMPTS ${15 * 60}`);
  });

  it('one client address failing on many accounts is held at its own limit, for every account', async () => {
    const w = await world();
    for (let i = 0; i < 5; i++) expect(await outcome(w, 'wrong', '10.9.9.9', `user${i}@example.com`)).toBe('INVALID_CREDENTIALS');
    expect(await outcome(w, 'right password', '10.9.9.9')).toBe(`TOO_MANY_ATTEMPTS ${15 * 60}`);
    expect(await outcome(w, 'right password', '10.9.9.8')).toBe('ok');
  });
});
