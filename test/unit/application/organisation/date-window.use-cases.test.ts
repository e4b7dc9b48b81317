import { AddCaoScheduleVersion } from '../../../../src/application/cao-schedule/add-cao-schedule-version.use-case';
import { CreateCaoSchedule } from '../../../../src/application/cao-schedule/create-cao-schedule.use-case';
import { CreatePlacement } from '../../../../src/application/organisation/create-placement.use-case';
import { EndPlacement } from '../../../../src/application/organisation/end-placement.use-case';
import { UpdatePlacement } from '../../../../src/application/organisation/update-placement.use-case';
import { DateWindowPolicy } from '../../../../src/application/shared/date-window';
import { ValidationError } from '../../../../src/domain/shared/domain-error';
import { LocalDate } from '../../../../src/domain/time/local-date.value-object';
import { FixedClock } from '../../../support/fakes/fixed-clock';
import { rawSchedule, rawVersion } from '../../../support/mothers/cao-schedule.mother';
import { OrganisationWorld } from './organisation-world';

/*
 * Issue 8, item 8: the use cases hold the dates staff give to the server's window: from
 * 2000-01-01 (DATE_WINDOW_EARLIEST) to 31 December ten years after the clock's year
 * (DATE_WINDOW_YEARS_AHEAD); the organisation world's clock stands in November 2026.
 */
const input = { flexworkerId: 'w3', relationId: 'r1', startDate: '2026-12-01', functionName: 'Inpakker', hourCodes: [{ code: 'H100', percentage: 100 }] };

async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => new Error('expected a refusal'),
    (e: unknown) => e,
  );
  if (!(error instanceof ValidationError)) throw error;
  return error.problems.map((p) => `${p.path}:${p.reason}:${p.params?.min}..${p.params?.max}`);
}

describe('DateWindowPolicy', () => {
  it('runs from the earliest date to the end of the year so many years after the clock’s', () => {
    const clock = new FixedClock(new Date('2026-11-27T10:00:00Z'));
    const window = new DateWindowPolicy(clock).current();
    expect([window.min.toString(), window.max.toString()]).toEqual(['2000-01-01', '2036-12-31']);
    clock.set(new Date('2027-01-01T00:00:00Z'));
    expect(new DateWindowPolicy(clock).current().max.toString()).toBe('2037-12-31');
    const narrow = new DateWindowPolicy(clock, { earliest: LocalDate.parse('2020-06-01'), yearsAhead: 2 }).current();
    expect([narrow.min.toString(), narrow.max.toString()]).toEqual(['2020-06-01', '2029-12-31']);
  });
});

describe('placements within the date window', () => {
  it('createPlacement refuses a start in 1900 and an end in 9999, and stores nothing', async () => {
    const world = await OrganisationWorld.build();
    const create = new CreatePlacement(world.placements, world.flexworkers, world.relations, world.caoSchedules, world.ids, world.dateWindow);
    expect(await problemsOf(create.execute(world.staffA, { ...input, startDate: '1900-01-01', endDate: '9999-12-31' }))).toEqual([
      'startDate:DATE_OUT_OF_RANGE:2000-01-01..2036-12-31',
      'endDate:DATE_OUT_OF_RANGE:2000-01-01..2036-12-31',
    ]);
    expect(world.placements.store.rows.size).toBe(3);
    await expect(create.execute(world.staffA, { ...input, startDate: '2000-01-01', endDate: '2036-12-31' })).resolves.toBeDefined();
  });

  it('updatePlacement and endPlacement refuse dates outside it and change nothing', async () => {
    const world = await OrganisationWorld.build();
    const update = new UpdatePlacement(world.placements, world.caoSchedules, world.dateWindow);
    const end = new EndPlacement(world.placements, world.dateWindow);
    expect(await problemsOf(update.execute(world.staffA, { id: 'p1', startDate: '1999-12-31' }))).toEqual(['startDate:DATE_OUT_OF_RANGE:2000-01-01..2036-12-31']);
    expect(await problemsOf(end.execute(world.staffA, { id: 'p1', endDate: '2037-01-01' }))).toEqual(['endDate:DATE_OUT_OF_RANGE:2000-01-01..2036-12-31']);
    const stored = (await world.placements.findById('agency-a', 'p1'))!;
    expect([stored.startDate.toString(), stored.endDate, stored.version]).toEqual(['2026-01-05', null, 1]);
  });
});

describe('CAO schedule versions within the date window', () => {
  it('createCaoSchedule refuses a version valid from 1999; addCaoScheduleVersion one from 9999-12-31 at version.validFrom', async () => {
    const world = await OrganisationWorld.build();
    const policy = new DateWindowPolicy(world.clock);
    const create = new CreateCaoSchedule(world.caoSchedules, world.ids, policy);
    const addVersion = new AddCaoScheduleVersion(world.caoSchedules, policy);
    const early = rawSchedule({ versions: [rawVersion('1999-01-01')] }) as { name: string; versions: unknown[] };
    expect(await problemsOf(create.execute(world.staffA, { ...early, name: 'Vroeg' }))).toEqual(['versions[0].validFrom:DATE_OUT_OF_RANGE:2000-01-01..2036-12-31']);

    const schedule = await create.execute(world.staffA, { ...(rawSchedule() as { name: string; versions: unknown[] }), name: 'Bouw' });
    expect(await problemsOf(addVersion.execute(world.staffA, { scheduleId: schedule.id, expectedVersion: 1, version: rawVersion('9999-12-31') }))).toEqual([
      'version.validFrom:DATE_OUT_OF_RANGE:2000-01-01..2036-12-31',
    ]);
    // Not blocked: the next real version goes in.
    const next = await addVersion.execute(world.staffA, { scheduleId: schedule.id, expectedVersion: 1, version: rawVersion('2027-01-01') });
    expect(next.versions.map((v) => v.validFrom)).toEqual(['2026-01-01', '2027-01-01']);
  });
});
