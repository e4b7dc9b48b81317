import { AgencyRepository } from '../../../application/ports/agency.repository';
import { Clock } from '../../../application/ports/clock';
import { Agency, AgencyState } from '../../../domain/agency/agency.entity';
import { DatabaseContext } from '../database-context';
import { InvalidationSource } from '../invalidation-listener';

interface Entry {
  readonly state: AgencyState;
  readonly until: number;
}

/**
 * The agencies (their settings: time zone, deadlines, tabs), read by nearly every request, kept in
 * this process for at most `ttlMs` (issue 14). A change to an agency row, through any process or
 * straight in SQL, makes PostgreSQL notify every process (`agency:<id>`), which forgets it at once.
 * Not used inside a transaction (a unit of work reads what it is about to change, and its own
 * writes, from the database), nor while the process hears no notices. Each read gets its own
 * Agency (the entity changes in place when renamed or configured).
 */
export class CachedAgencyRepository extends AgencyRepository {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly inner: AgencyRepository,
    private readonly db: DatabaseContext,
    private readonly clock: Clock,
    private readonly notices: InvalidationSource,
    private readonly ttlMs: number,
  ) {
    super();
    notices.subscribe((invalidation) => {
      if (invalidation === 'ALL') this.entries.clear();
      else if (invalidation.kind === 'agency') this.entries.delete(invalidation.id);
    });
  }

  async findById(agencyId: string): Promise<Agency | null> {
    if (this.ttlMs <= 0 || !this.notices.listening || this.db.inTransaction()) return this.inner.findById(agencyId);
    const now = this.clock.now().getTime();
    const entry = this.entries.get(agencyId);
    if (entry && entry.until > now) return Agency.rehydrate(entry.state);
    const generation = this.notices.generation;
    const agency = await this.inner.findById(agencyId);
    if (agency && this.notices.generation === generation) {
      if (this.entries.size >= MAX_AGENCIES) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(agencyId, { state: agency.toState(), until: now + this.ttlMs });
    }
    return agency;
  }

  insert(agency: Agency): Promise<void> {
    return this.inner.insert(agency);
  }

  update(agency: Agency): Promise<Agency> {
    this.entries.delete(agency.id);
    return this.inner.update(agency);
  }
}

/** Agencies one process keeps at most. */
const MAX_AGENCIES = 1_000;
