import DataLoader from 'dataloader';
import { FlexworkerView } from '../application/organisation/flexworker-view';
import { GetFlexworkersByIds } from '../application/organisation/get-flexworkers-by-ids.use-case';
import { GetRelationsByIds } from '../application/organisation/get-relations-by-ids.use-case';
import { Actor } from '../application/shared/actor';
import { Relation } from '../domain/relation/relation.entity';

/**
 * The DataLoaders of one request: each batches the `…ByIds` use case of one aggregate, scoped
 * to the viewer (agency and role), so a list of N placements costs one query per aggregate.
 * A value is null where the object does not exist or the viewer may not see it.
 */
export interface Loaders {
  readonly flexworkers: DataLoader<string, FlexworkerView | null>;
  readonly relations: DataLoader<string, Relation | null>;
}

export interface LoaderUseCases {
  readonly getFlexworkersByIds: GetFlexworkersByIds;
  readonly getRelationsByIds: GetRelationsByIds;
}

export type LoadersFactory = (actor: Actor | undefined) => Loaders;

export function loadersFactory(useCases: LoaderUseCases): LoadersFactory {
  return (actor) => {
    const forActor = <T>(load: (a: Actor, ids: readonly string[]) => Promise<(T | null)[]>) =>
      new DataLoader<string, T | null>(async (ids) => (actor ? load(actor, ids) : ids.map(() => null)), { maxBatchSize: 500 });
    return {
      flexworkers: forActor((a, ids) => useCases.getFlexworkersByIds.execute(a, { ids })),
      relations: forActor((a, ids) => useCases.getRelationsByIds.execute(a, { ids })),
    };
  };
}
