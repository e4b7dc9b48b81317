import { CaoScheduleRepository } from '../../../application/ports/cao-schedule.repository';
import { Clock } from '../../../application/ports/clock';
import { Page, PageQuery } from '../../../application/shared/pagination';
import { CaoSchedule, CaoScheduleState } from '../../../domain/cao-schedule/cao-schedule.entity';
import { DatabaseContext } from '../database-context';
import { InvalidationSource } from '../invalidation-listener';
import { KeptById } from '../kept-by-id';

/** A schedule as kept: its state, and the entity it was read as (never handed out) for its parsed form. */
interface KeptSchedule {
  readonly state: CaoScheduleState;
  readonly read: CaoSchedule;
}

/**
 * CAO unravel schedules by id with their versions, kept per process (issue 14): every open week's
 * preview reads its placement's schedule. Forgotten in every process when the schedule's row or
 * one of its versions changes or a version is added (triggers of migration
 * 1764202200000-organisation-notices: `cao_schedule:<id>`), never used inside a transaction, kept
 * at most AUTH_CACHE_TTL_SECONDS. Each read gets a fresh entity that shares the parsed schedule.
 */
export class CachedCaoScheduleRepository extends CaoScheduleRepository {
  private readonly kept: KeptById<CaoSchedule, KeptSchedule>;

  constructor(private readonly inner: CaoScheduleRepository, db: DatabaseContext, clock: Clock, notices: InvalidationSource, ttlMs: number) {
    super();
    this.kept = new KeptById(
      {
        kind: 'cao_schedule',
        maxEntries: MAX_SCHEDULES,
        idOf: (s) => s.id,
        agencyOf: (k) => k.state.agencyId,
        toState: (s) => ({ state: s.toState(), read: s }),
        rehydrate: (k) => CaoSchedule.rehydrate(k.state, () => k.read.unravelSchedule),
      },
      db, clock, notices, ttlMs,
    );
  }

  findById(agencyId: string, id: string): Promise<CaoSchedule | null> {
    return this.kept.findById(agencyId, id, () => this.inner.findById(agencyId, id));
  }

  findByIds(agencyId: string, ids: readonly string[]): Promise<CaoSchedule[]> {
    return this.kept.findByIds(agencyId, ids, (missing) => this.inner.findByIds(agencyId, missing));
  }

  insert(schedule: CaoSchedule): Promise<void> {
    return this.inner.insert(schedule);
  }

  update(schedule: CaoSchedule): Promise<CaoSchedule> {
    this.kept.forget(schedule.id);
    return this.inner.update(schedule);
  }

  list(agencyId: string, page: PageQuery): Promise<Page<CaoSchedule>> {
    return this.inner.list(agencyId, page);
  }
}

/** Schedules one process keeps at most. */
const MAX_SCHEDULES = 1_000;
