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
 * when it throws, so a refused step leaves nothing half-written. A `run` inside a `run` joins the
 * outer one.
 *
 * Units run one after another, across all rows: far more than a real database serialises (row
 * locks only serialise writers of the same row). So unit tests on these fakes cannot show a race
 * between two transactions: a check that reads some rows and then writes others (a worker's hours
 * at two placements saved at the same moment), a lost update across rows, two inserts of the same
 * unique key at once. The embedded PGlite cannot either (it runs one transaction at a time). Those
 * races are shown on a real PostgreSQL in CI: test/integration/timesheet/worker-hours-race.test.ts
 * and test/e2e/week-concurrency.test.ts. What unit tests can show is that a use case takes the
 * locks it needs, in order (test/unit/application/timesheet/worker-hours-lock.test.ts).
 */
export class FakeUnitOfWork extends UnitOfWork {
  commits = 0;
  rollbacks = 0;
  private readonly inside = new AsyncLocalStorage<true>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly participants: readonly TransactionParticipant[]) {
    super();
  }

  /** Whether this call path runs inside a unit of work. */
  isRunning(): boolean {
    return this.inside.getStore() === true;
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
