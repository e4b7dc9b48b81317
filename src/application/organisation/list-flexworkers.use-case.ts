import { Flexworker } from '../../domain/flexworker/flexworker.entity';
import { FlexworkerRepository } from '../ports/flexworker.repository';
import { requireRole } from '../shared/access';
import { Actor } from '../shared/actor';
import { Page, pageQuery, PageRequest } from '../shared/pagination';
import { searchText } from './search-text';

export interface ListFlexworkersInput extends PageRequest {
  readonly search?: string | null;
}

/** Staff (and payroll, read only) page through their agency's workers by last name, searching name or e-mail. */
export class ListFlexworkers {
  constructor(private readonly flexworkers: FlexworkerRepository) {}

  async execute(actor: Actor, input: ListFlexworkersInput = {}): Promise<Page<Flexworker>> {
    requireRole(actor, 'AGENCY_STAFF', 'PAYROLL');
    const page = pageQuery(input);
    return this.flexworkers.list(actor.agencyId, { search: searchText(input.search) }, page);
  }
}
