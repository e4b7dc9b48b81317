import { ChangeRequestDeps } from '../../../../src/application/change-request/change-request-deps';
import { ApproveChangeRequest, RejectChangeRequest } from '../../../../src/application/change-request/decide-change-request.use-case';
import { GetMyInformation } from '../../../../src/application/change-request/get-my-information.use-case';
import { ListChangeRequests } from '../../../../src/application/change-request/list-change-requests.use-case';
import { SubmitChangeRequest } from '../../../../src/application/change-request/submit-change-request.use-case';
import { LoginThrottle } from '../../../../src/application/identity/login-throttle';
import { UpdateFlexworker } from '../../../../src/application/organisation/update-flexworker.use-case';
import { User } from '../../../../src/domain/identity/user.entity';
import { FakeUnitOfWork, mapParticipant } from '../../../support/fakes/fake-unit-of-work';
import { InMemoryAttemptCounters } from '../../../support/fakes/in-memory-attempt-counters';
import { InMemoryAuditTrailRepository } from '../../../support/fakes/in-memory-audit-trail.repository';
import { InMemoryChangeRequestRepository } from '../../../support/fakes/in-memory-change-requests';
import { InMemoryUserRepository, PlainPasswordHasher } from '../../../support/fakes/in-memory-identity.repositories';
import { OrganisationWorld } from '../organisation/organisation-world';

const PASSWORD = 'correct horse battery';

async function setUp() {
  const world = await OrganisationWorld.build();
  const requests = new InMemoryChangeRequestRepository();
  const auditTrail = new InMemoryAuditTrailRepository();
  const users = new InMemoryUserRepository();
  const hasher = new PlainPasswordHasher();
  const counters = new InMemoryAttemptCounters(world.clock);
  await users.insert(
    User.create({
      id: 'u-w1', agencyId: 'agency-a', email: 'anna@example.nl', displayName: 'Anna', role: 'FLEXWORKER', flexworkerId: 'w1', language: 'nl',
      passwordHash: await hasher.hash(PASSWORD), now: world.clock.now(),
    }),
  );
  const unitOfWork = new FakeUnitOfWork([requests, auditTrail, mapParticipant(world.flexworkers.store.rows)]);
  const deps: ChangeRequestDeps = {
    requests, flexworkers: world.flexworkers, agencies: world.agencies, users, hasher,
    throttle: new LoginThrottle(counters, { maxFailures: 3, maxFailuresPerAddress: 50, windowMinutes: 15 }),
    updateFlexworker: new UpdateFlexworker(world.flexworkers, world.placements, world.agencies, world.clock),
    auditTrail, unitOfWork, ids: world.ids, clock: world.clock,
  };
  return {
    world, requests, auditTrail, counters,
    submit: new SubmitChangeRequest(deps),
    list: new ListChangeRequests(deps),
    approve: new ApproveChangeRequest(deps),
    reject: new RejectChangeRequest(deps),
    info: new GetMyInformation(deps),
  };
}

const phone = { changes: { phone: '+31 6 9876 5432' }, note: 'New number' };

describe('SubmitChangeRequest', () => {
  it('stores an open request with the values as the record would hold them and the record version', async () => {
    const s = await setUp();
    const request = await s.submit.execute(s.world.worker1, { changes: { iban: 'nl91 abna 0417 1643 00', email: ' Anna.B@Example.nl ' }, note: ' Moved ', currentPassword: PASSWORD });
    expect(request).toMatchObject({ status: 'OPEN', flexworkerId: 'w1', flexworkerVersion: s.world.w1.version, note: 'Moved' });
    expect(request.changes.iban).toBe('NL91ABNA0417164300');
    expect(request.fields).toEqual(['email', 'iban']);
    expect(s.requests.rows.size).toBe(1);
  });

  it('refuses a BSN, no changes, a bad value and a bad note, all at once and storing nothing', async () => {
    const s = await setUp();
    await expect(s.submit.execute(s.world.worker1, { changes: { bsn: '123456782', phone: 'call me' }, note: '' })).rejects.toMatchObject({
      problems: expect.arrayContaining([
        expect.objectContaining({ path: 'changes.bsn', reason: 'BSN_CHANGE_NOT_ALLOWED' }),
        expect.objectContaining({ path: 'changes.phone' }),
        expect.objectContaining({ path: 'note', reason: 'REQUIRED' }),
      ]),
    });
    await expect(s.submit.execute(s.world.worker1, { changes: {}, note: 'x' })).rejects.toMatchObject({ problems: [expect.objectContaining({ reason: 'NO_CHANGES' })] });
    await expect(s.submit.execute(s.world.worker1, { ...phone, note: 'x'.repeat(2001) })).rejects.toMatchObject({ problems: [expect.objectContaining({ path: 'note', reason: 'VALUE_TOO_LONG' })] });
    expect(s.requests.rows.size).toBe(0);
  });

  it('asks the current password for an IBAN and counts a wrong one as a failed login', async () => {
    const s = await setUp();
    const iban = { changes: { iban: 'NL91ABNA0417164300' }, note: 'New bank' };
    await expect(s.submit.execute(s.world.worker1, iban)).rejects.toMatchObject({ problems: [expect.objectContaining({ path: 'currentPassword', reason: 'PASSWORD_REQUIRED' })] });
    for (let i = 0; i < 3; i += 1) {
      await expect(s.submit.execute(s.world.worker1, { ...iban, currentPassword: 'wrong' })).rejects.toMatchObject({ reason: 'PASSWORD_INCORRECT' });
    }
    await expect(s.submit.execute(s.world.worker1, { ...iban, currentPassword: PASSWORD })).rejects.toMatchObject({ reason: 'TOO_MANY_ATTEMPTS' });
    expect(s.requests.rows.size).toBe(0);
  });

  it('is for workers only, and TAB_DISABLED when the agency hides the tab', async () => {
    const s = await setUp();
    await expect(s.submit.execute(s.world.staffA, phone)).rejects.toMatchObject({ reason: 'ROLE_NOT_ALLOWED' });
    await expect(s.submit.execute(s.world.contact1, phone)).rejects.toMatchObject({ reason: 'ROLE_NOT_ALLOWED' });
    s.world.agencyA.changeSettings({ enabledTabs: ['PAYSLIPS'] });
    await s.world.agencies.update(s.world.agencyA);
    for (const run of [
      () => s.submit.execute(s.world.worker1, phone),
      () => s.info.execute(s.world.worker1),
      () => s.list.execute(s.world.staffA),
      () => s.approve.execute(s.world.staffA, { id: 'x' }),
      () => s.reject.execute(s.world.staffA, { id: 'x', reason: 'no' }),
    ]) {
      await expect(run()).rejects.toMatchObject({ reason: 'TAB_DISABLED' });
    }
  });
});

describe('ApproveChangeRequest and RejectChangeRequest', () => {
  it('applies the request through the staff update with an audit entry (IBAN masked)', async () => {
    const s = await setUp();
    const request = await s.submit.execute(s.world.worker1, { changes: { phone: '+31 6 1234 5678', iban: 'NL91ABNA0417164300' }, note: 'Both', currentPassword: PASSWORD });
    const { request: approved, flexworker } = await s.approve.execute(s.world.staffA, { id: request.id });
    expect(approved.status).toBe('APPROVED');
    expect(flexworker.phone?.value).toBe('+31 6 1234 5678');
    expect((await s.world.flexworkers.findById('agency-a', 'w1'))?.iban?.value).toBe('NL91ABNA0417164300');
    const [entry] = await s.auditTrail.listBySubject('agency-a', 'FLEXWORKER', 'w1');
    expect(entry).toMatchObject({ action: 'FLEXWORKER_CHANGE_REQUEST_APPLIED', actorId: 'u-staff-a', after: { phone: '+31 6 1234 5678' } });
    expect(JSON.stringify(entry)).not.toContain('0417164300');
    await expect(s.approve.execute(s.world.staffA, { id: request.id })).rejects.toMatchObject({ reason: 'CHANGE_REQUEST_DECIDED' });
  });

  it('refuses a stale request and leaves the record, the request and the audit trail as they were', async () => {
    const s = await setUp();
    const request = await s.submit.execute(s.world.worker1, phone);
    const w1 = (await s.world.flexworkers.findById('agency-a', 'w1'))!;
    w1.changeLanguage('en');
    await s.world.flexworkers.update(w1);
    await expect(s.approve.execute(s.world.staffA, { id: request.id })).rejects.toMatchObject({ reason: 'CHANGE_REQUEST_STALE' });
    expect((await s.world.flexworkers.findById('agency-a', 'w1'))?.phone?.value).not.toBe('+31 6 9876 5432');
    expect((await s.requests.findById('agency-a', request.id))?.status).toBe('OPEN');
    expect(s.auditTrail.entries).toHaveLength(0);
  });

  it('rolls everything back when the update refuses the values (an e-mail taken since)', async () => {
    const s = await setUp();
    const request = await s.submit.execute(s.world.worker1, { changes: { email: 'piotr@example.pl' }, note: 'My new address' });
    await expect(s.approve.execute(s.world.staffA, { id: request.id })).rejects.toMatchObject({ reason: 'EMAIL_TAKEN' });
    expect((await s.requests.findById('agency-a', request.id))?.status).toBe('OPEN');
    expect(s.auditTrail.entries).toHaveLength(0);
  });

  it('rejects with a reason the worker reads; staff only; nothing of another agency', async () => {
    const s = await setUp();
    const request = await s.submit.execute(s.world.worker1, phone);
    await expect(s.reject.execute(s.world.worker1, { id: request.id, reason: 'no' })).rejects.toMatchObject({ reason: 'ROLE_NOT_ALLOWED' });
    await expect(s.reject.execute(s.world.staffB, { id: request.id, reason: 'no' })).rejects.toMatchObject({ category: 'NOT_FOUND' });
    await expect(s.approve.execute(s.world.staffB, { id: request.id })).rejects.toMatchObject({ category: 'NOT_FOUND' });
    await expect(s.reject.execute(s.world.staffA, { id: request.id, reason: ' ' })).rejects.toMatchObject({ problems: [expect.objectContaining({ path: 'reason' })] });
    await s.reject.execute(s.world.staffA, { id: request.id, reason: 'Call us first' });
    const mine = await s.list.execute(s.world.worker1);
    expect(mine.items.map((r) => [r.status, r.rejectionReason])).toEqual([['REJECTED', 'Call us first']]);
    expect((await s.list.execute(s.world.staffB)).items).toEqual([]);
    expect((await s.list.execute(s.world.workerB)).items).toEqual([]);
    expect((await s.list.execute(s.world.staffA, { status: 'OPEN' })).items).toEqual([]);
  });
});
