import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';
import { UnitOfWork } from '../../application/ports/unit-of-work';
import { ConflictError } from '../../domain/shared/domain-error';
import { isConcurrencyFailure, isExclusionViolation } from './postgres-errors';

/**
 * Hands repositories the EntityManager to use: the one of the transaction in progress on this
 * call path, else the DataSource's. The embedded PostgreSQL runs one query at a time, so a query
 * outside an open transaction would wait for it forever: repositories always ask here.
 */
export class DatabaseContext extends UnitOfWork {
  private readonly current = new AsyncLocalStorage<EntityManager>();

  constructor(readonly dataSource: DataSource) {
    super();
  }

  manager(): EntityManager {
    return this.current.getStore() ?? this.dataSource.manager;
  }

  /** Whether this call path runs inside `run` (a transaction is open). */
  inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }

  /**
   * A transaction that PostgreSQL undid because another got in its way (a deadlock, e.g. two
   * relations approving overlapping weeks) is a CONFLICT: nothing of it was written, try again.
   * So is one that the worker's time blocks refused (hours that overlap hours already stored).
   */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return work();
    try {
      return await this.dataSource.transaction((manager) => this.current.run(manager, work));
    } catch (error) {
      if (isConcurrencyFailure(error)) {
        throw new ConflictError('CONCURRENT_CHANGE', 'Someone else changed this at the same moment; nothing was saved, try again');
      }
      if (isExclusionViolation(error, 'worker_time_blocks_no_overlap')) {
        // The database's own guard (migration 1764200400000): reached only if the worker's hours lock was not taken.
        throw new ConflictError('OVERLAPS_STORED_HOURS', 'These times overlap hours stored for the same worker; nothing was saved');
      }
      throw error;
    }
  }
}
