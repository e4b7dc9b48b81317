import { pageQuery } from '../../../src/application/shared/pagination';
import { Relation } from '../../../src/domain/relation/relation.entity';
import { aRelation } from '../../support/mothers/organisation.mother';
import { newId, OrganisationDatabase } from './organisation-database';

describe('TypeormRelationRepository', () => {
  let odb: OrganisationDatabase;
  beforeAll(async () => {
    odb = await OrganisationDatabase.open();
  });
  afterAll(() => odb.close());

  async function relationIn(agencyId: string, name: string, extra: Partial<Parameters<typeof aRelation>[1]> = {}): Promise<Relation> {
    const relation = aRelation(agencyId, { id: newId(), name, ...extra });
    await odb.relations.insert(relation);
    return relation;
  }

  it('round-trips every field', async () => {
    const agency = await odb.newAgency();
    const relation = await relationIn(agency.id, 'Bakkerij', { contactEmail: 'planning@bakkerij.nl', contactPhone: '+31 20 123 4567' });
    const read = await odb.relations.findById(agency.id, relation.id);
    expect(read?.toState()).toEqual(relation.toState());
  });

  it('scopes by agency: another agency’s id is not found', async () => {
    const a = await odb.newAgency();
    const b = await odb.newAgency();
    const relation = await relationIn(a.id, 'Van A');
    expect(await odb.relations.findById(b.id, relation.id)).toBeNull();
    expect(await odb.relations.findByIds(b.id, [relation.id])).toEqual([]);
    relation.updateDetails({ name: 'Gekaapt' });
    await expect(odb.relations.update(Relation.rehydrate({ ...relation.toState(), agencyId: b.id }))).rejects.toMatchObject({ reason: 'STALE_VERSION' });
  });

  it('finds by ids, ignoring unknown and malformed ones', async () => {
    const agency = await odb.newAgency();
    const r1 = await relationIn(agency.id, 'Een');
    const r2 = await relationIn(agency.id, 'Twee');
    const found = await odb.relations.findByIds(agency.id, [r2.id, newId(), 'nope', r1.id, r1.id]);
    expect(found.map((r) => r.id).sort()).toEqual([r1.id, r2.id].sort());
  });

  it('updates optimistically', async () => {
    const agency = await odb.newAgency();
    const relation = await relationIn(agency.id, 'Oud');
    const copy = (await odb.relations.findById(agency.id, relation.id))!;
    relation.updateDetails({ name: 'Nieuw' });
    relation.deactivate();
    expect((await odb.relations.update(relation)).version).toBe(2);
    const read = await odb.relations.findById(agency.id, relation.id);
    expect([read?.name, read?.active, read?.version]).toEqual(['Nieuw', false, 2]);
    copy.updateDetails({ name: 'Verloren' });
    await expect(odb.relations.update(copy)).rejects.toMatchObject({ category: 'CONFLICT', reason: 'STALE_VERSION' });
  });

  it('pages by name (case-insensitive) with cursors, and filters', async () => {
    const agency = await odb.newAgency();
    const names = ['delta', 'Alfa', 'charlie', 'Bravo', 'echo', 'alfa'];
    for (const name of names) await relationIn(agency.id, name);
    const inactive = await relationIn(agency.id, 'Foxtrot');
    inactive.deactivate();
    await odb.relations.update(inactive);

    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page = await odb.relations.list(agency.id, {}, pageQuery({ first: 2, after }));
      seen.push(...page.items.map((r) => r.name));
      after = page.hasNextPage ? page.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(4);
    expect(seen.map((n) => n.toLowerCase())).toEqual(['alfa', 'alfa', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot']);

    expect((await odb.relations.list(agency.id, { active: false }, pageQuery())).items.map((r) => r.name)).toEqual(['Foxtrot']);
    expect((await odb.relations.list(agency.id, { search: 'ALF' }, pageQuery())).items).toHaveLength(2);
    expect((await odb.relations.list(agency.id, { search: '%' }, pageQuery())).items).toHaveLength(0);
  });

  it('refuses a foreign or damaged cursor', async () => {
    const agency = await odb.newAgency();
    await expect(odb.relations.list(agency.id, {}, pageQuery({ after: 'garbage' }))).rejects.toMatchObject({ reason: 'CURSOR_INVALID' });
    const other = Buffer.from(JSON.stringify(['flexworkers', 'a', 'b', newId()])).toString('base64url');
    await expect(odb.relations.list(agency.id, {}, pageQuery({ after: other }))).rejects.toMatchObject({ reason: 'CURSOR_INVALID' });
  });
});
