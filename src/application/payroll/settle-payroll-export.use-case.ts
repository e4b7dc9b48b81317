import { PayrollExport } from '../../domain/payroll/payroll-export.entity';
import { requireRole } from '../shared/access';
import { Actor } from '../shared/actor';
import { exportNotFound, expireDue, PayrollDeps } from './payroll-deps';

export interface SettlePayrollExportInput {
  readonly exportId: string;
}

/**
 * The payroll system booked the export's lines: its weeks become PROCESSED and its declarations
 * are stamped. Confirming a confirmed export again answers it unchanged (a retry after a timeout).
 */
export class ConfirmPayrollExport {
  constructor(private readonly deps: PayrollDeps) {}

  execute(actor: Actor, input: SettlePayrollExportInput): Promise<PayrollExport> {
    requireRole(actor, 'PAYROLL');
    return settle(this.deps, actor, input.exportId, (e, at) => e.confirm(actor.id, at));
  }
}

/**
 * The export is given back: its declarations are free for the next export. Payroll cancels what it
 * will not book; staff may cancel an export that a payroll system left behind. Cancelling again
 * answers it unchanged.
 */
export class CancelPayrollExport {
  constructor(private readonly deps: PayrollDeps) {}

  execute(actor: Actor, input: SettlePayrollExportInput): Promise<PayrollExport> {
    requireRole(actor, 'PAYROLL', 'AGENCY_STAFF');
    return settle(this.deps, actor, input.exportId, (e, at) => e.cancel(actor.id, at));
  }
}

async function settle(deps: PayrollDeps, actor: Actor, exportId: string, step: (e: PayrollExport, at: Date) => unknown): Promise<PayrollExport> {
  const at = deps.clock.now();
  return deps.unitOfWork.run(async () => {
    await deps.exports.lockAgency(actor.agencyId);
    const payrollExport = await deps.exports.findById(actor.agencyId, exportId);
    if (!payrollExport) throw exportNotFound(exportId);
    // Stored when the step moved it on (a cancel after expiry records the expiry; a repeat changes nothing).
    const before = payrollExport.toState().status;
    step(payrollExport, at);
    if (payrollExport.toState().status !== before) await deps.exports.saveStatus(payrollExport);
    await expireDue(deps, actor.agencyId, at);
    return payrollExport;
  });
}
