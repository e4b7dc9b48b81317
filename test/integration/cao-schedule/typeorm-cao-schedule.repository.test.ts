import { pageQuery } from '../../../src/application/shared/pagination';
import { CaoSchedule } from '../../../src/domain/cao-schedule/cao-schedule.entity';
import { ParsedScheduleMemo } from '../../../src/infrastructure/database/cao-schedule/parsed-schedule-memo';
import { TypeormCaoScheduleRepository } from '../../../src/infrastructure/database/cao-schedule/typeorm-cao-schedule.repository';
import { aCaoSchedule, goldenSchedule, rawSchedule, rawVersion } from '../../support/mothers/cao-schedule.mother';
import { aFlexworker, aPlacement, aRelation } from '../../support/mothers/organisation.mother';
import { newId, OrganisationDatabase } from '../organisation/organisation-database';
import { TEST_DATE_WINDOW } from '../../support/mothers/date-window.mother';

describe('TypeormCaoScheduleRepository', () => {
  let odb: OrganisationDatabase;
  let schedules: TypeormCaoScheduleRepository;
  beforeAll(async () => {
    odb = await OrganisationDatabase.open();
    schedules = new TypeormCaoScheduleRepository(odb.db);
  });
  afterAll(() => odb.close());

  const stored = async (agencyId: string, raw: Record<string, unknown> = rawSchedule()): Promise<CaoSchedule> => {
    const schedule = aCaoSchedule(agencyId, { id: newId(), raw });
    await schedules.insert(schedule);
    return schedule;
  };

  it('round-trips a schedule with all its versions, normalised', async () => {
    const agency = await odb.newAgency();
    const schedule = await stored(agency.id, goldenSchedule('metaal-36-uur'));
    const read = (await schedules.findById(agency.id, schedule.id))!;
    expect(read.toState()).toEqual(schedule.toState());
    expect(read.versions.map((v) => v.validFrom)).toEqual(['2026-01-01', '2026-05-07']);
    expect(read.unravelSchedule.data).toEqual(schedule.unravelSchedule.data);
  });

  it('scopes by agency; findByIds reads any number in two queries', async () => {
    const agency = await odb.newAgency();
    const other = await odb.newAgency();
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await stored(agency.id, rawSchedule({ name: `Schedule ${i}` })));
    const foreign = await stored(other.id);
    expect(await schedules.findById(other.id, made[0].id)).toBeNull();
    expect(await schedules.findById(agency.id, 'not-a-uuid')).toBeNull();

    const queries: string[] = [];
    const original = odb.dataSource.driver.createQueryRunner.bind(odb.dataSource.driver);
    const spy = jest.spyOn(odb.dataSource.driver, 'createQueryRunner').mockImplementation((mode) => {
      const runner = original(mode);
      const query = runner.query.bind(runner);
      runner.query = ((sql: string, ...rest: unknown[]) => {
        queries.push(sql);
        return (query as (...args: unknown[]) => unknown)(sql, ...rest);
      }) as typeof runner.query;
      return runner;
    });
    try {
      const found = await schedules.findByIds(agency.id, [...made.map((s) => s.id), foreign.id, 'x']);
      expect(found.map((s) => s.id).sort()).toEqual(made.map((s) => s.id).sort());
      expect(found.every((s) => s.versions.length === 1)).toBe(true);
    } finally {
      spy.mockRestore();
    }
    expect(queries.filter((q) => /^\s*SELECT/i.test(q))).toHaveLength(2);
  });

  it('refuses a second name in the agency, whatever its case, but not in another agency', async () => {
    const agency = await odb.newAgency();
    const other = await odb.newAgency();
    await stored(agency.id, rawSchedule({ name: 'Bouw' }));
    await expect(stored(agency.id, rawSchedule({ name: 'BOUW' }))).rejects.toMatchObject({
      category: 'CONFLICT',
      reason: 'CAO_SCHEDULE_NAME_TAKEN',
      params: { field: 'name' },
    });
    await expect(stored(other.id, rawSchedule({ name: 'Bouw' }))).resolves.toBeDefined();
    const page = await schedules.list(agency.id, pageQuery());
    expect(page.items.map((s) => s.name)).toEqual(['Bouw']);
  });

  it('appends versions optimistically and never changes the stored ones', async () => {
    const agency = await odb.newAgency();
    const schedule = await stored(agency.id);
    const stale = (await schedules.findById(agency.id, schedule.id))!;
    schedule.addVersion(rawVersion('2026-07-01'), TEST_DATE_WINDOW);
    const updated = await schedules.update(schedule);
    expect(updated.version).toBe(2);
    stale.addVersion(rawVersion('2026-08-01'), TEST_DATE_WINDOW);
    await expect(schedules.update(stale)).rejects.toMatchObject({ reason: 'STALE_VERSION' });
    const read = (await schedules.findById(agency.id, schedule.id))!;
    expect([read.version, read.versions.map((v) => v.validFrom)]).toEqual([2, ['2026-01-01', '2026-07-01']]);

    await expect(odb.dataSource.query(`UPDATE cao_schedule_versions SET data = '{}' WHERE schedule_id = $1`, [schedule.id])).rejects.toThrow(/append-only/);
    await expect(odb.dataSource.query(`DELETE FROM cao_schedule_versions WHERE schedule_id = $1`, [schedule.id])).rejects.toThrow(/append-only/);
  });

  it('keeps the parsed schedule per stored versions: the same object until a version is added', async () => {
    const agency = await odb.newAgency();
    const memo = new ParsedScheduleMemo(2);
    const repository = new TypeormCaoScheduleRepository(odb.db, memo);
    const schedule = aCaoSchedule(agency.id, { id: newId() });
    await repository.insert(schedule);
    const first = (await repository.findById(agency.id, schedule.id))!.unravelSchedule;
    expect((await repository.findById(agency.id, schedule.id))!.unravelSchedule).toBe(first);
    expect((await repository.findByIds(agency.id, [schedule.id]))[0].unravelSchedule).toBe(first);

    const changing = (await repository.findById(agency.id, schedule.id))!;
    changing.addVersion(rawVersion('2027-01-01'), TEST_DATE_WINDOW);
    await repository.update(changing);
    const second = (await repository.findById(agency.id, schedule.id))!.unravelSchedule;
    expect(second).not.toBe(first);
    expect(second.versions.map((v) => v.validFrom)).toEqual(['2026-01-01', '2027-01-01']);
    expect((await repository.findById(agency.id, schedule.id))!.unravelSchedule).toBe(second);

    // Another process's repository (its own memo) sees the same data; the memo stays small.
    expect((await schedules.findById(agency.id, schedule.id))!.unravelSchedule.data).toEqual(second.data);
    for (let i = 0; i < 3; i++) {
      const more = aCaoSchedule(agency.id, { id: newId(), raw: rawSchedule({ name: `More ${i}` }) });
      await repository.insert(more);
      void (await repository.findById(agency.id, more.id))!.unravelSchedule;
    }
    expect(memo.size).toBe(2);
  });

  it('pages by name, case-insensitively', async () => {
    const agency = await odb.newAgency();
    for (const name of ['metaal', 'Bouw', 'Schoonmaak', 'ABU']) await stored(agency.id, rawSchedule({ name }));
    const names: string[] = [];
    let after: string | null = null;
    do {
      const page = await schedules.list(agency.id, pageQuery({ first: 3, after }));
      names.push(...page.items.map((s) => s.name));
      expect(page.items.every((s) => s.versions.length === 1)).toBe(true);
      after = page.hasNextPage ? page.endCursor : null;
    } while (after);
    expect(names).toEqual(['ABU', 'Bouw', 'metaal', 'Schoonmaak']);
    await expect(schedules.list(agency.id, pageQuery({ after: 'bogus' }))).rejects.toMatchObject({ reason: 'CURSOR_INVALID' });
  });

  it('is what a placement refers to, within its own agency (composite foreign key)', async () => {
    const a = await odb.newAgency();
    const b = await odb.newAgency();
    const relation = aRelation(a.id, { id: newId() });
    const worker = aFlexworker(a.id, { id: newId() });
    await odb.relations.insert(relation);
    await odb.flexworkers.insert(worker);
    const own = await stored(a.id);
    const foreign = await stored(b.id);
    const placement = aPlacement(a.id, worker.id, relation.id, { id: newId(), caoScheduleId: own.id });
    await odb.placements.insert(placement);
    expect((await odb.placements.findById(a.id, placement.id))!.hourSource).toEqual({ kind: 'CAO_SCHEDULE', caoScheduleId: own.id });
    const crossing = aPlacement(a.id, worker.id, relation.id, { id: newId(), caoScheduleId: foreign.id });
    await expect(odb.placements.insert(crossing)).rejects.toThrow(/placements_cao_schedule_fkey/);
    const dangling = aPlacement(a.id, worker.id, relation.id, { id: newId(), caoScheduleId: newId() });
    await expect(odb.placements.insert(dangling)).rejects.toThrow(/placements_cao_schedule_fkey/);
  });
});
