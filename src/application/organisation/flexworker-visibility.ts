import { Flexworker } from '../../domain/flexworker/flexworker.entity';
import { PlacementRepository } from '../ports/placement.repository';
import { Actor } from '../shared/actor';
import { canSeeWholeFlexworker } from './organisation-access';
import { FlexworkerView, fullView, nameOnlyView } from './flexworker-view';

/** The views of `flexworkers` the actor may have, by worker id; workers they may not see are absent. */
export async function visibleFlexworkers(
  actor: Actor,
  flexworkers: readonly Flexworker[],
  placements: PlacementRepository,
): Promise<Map<string, FlexworkerView>> {
  const views = new Map<string, FlexworkerView>();
  const others: Flexworker[] = [];
  for (const worker of flexworkers) {
    if (canSeeWholeFlexworker(actor, worker)) views.set(worker.id, fullView(worker));
    else others.push(worker);
  }
  if (actor.role === 'RELATION_CONTACT' && actor.relationId && others.length > 0) {
    const placed = await placements.flexworkerIdsPlacedAt(actor.agencyId, actor.relationId, others.map((w) => w.id));
    for (const worker of others) if (placed.has(worker.id)) views.set(worker.id, nameOnlyView(worker));
  }
  return views;
}
