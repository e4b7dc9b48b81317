import { WorkerHoursLock } from '../../../src/application/ports/worker-hours-lock';
import { FakeUnitOfWork } from './fake-unit-of-work';

/**
 * The worker's hours lock for unit tests. The FakeUnitOfWork already runs units one at a time, so
 * there is never anyone to wait for: this fake records who locked which worker, in which order
 * with the repository calls around it (`log`), and refuses a lock outside a unit of work, as the
 * real one does. That a lock keeps two transactions apart is shown on a real PostgreSQL.
 */
export class InMemoryWorkerHoursLock extends WorkerHoursLock {
  /** `agencyId/flexworkerId` per lock taken. */
  readonly taken: string[] = [];

  constructor(
    private readonly unitOfWork: FakeUnitOfWork,
    private readonly log?: string[],
  ) {
    super();
  }

  async lock(agencyId: string, flexworkerId: string): Promise<void> {
    if (!this.unitOfWork.isRunning()) throw new Error('the worker hours lock is taken inside a unit of work');
    this.taken.push(`${agencyId}/${flexworkerId}`);
    this.log?.push(`lock ${flexworkerId}`);
  }
}
