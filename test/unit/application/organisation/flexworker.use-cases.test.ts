import { ChangeFlexworkerLanguage } from '../../../../src/application/organisation/change-flexworker-language.use-case';
import { CreateFlexworker } from '../../../../src/application/organisation/create-flexworker.use-case';
import { GetFlexworker } from '../../../../src/application/organisation/get-flexworker.use-case';
import { GetFlexworkersByIds } from '../../../../src/application/organisation/get-flexworkers-by-ids.use-case';
import { ListFlexworkers } from '../../../../src/application/organisation/list-flexworkers.use-case';
import { localDateAt } from '../../../../src/application/organisation/local-today';
import { UpdateFlexworker } from '../../../../src/application/organisation/update-flexworker.use-case';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../../src/domain/shared/domain-error';
import { OrganisationWorld } from './organisation-world';

const newWorker = { firstName: 'Elena', lastName: 'Ionescu', email: 'elena@example.ro', language: 'ro', bsn: '111222333', iban: 'RO49AAAA1B31007593840000' };

describe('CreateFlexworker', () => {
  it('lets staff register a worker', async () => {
    const world = await OrganisationWorld.build();
    const worker = await new CreateFlexworker(world.flexworkers, world.agencies, world.ids, world.clock).execute(world.staffA, newWorker);
    expect(worker.agencyId).toBe('agency-a');
    expect(worker.language.code).toBe('ro');
    expect((await world.flexworkers.findById('agency-a', worker.id))?.bsn?.masked()).toBe('******333');
  });

  it('checks the age on the agency’s local date', async () => {
    const world = await OrganisationWorld.build();
    world.clock.set(new Date('2026-11-26T23:30:00Z')); // already the 27th in Amsterdam
    const create = new CreateFlexworker(world.flexworkers, world.agencies, world.ids, world.clock);
    await expect(create.execute(world.staffA, { ...newWorker, dateOfBirth: '2011-11-27' })).resolves.toBeDefined();
    await expect(create.execute(world.staffA, { ...newWorker, email: 'x@example.ro', dateOfBirth: '2011-11-28' })).rejects.toMatchObject({
      reason: 'TOO_YOUNG',
    });
  });

  it('refuses an e-mail already used in the agency, not in another agency', async () => {
    const world = await OrganisationWorld.build();
    const create = new CreateFlexworker(world.flexworkers, world.agencies, world.ids, world.clock);
    await expect(create.execute(world.staffA, { ...newWorker, email: 'ANNA@example.nl' })).rejects.toBeInstanceOf(ConflictError);
    await expect(create.execute(world.staffB, { ...newWorker, email: 'piotr@example.pl' })).resolves.toBeDefined();
  });

  it('reports every bad field and is for staff only', async () => {
    const world = await OrganisationWorld.build();
    const create = new CreateFlexworker(world.flexworkers, world.agencies, world.ids, world.clock);
    const error = await create.execute(world.staffA, { ...newWorker, email: 'bad', bsn: '123456789', iban: 'NL00ABNA0417164300' }).catch((e) => e);
    expect((error as ValidationError).problems.map((p) => `${p.path}:${p.reason}`)).toEqual(['email:EMAIL_INVALID', 'bsn:BSN_INVALID', 'iban:IBAN_INVALID']);
    await expect(create.execute(world.worker1, newWorker)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('GetFlexworker', () => {
  it('shows the whole record to staff and to the worker themself', async () => {
    const world = await OrganisationWorld.build();
    const get = new GetFlexworker(world.flexworkers, world.placements, world.agencies);
    expect((await get.execute(world.staffA, { id: 'w2' })).access).toBe('FULL');
    const own = await get.execute(world.worker1, { id: 'w1' });
    expect(own.access === 'FULL' && own.flexworker.iban?.masked()).toBe('NL** **** **** **43 00');
  });

  it('shows a relation contact only the name of a worker placed at their relation', async () => {
    const world = await OrganisationWorld.build();
    const get = new GetFlexworker(world.flexworkers, world.placements, world.agencies);
    const view = await get.execute(world.contact1, { id: 'w1' });
    expect(view).toEqual({ access: 'NAME_ONLY', id: 'w1', name: world.w1.name });
    await expect(get.execute(world.contact1, { id: 'w2' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('hides other workers and other agencies', async () => {
    const world = await OrganisationWorld.build();
    const get = new GetFlexworker(world.flexworkers, world.placements, world.agencies);
    await expect(get.execute(world.worker1, { id: 'w2' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(get.execute(world.workerB, { id: 'w1' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(get.execute(world.staffB, { id: 'w1' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('shows payroll (read only) the whole record of its own agency, BSN and IBAN masked as for staff', async () => {
    const world = await OrganisationWorld.build();
    const get = new GetFlexworker(world.flexworkers, world.placements, world.agencies);
    const view = await get.execute(world.payroll, { id: 'w1' });
    expect(view.access).toBe('FULL');
    expect(view.id).toBe('w1');
    await expect(get.execute({ ...world.payroll, agencyId: 'agency-b' }, { id: 'w1' })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('GetFlexworkersByIds', () => {
  it('answers per id in order with the view the actor may have', async () => {
    const world = await OrganisationWorld.build();
    const load = new GetFlexworkersByIds(world.flexworkers, world.placements, world.agencies);
    const views = await load.execute(world.contact1, { ids: ['w2', 'w1', 'wB', 'w1'] });
    expect(views.map((v) => v && `${v.id}:${v.access}`)).toEqual([null, 'w1:NAME_ONLY', null, 'w1:NAME_ONLY']);
    expect((await load.execute(world.staffA, { ids: ['w3', 'wB'] })).map((v) => v?.access ?? null)).toEqual(['FULL', null]);
  });
});

describe('UpdateFlexworker', () => {
  it('lets staff change details and language together', async () => {
    const world = await OrganisationWorld.build();
    const updated = await new UpdateFlexworker(world.flexworkers, world.placements, world.agencies, world.clock).execute(world.staffA, {
      id: 'w1',
      lastName: 'de Bakker',
      phone: null,
      language: 'en',
      expectedVersion: 1,
    });
    expect([updated.name.fullName, updated.phone, updated.language.code, updated.version]).toEqual(['Anna de Bakker', null, 'en', 2]);
  });

  it('forbids the worker themself and a contact who sees the name; hides the rest', async () => {
    const world = await OrganisationWorld.build();
    const update = new UpdateFlexworker(world.flexworkers, world.placements, world.agencies, world.clock);
    await expect(update.execute(world.worker1, { id: 'w1', lastName: 'X' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(update.execute(world.contact1, { id: 'w1', lastName: 'X' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(update.execute(world.worker1, { id: 'w2', lastName: 'X' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(update.execute(world.staffB, { id: 'w1', lastName: 'X' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses taking a colleague’s e-mail and a stale version', async () => {
    const world = await OrganisationWorld.build();
    const update = new UpdateFlexworker(world.flexworkers, world.placements, world.agencies, world.clock);
    await expect(update.execute(world.staffA, { id: 'w1', email: 'piotr@example.pl' })).rejects.toMatchObject({ reason: 'EMAIL_TAKEN' });
    await expect(update.execute(world.staffA, { id: 'w1', lastName: 'X', expectedVersion: 7 })).rejects.toMatchObject({ reason: 'STALE_VERSION' });
  });
});

describe('ChangeFlexworkerLanguage', () => {
  it('lets a worker change their own language', async () => {
    const world = await OrganisationWorld.build();
    const change = new ChangeFlexworkerLanguage(world.flexworkers, world.placements);
    expect((await change.execute(world.worker1, { language: 'hu' })).language.code).toBe('hu');
    expect((await change.execute(world.worker1, { id: 'w1', language: 'bg' })).language.code).toBe('bg');
    await expect(change.execute(world.worker1, { language: 'xx' })).rejects.toMatchObject({ reason: 'LANGUAGE_UNSUPPORTED' });
  });

  it('hides other workers, forbids contacts, lets staff', async () => {
    const world = await OrganisationWorld.build();
    const change = new ChangeFlexworkerLanguage(world.flexworkers, world.placements);
    await expect(change.execute(world.worker1, { id: 'w2', language: 'en' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(change.execute(world.contact1, { id: 'w1', language: 'en' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(change.execute(world.staffA, { language: 'en' })).rejects.toBeInstanceOf(NotFoundError);
    expect((await change.execute(world.staffA, { id: 'w2', language: 'en' })).language.code).toBe('en');
  });
});

describe('ListFlexworkers', () => {
  it('pages by last name, searches name and e-mail, for staff only', async () => {
    const world = await OrganisationWorld.build();
    const list = new ListFlexworkers(world.flexworkers, world.agencies);
    const first = await list.execute(world.staffA, { first: 2 });
    expect(first.items.map((w) => w.name.lastName)).toEqual(['Bakker', 'Dias']);
    const rest = await list.execute(world.staffA, { first: 2, after: first.endCursor });
    expect([rest.items.map((w) => w.name.lastName), rest.hasNextPage]).toEqual([['Nowak'], false]);
    expect((await list.execute(world.staffA, { search: 'EXAMPLE.PL' })).items.map((w) => w.id)).toEqual(['w2']);
    await expect(list.execute(world.staffA, { search: 'x'.repeat(101) })).rejects.toMatchObject({ reason: 'VALUE_TOO_LONG' });
    await expect(list.execute(world.worker1, {})).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('localDateAt', () => {
  it('gives the calendar date of the zone', () => {
    expect(localDateAt(new Date('2026-03-29T22:30:00Z'), 'Europe/Amsterdam').toString()).toBe('2026-03-30');
    expect(localDateAt(new Date('2026-03-29T21:30:00Z'), 'Europe/Amsterdam').toString()).toBe('2026-03-29');
    expect(localDateAt(new Date('2026-01-01T03:00:00Z'), 'America/New_York').toString()).toBe('2025-12-31');
  });
});
