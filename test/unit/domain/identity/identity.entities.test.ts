import { ApiClient } from '../../../../src/domain/identity/api-client.entity';
import { assertAcceptablePassword, PASSWORD_MAX_LENGTH } from '../../../../src/domain/identity/password-policy';
import { Session } from '../../../../src/domain/identity/session.entity';
import { User } from '../../../../src/domain/identity/user.entity';
import { ValidationError } from '../../../../src/domain/shared/domain-error';

const now = new Date('2026-11-27T10:00:00Z');
const base = { id: 'u1', agencyId: 'a', email: 'x@example.com', displayName: 'X', language: 'nl', passwordHash: 'h', now };

describe('User', () => {
  it('links a flexworker login to exactly one worker and a contact to exactly one relation', () => {
    expect(User.create({ ...base, role: 'FLEXWORKER', flexworkerId: 'w' }).flexworkerId).toBe('w');
    expect(User.create({ ...base, role: 'RELATION_CONTACT', relationId: 'r' }).relationId).toBe('r');
    expect(() => User.create({ ...base, role: 'FLEXWORKER' })).toThrow(ValidationError);
    expect(() => User.create({ ...base, role: 'AGENCY_STAFF', relationId: 'r' })).toThrow(ValidationError);
    expect(() => User.create({ ...base, role: 'RELATION_CONTACT', flexworkerId: 'w', relationId: 'r' })).toThrow(ValidationError);
  });

  it('lists every problem of a bad user at once', () => {
    try {
      User.create({ ...base, role: 'KING', displayName: ' ' });
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as ValidationError).problems.map((p) => p.path).sort()).toEqual(['displayName', 'role']);
    }
  });

  it('changes its password and remembers when', () => {
    const user = User.create({ ...base, role: 'AGENCY_STAFF' });
    const later = new Date('2026-12-01T00:00:00Z');
    user.changePassword('h2', later);
    expect([user.passwordHash, user.passwordChangedAt]).toEqual(['h2', later]);
  });

  it('can be deactivated once', () => {
    const user = User.create({ ...base, role: 'AGENCY_STAFF' });
    user.deactivate();
    expect(user.active).toBe(false);
    expect(() => user.deactivate()).toThrow(ValidationError);
  });
});

describe('Session', () => {
  const props = { id: 's', userId: 'u', agencyId: 'a', tokenHash: 'h', createdAt: now, expiresAt: new Date(now.getTime() + 1000) };

  it('is active until it expires, to the millisecond', () => {
    const session = Session.start(props);
    expect(session.stateAt(new Date(now.getTime() + 999))).toBe('ACTIVE');
    expect(session.stateAt(new Date(now.getTime() + 1000))).toBe('EXPIRED');
  });

  it('is revoked once revoked, whatever the time', () => {
    const session = Session.rehydrate({ ...props, revokedAt: now });
    expect(session.stateAt(now)).toBe('REVOKED');
  });

  it('must expire after it starts', () => {
    expect(() => Session.start({ ...props, expiresAt: now })).toThrow();
  });
});

describe('ApiClient', () => {
  it('is a PAYROLL client that can be revoked once', () => {
    const client = ApiClient.create({ id: 'c', agencyId: 'a', name: ' Payroll ', keyHash: 'h', keyPrefix: 'fpk_x', createdAt: now, createdBy: 'u' });
    expect([client.role, client.name, client.isRevoked]).toEqual(['PAYROLL', 'Payroll', false]);
    client.revoke(now);
    expect(client.isRevoked).toBe(true);
    expect(() => client.revoke(now)).toThrow(ValidationError);
  });
});

describe('password policy', () => {
  it.each([
    ['short', 'PASSWORD_TOO_SHORT'],
    ['x'.repeat(PASSWORD_MAX_LENGTH + 1), 'PASSWORD_TOO_LONG'],
    ['Me@Example.com', 'PASSWORD_IS_EMAIL'],
  ])('refuses %p', (password, reason) => {
    expect(() => assertAcceptablePassword(password, { email: 'me@example.com', commonPasswords: new Set() })).toThrow(expect.objectContaining({ reason }));
  });

  it('accepts ten characters or more', () => {
    expect(() => assertAcceptablePassword('tencharss!', { email: 'me@example.com', commonPasswords: new Set() })).not.toThrow();
  });
});
