import { CaoScheduleRepository } from '../../../src/application/ports/cao-schedule.repository';
import { Page, PageQuery } from '../../../src/application/shared/pagination';
import { CaoSchedule } from '../../../src/domain/cao-schedule/cao-schedule.entity';
import { ConflictError } from '../../../src/domain/shared/domain-error';
import { Keyset, pageOf } from './in-memory-pages';

/** By name (case-insensitive), then id, as the unique index on (agency_id, lower(name)). */
const SCHEDULES: Keyset<CaoSchedule> = { list: 'cao-schedules', key: (s) => [s.name.toLowerCase()], size: 1 };

/**
 * The in-memory CaoScheduleRepository: copies in and out, optimistic versions, scoping by agency,
 * the name unique per agency (case-insensitive), and stored versions never changed.
 */
export class InMemoryCaoScheduleRepository extends CaoScheduleRepository {
  readonly rows = new Map<string, CaoSchedule>();
  /** Every findById and findByIds call, for tests that count look-ups. */
  readonly lookups: string[][] = [];

  async findById(agencyId: string, id: string): Promise<CaoSchedule | null> {
    this.lookups.push([id]);
    return this.get(agencyId, id);
  }

  async findByIds(agencyId: string, ids: readonly string[]): Promise<CaoSchedule[]> {
    this.lookups.push([...ids]);
    return [...new Set(ids)].map((id) => this.get(agencyId, id)).filter((s): s is CaoSchedule => s !== null);
  }

  async insert(schedule: CaoSchedule): Promise<void> {
    if (this.rows.has(schedule.id)) throw new Error(`duplicate id ${schedule.id}`);
    this.checkName(schedule);
    this.rows.set(schedule.id, copy(schedule));
  }

  async update(schedule: CaoSchedule): Promise<CaoSchedule> {
    const current = this.rows.get(schedule.id);
    if (!current || current.agencyId !== schedule.agencyId || current.version !== schedule.version) {
      throw new ConflictError('STALE_VERSION', 'Changed by someone else in the meantime');
    }
    const kept = schedule.versions.slice(0, current.versions.length);
    if (JSON.stringify(kept) !== JSON.stringify(current.versions)) throw new Error('stored versions may not change');
    const next = schedule.withVersion(schedule.version + 1);
    this.rows.set(schedule.id, copy(next));
    return copy(next);
  }

  async list(agencyId: string, page: PageQuery): Promise<Page<CaoSchedule>> {
    const items = [...this.rows.values()].filter((s) => s.agencyId === agencyId).map(copy);
    return pageOf(SCHEDULES, items, page);
  }

  private get(agencyId: string, id: string): CaoSchedule | null {
    const row = this.rows.get(id);
    return row && row.agencyId === agencyId ? copy(row) : null;
  }

  /** The fake's stand-in for the unique (agency_id, lower(name)) index. */
  private checkName(schedule: CaoSchedule): void {
    const taken = [...this.rows.values()].some(
      (s) => s.agencyId === schedule.agencyId && s.id !== schedule.id && s.name.toLowerCase() === schedule.name.toLowerCase(),
    );
    if (taken) throw new ConflictError('CAO_SCHEDULE_NAME_TAKEN', 'Name in use', { field: 'name' });
  }
}

function copy(schedule: CaoSchedule): CaoSchedule {
  return CaoSchedule.rehydrate(schedule.toState(), () => schedule.unravelSchedule);
}
