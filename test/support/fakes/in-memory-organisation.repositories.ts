import { AgencyRepository } from '../../../src/application/ports/agency.repository';
import { FlexworkerFilter, FlexworkerRepository } from '../../../src/application/ports/flexworker.repository';
import { PlacementFilter, PlacementRepository } from '../../../src/application/ports/placement.repository';
import { RelationFilter, RelationRepository } from '../../../src/application/ports/relation.repository';
import { Page, PageQuery } from '../../../src/application/shared/pagination';
import { Agency } from '../../../src/domain/agency/agency.entity';
import { Flexworker } from '../../../src/domain/flexworker/flexworker.entity';
import { Placement } from '../../../src/domain/placement/placement.entity';
import { Relation } from '../../../src/domain/relation/relation.entity';
import { ConflictError } from '../../../src/domain/shared/domain-error';
import { Keyset, pageOf } from './in-memory-pages';

interface Versioned {
  readonly id: string;
  readonly version: number;
  withVersion(version: number): this;
}

/**
 * In-memory stores with the same contract as the TypeORM ones (test/contract holds both to it):
 * copies in and out (so a caller's change is not stored until `update`), optimistic versions,
 * scoping by agency, each id found once, the same orders and keyset cursors.
 */
class Store<T extends Versioned & { agencyId?: string }> {
  readonly rows = new Map<string, T>();

  constructor(private readonly agencyOf: (item: T) => string) {}

  get(agencyId: string, id: string): T | null {
    const row = this.rows.get(id);
    return row && this.agencyOf(row) === agencyId ? row.withVersion(row.version) : null;
  }

  /** Each id once, as `WHERE id = ANY(…)` finds it. */
  getMany(agencyId: string, ids: readonly string[]): T[] {
    return [...new Set(ids)].map((id) => this.get(agencyId, id)).filter((row): row is T => row !== null);
  }

  all(agencyId: string): T[] {
    return [...this.rows.values()].filter((row) => this.agencyOf(row) === agencyId);
  }

  insert(item: T): void {
    if (this.rows.has(item.id)) throw new Error(`duplicate id ${item.id}`);
    this.rows.set(item.id, item.withVersion(item.version));
  }

  update(item: T): T {
    const current = this.rows.get(item.id);
    if (!current || this.agencyOf(current) !== this.agencyOf(item) || current.version !== item.version) {
      throw new ConflictError('STALE_VERSION', 'Changed by someone else in the meantime');
    }
    const next = item.withVersion(item.version + 1);
    this.rows.set(item.id, next);
    return next.withVersion(next.version);
  }
}

/** The lists' orders, as the real repositories and their indexes have them. */
const RELATIONS: Keyset<Relation> = { list: 'relations', key: (r) => [r.name.toLowerCase()], size: 1 };
const FLEXWORKERS: Keyset<Flexworker> = { list: 'flexworkers', key: (w) => [w.name.lastName.toLowerCase(), w.name.firstName.toLowerCase()], size: 2 };
/** Latest start first, and equal start dates by id descending too (one keyset, `(start_date, id) < cursor`). */
const PLACEMENTS: Keyset<Placement> = { list: 'placements', key: (p) => [p.startDate.toString()], size: 1, order: 'DESC', dateParts: [0] };

export class InMemoryAgencyRepository extends AgencyRepository {
  readonly store = new Store<Agency>((a) => a.id);

  async findById(agencyId: string): Promise<Agency | null> {
    return this.store.get(agencyId, agencyId);
  }
  async insert(agency: Agency): Promise<void> {
    this.store.insert(agency);
  }
  async update(agency: Agency): Promise<Agency> {
    return this.store.update(agency);
  }
}

export class InMemoryRelationRepository extends RelationRepository {
  readonly store = new Store<Relation>((r) => r.agencyId);

  async findById(agencyId: string, id: string): Promise<Relation | null> {
    return this.store.get(agencyId, id);
  }
  async findByIds(agencyId: string, ids: readonly string[]): Promise<Relation[]> {
    return this.store.getMany(agencyId, ids);
  }
  async insert(relation: Relation): Promise<void> {
    this.store.insert(relation);
  }
  async update(relation: Relation): Promise<Relation> {
    return this.store.update(relation);
  }
  async list(agencyId: string, filter: RelationFilter, page: PageQuery): Promise<Page<Relation>> {
    const items = this.store
      .all(agencyId)
      .filter((r) => filter.active === undefined || r.active === filter.active)
      .filter((r) => !filter.ids || filter.ids.includes(r.id))
      .filter((r) => !filter.search || r.name.toLowerCase().includes(filter.search.toLowerCase()));
    return pageOf(RELATIONS, items, page);
  }
}

export class InMemoryFlexworkerRepository extends FlexworkerRepository {
  readonly store = new Store<Flexworker>((w) => w.agencyId);

  async findById(agencyId: string, id: string): Promise<Flexworker | null> {
    return this.store.get(agencyId, id);
  }
  async findByIds(agencyId: string, ids: readonly string[]): Promise<Flexworker[]> {
    return this.store.getMany(agencyId, ids);
  }
  async insert(flexworker: Flexworker): Promise<void> {
    this.checkUnique(flexworker);
    this.store.insert(flexworker);
  }
  async update(flexworker: Flexworker): Promise<Flexworker> {
    this.checkUnique(flexworker);
    return this.store.update(flexworker);
  }
  async findBsnsByIds(agencyId: string, ids: readonly string[]): Promise<Map<string, string | null>> {
    return new Map(this.store.getMany(agencyId, ids).map((w) => [w.id, w.bsn?.value ?? null]));
  }
  async list(agencyId: string, filter: FlexworkerFilter, page: PageQuery): Promise<Page<Flexworker>> {
    const search = filter.search?.toLowerCase();
    const items = this.store
      .all(agencyId)
      .filter((w) => !search || [w.name.firstName, w.name.lastName, w.email.value].some((t) => t.toLowerCase().includes(search)))
      .filter((w) => filter.payrollNumber === undefined || w.payrollNumber?.value === filter.payrollNumber);
    return pageOf(FLEXWORKERS, items, page);
  }

  /** The fake's stand-in for the unique (agency_id, email) and (agency_id, payroll_number) constraints. */
  private checkUnique(flexworker: Flexworker): void {
    const others = this.store.all(flexworker.agencyId).filter((w) => w.id !== flexworker.id);
    if (others.some((w) => w.email.equals(flexworker.email))) throw new ConflictError('EMAIL_TAKEN', 'E-mail address in use', { field: 'email' });
    const number = flexworker.payrollNumber;
    if (number && others.some((w) => w.payrollNumber?.equals(number))) {
      throw new ConflictError('PAYROLL_NUMBER_TAKEN', 'Payroll number in use', { field: 'payrollNumber' });
    }
  }
}

export class InMemoryPlacementRepository extends PlacementRepository {
  readonly store = new Store<Placement>((p) => p.agencyId);

  async findById(agencyId: string, id: string): Promise<Placement | null> {
    return this.store.get(agencyId, id);
  }
  async findByIds(agencyId: string, ids: readonly string[]): Promise<Placement[]> {
    return this.store.getMany(agencyId, ids);
  }
  async insert(placement: Placement): Promise<void> {
    this.store.insert(placement);
  }
  async update(placement: Placement): Promise<Placement> {
    return this.store.update(placement);
  }
  async list(agencyId: string, filter: PlacementFilter, page: PageQuery): Promise<Page<Placement>> {
    const items = this.store
      .all(agencyId)
      .filter((p) => !filter.activeOn || p.isActiveOn(filter.activeOn))
      .filter((p) => filter.relationId === undefined || p.relationId === filter.relationId)
      .filter((p) => filter.flexworkerId === undefined || p.flexworkerId === filter.flexworkerId);
    return pageOf(PLACEMENTS, items, page);
  }
  async flexworkerIdsPlacedAt(agencyId: string, relationId: string, flexworkerIds: readonly string[]): Promise<Set<string>> {
    const wanted = new Set(flexworkerIds);
    return new Set(
      this.store
        .all(agencyId)
        .filter((p) => p.relationId === relationId && wanted.has(p.flexworkerId))
        .map((p) => p.flexworkerId),
    );
  }

  async relationIdsOfFlexworker(agencyId: string, flexworkerId: string): Promise<Set<string>> {
    return new Set(this.store.all(agencyId).filter((p) => p.flexworkerId === flexworkerId).map((p) => p.relationId));
  }

  async listByCaoSchedule(agencyId: string, caoScheduleId: string): Promise<Placement[]> {
    return this.store
      .all(agencyId)
      .filter((p) => p.hourSource.kind === 'CAO_SCHEDULE' && p.hourSource.caoScheduleId === caoScheduleId)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}
