import { Flexworker } from '../../domain/flexworker/flexworker.entity';
import { AgencyRepository } from '../ports/agency.repository';
import { PlacementRepository } from '../ports/placement.repository';
import { Actor } from '../shared/actor';
import { canSeeWholeFlexworker } from './organisation-access';
import { FlexworkerView, fullView, nameOnlyView } from './flexworker-view';
import { payrollMayReadBsn } from './payroll-bsn';

/**
 * The views of `flexworkers` the actor may have, by worker id; workers they may not see are
 * absent. Given `agencies`, a PAYROLL actor's full views carry the full BSN where its agency
 * allows it (one read of the agency, for PAYROLL only); without it (callers that only ask
 * whether a worker is visible) no view carries it.
 */
export async function visibleFlexworkers(
  actor: Actor,
  flexworkers: readonly Flexworker[],
  placements: PlacementRepository,
  agencies?: AgencyRepository,
): Promise<Map<string, FlexworkerView>> {
  const views = new Map<string, FlexworkerView>();
  const others: Flexworker[] = [];
  const readsBsn = agencies !== undefined && flexworkers.length > 0 && (await payrollMayReadBsn(actor, agencies));
  for (const worker of flexworkers) {
    if (canSeeWholeFlexworker(actor, worker)) views.set(worker.id, fullView(worker, readsBsn ? (worker.bsn?.value ?? null) : null));
    else others.push(worker);
  }
  if (actor.role === 'RELATION_CONTACT' && actor.relationId && others.length > 0) {
    const placed = await placements.flexworkerIdsPlacedAt(actor.agencyId, actor.relationId, others.map((w) => w.id));
    for (const worker of others) if (placed.has(worker.id)) views.set(worker.id, nameOnlyView(worker));
  }
  return views;
}
