import { Agency } from '../../domain/agency/agency.entity';
import { CaoSchedule } from '../../domain/cao-schedule/cao-schedule.entity';
import { NotFoundError } from '../../domain/shared/domain-error';
import { IsoWeek } from '../../domain/time/iso-week.value-object';
import { LocalDate } from '../../domain/time/local-date.value-object';
import { Placement } from '../../domain/placement/placement.entity';
import { Timesheet } from '../../domain/timesheet/timesheet.entity';
import { edgesOf, WeekNeighbours } from '../../domain/timesheet/week-entries';
import { localDateAt, localMinuteAt } from '../organisation/local-today';
import { AgencyRepository } from '../ports/agency.repository';
import { AuditTrailRepository } from '../ports/audit-trail.repository';
import { CaoScheduleRepository } from '../ports/cao-schedule.repository';
import { Clock } from '../ports/clock';
import { DeclarationRepository } from '../ports/declaration.repository';
import { IdGenerator } from '../ports/id-generator';
import { PlacementRepository } from '../ports/placement.repository';
import { TimesheetRepository } from '../ports/timesheet.repository';
import { UnitOfWork } from '../ports/unit-of-work';
import { WorkerHoursLock } from '../ports/worker-hours-lock';
import { Actor } from '../shared/actor';
import { canSeeWeek, timesheetNotFound } from './timesheet-access';
import { Surroundings, WeekCalculator } from './week-calculator';

/** What the week's use cases share: the ports they read and write, and the calculator. */
export interface WeekDeps {
  readonly timesheets: TimesheetRepository;
  readonly declarations: DeclarationRepository;
  readonly placements: PlacementRepository;
  readonly agencies: AgencyRepository;
  readonly schedules: CaoScheduleRepository;
  readonly auditTrail: AuditTrailRepository;
  readonly unitOfWork: UnitOfWork;
  /** Taken first by every unit of work that writes a worker's hours. */
  readonly hoursLock: WorkerHoursLock;
  readonly ids: IdGenerator;
  readonly clock: Clock;
  readonly calculator: WeekCalculator;
}

export async function agencyOf(deps: WeekDeps, actor: Actor): Promise<Agency> {
  const agency = await deps.agencies.findById(actor.agencyId);
  if (!agency) throw new NotFoundError('Agency', actor.agencyId);
  return agency;
}

/** Today and the minute of the day at `at`, in the agency's time zone. */
export async function localNowFor(deps: WeekDeps, actor: Actor, at: Date): Promise<{ today: LocalDate; nowMinute: number }> {
  const zone = (await agencyOf(deps, actor)).settings.timeZone;
  return { today: localDateAt(at, zone), nowMinute: localMinuteAt(at, zone) };
}

/** The date of `at` (default: now) in the agency's time zone. */
export async function todayFor(deps: WeekDeps, actor: Actor, at: Date = deps.clock.now()): Promise<LocalDate> {
  return localDateAt(at, (await agencyOf(deps, actor)).settings.timeZone);
}

export async function visibleTimesheet(deps: WeekDeps, actor: Actor, id: string): Promise<Timesheet> {
  const timesheet = await deps.timesheets.findById(actor.agencyId, id);
  if (!timesheet || !canSeeWeek(actor, timesheet)) throw timesheetNotFound(id);
  return timesheet;
}

export async function placementOf(deps: WeekDeps, timesheet: Timesheet): Promise<Placement> {
  const placement = await deps.placements.findById(timesheet.agencyId, timesheet.placementId);
  if (!placement) throw new NotFoundError('Placement', timesheet.placementId);
  return placement;
}

export async function scheduleOf(deps: WeekDeps, placement: Placement): Promise<CaoSchedule | null> {
  const source = placement.hourSource;
  if (source.kind !== 'CAO_SCHEDULE') return null;
  return deps.schedules.findById(placement.agencyId, source.caoScheduleId);
}

/**
 * What surrounds a week that is about to be written: the placement's weeks before and after (a
 * shift across Sunday night counts in one week only) and the worker's days at their other
 * placements in the same three weeks (nobody works at two clients at once, Sunday night included).
 *
 * Takes the worker's hours lock first, inside the caller's unit of work: another transaction that
 * writes this worker's hours waits until this one ends, so what is read here cannot change before
 * the write. Call it inside `unitOfWork.run`, before the week is checked.
 */
export async function surroundingsOf(deps: WeekDeps, placement: Placement, timesheet: Timesheet): Promise<Surroundings> {
  await deps.hoursLock.lock(timesheet.agencyId, timesheet.flexworkerId);
  const { week } = timesheet;
  const weeks = await deps.timesheets.listAll(timesheet.agencyId, {
    flexworkerId: timesheet.flexworkerId,
    weekFrom: week.previous(),
    weekUpTo: week.next(),
  });
  const own = (w: IsoWeek) => weeks.find((t) => t.placementId === placement.id && t.week.equals(w));
  const before = own(week.previous());
  const after = own(week.next());
  const neighbours: WeekNeighbours = {
    previousSpill: before ? edgesOf(before.days, before.week).previousSpill : 0,
    nextStart: after ? edgesOf(after.days, after.week).nextStart : null,
  };
  return { neighbours, otherWork: weeks.filter((t) => t.placementId !== placement.id).flatMap((t) => t.days) };
}

/** The placement's timesheet of a week, created on first access (a concurrent creation wins quietly). */
export async function ensureWeek(deps: WeekDeps, placement: Placement, week: IsoWeek): Promise<Timesheet> {
  const existing = await deps.timesheets.findByPlacementAndWeek(placement.agencyId, placement.id, week);
  if (existing) return existing;
  await deps.timesheets.insertMissing([Timesheet.open({ id: deps.ids.next(), placement, week })]);
  const created = await deps.timesheets.findByPlacementAndWeek(placement.agencyId, placement.id, week);
  if (!created) throw new Error(`timesheet of ${placement.id} ${week} was not created`);
  return created;
}
