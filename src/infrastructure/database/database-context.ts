import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';
import { UnitOfWork } from '../../application/ports/unit-of-work';

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

  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return work();
    return this.dataSource.transaction((manager) => this.current.run(manager, work));
  }
}
