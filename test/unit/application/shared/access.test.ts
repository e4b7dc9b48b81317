import { requireRole, requireStaff } from '../../../../src/application/shared/access';
import { Actor } from '../../../../src/application/shared/actor';
import { ForbiddenError } from '../../../../src/domain/shared/domain-error';
import { formatError } from '../../../../src/graphql/errors/format-error';

const worker: Actor = { kind: 'USER', id: 'u1', role: 'FLEXWORKER', agencyId: 'a1', flexworkerId: 'f1' };

function refusalOf(fn: () => void): ForbiddenError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ForbiddenError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('ROLE_NOT_ALLOWED names the roles that may do it as a list', () => {
  it('requireRole: params.roles is the list of the roles asked for, in order', () => {
    const refusal = refusalOf(() => requireRole(worker, 'AGENCY_STAFF', 'RELATION_CONTACT'));
    expect(refusal.reason).toBe('ROLE_NOT_ALLOWED');
    expect(refusal.params.roles).toEqual(['AGENCY_STAFF', 'RELATION_CONTACT']);
    expect(refusalOf(() => requireStaff(worker)).params.roles).toEqual(['AGENCY_STAFF']);
  });

  it('passes the actor that has one of the roles', () => {
    expect(() => requireRole(worker, 'AGENCY_STAFF', 'FLEXWORKER')).not.toThrow();
  });

  it('reaches extensions.params.roles as a JSON list', () => {
    const refusal = refusalOf(() => requireRole(worker, 'AGENCY_STAFF'));
    const formatted = formatError({ message: refusal.message }, refusal);
    expect(JSON.parse(JSON.stringify(formatted.extensions))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'ROLE_NOT_ALLOWED',
      params: { roles: ['AGENCY_STAFF'] },
    });
  });
});
