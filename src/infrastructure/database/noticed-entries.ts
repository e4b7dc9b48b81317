import { Clock } from '../../application/ports/clock';
import { DatabaseContext } from './database-context';
import { InvalidationSource } from './invalidation-listener';

/**
 * Rows of one kind kept in this process for at most `ttlMs`, forgotten when the database notifies
 * a change of one (`<kind>:<id>`) or may have missed notices (ALL). Not used inside a transaction
 * (a unit of work reads what it is about to change, and its own writes, from the database), nor
 * while no notices are heard; a read that a notice crossed is not kept. Oldest dropped first.
 */
export class NoticedEntries<T> {
  private readonly entries = new Map<string, { readonly value: T; readonly until: number }>();

  constructor(
    kind: string,
    private readonly db: DatabaseContext,
    private readonly clock: Clock,
    private readonly notices: InvalidationSource,
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {
    notices.subscribe((invalidation) => {
      if (invalidation === 'ALL') this.entries.clear();
      else if (invalidation.kind === kind) this.entries.delete(invalidation.id);
    });
  }

  /** The kept value of `id` if it may be used (`accept` may refuse it), else `read()`'s, kept when it is not null. */
  async get(id: string, read: () => Promise<T | null>, accept: (value: T) => boolean = () => true): Promise<T | null> {
    if (this.ttlMs <= 0 || !this.notices.listening || this.db.inTransaction()) return read();
    const now = this.clock.now().getTime();
    const entry = this.entries.get(id);
    if (entry && entry.until > now && accept(entry.value)) return entry.value;
    const generation = this.notices.generation;
    const value = await read();
    if (value !== null && this.notices.generation === generation) {
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(id, { value, until: now + this.ttlMs });
    }
    return value;
  }

  forget(id: string): void {
    this.entries.delete(id);
  }
}
