import { TimesheetFilter } from '../../src/application/ports/timesheet.repository';
import { IsoWeek } from '../../src/domain/time/iso-week.value-object';
import { newId } from './support/seeds';
import { WeekWorld } from './support/weeks';

/**
 * The filters of TimesheetRepository.list and .listAll over the week world (support/weeks.ts):
 * `weeks` are indexes into `world.weeks` (t0 … t7). Each case runs against both lists, each in
 * its own order, on every implementation. A new filter of the port gets its cases here.
 */
export interface TimesheetFilterCase {
  readonly name: string;
  readonly filter: (w: WeekWorld) => TimesheetFilter;
  readonly weeks: readonly number[];
}

const week = (text: string) => IsoWeek.parse(text);

export const TIMESHEET_FILTER_CASES: readonly TimesheetFilterCase[] = [
  { name: 'nothing: every week of the agency', filter: () => ({}), weeks: [0, 1, 2, 3, 4, 5, 6, 7] },
  { name: 'week', filter: () => ({ week: week('2026-W48') }), weeks: [2, 3] },
  { name: 'weekFrom', filter: () => ({ weekFrom: week('2026-W48') }), weeks: [2, 3, 5] },
  { name: 'weekUpTo', filter: () => ({ weekUpTo: week('2026-W46') }), weeks: [0, 4, 7] },
  { name: 'weekFrom and weekUpTo: a range of weeks', filter: () => ({ weekFrom: week('2026-W46'), weekUpTo: week('2026-W47') }), weeks: [0, 1, 6, 7] },
  { name: 'statuses', filter: () => ({ statuses: ['SUBMITTED', 'APPROVED'] }), weeks: [1, 2, 3, 4] },
  { name: 'statuses: none asked, none found', filter: () => ({ statuses: [] }), weeks: [] },
  { name: 'relationId', filter: (w) => ({ relationId: w.relations[1].id }), weeks: [3, 6, 7] },
  { name: 'flexworkerId', filter: (w) => ({ flexworkerId: w.workers[1].id }), weeks: [4, 5] },
  { name: 'placementIds, unknown and malformed ones ignored', filter: (w) => ({ placementIds: [w.placements.pA.id, newId(), 'nope'] }), weeks: [0, 1, 2] },
  { name: 'placementIds: an empty list finds nothing', filter: () => ({ placementIds: [] }), weeks: [] },
  { name: 'relationApprovedSince: leaves out weeks the relation approved before', filter: () => ({ relationApprovedSince: new Date('2026-11-20T00:00:00.000Z') }), weeks: [0, 1, 2, 3, 5, 6, 7] },
  { name: 'relationApprovedSince: the moment itself is kept', filter: () => ({ relationApprovedSince: new Date('2026-11-12T08:00:00.000Z') }), weeks: [0, 1, 2, 3, 4, 5, 6, 7] },
  { name: 'a relationId that is not a UUID (nothing, no error)', filter: () => ({ relationId: 'r1' }), weeks: [] },
  { name: 'a flexworkerId that is not a UUID (nothing, no error)', filter: () => ({ flexworkerId: 'w1' }), weeks: [] },
  { name: 'a worker and a status together', filter: (w) => ({ flexworkerId: w.workers[0].id, statuses: ['OPEN'] }), weeks: [0, 6, 7] },
  // t0 (W46) and t6 (W47) were never touched; t7 (W46, rejected) and t4 (W45, approved) hold days and declarations.
  { name: 'untouchedFrom: untouched weeks before it left out', filter: () => ({ untouchedFrom: week('2026-W47') }), weeks: [1, 2, 3, 4, 5, 6, 7] },
  { name: 'untouchedFrom: later, more untouched weeks left out', filter: () => ({ untouchedFrom: week('2026-W48') }), weeks: [1, 2, 3, 4, 5, 7] },
  { name: 'untouchedFrom and statuses: the blue bar beyond its horizon', filter: () => ({ untouchedFrom: week('2026-W50'), statuses: ['OPEN'] }), weeks: [5, 7] },
];
