import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';
import { UnitOfWork } from '../../application/ports/unit-of-work';
import { ConflictError } from '../../domain/shared/domain-error';
import { isConcurrencyFailure } from './postgres-errors';

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

  /**
   * A transaction that PostgreSQL undid because another got in its way (a deadlock, e.g. two
   * relations approving overlapping weeks) is a CONFLICT: nothing of it was written, try again.
   */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return work();
    try {
      return await this.dataSource.transaction((manager) => this.current.run(manager, work));
    } catch (error) {
      if (isConcurrencyFailure(error)) {
        throw new ConflictError('CONCURRENT_CHANGE', 'Someone else changed this at the same moment; nothing was saved, try again');
      }
      throw error;
    }
  }
}
