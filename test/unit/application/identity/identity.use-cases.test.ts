import { LoginThrottle } from '../../../../src/application/identity/login-throttle';
import { InMemoryAttemptCounters } from '../../../support/fakes/in-memory-attempt-counters';
import { AuthenticateUseCase } from '../../../../src/application/identity/authenticate.use-case';
import { ChangePasswordUseCase } from '../../../../src/application/identity/change-password.use-case';
import { CreateApiClientUseCase } from '../../../../src/application/identity/create-api-client.use-case';
import { LoginUseCase } from '../../../../src/application/identity/login.use-case';
import { LogoutUseCase } from '../../../../src/application/identity/logout.use-case';
import { RevokeApiClientUseCase } from '../../../../src/application/identity/manage-api-clients.use-case';
import { SessionStarter } from '../../../../src/application/identity/session-starter';
import { Actor } from '../../../../src/application/shared/actor';
import { User } from '../../../../src/domain/identity/user.entity';
import { ForbiddenError, UnauthenticatedError, ValidationError } from '../../../../src/domain/shared/domain-error';
import { FixedClock, SequentialIds } from '../../../support/fakes/fixed-clock';
import {
  CountingSecrets,
  InMemoryApiClientRepository,
  InMemorySessionRepository,
  InMemoryUserRepository,
  PlainPasswordHasher,
} from '../../../support/fakes/in-memory-identity.repositories';

const TTL_MINUTES = 60;

function world() {
  const users = new InMemoryUserRepository();
  const sessions = new InMemorySessionRepository();
  const clients = new InMemoryApiClientRepository();
  const hasher = new PlainPasswordHasher();
  const secrets = new CountingSecrets();
  const clock = new FixedClock(new Date('2026-11-27T10:00:00Z'));
  const ids = new SequentialIds('id');
  const starter = new SessionStarter(sessions, secrets, clock, ids, TTL_MINUTES);
  return {
    users, sessions, clients, hasher, secrets, clock, ids,
    login: new LoginUseCase(users, hasher, starter, new LoginThrottle(new InMemoryAttemptCounters(clock))),
    authenticate: new AuthenticateUseCase(sessions, users, clients, secrets, clock),
    logout: new LogoutUseCase(sessions, clock),
    changePassword: new ChangePasswordUseCase(users, sessions, hasher, starter, clock, new Set(['password1234'])),
    createApiClient: new CreateApiClientUseCase(clients, secrets, clock, ids),
    revokeApiClient: new RevokeApiClientUseCase(clients, clock),
  };
}

async function addUser(w: ReturnType<typeof world>, agencyId: string, email: string, password: string, role = 'AGENCY_STAFF'): Promise<User> {
  const user = User.create({
    id: w.ids.next(),
    agencyId,
    email,
    displayName: 'Someone',
    role,
    flexworkerId: role === 'FLEXWORKER' ? 'w-1' : null,
    language: 'en',
    passwordHash: await w.hasher.hash(password),
    now: w.clock.now(),
  });
  await w.users.insert(user);
  return user;
}

describe('LoginUseCase', () => {
  it('opens a session that expires after the TTL and stores only the token hash', async () => {
    const w = world();
    const user = await addUser(w, 'a', 'sanne@uboss.nl', 'long enough password');
    const result = await w.login.execute({ email: '  Sanne@UBoss.nl ', password: 'long enough password' });
    expect(result.user.id).toBe(user.id);
    expect(result.expiresAt.getTime() - w.clock.now().getTime()).toBe(TTL_MINUTES * 60_000);
    const [stored] = [...w.sessions.rows.values()];
    expect(stored.tokenHash).toBe(`hash(${result.token})`);
    expect(JSON.stringify(stored.toProps())).not.toContain(`"${result.token}"`);
  });

  it('gives the same answer for an unknown e-mail and a wrong password, after spending a verification', async () => {
    const w = world();
    await addUser(w, 'a', 'sanne@uboss.nl', 'long enough password');
    const unknown = w.login.execute({ email: 'nobody@uboss.nl', password: 'x' });
    await expect(unknown).rejects.toMatchObject({ reason: 'INVALID_CREDENTIALS' });
    const wrong = w.login.execute({ email: 'sanne@uboss.nl', password: 'wrong' });
    await expect(wrong).rejects.toMatchObject({ reason: 'INVALID_CREDENTIALS' });
    expect(w.hasher.verifications).toBe(2);
    expect(w.sessions.rows.size).toBe(0);
  });

  it('asks for the agency when one e-mail and password open logins at two agencies', async () => {
    const w = world();
    await addUser(w, 'a', 'jan@example.com', 'same password 123');
    const atB = await addUser(w, 'b', 'jan@example.com', 'same password 123');
    await expect(w.login.execute({ email: 'jan@example.com', password: 'same password 123' })).rejects.toMatchObject({
      reason: 'AGENCY_REQUIRED',
      category: 'BAD_USER_INPUT',
    });
    const chosen = await w.login.execute({ email: 'jan@example.com', password: 'same password 123', agencyId: 'b' });
    expect(chosen.user.id).toBe(atB.id);
  });

  it('logs in at the one agency whose password matches when the e-mail exists at two', async () => {
    const w = world();
    await addUser(w, 'a', 'jan@example.com', 'password of a 1');
    const atB = await addUser(w, 'b', 'jan@example.com', 'password of b 1');
    expect((await w.login.execute({ email: 'jan@example.com', password: 'password of b 1' })).user.id).toBe(atB.id);
  });
});

describe('AuthenticateUseCase', () => {
  it('turns a session token into the actor, and refuses it once expired or logged out', async () => {
    const w = world();
    const user = await addUser(w, 'a', 'w@example.com', 'long enough password', 'FLEXWORKER');
    const { token } = await w.login.execute({ email: 'w@example.com', password: 'long enough password' });
    const actor = await w.authenticate.execute(token);
    expect(actor).toMatchObject({ kind: 'USER', id: user.id, role: 'FLEXWORKER', agencyId: 'a', flexworkerId: 'w-1', language: 'en' });
    w.clock.set(new Date(w.clock.now().getTime() + TTL_MINUTES * 60_000));
    await expect(w.authenticate.execute(token)).rejects.toMatchObject({ reason: 'SESSION_EXPIRED' });
    w.clock.set(new Date('2026-11-27T10:00:00Z'));
    await w.logout.execute(actor);
    await expect(w.authenticate.execute(token)).rejects.toMatchObject({ reason: 'SESSION_ENDED' });
    await expect(w.authenticate.execute('fps_made-up')).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('turns an API key into a PAYROLL actor until it is revoked', async () => {
    const w = world();
    const staff: Actor = { kind: 'USER', id: 'staff-1', role: 'AGENCY_STAFF', agencyId: 'a' };
    const { client, apiKey } = await w.createApiClient.execute(staff, { name: 'Loket payroll' });
    expect(apiKey.startsWith('fpk_')).toBe(true);
    expect(client.keyHash).toBe(`hash(${apiKey})`);
    expect(await w.authenticate.execute(apiKey)).toMatchObject({ kind: 'API_CLIENT', role: 'PAYROLL', agencyId: 'a', id: client.id });
    await w.revokeApiClient.execute(staff, { id: client.id });
    await expect(w.authenticate.execute(apiKey)).rejects.toMatchObject({ reason: 'API_KEY_REVOKED' });
  });

  it('lets only staff create or revoke API keys, and only of their own agency', async () => {
    const w = world();
    const worker: Actor = { kind: 'USER', id: 'u', role: 'FLEXWORKER', agencyId: 'a', flexworkerId: 'w' };
    await expect(w.createApiClient.execute(worker, { name: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
    const staffA: Actor = { kind: 'USER', id: 's', role: 'AGENCY_STAFF', agencyId: 'a' };
    const staffB: Actor = { kind: 'USER', id: 't', role: 'AGENCY_STAFF', agencyId: 'b' };
    const { client } = await w.createApiClient.execute(staffA, { name: 'x' });
    await expect(w.revokeApiClient.execute(staffB, { id: client.id })).rejects.toMatchObject({ category: 'NOT_FOUND' });
    expect((await w.clients.findById('a', client.id))?.isRevoked).toBe(false);
  });
});

describe('ChangePasswordUseCase', () => {
  it('ends every session of the user and opens a new one for this device', async () => {
    const w = world();
    await addUser(w, 'a', 'p@example.com', 'first password 1');
    const phone = await w.login.execute({ email: 'p@example.com', password: 'first password 1' });
    const laptop = await w.login.execute({ email: 'p@example.com', password: 'first password 1' });
    const actor = await w.authenticate.execute(laptop.token);
    const fresh = await w.changePassword.execute(actor, { currentPassword: 'first password 1', newPassword: 'second password 2' });
    await expect(w.authenticate.execute(phone.token)).rejects.toMatchObject({ reason: 'SESSION_ENDED' });
    await expect(w.authenticate.execute(laptop.token)).rejects.toMatchObject({ reason: 'SESSION_ENDED' });
    expect((await w.authenticate.execute(fresh.token)).id).toBe(actor.id);
    await expect(w.login.execute({ email: 'p@example.com', password: 'first password 1' })).rejects.toMatchObject({
      reason: 'INVALID_CREDENTIALS',
    });
  });

  it('refuses a wrong current password or a weak new one, changing nothing', async () => {
    const w = world();
    await addUser(w, 'a', 'p@example.com', 'first password 1');
    const session = await w.login.execute({ email: 'p@example.com', password: 'first password 1' });
    const actor = await w.authenticate.execute(session.token);
    const wrong = w.changePassword.execute(actor, { currentPassword: 'nope', newPassword: 'second password 2' });
    await expect(wrong).rejects.toMatchObject({ field: 'currentPassword', reason: 'PASSWORD_INCORRECT' });
    const short = w.changePassword.execute(actor, { currentPassword: 'first password 1', newPassword: 'short' });
    await expect(short).rejects.toBeInstanceOf(ValidationError);
    await expect(short).rejects.toMatchObject({ field: 'newPassword', reason: 'PASSWORD_TOO_SHORT' });
    expect((await w.authenticate.execute(session.token)).id).toBe(actor.id);
  });
});
