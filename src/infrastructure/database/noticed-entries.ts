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
    if (value !== null && this.notices.generation === generation) this.keep(id, value, now);
    return value;
  }

  /**
   * The values of `ids` (those found): the kept ones that may be used, the others from one
   * `readMany` of the missing ids, kept as `get` keeps them.
   */
  async getMany(ids: readonly string[], readMany: (missing: readonly string[]) => Promise<Map<string, T>>, accept: (value: T) => boolean = () => true): Promise<Map<string, T>> {
    if (this.ttlMs <= 0 || !this.notices.listening || this.db.inTransaction()) return readMany(ids);
    const now = this.clock.now().getTime();
    const found = new Map<string, T>();
    const missing: string[] = [];
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (entry && entry.until > now && accept(entry.value)) found.set(id, entry.value);
      else missing.push(id);
    }
    if (missing.length === 0) return found;
    const generation = this.notices.generation;
    const read = await readMany(missing);
    const keep = this.notices.generation === generation;
    for (const [id, value] of read) {
      found.set(id, value);
      if (keep) this.keep(id, value, now);
    }
    return found;
  }

  forget(id: string): void {
    this.entries.delete(id);
  }

  private keep(id: string, value: T, now: number): void {
    this.entries.delete(id);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(id, { value, until: now + this.ttlMs });
  }
}
