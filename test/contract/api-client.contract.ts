import { ApiClient } from '../../src/domain/identity/api-client.entity';
import { plain } from './support/cases';
import { MakeRepositories, Repositories } from './support/repositories';
import { newAgency, newId, newUser } from './support/seeds';

/** ApiClientRepository: machine logins scoped by agency, found by their key's hash (unique), oldest first. */
export function describeApiClientRepositoryContract(name: string, makeSubject: MakeRepositories): void {
  describe(`ApiClientRepository contract: ${name}`, () => {
    let r: Repositories;
    beforeEach(async () => {
      r = await makeSubject();
    });

    async function newClient(agencyId: string, createdAt: Date, keyHash = `key-${newId()}`): Promise<ApiClient> {
      const creator = await newUser(r, agencyId);
      const client = ApiClient.create({ id: newId(), agencyId, name: 'Loonadministratie', keyHash, keyPrefix: 'fpk_abcdef', createdAt, createdBy: creator.id });
      await r.apiClients.insert(client);
      return client;
    }

    it('finds a client by id within its agency, as it was stored; not under another agency', async () => {
      const [a, b] = [await newAgency(r), await newAgency(r)];
      const client = await newClient(a.id, new Date('2026-11-01T08:00:00.000Z'));
      expect(plain((await r.apiClients.findById(a.id, client.id))!.toProps())).toEqual(plain(client.toProps()));
      expect(await r.apiClients.findById(b.id, client.id)).toBeNull();
    });

    it('finds nothing, and raises nothing, for an unknown id or one that is not a UUID', async () => {
      const agency = await newAgency(r);
      await newClient(agency.id, new Date('2026-11-01T08:00:00.000Z'));
      for (const id of [newId(), 'not-a-uuid', '']) expect(await r.apiClients.findById(agency.id, id)).toBeNull();
    });

    it('findByKeyHash: the client of any agency with that key; an unknown key finds nothing', async () => {
      const agency = await newAgency(r);
      const client = await newClient(agency.id, new Date('2026-11-01T08:00:00.000Z'));
      expect(plain((await r.apiClients.findByKeyHash(client.keyHash))!.toProps())).toEqual(plain(client.toProps()));
      expect(await r.apiClients.findByKeyHash(`key-${newId()}`)).toBeNull();
    });

    it('refuses a second client with the same key hash', async () => {
      const agency = await newAgency(r);
      const first = await newClient(agency.id, new Date('2026-11-01T08:00:00.000Z'));
      await expect(newClient(agency.id, new Date('2026-11-02T08:00:00.000Z'), first.keyHash)).rejects.toThrow();
      expect((await r.apiClients.findByKeyHash(first.keyHash))!.id).toBe(first.id);
    });

    it('listByAgency: the agency’s clients, oldest first, equal moments by id', async () => {
      const [a, b] = [await newAgency(r), await newAgency(r)];
      const late = await newClient(a.id, new Date('2026-11-03T08:00:00.000Z'));
      const sameMoment = [await newClient(a.id, new Date('2026-11-01T08:00:00.000Z')), await newClient(a.id, new Date('2026-11-01T08:00:00.000Z'))];
      await newClient(b.id, new Date('2026-10-01T08:00:00.000Z'));
      const expected = [...sameMoment.map((c) => c.id).sort(), late.id];
      expect((await r.apiClients.listByAgency(a.id)).map((c) => c.id)).toEqual(expected);
    });

    it('update stores the name and the revocation', async () => {
      const agency = await newAgency(r);
      const client = await newClient(agency.id, new Date('2026-11-01T08:00:00.000Z'));
      const read = (await r.apiClients.findById(agency.id, client.id))!;
      read.revoke(new Date('2026-11-20T12:00:00.000Z'));
      await r.apiClients.update(read);
      expect((await r.apiClients.findByKeyHash(client.keyHash))!.revokedAt).toEqual(new Date('2026-11-20T12:00:00.000Z'));
    });

    it('update under another agency changes nothing (and raises nothing: the row is simply not there)', async () => {
      const [a, b] = [await newAgency(r), await newAgency(r)];
      const client = await newClient(a.id, new Date('2026-11-01T08:00:00.000Z'));
      const claimed = ApiClient.rehydrate({ ...client.toProps(), agencyId: b.id });
      claimed.revoke(new Date('2026-11-20T12:00:00.000Z'));
      await expect(r.apiClients.update(claimed)).resolves.toBeUndefined();
      expect(plain((await r.apiClients.findById(a.id, client.id))!.toProps())).toEqual(plain(client.toProps()));
      expect(await r.apiClients.findById(b.id, client.id)).toBeNull();
    });

    it('hands out copies, by id, by key hash and in the list, and keeps its own copy of what was inserted', async () => {
      const agency = await newAgency(r);
      const client = await newClient(agency.id, new Date('2026-11-01T08:00:00.000Z'));
      const at = new Date('2026-11-20T12:00:00.000Z');
      (await r.apiClients.findById(agency.id, client.id))!.revoke(at);
      (await r.apiClients.findByKeyHash(client.keyHash))!.revoke(at);
      (await r.apiClients.listByAgency(agency.id))[0].revoke(at);
      client.revoke(at);
      expect((await r.apiClients.findById(agency.id, client.id))!.revokedAt).toBeNull();
    });
  });
}
