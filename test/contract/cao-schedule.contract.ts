import { CaoSchedule } from '../../src/domain/cao-schedule/cao-schedule.entity';
import { ConflictError } from '../../src/domain/shared/domain-error';
import { aCaoSchedule, rawSchedule, rawVersion } from '../support/mothers/cao-schedule.mother';
import { lookupCases, plain, refusal, versionCases } from './support/cases';
import { pagingCases } from './support/paging-cases';
import { MakeRepositories, Repositories } from './support/repositories';
import { newAgency, newId, newRelation } from './support/seeds';
import { TEST_DATE_WINDOW } from '../support/mothers/date-window.mother';

async function newSchedule(r: Repositories, agencyId: string, name: string, versions = [rawVersion('2026-01-01')]): Promise<CaoSchedule> {
  const schedule = aCaoSchedule(agencyId, { id: newId(), raw: rawSchedule({ name, versions }) });
  await r.caoSchedules.insert(schedule);
  return schedule;
}

/** CaoScheduleRepository: scoped by agency; names unique per agency (any case); versions appended; by name, then id. */
export function describeCaoScheduleRepositoryContract(name: string, makeSubject: MakeRepositories): void {
  describe(`CaoScheduleRepository contract: ${name}`, () => {
    let r: Repositories;
    beforeEach(async () => {
      r = await makeSubject();
    });
    const subject = () => r;

    async function seedTwo(repos: Repositories) {
      const agency = await newAgency(repos);
      const other = await newAgency(repos);
      await newSchedule(repos, other.id, 'ABU');
      const rows = [await newSchedule(repos, agency.id, 'ABU', [rawVersion('2026-01-01'), rawVersion('2026-05-07', { hourCodes: { normal: 'U101' } })]), await newSchedule(repos, agency.id, 'NBBU')] as const;
      return { agencyId: agency.id, otherAgencyId: other.id, rows };
    }

    lookupCases<CaoSchedule>(subject, {
      seed: seedTwo,
      findById: (repos, agencyId, id) => repos.caoSchedules.findById(agencyId, id),
      findByIds: (repos, agencyId, ids) => repos.caoSchedules.findByIds(agencyId, ids),
      change: (row) => row.addVersion(rawVersion('2026-09-01'), TEST_DATE_WINDOW),
      plain: (row) => plain(row.toState()),
    });

    versionCases<CaoSchedule>(subject, {
      seed: async (repos) => {
        const { agencyId, otherAgencyId, rows } = await seedTwo(repos);
        return { agencyId, otherAgencyId, row: rows[0] };
      },
      findById: (repos, agencyId, id) => repos.caoSchedules.findById(agencyId, id),
      update: (repos, row) => repos.caoSchedules.update(row),
      change: (row, n) => row.addVersion(rawVersion(`2026-1${n}-01`), TEST_DATE_WINDOW),
      plain: (row) => plain(row.toState()),
      moveTo: (row, agencyId) => CaoSchedule.rehydrate({ ...row.toState(), agencyId }),
    });

    it('update appends every version added since the read, and reads them back in date order', async () => {
      const agency = await newAgency(r);
      const schedule = await newSchedule(r, agency.id, 'Schoonmaak');
      const read = (await r.caoSchedules.findById(agency.id, schedule.id))!;
      read.addVersion(rawVersion('2026-03-01'), TEST_DATE_WINDOW);
      read.addVersion(rawVersion('2026-08-01'), TEST_DATE_WINDOW);
      expect((await r.caoSchedules.update(read)).version).toBe(2);
      expect((await r.caoSchedules.findById(agency.id, schedule.id))!.versions.map((v) => v.validFrom)).toEqual(['2026-01-01', '2026-03-01', '2026-08-01']);
    });

    it('refuses a second schedule of the same name in the agency, in any case: CAO_SCHEDULE_NAME_TAKEN at `name`', async () => {
      const agency = await newAgency(r);
      await newSchedule(r, agency.id, 'Metaal 36 uur');
      const error = await refusal(newSchedule(r, agency.id, 'METAAL 36 UUR'));
      expect(error).toBeInstanceOf(ConflictError);
      expect(error).toMatchObject({ reason: 'CAO_SCHEDULE_NAME_TAKEN', params: { field: 'name' } });
      expect((await r.caoSchedules.list(agency.id, { first: 10, after: null })).items.map((s) => s.name)).toEqual(['Metaal 36 uur']);
    });

    it('allows the same name in another agency', async () => {
      const [a, b] = [await newAgency(r), await newAgency(r)];
      await newSchedule(r, a.id, 'ABU');
      const other = await newSchedule(r, b.id, 'abu');
      expect((await r.caoSchedules.findById(b.id, other.id))!.name).toBe('abu');
    });

    async function listed(repos: Repositories) {
      const agency = await newAgency(repos);
      const rows: CaoSchedule[] = [];
      for (const scheduleName of ['schoonmaak', 'ABU', 'Bouw', 'abu plus', 'Zorg']) rows.push(await newSchedule(repos, agency.id, scheduleName));
      return { agencyId: agency.id, rows, expected: [1, 3, 2, 0, 4].map((i) => rows[i].id) };
    }

    pagingCases<CaoSchedule>(subject, {
      seed: listed,
      list: (repos, agencyId, page) => repos.caoSchedules.list(agencyId, page),
      foreignCursor: async (repos) => {
        const agency = await newAgency(repos);
        await newRelation(repos, agency.id);
        return (await repos.relations.list(agency.id, {}, { first: 1, after: null })).endCursor!;
      },
    });

    it('lists by name regardless of case, each with its versions', async () => {
      const { agencyId } = await listed(r);
      const items = (await r.caoSchedules.list(agencyId, { first: 10, after: null })).items;
      expect(items.map((s) => s.name)).toEqual(['ABU', 'abu plus', 'Bouw', 'schoonmaak', 'Zorg']);
      expect(items.every((s) => s.versions.length === 1)).toBe(true);
    });
  });
}
