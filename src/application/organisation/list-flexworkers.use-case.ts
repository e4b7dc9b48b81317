import { Flexworker } from '../../domain/flexworker/flexworker.entity';
import { ProblemCollector } from '../../domain/shared/domain-error';
import { optionalBoundedText } from '../../domain/shared/text';
import { AgencyRepository } from '../ports/agency.repository';
import { FlexworkerRepository } from '../ports/flexworker.repository';
import { requireRole } from '../shared/access';
import { Actor } from '../shared/actor';
import { Page, pageQuery, PageRequest } from '../shared/pagination';
import { FlexworkerView, fullView } from './flexworker-view';
import { payrollMayReadBsn } from './payroll-bsn';
import { searchText } from './search-text';

export interface ListFlexworkersInput extends PageRequest {
  readonly search?: string | null;
  /** Exactly this payroll number (trimmed; blank: no filter). */
  readonly payrollNumber?: string | null;
}

/**
 * Staff (and payroll, read only) page through their agency's workers by last name, searching
 * name or e-mail, or finding one by payroll number. Payroll's views carry the full BSN where the
 * agency allows it.
 */
export class ListFlexworkers {
  constructor(
    private readonly flexworkers: FlexworkerRepository,
    private readonly agencies: AgencyRepository,
  ) {}

  async execute(actor: Actor, input: ListFlexworkersInput = {}): Promise<Page<FlexworkerView>> {
    requireRole(actor, 'AGENCY_STAFF', 'PAYROLL');
    const page = pageQuery(input);
    const filter = { search: searchText(input.search), payrollNumber: payrollNumberFilter(input.payrollNumber) };
    const found = await this.flexworkers.list(actor.agencyId, filter, page);
    const readsBsn = found.items.length > 0 && (await payrollMayReadBsn(actor, this.agencies));
    return { ...found, items: found.items.map((w: Flexworker) => fullView(w, readsBsn ? (w.bsn?.value ?? null) : null)) };
  }
}

function payrollNumberFilter(text: string | null | undefined): string | undefined {
  const problems = new ProblemCollector();
  const value = problems.attempt('payrollNumber', () => optionalBoundedText(text, { max: 32 }));
  problems.throwIfAny();
  return value ?? undefined;
}
