import { Session } from '../../src/domain/identity/session.entity';
import { plain } from './support/cases';
import { MakeRepositories, Repositories } from './support/repositories';
import { newAgency, newId, newUser } from './support/seeds';

const NOW = new Date('2026-11-27T09:00:00.000Z');
const LATER = new Date('2026-11-27T10:00:00.000Z');

/** SessionRepository: found by token hash (unique); revoked once, one or all of a user. */
export function describeSessionRepositoryContract(name: string, makeSubject: MakeRepositories): void {
  describe(`SessionRepository contract: ${name}`, () => {
    let r: Repositories;
    beforeEach(async () => {
      r = await makeSubject();
    });

    async function aUser() {
      const agency = await newAgency(r);
      return newUser(r, agency.id);
    }

    async function newSession(userId: string, agencyId: string, tokenHash = `hash-${newId()}`): Promise<Session> {
      const session = Session.start({ id: newId(), userId, agencyId, tokenHash, createdAt: NOW, expiresAt: new Date(NOW.getTime() + 8 * 3_600_000) });
      await r.sessions.insert(session);
      return session;
    }

    it('finds a session by its token hash, as it was stored; an unknown hash finds nothing', async () => {
      const user = await aUser();
      const session = await newSession(user.id, user.agencyId);
      expect(plain((await r.sessions.findByTokenHash(session.tokenHash))!.toProps())).toEqual(plain(session.toProps()));
      expect(await r.sessions.findByTokenHash(`hash-${newId()}`)).toBeNull();
    });

    it('refuses a second session with the same token hash', async () => {
      const user = await aUser();
      const first = await newSession(user.id, user.agencyId);
      await expect(newSession(user.id, user.agencyId, first.tokenHash)).rejects.toThrow();
      expect((await r.sessions.findByTokenHash(first.tokenHash))!.id).toBe(first.id);
    });

    it('revoke: the moment is stored once; revoking again keeps the first', async () => {
      const user = await aUser();
      const session = await newSession(user.id, user.agencyId);
      await r.sessions.revoke(session.id, NOW);
      await r.sessions.revoke(session.id, LATER);
      const read = (await r.sessions.findByTokenHash(session.tokenHash))!;
      expect(read.revokedAt).toEqual(NOW);
      expect(read.stateAt(NOW)).toBe('REVOKED');
    });

    it('revoke of an unknown id, or one that is not a UUID, changes nothing and raises nothing', async () => {
      const user = await aUser();
      const session = await newSession(user.id, user.agencyId);
      await r.sessions.revoke(newId(), NOW);
      await r.sessions.revoke('not-a-uuid', NOW);
      expect((await r.sessions.findByTokenHash(session.tokenHash))!.revokedAt).toBeNull();
    });

    it('revokeAllOfUser: ends every open session of the user, counts those, and leaves other users’ sessions', async () => {
      const user = await aUser();
      const other = await newUser(r, user.agencyId);
      const [one, two, three] = [await newSession(user.id, user.agencyId), await newSession(user.id, user.agencyId), await newSession(user.id, user.agencyId)];
      const theirs = await newSession(other.id, other.agencyId);
      await r.sessions.revoke(one.id, NOW);
      expect(await r.sessions.revokeAllOfUser(user.id, LATER)).toBe(2);
      expect((await r.sessions.findByTokenHash(one.tokenHash))!.revokedAt).toEqual(NOW);
      for (const s of [two, three]) expect((await r.sessions.findByTokenHash(s.tokenHash))!.revokedAt).toEqual(LATER);
      expect((await r.sessions.findByTokenHash(theirs.tokenHash))!.revokedAt).toBeNull();
      expect(await r.sessions.revokeAllOfUser(user.id, LATER)).toBe(0);
    });

    it('revokeAllOfUser of an unknown user, or an id that is not a UUID, is 0', async () => {
      await aUser();
      expect(await r.sessions.revokeAllOfUser(newId(), NOW)).toBe(0);
      expect(await r.sessions.revokeAllOfUser('not-a-uuid', NOW)).toBe(0);
    });
  });
}
