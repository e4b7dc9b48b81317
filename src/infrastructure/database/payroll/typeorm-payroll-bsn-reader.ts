import { PayrollBsnReader } from '../../../application/ports/payroll-bsn-reader';
import { Actor } from '../../../application/shared/actor';

/** Until the agency setting `payrollReadsBsn` lands (same issue, other branch): no BSN to anyone. */
export class NoPayrollBsns extends PayrollBsnReader {
  async bsnsFor(_actor: Actor, _ids: readonly string[]): Promise<ReadonlyMap<string, string>> {
    return new Map();
  }
}
