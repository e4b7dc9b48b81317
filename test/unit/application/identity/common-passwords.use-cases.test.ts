import { LoginThrottle } from '../../../../src/application/identity/login-throttle';
import { InMemoryAttemptCounters } from '../../../support/fakes/in-memory-attempt-counters';
import { ChangePasswordUseCase } from '../../../../src/application/identity/change-password.use-case';
import { CreateUserUseCase } from '../../../../src/application/identity/create-user.use-case';
import { LoginUseCase } from '../../../../src/application/identity/login.use-case';
import { SessionStarter } from '../../../../src/application/identity/session-starter';
import { Actor } from '../../../../src/application/shared/actor';
import { User } from '../../../../src/domain/identity/user.entity';
import { ValidationError } from '../../../../src/domain/shared/domain-error';
import { FixedClock, SequentialIds } from '../../../support/fakes/fixed-clock';
import { CountingSecrets, InMemorySessionRepository, InMemoryUserRepository, PlainPasswordHasher } from '../../../support/fakes/in-memory-identity.repositories';
import { InMemoryFlexworkerRepository, InMemoryRelationRepository } from '../../../support/fakes/in-memory-organisation.repositories';

/*
 * Issue 8, item 9: the two ways a password is chosen (staff creating a login, a user changing
 * theirs) check it against the list of common passwords the application is given, and against
 * the login's own e-mail address; a refused one stores nothing.
 */
const COMMON = new Set(['password', 'welcome', 'sunshine']);
const staff: Actor = { kind: 'USER', id: 'u-staff', role: 'AGENCY_STAFF', agencyId: 'a' };

function world() {
  const users = new InMemoryUserRepository();
  const sessions = new InMemorySessionRepository();
  const hasher = new PlainPasswordHasher();
  const clock = new FixedClock(new Date('2026-11-27T10:00:00Z'));
  const ids = new SequentialIds('id');
  const starter = new SessionStarter(sessions, new CountingSecrets(), clock, ids, 60);
  return {
    users,
    hasher,
    login: new LoginUseCase(users, hasher, starter, new LoginThrottle(new InMemoryAttemptCounters(clock))),
    createUser: new CreateUserUseCase(users, new InMemoryFlexworkerRepository(), new InMemoryRelationRepository(), hasher, clock, ids, COMMON),
    changePassword: new ChangePasswordUseCase(users, sessions, hasher, starter, clock, COMMON),
  };
}

const newStaff = (password: string, email = 'petra.devries@uboss.nl') => ({ email, displayName: 'Petra', role: 'AGENCY_STAFF', password });

async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => new Error('expected a refusal'),
    (e: unknown) => e,
  );
  if (!(error instanceof ValidationError)) throw error;
  return error.problems.map((p) => `${p.path}:${p.reason}`);
}

describe('choosing a password: common ones are refused', () => {
  it('createUser refuses a listed password with digits, and the local part of the new login, at `password`; nothing is stored', async () => {
    const w = world();
    expect(await problemsOf(w.createUser.execute(staff, newStaff('Sunshine2026!')))).toEqual(['password:PASSWORD_TOO_COMMON']);
    expect(await problemsOf(w.createUser.execute(staff, newStaff('devries1234567')))).toEqual(['password:PASSWORD_TOO_COMMON']);
    expect(await problemsOf(w.createUser.execute(staff, newStaff('FlexPortal!2026')))).toEqual(['password:PASSWORD_TOO_COMMON']);
    expect(await problemsOf(w.createUser.execute(staff, { ...newStaff('welcome12345'), email: 'not an address' }))).toEqual([
      'email:EMAIL_INVALID',
      'password:PASSWORD_TOO_COMMON',
    ]);
    expect(w.users.rows.size).toBe(0);

    const created: User = await w.createUser.execute(staff, newStaff('sunshine on the dike'));
    expect(created.email).toBe('petra.devries@uboss.nl');
  });

  it('changeMyPassword refuses a common new password at `newPassword`; the old one keeps working', async () => {
    const w = world();
    await w.createUser.execute(staff, newStaff('first password 1', 'p@example.com'));
    const session = await w.login.execute({ email: 'p@example.com', password: 'first password 1' });
    const user = [...w.users.rows.values()][0];
    const actor: Actor = { kind: 'USER', id: user.id, role: 'AGENCY_STAFF', agencyId: 'a' };

    const refused = w.changePassword.execute(actor, { currentPassword: 'first password 1', newPassword: 'PASSWORD-2024' });
    expect(await problemsOf(refused)).toEqual(['newPassword:PASSWORD_TOO_COMMON']);
    expect((await w.login.execute({ email: 'p@example.com', password: 'first password 1' })).user.id).toBe(user.id);
    expect(session.token).toBeDefined();
  });
});
