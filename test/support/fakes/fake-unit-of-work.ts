import { AsyncLocalStorage } from 'node:async_hooks';
import { UnitOfWork } from '../../../src/application/ports/unit-of-work';

/** A store that can take part in a fake transaction: `snapshot()` returns what puts it back. */
export interface TransactionParticipant {
  snapshot(): () => void;
}

/** A Map of rows as a participant (rows are stored copies that nobody changes in place). */
export function mapParticipant<K, V>(rows: Map<K, V>): TransactionParticipant {
  return {
    snapshot() {
      const saved = new Map(rows);
      return () => {
        rows.clear();
        for (const [key, value] of saved) rows.set(key, value);
      };
    },
  };
}

/**
 * The in-memory UnitOfWork: snapshots every participant before the work and restores them all
 * when it throws, so a refused step leaves nothing half-written. Units run one after another, as
 * the row locks of the real transaction make two writers of one week do; a `run` inside a `run`
 * joins the outer one.
 */
export class FakeUnitOfWork extends UnitOfWork {
  commits = 0;
  rollbacks = 0;
  private readonly inside = new AsyncLocalStorage<true>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly participants: readonly TransactionParticipant[]) {
    super();
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.inside.getStore()) return work();
    const result = this.queue.then(() => this.inside.run(true, () => this.once(work)));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async once<T>(work: () => Promise<T>): Promise<T> {
    const restores = this.participants.map((p) => p.snapshot());
    try {
      const result = await work();
      this.commits += 1;
      return result;
    } catch (error) {
      for (const restore of restores) restore();
      this.rollbacks += 1;
      throw error;
    }
  }
}
