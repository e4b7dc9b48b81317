import { pageQuery } from '../../../src/application/shared/pagination';
import { Flexworker } from '../../../src/domain/flexworker/flexworker.entity';
import { FieldDecryptionError } from '../../../src/infrastructure/crypto/field-cipher';
import { aFlexworker, TODAY } from '../../support/mothers/organisation.mother';
import { newId, OrganisationDatabase } from './organisation-database';

describe('TypeormFlexworkerRepository', () => {
  let odb: OrganisationDatabase;
  beforeAll(async () => {
    odb = await OrganisationDatabase.open();
  });
  afterAll(() => odb.close());

  async function workerIn(agencyId: string, overrides: Partial<Parameters<typeof aFlexworker>[1]> = {}): Promise<Flexworker> {
    const worker = aFlexworker(agencyId, { id: newId(), ...overrides });
    await odb.flexworkers.insert(worker);
    return worker;
  }

  it('round-trips every field', async () => {
    const agency = await odb.newAgency();
    const worker = await workerIn(agency.id, { language: 'pl', dateOfBirth: '2000-02-29' });
    const read = await odb.flexworkers.findById(agency.id, worker.id);
    expect(read).not.toBeNull();
    const a = read!.toState();
    const b = worker.toState();
    expect(a.name.equals(b.name) && a.email.equals(b.email) && a.language.equals(b.language)).toBe(true);
    expect(a.dateOfBirth?.toString()).toBe('2000-02-29');
    expect(a.address?.equals(b.address!)).toBe(true);
    expect(a.bsn?.value).toBe('123456782');
    expect(a.iban?.value).toBe('NL91ABNA0417164300');
    expect(a.phone?.value).toBe(b.phone?.value);
  });

  it('round-trips a worker with only name and e-mail', async () => {
    const agency = await odb.newAgency();
    const worker = Flexworker.create({ id: newId(), agencyId: agency.id, firstName: 'Ana', lastName: 'Pop', email: `ana.${newId()}@example.ro` }, TODAY);
    await odb.flexworkers.insert(worker);
    const read = await odb.flexworkers.findById(agency.id, worker.id);
    expect([read?.bsn, read?.iban, read?.address, read?.dateOfBirth, read?.phone]).toEqual([null, null, null, null, null]);
  });

  it('stores BSN and IBAN encrypted: the raw columns hold neither', async () => {
    const agency = await odb.newAgency();
    const worker = await workerIn(agency.id);
    const [raw] = await odb.dataSource.query('SELECT * FROM flexworkers WHERE id = $1', [worker.id]);
    const everything = JSON.stringify(raw);
    expect(everything).not.toContain('123456782');
    expect(everything).not.toContain('NL91ABNA0417164300');
    expect(everything).not.toContain('0417164300');
    expect(raw.bsn_encrypted).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    const [again] = await odb.dataSource.query('SELECT bsn_encrypted FROM flexworkers WHERE id = $1', [worker.id]);
    expect(again.bsn_encrypted).toBe(raw.bsn_encrypted);
    const other = await workerIn(agency.id);
    const [second] = await odb.dataSource.query('SELECT bsn_encrypted FROM flexworkers WHERE id = $1', [other.id]);
    expect(second.bsn_encrypted).not.toBe(raw.bsn_encrypted); // a fresh IV per value
  });

  it('refuses to read a BSN copied from another row', async () => {
    const agency = await odb.newAgency();
    const a = await workerIn(agency.id);
    const b = await workerIn(agency.id, { bsn: '111222333' });
    await odb.dataSource.query('UPDATE flexworkers SET bsn_encrypted = (SELECT bsn_encrypted FROM flexworkers WHERE id = $1) WHERE id = $2', [a.id, b.id]);
    await expect(odb.flexworkers.findById(agency.id, b.id)).rejects.toBeInstanceOf(FieldDecryptionError);
  });

  it('refuses a second worker with the same e-mail in the agency by the constraint', async () => {
    const a = await odb.newAgency();
    const b = await odb.newAgency();
    const email = `same.${newId()}@example.nl`;
    await workerIn(a.id, { email });
    await expect(workerIn(a.id, { email: email.toUpperCase() })).rejects.toMatchObject({ category: 'CONFLICT', reason: 'EMAIL_TAKEN', params: { field: 'email' } });
    await expect(workerIn(b.id, { email })).resolves.toBeDefined();
  });

  it('lets exactly one of two simultaneous inserts with one e-mail win', async () => {
    const agency = await odb.newAgency();
    const email = `race.${newId()}@example.nl`;
    const results = await Promise.allSettled([workerIn(agency.id, { email }), workerIn(agency.id, { email })]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ reason: 'EMAIL_TAKEN' });
  });

  it('refuses taking a colleague’s e-mail in an update', async () => {
    const agency = await odb.newAgency();
    const a = await workerIn(agency.id);
    const b = await workerIn(agency.id);
    b.updatePersonalDetails({ email: a.email.value }, TODAY);
    await expect(odb.flexworkers.update(b)).rejects.toMatchObject({ reason: 'EMAIL_TAKEN' });
  });

  it('updates optimistically and scopes by agency', async () => {
    const agency = await odb.newAgency();
    const other = await odb.newAgency();
    const worker = await workerIn(agency.id);
    const stale = (await odb.flexworkers.findById(agency.id, worker.id))!;
    worker.changeLanguage('ro');
    worker.updatePersonalDetails({ iban: 'DE89 3704 0044 0532 0130 00', bsn: null }, TODAY);
    expect((await odb.flexworkers.update(worker)).version).toBe(2);
    const read = await odb.flexworkers.findById(agency.id, worker.id);
    expect([read?.language.code, read?.iban?.value, read?.bsn]).toEqual(['ro', 'DE89370400440532013000', null]);
    stale.changeLanguage('en');
    await expect(odb.flexworkers.update(stale)).rejects.toMatchObject({ reason: 'STALE_VERSION' });
    expect(await odb.flexworkers.findById(other.id, worker.id)).toBeNull();
    expect(await odb.flexworkers.findByIds(other.id, [worker.id])).toEqual([]);
    expect((await odb.flexworkers.findByIds(agency.id, [worker.id, 'x', newId()])).map((w) => w.id)).toEqual([worker.id]);
  });

  it('pages by last name then first name, and searches name and e-mail', async () => {
    const agency = await odb.newAgency();
    const people = [
      ['Jan', 'Visser'], ['anna', 'de Vries'], ['Piet', 'Bakker'], ['Ana', 'bakker'], ['Zoë', 'Meijer'],
    ];
    for (const [firstName, lastName] of people) await workerIn(agency.id, { firstName, lastName, email: `${firstName.replace(/[^a-z]/gi, 'x')}.${newId().slice(0, 8)}@example.nl` });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = await odb.flexworkers.list(agency.id, {}, pageQuery({ first: 2, after }));
      seen.push(...page.items.map((w) => w.name.fullName));
      after = page.hasNextPage ? page.endCursor : null;
    } while (after);
    expect(seen).toEqual(['Ana bakker', 'Piet Bakker', 'anna de Vries', 'Zoë Meijer', 'Jan Visser']);
    expect((await odb.flexworkers.list(agency.id, { search: 'bakk' }, pageQuery())).items).toHaveLength(2);
    expect((await odb.flexworkers.list(agency.id, { search: 'piet.' }, pageQuery())).items.map((w) => w.name.firstName)).toEqual(['Piet']);
    expect((await odb.flexworkers.list(agency.id, { search: '_' }, pageQuery())).items).toHaveLength(0);
  });
});
