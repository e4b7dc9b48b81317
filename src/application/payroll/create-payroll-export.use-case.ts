import { itemsForWeek } from '../../domain/payroll/payroll-difference';
import { parseIdempotencyKey, PayrollExport } from '../../domain/payroll/payroll-export.entity';
import { PayrollReason as R } from '../../domain/payroll/payroll.errors';
import { ConflictError, ValidationError } from '../../domain/shared/domain-error';
import { requireRole } from '../shared/access';
import { Actor } from '../shared/actor';
import { expireDue, PayrollDeps } from './payroll-deps';

export interface CreatePayrollExportInput {
  /** Chosen by the payroll system; the same key gives the same export back, however often it is sent. */
  readonly idempotencyKey: string;
  /** Take what was approved before this moment; default now. */
  readonly upTo?: Date | null;
}

export interface CreatedPayrollExport {
  readonly payrollExport: PayrollExport;
  /** False when the key had made this export before (a retry). */
  readonly created: boolean;
}

/**
 * The payroll system takes the approved hours not yet booked: for each week, the difference
 * between what it booked and what holds now (itemsForWeek). The export is PENDING: its
 * declarations are reserved for it until it is confirmed, cancelled or expires.
 */
export class CreatePayrollExport {
  constructor(private readonly deps: PayrollDeps) {}

  async execute(actor: Actor, input: CreatePayrollExportInput): Promise<CreatedPayrollExport> {
    requireRole(actor, 'PAYROLL');
    const key = parseIdempotencyKey(input.idempotencyKey);
    const now = this.deps.clock.now();
    const upTo = input.upTo ?? null;
    if (upTo !== null && upTo.getTime() > now.getTime()) {
      throw ValidationError.of('upTo', R.UP_TO_IN_FUTURE, 'An export takes hours approved up to now at the latest', { now: now.toISOString() });
    }
    return this.deps.unitOfWork.run(async () => {
      await this.deps.exports.lockAgency(actor.agencyId);
      const earlier = await this.deps.exports.findByIdempotencyKey(actor.agencyId, actor.id, key);
      if (earlier) {
        if (!earlier.answersRetry(upTo)) {
          throw new ConflictError(R.IDEMPOTENCY_KEY_REUSED, 'This idempotency key was used for an export with another upTo', { exportId: earlier.id });
        }
        return { payrollExport: earlier, created: false };
      }
      await expireDue(this.deps, actor.agencyId, now);
      const weeks = await this.deps.exports.weeksToExport(actor.agencyId, upTo ?? now);
      const items = weeks.flatMap(itemsForWeek);
      const lines = await this.deps.exports.countLines(actor.agencyId, items);
      const payrollExport = PayrollExport.create({
        id: this.deps.ids.next(),
        agencyId: actor.agencyId,
        number: await this.deps.exports.nextNumber(actor.agencyId),
        createdBy: actor.id,
        idempotencyKey: key,
        upTo: upTo ?? now,
        upToGiven: upTo !== null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + this.deps.settings.expiryMinutes * 60_000),
        declarationCount: items.filter((i) => i.sign === 1).length,
        reversalCount: items.filter((i) => i.sign === -1).length,
        ...lines,
      });
      await this.deps.exports.insert(payrollExport, items);
      return { payrollExport, created: true };
    });
  }
}
