import { Clock } from '../../../application/ports/clock';
import { FlexworkerFilter, FlexworkerRepository } from '../../../application/ports/flexworker.repository';
import { PlacementFilter, PlacementRepository } from '../../../application/ports/placement.repository';
import { RelationFilter, RelationRepository } from '../../../application/ports/relation.repository';
import { Page, PageQuery } from '../../../application/shared/pagination';
import { Flexworker, FlexworkerState } from '../../../domain/flexworker/flexworker.entity';
import { Placement, PlacementState } from '../../../domain/placement/placement.entity';
import { Relation, RelationState } from '../../../domain/relation/relation.entity';
import { DatabaseContext } from '../database-context';
import { InvalidationSource } from '../invalidation-listener';
import { KeptById } from '../kept-by-id';
import { NoticedEntries } from '../noticed-entries';

/*
 * Placements, relations and workers by id, kept per process (issue 14): a worker's week, the
 * staff's overview and the contact's inbox read them on every request, and they seldom change.
 * Each is forgotten in every process when its row changes (triggers of migration
 * 1764202200000-organisation-notices), never used inside a transaction, and kept at most
 * AUTH_CACHE_TTL_SECONDS. Lists and every write go to the database.
 */

/** What one process keeps at most of each. */
const MAX_KEPT = 20_000;

export class CachedPlacementRepository extends PlacementRepository {
  private readonly kept: KeptById<Placement, PlacementState>;
  /** The relations of a worker's placements, by worker id: what a worker may see of relations. */
  private readonly relationsOfWorker: NoticedEntries<{ readonly agencyId: string; readonly relationIds: readonly string[] }>;

  constructor(private readonly inner: PlacementRepository, db: DatabaseContext, clock: Clock, notices: InvalidationSource, ttlMs: number) {
    super();
    this.kept = new KeptById(
      { kind: 'placement', maxEntries: MAX_KEPT, idOf: (p) => p.id, agencyOf: (s) => s.agencyId, toState: (p) => p.toState(), rehydrate: Placement.rehydrate },
      db, clock, notices, ttlMs,
    );
    this.relationsOfWorker = new NoticedEntries('placements_of_flexworker', db, clock, notices, ttlMs, MAX_KEPT);
  }

  findById(agencyId: string, id: string): Promise<Placement | null> {
    return this.kept.findById(agencyId, id, () => this.inner.findById(agencyId, id));
  }

  findByIds(agencyId: string, ids: readonly string[]): Promise<Placement[]> {
    return this.kept.findByIds(agencyId, ids, (missing) => this.inner.findByIds(agencyId, missing));
  }

  insert(placement: Placement): Promise<void> {
    this.relationsOfWorker.forget(placement.flexworkerId);
    return this.inner.insert(placement);
  }

  update(placement: Placement): Promise<Placement> {
    this.kept.forget(placement.id);
    this.relationsOfWorker.forget(placement.flexworkerId);
    return this.inner.update(placement);
  }

  list(agencyId: string, filter: PlacementFilter, page: PageQuery): Promise<Page<Placement>> {
    return this.inner.list(agencyId, filter, page);
  }

  flexworkerIdsPlacedAt(agencyId: string, relationId: string, flexworkerIds: readonly string[]): Promise<Set<string>> {
    return this.inner.flexworkerIdsPlacedAt(agencyId, relationId, flexworkerIds);
  }

  async relationIdsOfFlexworker(agencyId: string, flexworkerId: string): Promise<Set<string>> {
    const read = async () => ({ agencyId, relationIds: [...(await this.inner.relationIdsOfFlexworker(agencyId, flexworkerId))] });
    const kept = await this.relationsOfWorker.get(flexworkerId, read, (k) => k.agencyId === agencyId);
    return new Set(kept?.relationIds ?? []);
  }

  listByCaoSchedule(agencyId: string, caoScheduleId: string): Promise<Placement[]> {
    return this.inner.listByCaoSchedule(agencyId, caoScheduleId);
  }
}

export class CachedRelationRepository extends RelationRepository {
  private readonly kept: KeptById<Relation, RelationState>;

  constructor(private readonly inner: RelationRepository, db: DatabaseContext, clock: Clock, notices: InvalidationSource, ttlMs: number) {
    super();
    this.kept = new KeptById(
      { kind: 'relation', maxEntries: MAX_KEPT, idOf: (r) => r.id, agencyOf: (s) => s.agencyId, toState: (r) => r.toState(), rehydrate: Relation.rehydrate },
      db, clock, notices, ttlMs,
    );
  }

  findById(agencyId: string, id: string): Promise<Relation | null> {
    return this.kept.findById(agencyId, id, () => this.inner.findById(agencyId, id));
  }

  findByIds(agencyId: string, ids: readonly string[]): Promise<Relation[]> {
    return this.kept.findByIds(agencyId, ids, (missing) => this.inner.findByIds(agencyId, missing));
  }

  insert(relation: Relation): Promise<void> {
    return this.inner.insert(relation);
  }

  update(relation: Relation): Promise<Relation> {
    this.kept.forget(relation.id);
    return this.inner.update(relation);
  }

  list(agencyId: string, filter: RelationFilter, page: PageQuery): Promise<Page<Relation>> {
    return this.inner.list(agencyId, filter, page);
  }
}

export class CachedFlexworkerRepository extends FlexworkerRepository {
  private readonly kept: KeptById<Flexworker, FlexworkerState>;

  constructor(private readonly inner: FlexworkerRepository, db: DatabaseContext, clock: Clock, notices: InvalidationSource, ttlMs: number) {
    super();
    this.kept = new KeptById(
      { kind: 'flexworker', maxEntries: MAX_KEPT, idOf: (w) => w.id, agencyOf: (s) => s.agencyId, toState: (w) => w.toState(), rehydrate: Flexworker.rehydrate },
      db, clock, notices, ttlMs,
    );
  }

  findById(agencyId: string, id: string): Promise<Flexworker | null> {
    return this.kept.findById(agencyId, id, () => this.inner.findById(agencyId, id));
  }

  findByIds(agencyId: string, ids: readonly string[]): Promise<Flexworker[]> {
    return this.kept.findByIds(agencyId, ids, (missing) => this.inner.findByIds(agencyId, missing));
  }

  insert(flexworker: Flexworker): Promise<void> {
    return this.inner.insert(flexworker);
  }

  update(flexworker: Flexworker): Promise<Flexworker> {
    this.kept.forget(flexworker.id);
    return this.inner.update(flexworker);
  }

  list(agencyId: string, filter: FlexworkerFilter, page: PageQuery): Promise<Page<Flexworker>> {
    return this.inner.list(agencyId, filter, page);
  }

  findBsnsByIds(agencyId: string, ids: readonly string[]): Promise<Map<string, string | null>> {
    return this.inner.findBsnsByIds(agencyId, ids);
  }
}
