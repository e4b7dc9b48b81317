import DataLoader from 'dataloader';
import { GetCaoSchedulesByIds } from '../application/cao-schedule/get-cao-schedules-by-ids.use-case';
import { FlexworkerView } from '../application/organisation/flexworker-view';
import { GetFlexworkersByIds } from '../application/organisation/get-flexworkers-by-ids.use-case';
import { GetRelationsByIds } from '../application/organisation/get-relations-by-ids.use-case';
import { Actor } from '../application/shared/actor';
import { ExportsOfDeclarations } from '../application/payroll/payroll-export-queries.use-case';
import { DeclarationExportRef } from '../application/ports/payroll-export.repository';
import { CaoSchedule } from '../domain/cao-schedule/cao-schedule.entity';
import { Relation } from '../domain/relation/relation.entity';
import { AccountStates, AccountView } from '../application/identity/account-states.use-case';
import { weekLoaders, WeekLoaders, WeekLoaderUseCases } from './timesheet/week-loaders';

/**
 * The DataLoaders of one request: each batches the `…ByIds` use case of one aggregate, scoped
 * to the viewer (agency and role), so a list of N placements costs one query per aggregate.
 * A value is null where the object does not exist or the viewer may not see it.
 */
export interface Loaders extends WeekLoaders {
  readonly flexworkers: DataLoader<string, FlexworkerView | null>;
  readonly relations: DataLoader<string, Relation | null>;
  readonly caoSchedules: DataLoader<string, CaoSchedule | null>;
  /** The payroll exports holding each declaration (staff and payroll; empty for others). */
  readonly payrollExportsOfDeclarations: DataLoader<string, DeclarationExportRef[]>;
  /** Staff: each worker's account state (null for others). */
  readonly flexworkerAccounts: DataLoader<string, AccountView | null>;
  /** Staff: each relation's contacts with their account state (null for others). */
  readonly relationContacts: DataLoader<string, AccountView[] | null>;
}

export interface LoaderUseCases extends WeekLoaderUseCases {
  readonly getFlexworkersByIds: GetFlexworkersByIds;
  readonly getRelationsByIds: GetRelationsByIds;
  readonly getCaoSchedulesByIds: GetCaoSchedulesByIds;
  readonly exportsOfDeclarations: ExportsOfDeclarations;
  readonly accountStates: AccountStates;
}

export type LoadersFactory = (actor: Actor | undefined) => Loaders;

export function loadersFactory(useCases: LoaderUseCases): LoadersFactory {
  return (actor) => {
    const forActor = <T>(load: (a: Actor, ids: readonly string[]) => Promise<(T | null)[]>) =>
      new DataLoader<string, T | null>(async (ids) => (actor ? load(actor, ids) : ids.map(() => null)), { maxBatchSize: 500 });
    return {
      ...weekLoaders(useCases, actor),
      flexworkers: forActor((a, ids) => useCases.getFlexworkersByIds.execute(a, { ids })),
      relations: forActor((a, ids) => useCases.getRelationsByIds.execute(a, { ids })),
      caoSchedules: forActor((a, ids) => useCases.getCaoSchedulesByIds.execute(a, { ids })),
      flexworkerAccounts: forActor((a, ids) => useCases.accountStates.ofFlexworkers(a, ids)),
      relationContacts: forActor((a, ids) => useCases.accountStates.contactsOfRelations(a, ids)),
      payrollExportsOfDeclarations: new DataLoader<string, DeclarationExportRef[]>(
        async (ids) => (actor ? useCases.exportsOfDeclarations.execute(actor, { declarationIds: ids }) : ids.map(() => [])),
        { maxBatchSize: 500 },
      ),
    };
  };
}
