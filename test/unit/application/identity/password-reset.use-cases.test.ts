import { LoginThrottle } from '../../../../src/application/identity/login-throttle';
import { RequestPasswordResetUseCase } from '../../../../src/application/identity/request-password-reset.use-case';
import { ResetPasswordUseCase } from '../../../../src/application/identity/reset-password.use-case';
import { SessionStarter } from '../../../../src/application/identity/session-starter';
import { User } from '../../../../src/domain/identity/user.entity';
import { DomainError } from '../../../../src/domain/shared/domain-error';
import { FakeUnitOfWork, mapParticipant } from '../../../support/fakes/fake-unit-of-work';
import { FixedClock, SequentialIds } from '../../../support/fakes/fixed-clock';
import { InMemoryAttemptCounters, InMemoryPasswordResetRepository } from '../../../support/fakes/in-memory-attempt-counters';
import { CountingSecrets, InMemorySessionRepository, InMemoryUserRepository, PlainPasswordHasher } from '../../../support/fakes/in-memory-identity.repositories';
import { FixedPortalLinks, InMemoryMailOutbox } from '../../../support/fakes/in-memory-mail-outbox';
import { InMemoryAgencyRepository, InMemoryFlexworkerRepository } from '../../../support/fakes/in-memory-organisation.repositories';
import { aFlexworker, anAgency } from '../../../support/mothers/organisation.mother';

const NOW = new Date('2026-11-27T10:00:00Z');
const NEW_PASSWORD = 'purple elephant on a bicycle';

function world(perEmail = { points: 3, windowSeconds: 3600 }) {
  const users = new InMemoryUserRepository();
  const sessions = new InMemorySessionRepository();
  const resets = new InMemoryPasswordResetRepository();
  const agencies = new InMemoryAgencyRepository();
  const flexworkers = new InMemoryFlexworkerRepository();
  const hasher = new PlainPasswordHasher();
  const secrets = new CountingSecrets();
  const clock = new FixedClock(NOW);
  const ids = new SequentialIds('id');
  const counters = new InMemoryAttemptCounters(clock);
  const unitOfWork = new FakeUnitOfWork([mapParticipant(users.rows), mapParticipant(sessions.rows), mapParticipant(resets.rows)]);
  const outbox = new InMemoryMailOutbox(unitOfWork);
  const starter = new SessionStarter(sessions, secrets, clock, ids, 60);
  const throttle = new LoginThrottle(counters, { maxFailures: 3, maxFailuresPerAddress: 10, windowMinutes: 15 });
  const request = new RequestPasswordResetUseCase({
    users, flexworkers, agencies, resets, outbox, links: new FixedPortalLinks(), counters, secrets, unitOfWork, ids, clock,
    settings: { ttlMinutes: 60, perEmail },
  });
  const reset = new ResetPasswordUseCase({
    users, sessions, resets, hasher, secrets, starter, throttle, unitOfWork, clock, commonPasswords: new Set(['password1234']),
  });
  return { users, sessions, resets, agencies, flexworkers, clock, ids, counters, outbox, starter, throttle, request, reset, unitOfWork };
}

type World = ReturnType<typeof world>;

async function addUser(w: World, email: string, options: { agencyName?: string; language?: string; workerLanguage?: string } = {}): Promise<User> {
  const agency = anAgency({ name: options.agencyName ?? 'U-Boss' });
  await w.agencies.insert(agency);
  let flexworkerId: string | null = null;
  if (options.workerLanguage) {
    const worker = aFlexworker(agency.id, { language: options.workerLanguage });
    await w.flexworkers.insert(worker);
    flexworkerId = worker.id;
  }
  const user = User.create({
    id: w.ids.next(), agencyId: agency.id, email, displayName: 'Ana Popescu', role: flexworkerId ? 'FLEXWORKER' : 'AGENCY_STAFF',
    flexworkerId, language: options.language ?? 'en', passwordHash: 'plain:old password here', now: NOW,
  });
  await w.users.insert(user);
  return user;
}

const tokenOf = (link: string) => decodeURIComponent(link.split('#token=')[1]);

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof DomainError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return `${error.category} ${error.reason}`;
}

describe('RequestPasswordResetUseCase', () => {
  it("mails the worker in the Flexworker's language with a link whose token is stored only hashed", async () => {
    const w = world();
    const user = await addUser(w, 'ana@example.com', { language: 'en', workerLanguage: 'ro', agencyName: 'Zon' });
    await w.request.execute({ email: '  ANA@example.com ' });
    const [mail] = w.outbox.ofKind('PASSWORD_RESET');
    expect(mail).toMatchObject({ agencyId: user.agencyId, agencyName: 'Zon', to: { email: 'ana@example.com', language: 'ro', userId: user.id } });
    expect(mail.expiresAt).toEqual(new Date(NOW.getTime() + 60 * 60_000));
    const token = tokenOf(mail.link);
    const [stored] = [...w.resets.rows.values()];
    expect(stored.tokenHash).toBe(`hash(${token})`);
    expect(stored.userId).toBe(user.id);
  });

  it("staff get it in the login's language; an address at two agencies gets one mail per login, each with its own token", async () => {
    const w = world();
    const one = await addUser(w, 'both@example.com', { language: 'de' });
    const two = await addUser(w, 'both@example.com', { language: 'pl' });
    await w.request.execute({ email: 'both@example.com' });
    const mails = w.outbox.ofKind('PASSWORD_RESET');
    expect(mails.map((m) => [m.to.userId, m.to.language])).toEqual([[one.id, 'de'], [two.id, 'pl']]);
    expect(new Set(mails.map((m) => tokenOf(m.link))).size).toBe(2);
    await w.request.execute({ email: 'both@example.com', agencyId: two.agencyId });
    expect(w.outbox.ofKind('PASSWORD_RESET').at(-1)!.to.userId).toBe(two.id);
    expect(w.outbox.mails).toHaveLength(3);
  });

  it('an unknown address: the same (empty) answer, a decoy row written and no mail', async () => {
    const w = world();
    await expect(w.request.execute({ email: 'nobody@example.com' })).resolves.toBeUndefined();
    expect(w.outbox.mails).toHaveLength(0);
    expect(w.resets.decoys).toBe(1);
    expect(w.resets.rows.size).toBe(0);
  });

  it('over the per-address limit: no row and no mail, until the window ends', async () => {
    const w = world({ points: 2, windowSeconds: 3600 });
    await addUser(w, 'ana@example.com');
    for (let i = 0; i < 4; i++) await w.request.execute({ email: 'ana@example.com' });
    expect(w.outbox.mails).toHaveLength(2);
    w.clock.set(new Date(NOW.getTime() + 3600_000));
    await w.request.execute({ email: 'ana@example.com' });
    expect(w.outbox.mails).toHaveLength(3);
  });

  it('a control character in the address is bad input at `email`', async () => {
    const w = world();
    expect(await refusal(w.request.execute({ email: 'a\u0000@example.com' }))).toBe('BAD_USER_INPUT TEXT_CONTROL_CHARACTERS');
  });
});

describe('ResetPasswordUseCase', () => {
  async function requested(w: World, email = 'ana@example.com'): Promise<{ user: User; token: string }> {
    const user = await addUser(w, email);
    await w.request.execute({ email });
    return { user, token: tokenOf(w.outbox.ofKind('PASSWORD_RESET').at(-1)!.link) };
  }

  it('sets the password, ends every session, logs in, and the token works once', async () => {
    const w = world();
    const { user, token } = await requested(w);
    const old = await w.starter.start(user);
    const result = await w.reset.execute({ token, newPassword: NEW_PASSWORD });
    expect(result.user.id).toBe(user.id);
    expect((await w.users.findById(user.agencyId, user.id))!.passwordHash).toBe(`plain:${NEW_PASSWORD}`);
    const states = [...w.sessions.rows.values()].map((s) => [s.tokenHash, s.stateAt(NOW)]);
    expect(states).toEqual(expect.arrayContaining([[`hash(${old.token})`, 'REVOKED'], [`hash(${result.token})`, 'ACTIVE']]));
    expect(await refusal(w.reset.execute({ token, newPassword: 'another long passphrase' }))).toBe('BAD_USER_INPUT RESET_TOKEN_USED');
  });

  it('refuses an expired, an unknown and a superseded token', async () => {
    const w = world();
    const { token: first } = await requested(w);
    await w.request.execute({ email: 'ana@example.com' });
    const second = tokenOf(w.outbox.ofKind('PASSWORD_RESET').at(-1)!.link);
    expect(await refusal(w.reset.execute({ token: 'fpr_nothing', newPassword: NEW_PASSWORD }))).toBe('BAD_USER_INPUT RESET_TOKEN_INVALID');
    w.clock.set(new Date(NOW.getTime() + 60 * 60_000));
    expect(await refusal(w.reset.execute({ token: second, newPassword: NEW_PASSWORD }))).toBe('BAD_USER_INPUT RESET_TOKEN_EXPIRED');
    w.clock.set(new Date(NOW.getTime() + 59 * 60_000));
    await w.reset.execute({ token: second, newPassword: NEW_PASSWORD });
    expect(await refusal(w.reset.execute({ token: first, newPassword: NEW_PASSWORD }))).toBe('BAD_USER_INPUT RESET_TOKEN_USED');
  });

  it('a password the policy refuses leaves the token and the password as they were', async () => {
    const w = world();
    const { user, token } = await requested(w);
    expect(await refusal(w.reset.execute({ token, newPassword: 'password1234' }))).toBe('BAD_USER_INPUT PASSWORD_TOO_COMMON');
    expect(await refusal(w.reset.execute({ token, newPassword: 'short' }))).toBe('BAD_USER_INPUT PASSWORD_TOO_SHORT');
    expect((await w.users.findById(user.agencyId, user.id))!.passwordHash).toBe('plain:old password here');
    await w.reset.execute({ token, newPassword: NEW_PASSWORD });
  });

  it("clears the account's failed logins", async () => {
    const w = world();
    const { token } = await requested(w);
    for (let i = 0; i < 3; i++) await w.throttle.recordFailure('ana@example.com', '10.0.0.1');
    expect(await refusal(w.throttle.assertAllowed('ana@example.com', undefined))).toBe('TOO_MANY_REQUESTS TOO_MANY_ATTEMPTS');
    await w.reset.execute({ token, newPassword: NEW_PASSWORD });
    await expect(w.throttle.assertAllowed('ana@example.com', undefined)).resolves.toBeUndefined();
  });
});
