import { WorkerHoursLock } from '../../../application/ports/worker-hours-lock';
import { DatabaseContext } from '../database-context';
import { isUuid } from '../organisation/keyset-cursor';

/**
 * The worker's hours lock as a row lock on the worker: `SELECT … FOR NO KEY UPDATE` on the
 * flexworkers row, held by PostgreSQL until the transaction ends, whichever process holds it.
 * NO KEY UPDATE (not UPDATE) so that the foreign-key checks of rows pointing at the worker, which
 * take KEY SHARE (a week created while another is saved), do not wait for it; changes to the
 * worker's own data do wait, for the length of one save. A row lock rather than an advisory
 * lock: exact (no hash of the id that two workers could share) and visible in `pg_locks`.
 */
export class TypeormWorkerHoursLock extends WorkerHoursLock {
  constructor(private readonly db: DatabaseContext) {
    super();
  }

  async lock(agencyId: string, flexworkerId: string): Promise<void> {
    if (!this.db.inTransaction()) {
      throw new Error('the worker hours lock is taken inside a unit of work: outside one it would end at once');
    }
    const rows: unknown[] = isUuid(agencyId) && isUuid(flexworkerId)
      ? await this.db.manager().query('SELECT 1 FROM flexworkers WHERE agency_id = $1 AND id = $2 FOR NO KEY UPDATE', [agencyId, flexworkerId])
      : [];
    if (rows.length !== 1) throw new Error(`flexworker ${flexworkerId} of agency ${agencyId} is not there to lock`);
  }
}
