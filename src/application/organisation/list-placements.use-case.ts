import { Placement } from '../../domain/placement/placement.entity';
import { ProblemCollector } from '../../domain/shared/domain-error';
import { short } from '../../domain/shared/text';
import { LocalDate } from '../../domain/time/local-date.value-object';
import { PlacementFilter, PlacementRepository } from '../ports/placement.repository';
import { requireRole } from '../shared/access';
import { Actor } from '../shared/actor';
import { emptyPage, Page, pageQuery, PageRequest } from '../shared/pagination';

export interface ListPlacementsInput extends PageRequest {
  /** `YYYY-MM-DD`: only placements running on that day. */
  readonly activeOn?: string | null;
  readonly relationId?: string | null;
  readonly flexworkerId?: string | null;
}

/**
 * Placements, latest start first. Staff filter freely; a worker sees only their own and a
 * relation contact only those at their relation (a filter for someone else's gives an empty page).
 */
export class ListPlacements {
  constructor(private readonly placements: PlacementRepository) {}

  async execute(actor: Actor, input: ListPlacementsInput = {}): Promise<Page<Placement>> {
    requireRole(actor, 'AGENCY_STAFF', 'FLEXWORKER', 'RELATION_CONTACT', 'PAYROLL');
    const page = pageQuery(input);
    const filter = parseFilter(input);
    const scoped = scope(actor, filter);
    return scoped ? this.placements.list(actor.agencyId, scoped, page) : emptyPage();
  }
}

function parseFilter(input: ListPlacementsInput): PlacementFilter {
  const problems = new ProblemCollector();
  const activeOn = input.activeOn ? problems.attempt('activeOn', () => short(10, LocalDate.parse)(input.activeOn as string)) : undefined;
  problems.throwIfAny();
  return { activeOn, relationId: input.relationId ?? undefined, flexworkerId: input.flexworkerId ?? undefined };
}

/** The filter narrowed to what the actor may see; undefined when that is nothing. */
function scope(actor: Actor, filter: PlacementFilter): PlacementFilter | undefined {
  if (actor.role === 'AGENCY_STAFF' || actor.role === 'PAYROLL') return filter;
  const own = actor.role === 'FLEXWORKER' ? { key: 'flexworkerId', id: actor.flexworkerId } : { key: 'relationId', id: actor.relationId };
  if (!own.id) return undefined;
  const asked = filter[own.key as 'flexworkerId' | 'relationId'];
  if (asked !== undefined && asked !== own.id) return undefined;
  return { ...filter, [own.key]: own.id };
}
