import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApiClient } from '../../../src/domain/identity/api-client.entity';
import { Session } from '../../../src/domain/identity/session.entity';
import { User } from '../../../src/domain/identity/user.entity';
import { Agency } from '../../../src/domain/agency/agency.entity';
import { ConflictError } from '../../../src/domain/shared/domain-error';
import { FieldCipher } from '../../../src/infrastructure/crypto/field-cipher';
import { DatabaseContext } from '../../../src/infrastructure/database/database-context';
import { TypeormApiClientRepository } from '../../../src/infrastructure/database/identity/typeorm-api-client.repository';
import { TypeormSessionRepository } from '../../../src/infrastructure/database/identity/typeorm-session.repository';
import { TypeormUserRepository } from '../../../src/infrastructure/database/identity/typeorm-user.repository';
import { TypeormAgencyRepository } from '../../../src/infrastructure/database/organisation/typeorm-agency.repository';
import { TypeormFlexworkerRepository } from '../../../src/infrastructure/database/organisation/typeorm-flexworker.repository';
import { aFlexworker } from '../../support/mothers/organisation.mother';
import { openTestDataSource } from '../../support/test-database';

describe('identity repositories on the database', () => {
  let dataSource: DataSource;
  let db: DatabaseContext;
  let users: TypeormUserRepository;
  let sessions: TypeormSessionRepository;
  let clients: TypeormApiClientRepository;
  let flexworkers: TypeormFlexworkerRepository;
  let agencyA: string;
  let agencyB: string;
  const now = new Date('2026-11-27T09:00:00Z');

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    db = new DatabaseContext(dataSource);
    users = new TypeormUserRepository(db);
    sessions = new TypeormSessionRepository(db);
    clients = new TypeormApiClientRepository(db);
    flexworkers = new TypeormFlexworkerRepository(db, new FieldCipher(randomBytes(32)));
    const agencies = new TypeormAgencyRepository(db);
    agencyA = randomUUID();
    agencyB = randomUUID();
    await agencies.insert(Agency.create({ id: agencyA, name: 'Identity A' }));
    await agencies.insert(Agency.create({ id: agencyB, name: 'Identity B' }));
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  function staff(agencyId: string, email: string): User {
    return User.create({
      id: randomUUID(),
      agencyId,
      email,
      displayName: 'Staff',
      role: 'AGENCY_STAFF',
      language: 'en',
      passwordHash: '$argon2id$fake',
      now,
    });
  }

  it('stores and reads a user back, scoped by agency', async () => {
    const user = staff(agencyA, `s-${randomUUID()}@a.example`);
    await users.insert(user);
    const read = await users.findById(agencyA, user.id);
    expect(read?.toProps()).toEqual(user.toProps());
    expect(await users.findById(agencyB, user.id)).toBeNull();
  });

  it('refuses a second login with the same e-mail in one agency, by the constraint', async () => {
    const email = `dup-${randomUUID()}@a.example`;
    await users.insert(staff(agencyA, email));
    await expect(users.insert(staff(agencyA, email))).rejects.toMatchObject({ reason: 'EMAIL_TAKEN' });
    await users.insert(staff(agencyB, email));
    const found = await users.findActiveByEmail(email);
    expect(found.map((u) => u.agencyId).sort()).toEqual([agencyA, agencyB].sort());
  });

  async function aWorkerOf(agencyId: string): Promise<string> {
    const worker = aFlexworker(agencyId, { id: randomUUID() });
    await flexworkers.insert(worker);
    return worker.id;
  }

  function workerLogin(agencyId: string, flexworkerId: string, email = `fw-${randomUUID()}@a.example`): User {
    return User.create({ id: randomUUID(), agencyId, email, displayName: 'Worker', role: 'FLEXWORKER', flexworkerId, language: 'nl', passwordHash: '$argon2id$fake', now });
  }

  describe('one login per flexworker, by the constraint', () => {
    const hasLogin = { category: 'CONFLICT', reason: 'FLEXWORKER_HAS_LOGIN', params: { field: 'flexworkerId' } };

    it('refuses a second login for a worker (another e-mail) with FLEXWORKER_HAS_LOGIN, and stores nothing of it', async () => {
      const workerId = await aWorkerOf(agencyA);
      const first = workerLogin(agencyA, workerId);
      await users.insert(first);
      const second = workerLogin(agencyA, workerId);

      const refused = await users.insert(second).then(
        () => null,
        (error: unknown) => error,
      );

      expect(refused).toBeInstanceOf(ConflictError);
      expect(refused).toMatchObject(hasLogin);
      expect(await users.findById(agencyA, second.id)).toBeNull();
      expect(await users.findActiveByEmail(second.email)).toEqual([]);
      expect((await users.findByFlexworkerId(agencyA, workerId))?.toProps()).toEqual(first.toProps());
    });

    it('counts an inactive login too', async () => {
      const workerId = await aWorkerOf(agencyA);
      const first = workerLogin(agencyA, workerId);
      await users.insert(first);
      first.deactivate();
      await users.update(first);
      await expect(users.insert(workerLogin(agencyA, workerId))).rejects.toMatchObject(hasLogin);
    });

    it('undoes the rest of the unit of work it was refused in', async () => {
      const workerId = await aWorkerOf(agencyA);
      await users.insert(workerLogin(agencyA, workerId));
      const colleague = staff(agencyA, `uow-fw-${randomUUID()}@a.example`);
      await expect(
        db.run(async () => {
          await users.insert(colleague);
          await users.insert(workerLogin(agencyA, workerId));
        }),
      ).rejects.toMatchObject(hasLogin);
      expect(await users.findById(agencyA, colleague.id)).toBeNull();
    });

    it('lets exactly one of two logins for the same worker sent at once through', async () => {
      const workerId = await aWorkerOf(agencyA);
      const [a, b] = [workerLogin(agencyA, workerId), workerLogin(agencyA, workerId)];
      const outcomes = await Promise.allSettled([users.insert(a), users.insert(b)]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(rejected?.reason).toMatchObject(hasLogin);
      const stored = await users.findByFlexworkerId(agencyA, workerId);
      const winner = outcomes[0].status === 'fulfilled' ? a : b;
      expect(stored?.id).toBe(winner.id);
    });

    it('leaves the worker free for a login when another worker has one', async () => {
      const [one, two] = [await aWorkerOf(agencyA), await aWorkerOf(agencyA)];
      await users.insert(workerLogin(agencyA, one));
      const login = workerLogin(agencyA, two);
      await users.insert(login);
      expect((await users.findByFlexworkerId(agencyA, two))?.id).toBe(login.id);
    });
  });

  it('updates optimistically: a stale version is a conflict and changes nothing', async () => {
    const user = staff(agencyA, `v-${randomUUID()}@a.example`);
    await users.insert(user);
    const first = (await users.findById(agencyA, user.id))!;
    const second = (await users.findById(agencyA, user.id))!;
    first.changeLanguage('de');
    await users.update(first);
    second.changeLanguage('pl');
    await expect(users.update(second)).rejects.toBeInstanceOf(ConflictError);
    const read = await users.findById(agencyA, user.id);
    expect(read?.language).toBe('de');
    expect(read?.version).toBe(2);
  });

  it('finds a session by its token hash and revokes one or all of a user', async () => {
    const user = staff(agencyA, `sess-${randomUUID()}@a.example`);
    await users.insert(user);
    const make = () =>
      Session.start({
        id: randomUUID(),
        userId: user.id,
        agencyId: agencyA,
        tokenHash: randomUUID(),
        createdAt: now,
        expiresAt: new Date(now.getTime() + 3_600_000),
      });
    const [one, two, three] = [make(), make(), make()];
    for (const s of [one, two, three]) await sessions.insert(s);
    expect((await sessions.findByTokenHash(one.tokenHash))?.stateAt(now)).toBe('ACTIVE');
    await sessions.revoke(one.id, now);
    expect((await sessions.findByTokenHash(one.tokenHash))?.stateAt(now)).toBe('REVOKED');
    expect(await sessions.revokeAllOfUser(user.id, now)).toBe(2);
    for (const s of [two, three]) expect((await sessions.findByTokenHash(s.tokenHash))?.stateAt(now)).toBe('REVOKED');
    expect(await sessions.findByTokenHash('no-such-hash')).toBeNull();
  });

  it('keeps API clients by key hash, lists them per agency and stores a revocation', async () => {
    const creator = staff(agencyA, `api-${randomUUID()}@a.example`);
    await users.insert(creator);
    const client = ApiClient.create({
      id: randomUUID(),
      agencyId: agencyA,
      name: 'Payroll',
      keyHash: randomUUID(),
      keyPrefix: 'fpk_abcdef',
      createdAt: now,
      createdBy: creator.id,
    });
    await clients.insert(client);
    expect((await clients.findByKeyHash(client.keyHash))?.id).toBe(client.id);
    expect((await clients.listByAgency(agencyA)).map((c) => c.id)).toContain(client.id);
    expect(await clients.listByAgency(agencyB)).toEqual([]);
    client.revoke(now);
    await clients.update(client);
    const stored = await clients.findById(agencyA, client.id);
    expect([stored?.isRevoked, stored?.revokedAt]).toEqual([true, now]);
    expect(await clients.findById(agencyB, client.id)).toBeNull();
  });

  it('rolls back every write of a unit of work that fails', async () => {
    const email = `uow-${randomUUID()}@a.example`;
    await expect(
      db.run(async () => {
        await users.insert(staff(agencyA, email));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await users.findActiveByEmail(email)).toEqual([]);
  });
});
