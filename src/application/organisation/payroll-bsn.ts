import { AgencyRepository } from '../ports/agency.repository';
import { FlexworkerRepository } from '../ports/flexworker.repository';
import { Actor } from '../shared/actor';

/*
 * Who may read a worker's full BSN: only the payroll system (a PAYROLL API client) of the
 * worker's own agency, and only when that agency's setting `payrollReadsBsn` is on. Staff, the
 * worker and relation contacts see it masked (Bsn.masked) whatever the setting. Repositories are
 * scoped to the actor's agency, so another agency's key never reaches the worker at all.
 */

/** Whether `actor` may read full BSNs now: PAYROLL, and its agency's setting is on (one read of the agency). */
export async function payrollMayReadBsn(actor: Actor, agencies: AgencyRepository): Promise<boolean> {
  if (actor.role !== 'PAYROLL') return false;
  const agency = await agencies.findById(actor.agencyId);
  return agency !== null && agency.id === actor.agencyId && agency.settings.payrollReadsBsn;
}

export interface BsnsForPayrollInput {
  readonly flexworkerIds: readonly string[];
}

/**
 * For the payroll export: the full BSN of each of the actor's agency's workers named, by worker
 * id (null where none is registered, unknown ids left out); an empty map unless the actor may
 * read BSNs (payrollMayReadBsn). Two reads at most, whatever the number of workers.
 */
export class BsnsForPayroll {
  constructor(
    private readonly flexworkers: FlexworkerRepository,
    private readonly agencies: AgencyRepository,
  ) {}

  async execute(actor: Actor, input: BsnsForPayrollInput): Promise<Map<string, string | null>> {
    if (input.flexworkerIds.length === 0 || !(await payrollMayReadBsn(actor, this.agencies))) return new Map();
    return this.flexworkers.findBsnsByIds(actor.agencyId, input.flexworkerIds);
  }
}
