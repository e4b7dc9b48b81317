import { FlexworkerFilter } from '../../src/application/ports/flexworker.repository';
import { Flexworker } from '../../src/domain/flexworker/flexworker.entity';
import { ConflictError } from '../../src/domain/shared/domain-error';
import { TODAY } from '../support/mothers/organisation.mother';
import { lookupCases, plain, refusal, versionCases } from './support/cases';
import { pagingCases } from './support/paging-cases';
import { MakeRepositories, Repositories } from './support/repositories';
import { newAgency, newId, newRelation, newWorker } from './support/seeds';

/** [first name, last name, e-mail]: ties on the last name and on the whole name, in mixed case. */
const PEOPLE = [
  ['Anna', 'de Vries', 'anna@example.nl'],
  ['piotr', 'Nowak', 'p.nowak@example.pl'],
  ['Anna', 'De Vries', 'anna.dv@example.nl'],
  ['Bram', 'de vries', 'bram@vries.example'],
  ['Carla', 'Dias', 'carla_dias@example.pt'],
] as const;

/** FlexworkerRepository: scoped by agency; e-mail unique per agency; by last name, first name, then id; search. */
export function describeFlexworkerRepositoryContract(name: string, makeSubject: MakeRepositories): void {
  describe(`FlexworkerRepository contract: ${name}`, () => {
    let r: Repositories;
    beforeEach(async () => {
      r = await makeSubject();
    });
    const subject = () => r;

    async function seedTwo(repos: Repositories) {
      const agency = await newAgency(repos);
      const other = await newAgency(repos);
      await newWorker(repos, other.id);
      const rows = [await newWorker(repos, agency.id, { language: 'pl', dateOfBirth: '2000-02-29' }), await newWorker(repos, agency.id, { bsn: null, iban: null, address: null })] as const;
      return { agencyId: agency.id, otherAgencyId: other.id, rows };
    }

    lookupCases<Flexworker>(subject, {
      seed: seedTwo,
      findById: (repos, agencyId, id) => repos.flexworkers.findById(agencyId, id),
      findByIds: (repos, agencyId, ids) => repos.flexworkers.findByIds(agencyId, ids),
      change: (row) => row.updatePersonalDetails({ lastName: 'Veranderd', iban: null }, TODAY),
      plain: (row) => plain(row.toState()),
    });

    versionCases<Flexworker>(subject, {
      seed: async (repos) => {
        const { agencyId, otherAgencyId, rows } = await seedTwo(repos);
        return { agencyId, otherAgencyId, row: rows[0] };
      },
      findById: (repos, agencyId, id) => repos.flexworkers.findById(agencyId, id),
      update: (repos, row) => repos.flexworkers.update(row),
      change: (row, n) => row.updatePersonalDetails({ firstName: `Voornaam ${n}`, bsn: n === 1 ? null : '111222333' }, TODAY),
      plain: (row) => plain(row.toState()),
      moveTo: (row, agencyId) => Flexworker.rehydrate({ ...row.toState(), agencyId }),
    });

    it('refuses a second worker with the same e-mail in the agency, on insert and on update: EMAIL_TAKEN at `email`', async () => {
      const agency = await newAgency(r);
      const first = await newWorker(r, agency.id, { email: 'dubbel@example.nl' });
      const twin = await refusal(newWorker(r, agency.id, { email: 'dubbel@example.nl' }));
      expect(twin).toBeInstanceOf(ConflictError);
      expect(twin).toMatchObject({ reason: 'EMAIL_TAKEN', params: { field: 'email' } });
      const second = await newWorker(r, agency.id, { email: 'ander@example.nl' });
      second.updatePersonalDetails({ email: 'dubbel@example.nl' }, TODAY);
      expect(await refusal(r.flexworkers.update(second))).toMatchObject({ reason: 'EMAIL_TAKEN', params: { field: 'email' } });
      expect((await r.flexworkers.findById(agency.id, second.id))!.email.value).toBe('ander@example.nl');
      first.updatePersonalDetails({ lastName: 'Zelfde adres' }, TODAY);
      expect((await r.flexworkers.update(first)).version).toBe(2);
    });

    it('refuses a second worker with the same payroll number in the agency: PAYROLL_NUMBER_TAKEN at `payrollNumber`; none is no number', async () => {
      const [agency, other] = [await newAgency(r), await newAgency(r)];
      const first = await newWorker(r, agency.id, { payrollNumber: 'PN-1' });
      expect(await refusal(newWorker(r, agency.id, { payrollNumber: 'PN-1' }))).toMatchObject({
        reason: 'PAYROLL_NUMBER_TAKEN',
        params: { field: 'payrollNumber' },
      });
      const second = await newWorker(r, agency.id, { payrollNumber: null });
      await newWorker(r, agency.id, { payrollNumber: null });
      second.updatePersonalDetails({ payrollNumber: 'PN-1' }, TODAY);
      expect(await refusal(r.flexworkers.update(second))).toMatchObject({ reason: 'PAYROLL_NUMBER_TAKEN' });
      expect((await r.flexworkers.findById(agency.id, second.id))!.payrollNumber).toBeNull();
      expect((await newWorker(r, other.id, { payrollNumber: 'PN-1' })).payrollNumber?.value).toBe('PN-1');
      first.updatePersonalDetails({ payrollNumber: null }, TODAY);
      await r.flexworkers.update(first);
      const again = (await r.flexworkers.findById(agency.id, second.id))!;
      again.updatePersonalDetails({ payrollNumber: 'PN-1' }, TODAY);
      expect((await r.flexworkers.update(again)).payrollNumber?.value).toBe('PN-1');
      const found = await r.flexworkers.list(agency.id, { payrollNumber: 'PN-1' }, { first: 10, after: null });
      expect(found.items.map((w) => w.id)).toEqual([second.id]);
      expect((await r.flexworkers.list(agency.id, { payrollNumber: 'pn-1' }, { first: 10, after: null })).items).toEqual([]);
    });

    it('gives the full BSNs by id within the agency (null where none), for payroll', async () => {
      const { agencyId, otherAgencyId, rows } = await seedTwo(r);
      const foreign = (await r.flexworkers.list(otherAgencyId, {}, { first: 10, after: null })).items[0];
      const bsns = await r.flexworkers.findBsnsByIds(agencyId, [rows[0].id, rows[1].id, foreign.id, newId(), 'not-a-uuid']);
      expect(bsns).toEqual(
        new Map([
          [rows[0].id, rows[0].bsn!.value],
          [rows[1].id, null],
        ]),
      );
      expect(await r.flexworkers.findBsnsByIds('not-a-uuid', [rows[0].id])).toEqual(new Map());
      expect(await r.flexworkers.findBsnsByIds(agencyId, [])).toEqual(new Map());
    });

    it('allows the same e-mail in another agency', async () => {
      const [a, b] = [await newAgency(r), await newAgency(r)];
      await newWorker(r, a.id, { email: 'gedeeld@example.nl' });
      const other = await newWorker(r, b.id, { email: 'gedeeld@example.nl' });
      expect((await r.flexworkers.findById(b.id, other.id))!.email.value).toBe('gedeeld@example.nl');
    });

    async function listed(repos: Repositories) {
      const agency = await newAgency(repos);
      const rows: Flexworker[] = [];
      for (const [firstName, lastName, email] of PEOPLE) rows.push(await newWorker(repos, agency.id, { firstName, lastName, email }));
      const key = (w: Flexworker) => [w.name.lastName.toLowerCase(), w.name.firstName.toLowerCase(), w.id].join('\u0000');
      return { agencyId: agency.id, rows, expected: [...rows].sort((a, b) => (key(a) < key(b) ? -1 : 1)).map((w) => w.id) };
    }

    pagingCases<Flexworker>(subject, {
      seed: listed,
      list: (repos, agencyId, page) => repos.flexworkers.list(agencyId, {}, page),
      foreignCursor: async (repos) => {
        const agency = await newAgency(repos);
        await newRelation(repos, agency.id);
        return (await repos.relations.list(agency.id, {}, { first: 1, after: null })).endCursor!;
      },
    });

    it('orders by last name, then first name, regardless of case, then by id', async () => {
      const { agencyId, rows } = await listed(r);
      const names = (await r.flexworkers.list(agencyId, {}, { first: 10, after: null })).items.map((w) => `${w.name.firstName} ${w.name.lastName}`);
      const [anna1, anna2] = [rows[0], rows[2]].sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(names).toEqual([
        `${anna1.name.firstName} ${anna1.name.lastName}`,
        `${anna2.name.firstName} ${anna2.name.lastName}`,
        'Bram de vries',
        'Carla Dias',
        'piotr Nowak',
      ]);
    });

    const filters: readonly { name: string; filter: FlexworkerFilter; expect: readonly number[] }[] = [
      { name: 'part of the last name, any case', filter: { search: 'DE VR' }, expect: [0, 2, 3] },
      { name: 'part of the first name', filter: { search: 'iotr' }, expect: [1] },
      { name: 'part of the e-mail address', filter: { search: '@VRIES.' }, expect: [3] },
      { name: '_ taken literally', filter: { search: 'a_d' }, expect: [4] },
      { name: '% taken literally', filter: { search: '%' }, expect: [] },
    ];
    for (const c of filters) {
      it(`searches ${c.name}`, async () => {
        const { agencyId, rows } = await listed(r);
        const found = (await r.flexworkers.list(agencyId, c.filter, { first: 10, after: null })).items.map((w) => w.id).sort();
        expect(found).toEqual(c.expect.map((i) => rows[i].id).sort());
      });
    }

    it('finds nothing for an agency id that is not a UUID', async () => {
      await listed(r);
      expect((await r.flexworkers.list('not-a-uuid', {}, { first: 10, after: null })).items).toEqual([]);
      expect(await r.flexworkers.findByIds('not-a-uuid', [newId()])).toEqual([]);
    });
  });
}
