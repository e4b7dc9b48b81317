import { CreateRelation } from '../../../../src/application/organisation/create-relation.use-case';
import { GetRelation } from '../../../../src/application/organisation/get-relation.use-case';
import { GetRelationsByIds } from '../../../../src/application/organisation/get-relations-by-ids.use-case';
import { ListRelations } from '../../../../src/application/organisation/list-relations.use-case';
import { UpdateRelation } from '../../../../src/application/organisation/update-relation.use-case';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../../src/domain/shared/domain-error';
import { OrganisationWorld } from './organisation-world';

describe('CreateRelation', () => {
  it('lets staff create a relation in their own agency', async () => {
    const world = await OrganisationWorld.build();
    const relation = await new CreateRelation(world.relations, world.ids).execute(world.staffA, { name: 'Kaasboerderij', contactEmail: 'Info@Kaas.NL' });
    expect(relation.id).toBe('new-1');
    expect((await world.relations.findById('agency-a', 'new-1'))?.contactEmail?.value).toBe('info@kaas.nl');
  });

  it('refuses workers and contacts, and bad input stores nothing', async () => {
    const world = await OrganisationWorld.build();
    const create = new CreateRelation(world.relations, world.ids);
    await expect(create.execute(world.worker1, { name: 'X' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(create.execute(world.contact1, { name: 'X' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(create.execute(world.staffA, { name: 'x'.repeat(1 << 20) })).rejects.toMatchObject({ reason: 'VALUE_TOO_LONG' });
    expect(world.relations.store.rows.size).toBe(3);
  });
});

describe('GetRelation', () => {
  it('shows staff every relation of their agency, a contact only their own, a worker where they are placed', async () => {
    const world = await OrganisationWorld.build();
    const get = new GetRelation(world.relations, world.placements);
    expect((await get.execute(world.staffA, { id: 'r2' })).name).toBe('Aannemer');
    expect((await get.execute(world.contact1, { id: 'r1' })).id).toBe('r1');
    await expect(get.execute(world.contact1, { id: 'r2' })).rejects.toBeInstanceOf(NotFoundError);
    expect((await get.execute(world.worker1, { id: 'r1' })).id).toBe('r1');
    await expect(get.execute(world.worker1, { id: 'r2' })).rejects.toBeInstanceOf(NotFoundError);
    expect((await get.execute(world.payroll, { id: 'r2' })).id).toBe('r2');
  });

  it('does not find another agency’s relation', async () => {
    const world = await OrganisationWorld.build();
    await expect(new GetRelation(world.relations, world.placements).execute(world.staffB, { id: 'r1' })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('GetRelationsByIds', () => {
  it('answers per id in order, null where unseen', async () => {
    const world = await OrganisationWorld.build();
    const load = new GetRelationsByIds(world.relations, world.placements);
    expect((await load.execute(world.staffA, { ids: ['r2', 'rB', 'r1', 'nope'] })).map((r) => r?.id ?? null)).toEqual(['r2', null, 'r1', null]);
    expect((await load.execute(world.contact1, { ids: ['r2', 'r1'] })).map((r) => r?.id ?? null)).toEqual([null, 'r1']);
    expect((await load.execute(world.worker1, { ids: ['r2', 'r1', 'rB'] })).map((r) => r?.id ?? null)).toEqual([null, 'r1', null]);
    expect((await load.execute(world.workerB, { ids: ['r1'] })).map((r) => r?.id ?? null)).toEqual([null]);
  });
});

describe('UpdateRelation', () => {
  it('lets staff rename and deactivate', async () => {
    const world = await OrganisationWorld.build();
    const updated = await new UpdateRelation(world.relations, world.placements).execute(world.staffA, { id: 'r1', name: 'Bakkerij BV', active: false, expectedVersion: 1 });
    expect([updated.name, updated.active, updated.version]).toEqual(['Bakkerij BV', false, 2]);
  });

  it('forbids whoever sees the relation (its contact, a worker placed there), hides other relations, scopes by agency', async () => {
    const world = await OrganisationWorld.build();
    const update = new UpdateRelation(world.relations, world.placements);
    await expect(update.execute(world.contact1, { id: 'r1', name: 'Mine' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(update.execute(world.contact1, { id: 'r2', name: 'Theirs' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(update.execute(world.worker1, { id: 'r1', name: 'X' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(update.execute(world.worker1, { id: 'r2', name: 'X' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(update.execute(world.staffB, { id: 'r1', name: 'X' })).rejects.toBeInstanceOf(NotFoundError);
    expect((await world.relations.findById('agency-a', 'r1'))?.name).toBe('Bakkerij');
  });

  it('refuses bad details with their paths', async () => {
    const world = await OrganisationWorld.build();
    const error = await new UpdateRelation(world.relations, world.placements).execute(world.staffA, { id: 'r1', chamberOfCommerceNumber: '1' }).catch((e) => e);
    expect((error as ValidationError).problems.map((p) => p.path)).toEqual(['chamberOfCommerceNumber']);
  });
});

describe('ListRelations', () => {
  it('pages by name with a cursor and filters', async () => {
    const world = await OrganisationWorld.build();
    const list = new ListRelations(world.relations, world.placements);
    const first = await list.execute(world.staffA, { first: 1 });
    expect(first.items.map((r) => r.name)).toEqual(['Aannemer']);
    expect(first.hasNextPage).toBe(true);
    const second = await list.execute(world.staffA, { first: 1, after: first.endCursor });
    expect(second.items.map((r) => r.name)).toEqual(['Bakkerij']);
    expect(second.hasNextPage).toBe(false);
    expect((await list.execute(world.staffA, { search: 'bak' })).items.map((r) => r.id)).toEqual(['r1']);
    expect((await list.execute(world.staffA, { active: false })).items).toEqual([]);
    await expect(list.execute(world.staffA, { first: 101 })).rejects.toMatchObject({ reason: 'PAGE_SIZE_RANGE' });
    await expect(list.execute(world.staffA, { first: 0 })).rejects.toBeInstanceOf(ValidationError);
  });

  it('shows a contact their own relation, a worker where they are placed, and payroll all of its agency', async () => {
    const world = await OrganisationWorld.build();
    const list = new ListRelations(world.relations, world.placements);
    expect((await list.execute(world.contact1, {})).items.map((r) => r.id)).toEqual(['r1']);
    expect((await list.execute(world.worker1, {})).items.map((r) => r.id)).toEqual(['r1']);
    expect((await list.execute(world.workerB, {})).items.map((r) => r.id)).toEqual(['rB']);
    expect((await list.execute(world.payroll, {})).items.map((r) => r.id).sort()).toEqual(['r1', 'r2']);
  });
});
