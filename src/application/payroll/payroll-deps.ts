import { Clock } from '../ports/clock';
import { IdGenerator } from '../ports/id-generator';
import { BsnsForPayroll } from '../organisation/payroll-bsn';
import { PayrollExportRepository } from '../ports/payroll-export.repository';
import { UnitOfWork } from '../ports/unit-of-work';
import { NotFoundError } from '../../domain/shared/domain-error';

export interface PayrollSettings {
  /** How long a PENDING export holds its declarations before it expires (PAYROLL_EXPORT_EXPIRY_MINUTES). */
  readonly expiryMinutes: number;
}

export const DEFAULT_PAYROLL_SETTINGS: PayrollSettings = { expiryMinutes: 24 * 60 };

/** What the payroll use cases share. */
export interface PayrollDeps {
  readonly exports: PayrollExportRepository;
  /** Full BSNs for payroll, where the agency allows it (an empty map otherwise). */
  readonly bsns: BsnsForPayroll;
  readonly unitOfWork: UnitOfWork;
  readonly ids: IdGenerator;
  readonly clock: Clock;
  readonly settings: PayrollSettings;
}

export function exportNotFound(id: string): NotFoundError {
  return new NotFoundError('PayrollExport', id);
}

/** Records the expiry of the agency's PENDING exports whose time ran out, freeing their declarations. Under the agency's lock. */
export async function expireDue(deps: PayrollDeps, agencyId: string, now: Date): Promise<void> {
  for (const due of await deps.exports.findDue(agencyId, now)) {
    due.expire(now);
    await deps.exports.saveStatus(due);
  }
}
