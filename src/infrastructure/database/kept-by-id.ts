import { Clock } from '../../application/ports/clock';
import { DatabaseContext } from './database-context';
import { InvalidationSource } from './invalidation-listener';
import { NoticedEntries } from './noticed-entries';

/** How one kind of aggregate is kept: as a state that is never handed out, and made into a fresh entity for each read. */
export interface KeptShape<E, S> {
  /** The notice kind (`<kind>:<id>`) that the table's trigger sends on a change of a row. */
  readonly kind: string;
  readonly maxEntries: number;
  readonly idOf: (entity: E) => string;
  readonly agencyOf: (state: S) => string;
  readonly toState: (entity: E) => S;
  readonly rehydrate: (state: S) => E;
}

/**
 * Aggregates read by id, kept per process for a repository (issue 14): the rows that nearly every
 * request reads and that seldom change (placements, relations, workers, CAO schedules). Kept as
 * `NoticedEntries` keeps them: at most the TTL, forgotten when the database notifies a change of
 * the row from any process, never used inside a transaction, bypassed while no notices are heard.
 * A kept aggregate of another agency counts as not kept (read again, where it is not found).
 */
export class KeptById<E, S> {
  private readonly kept: NoticedEntries<S>;

  constructor(private readonly shape: KeptShape<E, S>, db: DatabaseContext, clock: Clock, notices: InvalidationSource, ttlMs: number) {
    this.kept = new NoticedEntries(shape.kind, db, clock, notices, ttlMs, shape.maxEntries);
  }

  async findById(agencyId: string, id: string, read: () => Promise<E | null>): Promise<E | null> {
    const readState = async () => {
      const found = await read();
      return found ? this.shape.toState(found) : null;
    };
    const state = await this.kept.get(id, readState, (s) => this.shape.agencyOf(s) === agencyId);
    return state ? this.shape.rehydrate(state) : null;
  }

  async findByIds(agencyId: string, ids: readonly string[], read: (missing: readonly string[]) => Promise<E[]>): Promise<E[]> {
    const readStates = async (missing: readonly string[]) => new Map((await read(missing)).map((e) => [this.shape.idOf(e), this.shape.toState(e)] as const));
    const states = await this.kept.getMany([...new Set(ids)], readStates, (s) => this.shape.agencyOf(s) === agencyId);
    return [...states.values()].map((s) => this.shape.rehydrate(s));
  }

  forget(id: string): void {
    this.kept.forget(id);
  }
}
