import { CreatePlacement } from '../../../../src/application/organisation/create-placement.use-case';
import { EndPlacement } from '../../../../src/application/organisation/end-placement.use-case';
import { GetPlacement } from '../../../../src/application/organisation/get-placement.use-case';
import { GetPlacementsByIds } from '../../../../src/application/organisation/get-placements-by-ids.use-case';
import { ListPlacements } from '../../../../src/application/organisation/list-placements.use-case';
import { UpdatePlacement } from '../../../../src/application/organisation/update-placement.use-case';
import { UpdateRelation } from '../../../../src/application/organisation/update-relation.use-case';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../../src/domain/shared/domain-error';
import { aCaoSchedule, rawSchedule, rawVersion } from '../../../support/mothers/cao-schedule.mother';
import { OrganisationWorld } from './organisation-world';

const input = { flexworkerId: 'w3', relationId: 'r1', startDate: '2026-12-01', functionName: 'Inpakker', hourCodes: [{ code: 'H100', percentage: 100 }] };

describe('CreatePlacement', () => {
  it('lets staff place a worker of the agency at a relation of the agency', async () => {
    const world = await OrganisationWorld.build();
    const create = new CreatePlacement(world.placements, world.flexworkers, world.relations, world.caoSchedules, world.ids, world.dateWindow);
    const placement = await create.execute(world.staffA, input);
    expect(placement.hourSource.kind).toBe('MANUAL_HOUR_CODES');
    expect(await world.placements.findById('agency-a', placement.id)).not.toBeNull();
  });

  it('does not find a worker or relation of another agency', async () => {
    const world = await OrganisationWorld.build();
    const create = new CreatePlacement(world.placements, world.flexworkers, world.relations, world.caoSchedules, world.ids, world.dateWindow);
    await expect(create.execute(world.staffA, { ...input, flexworkerId: 'wB' })).rejects.toMatchObject({ params: { entity: 'Flexworker' } });
    await expect(create.execute(world.staffA, { ...input, relationId: 'rB' })).rejects.toBeInstanceOf(NotFoundError);
    expect(world.placements.store.rows.size).toBe(3);
  });

  it('refuses an inactive relation, bad input and other roles', async () => {
    const world = await OrganisationWorld.build();
    await new UpdateRelation(world.relations, world.placements).execute(world.staffA, { id: 'r1', active: false });
    const create = new CreatePlacement(world.placements, world.flexworkers, world.relations, world.caoSchedules, world.ids, world.dateWindow);
    await expect(create.execute(world.staffA, input)).rejects.toMatchObject({ reason: 'RELATION_INACTIVE' });
    const error = await create.execute(world.staffA, { ...input, relationId: 'r2', endDate: '2026-11-30' }).catch((e) => e);
    expect((error as ValidationError).problems.map((p) => p.path)).toEqual(['endDate']);
    await expect(create.execute(world.contact1, input)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('CreatePlacement with a CAO schedule', () => {
  const withSchedule = (caoScheduleId: string) => ({ ...input, hourCodes: undefined, caoScheduleId });

  it('takes a schedule of the agency', async () => {
    const world = await OrganisationWorld.build();
    const create = new CreatePlacement(world.placements, world.flexworkers, world.relations, world.caoSchedules, world.ids, world.dateWindow);
    const placement = await create.execute(world.staffA, withSchedule('cao-a'));
    expect(placement.hourSource).toEqual({ kind: 'CAO_SCHEDULE', caoScheduleId: 'cao-a' });
  });

  it('refuses a schedule that does not exist or is of another agency, at caoScheduleId, with the other problems', async () => {
    const world = await OrganisationWorld.build();
    const create = new CreatePlacement(world.placements, world.flexworkers, world.relations, world.caoSchedules, world.ids, world.dateWindow);
    for (const id of ['cao-b', 'abu-2026']) {
      const error = (await create.execute(world.staffA, withSchedule(id)).catch((e) => e)) as ValidationError;
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.problems.map((p) => `${p.path}:${p.reason}`)).toEqual(['caoScheduleId:CAO_SCHEDULE_NOT_FOUND']);
    }
    await new UpdateRelation(world.relations, world.placements).execute(world.staffA, { id: 'r1', active: false });
    const both = (await create.execute(world.staffA, withSchedule('cao-b')).catch((e) => e)) as ValidationError;
    expect(both.problems.map((p) => `${p.path}:${p.reason}`)).toEqual(['relationId:RELATION_INACTIVE', 'caoScheduleId:CAO_SCHEDULE_NOT_FOUND']);
    expect(world.placements.store.rows.size).toBe(3);
  });

  it('refuses a schedule that comes into force only after the placement starts (its first weeks could not be unravelled)', async () => {
    const world = await OrganisationWorld.build();
    await world.caoSchedules.insert(aCaoSchedule('agency-a', { id: 'cao-late', raw: rawSchedule({ name: 'Later', versions: [rawVersion('2027-01-01')] }) }));
    const create = new CreatePlacement(world.placements, world.flexworkers, world.relations, world.caoSchedules, world.ids, world.dateWindow);
    const error = (await create.execute(world.staffA, withSchedule('cao-late')).catch((e) => e)) as ValidationError;
    expect(error.problems.map((p) => [p.path, p.reason, p.params])).toEqual([
      ['caoScheduleId', 'CAO_SCHEDULE_NOT_IN_FORCE', { validFrom: '2027-01-01', startDate: '2026-12-01' }],
    ]);
    const later = await create.execute(world.staffA, { ...withSchedule('cao-late'), startDate: '2027-01-01' });
    expect(later.hourSource).toEqual({ kind: 'CAO_SCHEDULE', caoScheduleId: 'cao-late' });
  });
});

describe('GetPlacement and GetPlacementsByIds', () => {
  it('shows staff all, a worker their own, a contact those at their relation', async () => {
    const world = await OrganisationWorld.build();
    const get = new GetPlacement(world.placements);
    expect((await get.execute(world.staffA, { id: 'p2' })).id).toBe('p2');
    expect((await get.execute(world.worker1, { id: 'p1' })).id).toBe('p1');
    expect((await get.execute(world.contact1, { id: 'p1' })).id).toBe('p1');
    for (const [actor, id] of [[world.worker1, 'p2'], [world.contact1, 'p2'], [world.staffB, 'p1'], [world.workerB, 'p1'], [{ ...world.payroll, agencyId: 'agency-b' }, 'p1']] as const) {
      await expect(get.execute(actor, { id })).rejects.toBeInstanceOf(NotFoundError);
    }
    expect((await get.execute(world.payroll, { id: 'p2' })).id).toBe('p2');
    const load = new GetPlacementsByIds(world.placements);
    expect((await load.execute(world.worker1, { ids: ['p2', 'p1', 'pB'] })).map((p) => p?.id ?? null)).toEqual([null, 'p1', null]);
  });
});

describe('UpdatePlacement and EndPlacement', () => {
  it('let staff change settings and end a placement', async () => {
    const world = await OrganisationWorld.build();
    const updated = await new UpdatePlacement(world.placements, world.caoSchedules, world.dateWindow).execute(world.staffA, { id: 'p1', hoursEnteredBy: 'RELATION', costCentre: 'K1', expectedVersion: 1 });
    expect([updated.hoursEnteredBy, updated.sendReminders, updated.costCentre, updated.version]).toEqual(['RELATION', false, 'K1', 2]);
    const ended = await new EndPlacement(world.placements, world.dateWindow).execute(world.staffA, { id: 'p1', endDate: '2026-12-31', expectedVersion: 2 });
    expect(ended.endDate?.toString()).toBe('2026-12-31');
    await expect(new EndPlacement(world.placements, world.dateWindow).execute(world.staffA, { id: 'p1', endDate: '2025-12-31' })).rejects.toMatchObject({ reason: 'END_BEFORE_START' });
    await expect(new EndPlacement(world.placements, world.dateWindow).execute(world.staffA, { id: 'p1', endDate: '31-12-2026' })).rejects.toMatchObject({ reason: 'LOCAL_DATE_FORMAT' });
  });

  it('assign a schedule of the agency only, and look it up only when the schedule is given', async () => {
    const world = await OrganisationWorld.build();
    const second = aCaoSchedule('agency-a', { id: 'cao-a2', raw: rawSchedule({ name: 'Tweede' }) });
    await world.caoSchedules.insert(second);
    const update = new UpdatePlacement(world.placements, world.caoSchedules, world.dateWindow);
    const updated = await update.execute(world.staffA, { id: 'p1', caoScheduleId: 'cao-a2' });
    expect(updated.hourSource).toEqual({ kind: 'CAO_SCHEDULE', caoScheduleId: 'cao-a2' });
    const error = (await update.execute(world.staffA, { id: 'p1', caoScheduleId: 'cao-b' }).catch((e) => e)) as ValidationError;
    expect(error.problems.map((p) => `${p.path}:${p.reason}`)).toEqual(['caoScheduleId:CAO_SCHEDULE_NOT_FOUND']);
    expect((await world.placements.findById('agency-a', 'p1'))!.hourSource).toEqual({ kind: 'CAO_SCHEDULE', caoScheduleId: 'cao-a2' });
    const lookups = world.caoSchedules.lookups.length;
    await update.execute(world.staffA, { id: 'p1', functionName: 'Bakker' });
    await update.execute(world.staffA, { id: 'p1', caoScheduleId: null, hourCodes: [{ code: 'H100', percentage: 100 }] });
    expect(world.caoSchedules.lookups.length).toBe(lookups);
  });

  it('forbid those who may see it, hide it from the rest', async () => {
    const world = await OrganisationWorld.build();
    const update = new UpdatePlacement(world.placements, world.caoSchedules, world.dateWindow);
    const end = new EndPlacement(world.placements, world.dateWindow);
    await expect(update.execute(world.worker1, { id: 'p1', functionName: 'Baas' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(end.execute(world.contact1, { id: 'p1', endDate: '2026-12-31' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(update.execute(world.worker1, { id: 'p2', functionName: 'Baas' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(end.execute(world.staffB, { id: 'p1', endDate: '2026-12-31' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(update.execute(world.staffA, { id: 'p1', functionName: 'X', expectedVersion: 9 })).rejects.toMatchObject({ reason: 'STALE_VERSION' });
  });
});

describe('ListPlacements', () => {
  it('filters for staff and pages latest start first', async () => {
    const world = await OrganisationWorld.build();
    const list = new ListPlacements(world.placements);
    const first = await list.execute(world.staffA, { first: 1 });
    expect([first.items.map((p) => p.id), first.hasNextPage]).toEqual([['p2'], true]);
    expect((await list.execute(world.staffA, { after: first.endCursor })).items.map((p) => p.id)).toEqual(['p1']);
    expect((await list.execute(world.staffA, { activeOn: '2026-07-01' })).items.map((p) => p.id)).toEqual(['p1']);
    expect((await list.execute(world.staffA, { relationId: 'r2' })).items.map((p) => p.id)).toEqual(['p2']);
    expect((await list.execute(world.staffA, { flexworkerId: 'w1' })).items.map((p) => p.id)).toEqual(['p1']);
    await expect(list.execute(world.staffA, { activeOn: 'today' })).rejects.toMatchObject({ reason: 'LOCAL_DATE_FORMAT' });
  });

  it('narrows a worker and a contact to their own', async () => {
    const world = await OrganisationWorld.build();
    const list = new ListPlacements(world.placements);
    expect((await list.execute(world.worker1, {})).items.map((p) => p.id)).toEqual(['p1']);
    expect((await list.execute(world.worker1, { flexworkerId: 'w2' })).items).toEqual([]);
    expect((await list.execute(world.contact1, {})).items.map((p) => p.id)).toEqual(['p1']);
    expect((await list.execute(world.contact1, { relationId: 'r2' })).items).toEqual([]);
    expect((await list.execute(world.workerB, {})).items.map((p) => p.id)).toEqual(['pB']);
    expect((await list.execute(world.payroll, {})).items.map((p) => p.id).sort()).toEqual(['p1', 'p2']);
  });
});
