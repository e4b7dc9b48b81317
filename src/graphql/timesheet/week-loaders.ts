import DataLoader from 'dataloader';
import { GetPersonsByIds } from '../../application/identity/get-persons-by-ids.use-case';
import { GetAgency } from '../../application/organisation/get-agency.use-case';
import { GetPlacementsByIds } from '../../application/organisation/get-placements-by-ids.use-case';
import { PersonView } from '../../application/ports/person-directory';
import { Actor } from '../../application/shared/actor';
import { GetTimesheetsByIds } from '../../application/timesheet/timesheet-queries.use-case';
import {
  GetDeclarationsByIds,
  ListAuditEntriesOfTimesheets,
  ListDeclarationsOfTimesheets,
} from '../../application/timesheet/week-lists.use-case';
import { Agency } from '../../domain/agency/agency.entity';
import { AuditEntry } from '../../domain/audit/audit-entry';
import { Placement } from '../../domain/placement/placement.entity';
import { Declaration } from '../../domain/timesheet/declaration.entity';
import { Timesheet } from '../../domain/timesheet/timesheet.entity';
import { WorkingTimeSignalsOfTimesheets } from '../../application/timesheet/working-time-signals.use-case';
import { WorkingTimeSignal } from '../../domain/working-time/working-time-signal';

/** The loaders behind the fields of a week: a list of N weeks costs one query per kind, not N. */
export interface WeekLoaders {
  readonly agency: DataLoader<string, Agency>;
  readonly placements: DataLoader<string, Placement | null>;
  readonly timesheets: DataLoader<string, Timesheet | null>;
  readonly declarations: DataLoader<string, Declaration | null>;
  readonly declarationsOfTimesheets: DataLoader<string, Declaration[]>;
  readonly auditOfTimesheets: DataLoader<string, AuditEntry[]>;
  /** Who approved, rejected or corrected: users and API clients of the viewer's agency. */
  readonly persons: DataLoader<string, PersonView | null>;
  /** The Working Time Act signals of each week (by the week itself, keyed by its id): all workers' hours in one read. */
  readonly workingTimeSignals: DataLoader<Timesheet, WorkingTimeSignal[], string>;
}

export interface WeekLoaderUseCases {
  readonly getAgency: GetAgency;
  readonly getPlacementsByIds: GetPlacementsByIds;
  readonly getTimesheetsByIds: GetTimesheetsByIds;
  readonly getDeclarationsByIds: GetDeclarationsByIds;
  readonly listDeclarationsOfTimesheets: ListDeclarationsOfTimesheets;
  readonly listAuditEntriesOfTimesheets: ListAuditEntriesOfTimesheets;
  readonly getPersonsByIds: GetPersonsByIds;
  readonly workingTimeSignalsOfTimesheets: WorkingTimeSignalsOfTimesheets;
}

const OPTIONS = { maxBatchSize: 500 };

export function weekLoaders(useCases: WeekLoaderUseCases, actor: Actor | undefined): WeekLoaders {
  const batch = <V>(load: (a: Actor, keys: readonly string[]) => Promise<V[]>, none: V) =>
    new DataLoader<string, V>(async (keys) => (actor ? load(actor, keys) : keys.map(() => none)), OPTIONS);
  return {
    // The viewer's own agency: one read per request, whatever the number of weeks shown.
    agency: new DataLoader<string, Agency>(async (keys) => {
      if (!actor) throw new Error('no viewer');
      const agency = await useCases.getAgency.execute(actor);
      return keys.map(() => agency);
    }),
    placements: batch((a, ids) => useCases.getPlacementsByIds.execute(a, { ids }), null),
    timesheets: batch((a, ids) => useCases.getTimesheetsByIds.execute(a, { ids }), null),
    declarations: batch((a, ids) => useCases.getDeclarationsByIds.execute(a, { ids }), null),
    declarationsOfTimesheets: batch((a, ids) => useCases.listDeclarationsOfTimesheets.execute(a, { timesheetIds: ids }), []),
    auditOfTimesheets: batch((a, ids) => useCases.listAuditEntriesOfTimesheets.execute(a, { timesheetIds: ids }), []),
    persons: batch((a, ids) => useCases.getPersonsByIds.execute(a, { ids }), null),
    workingTimeSignals: new DataLoader<Timesheet, WorkingTimeSignal[], string>(
      async (timesheets) => (actor ? useCases.workingTimeSignalsOfTimesheets.execute(actor, { timesheets }) : timesheets.map(() => [])),
      { ...OPTIONS, cacheKeyFn: (t) => t.id },
    ),
  };
}
