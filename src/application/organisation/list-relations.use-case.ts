import { Relation } from '../../domain/relation/relation.entity';
import { RelationRepository } from '../ports/relation.repository';
import { requireStaff } from '../shared/access';
import { Actor } from '../shared/actor';
import { Page, pageQuery, PageRequest } from '../shared/pagination';
import { searchText } from './search-text';

export interface ListRelationsInput extends PageRequest {
  readonly search?: string | null;
  readonly active?: boolean | null;
}

/** Staff page through their agency's relations by name. */
export class ListRelations {
  constructor(private readonly relations: RelationRepository) {}

  async execute(actor: Actor, input: ListRelationsInput = {}): Promise<Page<Relation>> {
    requireStaff(actor);
    const page = pageQuery(input);
    const search = searchText(input.search);
    return this.relations.list(actor.agencyId, { search, active: input.active ?? undefined }, page);
  }
}

