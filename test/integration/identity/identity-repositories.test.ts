import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApiClient } from '../../../src/domain/identity/api-client.entity';
import { Session } from '../../../src/domain/identity/session.entity';
import { User } from '../../../src/domain/identity/user.entity';
import { Agency } from '../../../src/domain/agency/agency.entity';
import { ConflictError } from '../../../src/domain/shared/domain-error';
import { DatabaseContext } from '../../../src/infrastructure/database/database-context';
import { TypeormApiClientRepository } from '../../../src/infrastructure/database/identity/typeorm-api-client.repository';
import { TypeormSessionRepository } from '../../../src/infrastructure/database/identity/typeorm-session.repository';
import { TypeormUserRepository } from '../../../src/infrastructure/database/identity/typeorm-user.repository';
import { TypeormAgencyRepository } from '../../../src/infrastructure/database/organisation/typeorm-agency.repository';
import { openTestDataSource } from '../../support/test-database';

describe('identity repositories on the database', () => {
  let dataSource: DataSource;
  let db: DatabaseContext;
  let users: TypeormUserRepository;
  let sessions: TypeormSessionRepository;
  let clients: TypeormApiClientRepository;
  let agencyA: string;
  let agencyB: string;
  const now = new Date('2026-11-27T09:00:00Z');

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    db = new DatabaseContext(dataSource);
    users = new TypeormUserRepository(db);
    sessions = new TypeormSessionRepository(db);
    clients = new TypeormApiClientRepository(db);
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
    expect((await sessions.findByTokenHash(three.tokenHash))?.stateAt(now)).toBe('REVOKED');
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
    expect((await clients.findById(agencyA, client.id))?.isRevoked).toBe(true);
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
