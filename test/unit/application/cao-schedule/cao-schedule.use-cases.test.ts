import { AddCaoScheduleVersion } from '../../../../src/application/cao-schedule/add-cao-schedule-version.use-case';
import { CreateCaoSchedule } from '../../../../src/application/cao-schedule/create-cao-schedule.use-case';
import { GetCaoSchedule } from '../../../../src/application/cao-schedule/get-cao-schedule.use-case';
import { GetCaoSchedulesByIds } from '../../../../src/application/cao-schedule/get-cao-schedules-by-ids.use-case';
import { ListCaoSchedules } from '../../../../src/application/cao-schedule/list-cao-schedules.use-case';
import { Actor } from '../../../../src/application/shared/actor';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../../src/domain/shared/domain-error';
import { FixedClock, SequentialIds } from '../../../support/fakes/fixed-clock';
import { InMemoryCaoScheduleRepository } from '../../../support/fakes/in-memory-cao-schedule.repository';
import { goldenSchedule, rawSchedule, rawVersion } from '../../../support/mothers/cao-schedule.mother';
import { DateWindowPolicy } from '../../../../src/application/shared/date-window';

const staffA: Actor = { kind: 'USER', id: 'u-staff-a', role: 'AGENCY_STAFF', agencyId: 'agency-a' };
const staffB: Actor = { kind: 'USER', id: 'u-staff-b', role: 'AGENCY_STAFF', agencyId: 'agency-b' };
const workerA: Actor = { kind: 'USER', id: 'u-w1', role: 'FLEXWORKER', agencyId: 'agency-a', flexworkerId: 'w1' };
const contactA: Actor = { kind: 'USER', id: 'u-c1', role: 'RELATION_CONTACT', agencyId: 'agency-a', relationId: 'r1' };
const payrollA: Actor = { kind: 'API_CLIENT', id: 'api-1', role: 'PAYROLL', agencyId: 'agency-a' };

function setUp() {
  const schedules = new InMemoryCaoScheduleRepository();
  const ids = new SequentialIds('cao');
  return {
    schedules,
    create: new CreateCaoSchedule(schedules, ids, new DateWindowPolicy(new FixedClock())),
    addVersion: new AddCaoScheduleVersion(schedules, new DateWindowPolicy(new FixedClock())),
    list: new ListCaoSchedules(schedules),
    get: new GetCaoSchedule(schedules),
    getByIds: new GetCaoSchedulesByIds(schedules),
  };
}

const input = (raw: Record<string, unknown>) => raw as { name: string; source?: string; versions: unknown[] };

async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).problems.map((p) => `${p.path}:${p.reason}`);
}

describe('CreateCaoSchedule', () => {
  it('lets staff store a schedule of their agency', async () => {
    const { create, schedules } = setUp();
    const schedule = await create.execute(staffA, input(goldenSchedule('schoonmaak')));
    expect([schedule.agencyId, schedule.version, schedule.versions.length]).toEqual(['agency-a', 1, 1]);
    expect((await schedules.findById('agency-a', schedule.id))?.name).toBe('Schoonmaak- en glazenwassersbedrijf (model)');
  });

  it('lists the problems of the input by path and stores nothing', async () => {
    const { create, schedules } = setUp();
    const broken = rawSchedule({ versions: [rawVersion('2026-01-01', { ortWindows: [{ id: 'x', days: ['MON'], from: '7', to: '08:00', percentage: 10, hourCode: 'O' }] })] });
    expect(await problemsOf(create.execute(staffA, input(broken)))).toEqual(['versions[0].ortWindows[0].from:TIME_OF_DAY_FORMAT']);
    expect(schedules.rows.size).toBe(0);
  });

  it('refuses a second schedule with the same name in the agency, not in another agency', async () => {
    const { create } = setUp();
    await create.execute(staffA, input(rawSchedule({ name: 'ABU' })));
    await expect(create.execute(staffA, input(rawSchedule({ name: 'abu' })))).rejects.toMatchObject({ reason: 'CAO_SCHEDULE_NAME_TAKEN' });
    await expect(create.execute(staffB, input(rawSchedule({ name: 'ABU' })))).resolves.toBeDefined();
  });

  it('is for staff only', async () => {
    const { create } = setUp();
    for (const actor of [workerA, contactA, payrollA]) {
      await expect(create.execute(actor, input(rawSchedule()))).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});

describe('AddCaoScheduleVersion', () => {
  it('appends a version after the latest at the expected version', async () => {
    const { create, addVersion } = setUp();
    const schedule = await create.execute(staffA, input(rawSchedule()));
    const updated = await addVersion.execute(staffA, { scheduleId: schedule.id, expectedVersion: 1, version: rawVersion('2026-07-01') });
    expect(updated.version).toBe(2);
    expect(updated.versions.map((v) => v.validFrom)).toEqual(['2026-01-01', '2026-07-01']);
  });

  it('reports problems at version.<path>, a stale version as CONFLICT', async () => {
    const { create, addVersion } = setUp();
    const schedule = await create.execute(staffA, input(rawSchedule()));
    expect(await problemsOf(addVersion.execute(staffA, { scheduleId: schedule.id, expectedVersion: 1, version: rawVersion('2026-01-01') }))).toEqual([
      'version.validFrom:SCHEDULE_VERSION_NOT_AFTER_LATEST',
    ]);
    expect(
      await problemsOf(addVersion.execute(staffA, { scheduleId: schedule.id, expectedVersion: 1, version: rawVersion('2026-02-01', { ortOverlap: 'SOMETIMES' }) })),
    ).toEqual(['version.ortOverlap:VALUE_NOT_ALLOWED']);
    await addVersion.execute(staffA, { scheduleId: schedule.id, expectedVersion: 1, version: rawVersion('2026-07-01') });
    const stale = await addVersion.execute(staffA, { scheduleId: schedule.id, expectedVersion: 1, version: rawVersion('2026-09-01') }).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale).toMatchObject({ reason: 'STALE_VERSION', params: { expected: 1, actual: 2 } });
  });

  it('does not find another agency\'s schedule and is for staff only', async () => {
    const { create, addVersion } = setUp();
    const schedule = await create.execute(staffA, input(rawSchedule()));
    await expect(addVersion.execute(staffB, { scheduleId: schedule.id, expectedVersion: 1, version: rawVersion('2026-07-01') })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(addVersion.execute(workerA, { scheduleId: schedule.id, expectedVersion: 1, version: rawVersion('2026-07-01') })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});

describe('ListCaoSchedules, GetCaoSchedule and GetCaoSchedulesByIds', () => {
  it('page staff through their agency\'s schedules by name', async () => {
    const { create, list } = setUp();
    for (const name of ['Metaal', 'bouw', 'Schoonmaak']) await create.execute(staffA, input(rawSchedule({ name })));
    await create.execute(staffB, input(rawSchedule({ name: 'Anders' })));
    const first = await list.execute(staffA, { first: 2 });
    expect([first.items.map((s) => s.name), first.hasNextPage]).toEqual([['bouw', 'Metaal'], true]);
    expect((await list.execute(staffA, { first: 2, after: first.endCursor })).items.map((s) => s.name)).toEqual(['Schoonmaak']);
    await expect(list.execute(staffA, { first: 0 })).rejects.toMatchObject({ reason: 'PAGE_SIZE_RANGE' });
    await expect(list.execute(workerA, {})).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('let staff read one of their agency; others are refused', async () => {
    const { create, get } = setUp();
    const schedule = await create.execute(staffA, input(rawSchedule()));
    expect((await get.execute(staffA, { id: schedule.id })).id).toBe(schedule.id);
    await expect(get.execute(staffB, { id: schedule.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(get.execute(contactA, { id: schedule.id })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('load by ids for anyone of the agency, aligned with the ids, null where missing', async () => {
    const { create, getByIds, schedules } = setUp();
    const a = await create.execute(staffA, input(rawSchedule({ name: 'A' })));
    const b = await create.execute(staffB, input(rawSchedule({ name: 'B' })));
    for (const actor of [staffA, workerA, contactA, payrollA]) {
      const found = await getByIds.execute(actor, { ids: [b.id, a.id, 'nope', a.id] });
      expect(found.map((s) => s?.id ?? null)).toEqual([null, a.id, null, a.id]);
    }
    schedules.lookups.length = 0;
    await getByIds.execute(staffA, { ids: [a.id, a.id, b.id] });
    expect(schedules.lookups).toEqual([[a.id, b.id]]);
  });
});
