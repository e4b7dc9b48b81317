import { AgencyRepository } from '../../../application/ports/agency.repository';
import { Clock } from '../../../application/ports/clock';
import { Agency, AgencyState } from '../../../domain/agency/agency.entity';
import { DatabaseContext } from '../database-context';
import { InvalidationSource } from '../invalidation-listener';
import { NoticedEntries } from '../noticed-entries';

/**
 * The agencies (their settings: time zone, deadlines, tabs), read by nearly every request, kept in
 * this process for at most `ttlMs` (issue 14). A change to an agency row, through any process or
 * straight in SQL, makes PostgreSQL notify every process (`agency:<id>`), which forgets it at once.
 * Not used inside a transaction (a unit of work reads what it is about to change, and its own
 * writes, from the database), nor while the process hears no notices. Each read gets its own
 * Agency (the entity changes in place when renamed or configured).
 */
export class CachedAgencyRepository extends AgencyRepository {
  private readonly kept: NoticedEntries<AgencyState>;

  constructor(private readonly inner: AgencyRepository, db: DatabaseContext, clock: Clock, notices: InvalidationSource, ttlMs: number) {
    super();
    this.kept = new NoticedEntries('agency', db, clock, notices, ttlMs, MAX_AGENCIES);
  }

  async findById(agencyId: string): Promise<Agency | null> {
    const state = await this.kept.get(agencyId, async () => (await this.inner.findById(agencyId))?.toState() ?? null);
    return state ? Agency.rehydrate(state) : null;
  }

  insert(agency: Agency): Promise<void> {
    return this.inner.insert(agency);
  }

  update(agency: Agency): Promise<Agency> {
    this.kept.forget(agency.id);
    return this.inner.update(agency);
  }
}

/** Agencies one process keeps at most. */
const MAX_AGENCIES = 1_000;
