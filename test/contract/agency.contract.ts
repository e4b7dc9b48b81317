import { Agency } from '../../src/domain/agency/agency.entity';
import { anAgency } from '../support/mothers/organisation.mother';
import { plain, versionCases } from './support/cases';
import { MakeRepositories, Repositories } from './support/repositories';
import { newAgency, newId } from './support/seeds';

/** AgencyRepository: the tenants, read by their own id only; optimistic updates. */
export function describeAgencyRepositoryContract(name: string, makeSubject: MakeRepositories): void {
  describe(`AgencyRepository contract: ${name}`, () => {
    let r: Repositories;
    beforeEach(async () => {
      r = await makeSubject();
    });
    const subject = () => r;

    it('finds an agency by its id, as it was stored', async () => {
      const agency = anAgency({ id: newId(), name: 'Uitzendbureau Noord', settings: { declarationVisibilityDays: 14, enabledTabs: ['PAYSLIPS', 'CONTACT'], payrollReadsBsn: true } });
      await r.agencies.insert(agency);
      expect(plain((await r.agencies.findById(agency.id))!.toState())).toEqual(plain(agency.toState()));
      expect((await r.agencies.findById(agency.id))!.settings.payrollReadsBsn).toBe(true);
    });

    it('finds nothing, and raises nothing, for an unknown id or one that is not a UUID', async () => {
      await newAgency(r);
      for (const id of [newId(), 'not-a-uuid', '']) expect(await r.agencies.findById(id)).toBeNull();
    });

    it('hands out copies, and keeps its own copy of what was inserted', async () => {
      const agency = await newAgency(r, 'Eerste naam');
      (await r.agencies.findById(agency.id))!.rename('Veranderd na het lezen');
      agency.rename('Veranderd na het opslaan');
      expect((await r.agencies.findById(agency.id))!.name).toBe('Eerste naam');
    });

    versionCases<Agency>(subject, {
      seed: async (repos) => {
        const row = await newAgency(repos);
        return { agencyId: row.id, otherAgencyId: newId(), row };
      },
      findById: (repos, _agencyId, id) => repos.agencies.findById(id),
      update: (repos, row) => repos.agencies.update(row),
      change: (row, n) => row.rename(`Hernoemd ${n}`),
      plain: (row) => plain(row.toState()),
    });
  });
}
