import { User } from '../../src/domain/identity/user.entity';
import { ConflictError } from '../../src/domain/shared/domain-error';
import { lookupCases, plain, refusal, versionCases } from './support/cases';
import { MakeRepositories, Repositories } from './support/repositories';
import { newAgency, newId, newRelation, newUser, newWorker } from './support/seeds';

/** UserRepository: logins scoped by agency (but found by e-mail across agencies); one per e-mail per agency, one per worker. */
export function describeUserRepositoryContract(name: string, makeSubject: MakeRepositories): void {
  describe(`UserRepository contract: ${name}`, () => {
    let r: Repositories;
    beforeEach(async () => {
      r = await makeSubject();
    });
    const subject = () => r;

    async function seedTwo(repos: Repositories) {
      const agency = await newAgency(repos);
      const other = await newAgency(repos);
      await newUser(repos, other.id);
      const worker = await newWorker(repos, agency.id);
      const rows = [await newUser(repos, agency.id), await newUser(repos, agency.id, { flexworkerId: worker.id, language: 'pl' })] as const;
      return { agencyId: agency.id, otherAgencyId: other.id, rows };
    }

    lookupCases<User>(subject, {
      seed: seedTwo,
      findById: (repos, agencyId, id) => repos.users.findById(agencyId, id),
      change: (row) => row.changeLanguage('de'),
      plain: (row) => plain(row.toProps()),
    });

    versionCases<User>(subject, {
      seed: async (repos) => {
        const { agencyId, otherAgencyId, rows } = await seedTwo(repos);
        return { agencyId, otherAgencyId, row: rows[0] };
      },
      findById: (repos, agencyId, id) => repos.users.findById(agencyId, id),
      update: (repos, row) => repos.users.update(row),
      change: (row, n) => (n === 1 ? row.changePassword('$argon2id$new', new Date('2026-12-01T10:00:00.000Z')) : row.deactivate()),
      plain: (row) => plain(row.toProps()),
      moveTo: (row, agencyId) => User.rehydrate({ ...row.toProps(), agencyId }),
    });

    it('findActiveByEmail: the active logins with the e-mail in every agency, the address in any case', async () => {
      const [a, b, c] = [await newAgency(r), await newAgency(r), await newAgency(r)];
      const email = `gedeeld.${newId()}@example.nl`;
      const inA = await newUser(r, a.id, { email });
      const inB = await newUser(r, b.id, { email });
      const inactive = await newUser(r, c.id, { email });
      inactive.deactivate();
      await r.users.update(inactive);
      await newUser(r, a.id);
      expect(sortedIds(await r.users.findActiveByEmail(email))).toEqual(sortedIds([inA, inB]));
      expect(sortedIds(await r.users.findActiveByEmail(email.toUpperCase()))).toEqual(sortedIds([inA, inB]));
      expect(await r.users.findActiveByEmail(`niemand.${newId()}@example.nl`)).toEqual([]);
    });

    it('findByFlexworkerId: the worker’s login within the agency, as a copy', async () => {
      const agency = await newAgency(r);
      const worker = await newWorker(r, agency.id);
      const login = await newUser(r, agency.id, { flexworkerId: worker.id });
      const found = (await r.users.findByFlexworkerId(agency.id, worker.id))!;
      expect(plain(found.toProps())).toEqual(plain(login.toProps()));
      found.changeLanguage('ro');
      expect((await r.users.findByFlexworkerId(agency.id, worker.id))!.language).toBe('nl');
      expect(await r.users.findByFlexworkerId((await newAgency(r)).id, worker.id)).toBeNull();
      expect(await r.users.findByFlexworkerId(agency.id, (await newWorker(r, agency.id)).id)).toBeNull();
      expect(await r.users.findByFlexworkerId(agency.id, 'not-a-uuid')).toBeNull();
    });

    it('refuses a second login with the same e-mail in the agency: EMAIL_TAKEN at `email`; another agency may have it', async () => {
      const [a, b] = [await newAgency(r), await newAgency(r)];
      const email = `dubbel.${newId()}@example.nl`;
      await newUser(r, a.id, { email });
      const error = await refusal(newUser(r, a.id, { email }));
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ reason: 'EMAIL_TAKEN', params: { field: 'email' } });
      await newUser(r, b.id, { email });
      expect((await r.users.findActiveByEmail(email)).map((u) => u.agencyId).sort()).toEqual([a.id, b.id].sort());
    });

    it('refuses a second login for one worker: FLEXWORKER_HAS_LOGIN at `flexworkerId`', async () => {
      const agency = await newAgency(r);
      const worker = await newWorker(r, agency.id);
      const first = await newUser(r, agency.id, { flexworkerId: worker.id });
      const error = await refusal(newUser(r, agency.id, { flexworkerId: worker.id }));
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ reason: 'FLEXWORKER_HAS_LOGIN', params: { field: 'flexworkerId' } });
      expect((await r.users.findByFlexworkerId(agency.id, worker.id))!.id).toBe(first.id);
    });

    it('keeps a relation contact’s relation', async () => {
      const agency = await newAgency(r);
      const relation = await newRelation(r, agency.id);
      const contact = await newUser(r, agency.id, { relationId: relation.id });
      expect((await r.users.findById(agency.id, contact.id))!.toProps()).toMatchObject({ role: 'RELATION_CONTACT', relationId: relation.id, flexworkerId: null });
    });
  });
}

const sortedIds = (users: readonly User[]) => users.map((u) => u.id).sort();
