import { DatabaseContext } from '../../../../src/infrastructure/database/database-context';
import { Invalidation, InvalidationSource } from '../../../../src/infrastructure/database/invalidation-listener';
import { CachedPlacementRepository } from '../../../../src/infrastructure/database/organisation/cached-organisation.repositories';
import { FixedClock } from '../../../support/fakes/fixed-clock';
import { InMemoryPlacementRepository } from '../../../support/fakes/in-memory-organisation.repositories';
import { aPlacement, uniqueId } from '../../../support/mothers/organisation.mother';

/*
 * Issue 14: placements (like relations, workers and CAO schedules) by id are kept per process
 * until the TTL or the database's notice, never inside a transaction, never while no notices
 * are heard, and never for another agency. Here with the in-memory repository behind, counting
 * what reaches it.
 */
class Notices implements InvalidationSource {
  listening = true;
  generation = 0;
  private readonly handlers: ((i: Invalidation) => void)[] = [];
  subscribe(handler: (i: Invalidation) => void): void {
    this.handlers.push(handler);
  }
  send(invalidation: Invalidation): void {
    this.generation += 1;
    for (const h of this.handlers) h(invalidation);
  }
}

const TTL_MS = 10_000;

function world() {
  const inner = new InMemoryPlacementRepository();
  const reads = { byId: 0, byIds: [] as string[][], relations: 0 };
  const findById = inner.findById.bind(inner);
  const findByIds = inner.findByIds.bind(inner);
  const relationIds = inner.relationIdsOfFlexworker.bind(inner);
  inner.findById = async (a, id) => ((reads.byId += 1), findById(a, id));
  inner.findByIds = async (a, ids) => (reads.byIds.push([...ids]), findByIds(a, ids));
  inner.relationIdsOfFlexworker = async (a, w) => ((reads.relations += 1), relationIds(a, w));
  let transaction = false;
  const db = { inTransaction: () => transaction } as unknown as DatabaseContext;
  const clock = new FixedClock(new Date('2026-12-07T09:00:00Z'));
  const notices = new Notices();
  const kept = new CachedPlacementRepository(inner, db, clock, notices, TTL_MS);
  const agencyId = uniqueId();
  const inTransaction = (on: boolean) => (transaction = on);
  return { inner, reads, clock, notices, kept, agencyId, inTransaction };
}

describe('placements kept per process (CachedPlacementRepository)', () => {
  it('reads a placement once within the TTL, each read a fresh entity, and again after it', async () => {
    const w = world();
    const p = aPlacement(w.agencyId, uniqueId(), uniqueId());
    await w.inner.insert(p);

    const first = await w.kept.findById(w.agencyId, p.id);
    const second = await w.kept.findById(w.agencyId, p.id);
    expect(w.reads.byId).toBe(1);
    expect(second).not.toBe(first);
    expect(second?.toState()).toEqual(p.toState());

    w.clock.set(new Date(w.clock.now().getTime() + TTL_MS + 1));
    await w.kept.findById(w.agencyId, p.id);
    expect(w.reads.byId).toBe(2);
  });

  it('asks the database only for the ids it does not keep, in one read', async () => {
    const w = world();
    const [a, b, c] = [0, 1, 2].map(() => aPlacement(w.agencyId, uniqueId(), uniqueId()));
    for (const p of [a, b, c]) await w.inner.insert(p);

    expect((await w.kept.findByIds(w.agencyId, [a.id])).map((p) => p.id)).toEqual([a.id]);
    const all = await w.kept.findByIds(w.agencyId, [a.id, b.id, c.id, 'unknown', b.id]);
    expect(all.map((p) => p.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(w.reads.byIds).toEqual([[a.id], [b.id, c.id, 'unknown']]);
    await w.kept.findByIds(w.agencyId, [a.id, b.id, c.id]);
    expect(w.reads.byIds).toHaveLength(2);
  });

  it("forgets a placement on its notice, and everything on ALL", async () => {
    const w = world();
    const p = aPlacement(w.agencyId, uniqueId(), uniqueId());
    await w.inner.insert(p);
    await w.kept.findById(w.agencyId, p.id);
    w.notices.send({ kind: 'placement', id: p.id });
    await w.kept.findById(w.agencyId, p.id);
    expect(w.reads.byId).toBe(2);
    w.notices.send({ kind: 'relation', id: p.id }); // another kind: kept
    await w.kept.findById(w.agencyId, p.id);
    expect(w.reads.byId).toBe(2);
    w.notices.send('ALL');
    await w.kept.findById(w.agencyId, p.id);
    expect(w.reads.byId).toBe(3);
  });

  it('does not keep a read that a notice crossed', async () => {
    const w = world();
    const p = aPlacement(w.agencyId, uniqueId(), uniqueId());
    await w.inner.insert(p);
    const findByIds = w.inner.findByIds;
    w.inner.findByIds = async (a, ids) => {
      const found = await findByIds(a, ids);
      w.notices.send({ kind: 'placement', id: p.id }); // committed while the read was on its way
      return found;
    };
    await w.kept.findByIds(w.agencyId, [p.id]);
    w.inner.findByIds = findByIds;
    await w.kept.findByIds(w.agencyId, [p.id]);
    expect(w.reads.byIds).toHaveLength(2);
  });

  it('never serves from memory inside a transaction, nor while no notices are heard', async () => {
    const w = world();
    const p = aPlacement(w.agencyId, uniqueId(), uniqueId());
    await w.inner.insert(p);
    await w.kept.findById(w.agencyId, p.id);

    w.inTransaction(true);
    await w.kept.findById(w.agencyId, p.id);
    await w.kept.findByIds(w.agencyId, [p.id]);
    expect(w.reads.byId).toBe(2);
    expect(w.reads.byIds).toHaveLength(1);
    w.inTransaction(false);

    w.notices.listening = false;
    await w.kept.findById(w.agencyId, p.id);
    expect(w.reads.byId).toBe(3);
  });

  it("never gives one agency's placement to another", async () => {
    const w = world();
    const p = aPlacement(w.agencyId, uniqueId(), uniqueId());
    await w.inner.insert(p);
    await w.kept.findById(w.agencyId, p.id);
    expect(await w.kept.findById(uniqueId(), p.id)).toBeNull();
    expect(await w.kept.findByIds(uniqueId(), [p.id])).toEqual([]);
  });

  it("an update forgets the placement and the worker's relations at once in this process", async () => {
    const w = world();
    const workerId = uniqueId();
    const p = aPlacement(w.agencyId, workerId, uniqueId());
    await w.inner.insert(p);
    expect([...(await w.kept.relationIdsOfFlexworker(w.agencyId, workerId))]).toEqual([p.relationId]);
    await w.kept.relationIdsOfFlexworker(w.agencyId, workerId);
    expect(w.reads.relations).toBe(1);

    const second = aPlacement(w.agencyId, workerId, uniqueId());
    await w.kept.insert(second);
    expect([...(await w.kept.relationIdsOfFlexworker(w.agencyId, workerId))].sort()).toEqual([p.relationId, second.relationId].sort());
    expect(w.reads.relations).toBe(2);

    await w.kept.findById(w.agencyId, p.id);
    await w.kept.update(p);
    await w.kept.findById(w.agencyId, p.id);
    expect(w.reads.byId).toBe(2);
    await w.kept.relationIdsOfFlexworker(w.agencyId, workerId);
    expect(w.reads.relations).toBe(3);
    w.notices.send({ kind: 'placements_of_flexworker', id: workerId });
    await w.kept.relationIdsOfFlexworker(w.agencyId, workerId);
    expect(w.reads.relations).toBe(4);
  });
});
