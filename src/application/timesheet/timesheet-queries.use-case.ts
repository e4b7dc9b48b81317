import { NotFoundError, ValidationError } from '../../domain/shared/domain-error';
import { short } from '../../domain/shared/text';
import { IsoWeek } from '../../domain/time/iso-week.value-object';
import { Declaration } from '../../domain/timesheet/declaration.entity';
import { Timesheet } from '../../domain/timesheet/timesheet.entity';
import { TimesheetReason } from '../../domain/timesheet/timesheet.errors';
import { Placement } from '../../domain/placement/placement.entity';
import { TimesheetFilter } from '../ports/timesheet.repository';
import { Actor } from '../shared/actor';
import { emptyPage, Page, pageQuery, PageRequest } from '../shared/pagination';
import { canSeeWeek, partyOf, timesheetNotFound } from './timesheet-access';
import { ensureWeek, todayFor, visibleTimesheet, WeekDeps } from './week-deps';
import { canSeePlacement, notFound } from '../organisation/organisation-access';

export interface TimesheetForWeekInput {
  readonly placementId: string;
  /** `YYYY-Www`. */
  readonly week: string;
}

/** One week by id, for anyone who may see it. */
export class GetTimesheet {
  constructor(private readonly deps: WeekDeps) {}

  execute(actor: Actor, input: { id: string }): Promise<Timesheet> {
    return visibleTimesheet(this.deps, actor, input.id);
  }

  /**
   * The week with its current declaration in one read (what a week's screen shows); the
   * declaration is null before the first approval, and where the viewer may not see it.
   */
  async withCurrentDeclaration(actor: Actor, input: { id: string }): Promise<{ timesheet: Timesheet; currentDeclaration: Declaration | null }> {
    const found = await this.deps.timesheets.findWithCurrentDeclaration(actor.agencyId, input.id);
    if (!found || !canSeeWeek(actor, found.timesheet)) throw timesheetNotFound(input.id);
    const declaration = found.currentDeclaration;
    return { timesheet: found.timesheet, currentDeclaration: declaration && canSeeWeek(actor, declaration) ? declaration : null };
  }
}

/** For a DataLoader: one entry per id, in order; null where not found or not visible. */
export class GetTimesheetsByIds {
  constructor(private readonly deps: WeekDeps) {}

  async execute(actor: Actor, input: { ids: readonly string[] }): Promise<(Timesheet | null)[]> {
    const found = await this.deps.timesheets.findByIds(actor.agencyId, [...new Set(input.ids)]);
    const byId = new Map(found.filter((t) => canSeeWeek(actor, t)).map((t) => [t.id, t]));
    return input.ids.map((id) => byId.get(id) ?? null);
  }
}

/**
 * A placement's timesheet of one week, created on first access for any week of the placement's
 * period up to the current one (a week still to come has nothing to enter yet). Payroll reads
 * and never writes: for payroll a week nobody opened does not exist (NOT_FOUND), and nothing is
 * created.
 */
export class GetTimesheetForWeek {
  constructor(private readonly deps: WeekDeps) {}

  async execute(actor: Actor, input: TimesheetForWeekInput): Promise<Timesheet> {
    const week = parseWeek(input.week);
    const placement = await this.deps.placements.findById(actor.agencyId, input.placementId);
    if (!placement || !canSeePlacement(actor, placement)) throw notFound('Placement', input.placementId);
    const current = IsoWeek.containing(await todayFor(this.deps, actor));
    if (week.compare(current) > 0) {
      throw ValidationError.of('week', TimesheetReason.WEEK_IN_FUTURE, `Week ${week} is still to come`, { week: week.toString(), current: current.toString() });
    }
    const existing = await this.deps.timesheets.findByPlacementAndWeek(actor.agencyId, placement.id, week);
    if (existing) return existing;
    if (actor.role === 'PAYROLL') throw new NotFoundError('Timesheet', `${placement.id}/${week}`);
    return ensureWeek(this.deps, placement, week);
  }
}

/** How far back the blue bar reaches; a server setting, the same for every agency. */
export interface OpenWeeksSettings {
  /** Blank weeks are created and listed from this many weeks before the current one on (default 26). */
  readonly horizonWeeks: number;
}

export const DEFAULT_OPEN_WEEKS: OpenWeeksSettings = { horizonWeeks: 26 };

export interface OpenTimesheetsInput extends PageRequest {
  readonly placementId?: string | null;
}

/** The viewer's placements whose weeks the blue bar shows, and what it lists of them. */
interface OpenWeeksScope {
  readonly placements: readonly Placement[];
  readonly filter: TimesheetFilter;
}

/**
 * The "blue bar": every week still to be filled or approved by the viewer, oldest first, a page
 * at a time. For a worker the weeks of their placements where they enter the hours; for a
 * relation contact those of its placements where the relation does.
 *
 * Its horizon: weeks not opened yet are created here, but only from `horizonWeeks` weeks before
 * the current week on (a placement that started years ago gives half a year of weeks, not
 * thousands). An older open week is listed only while it holds something (days, or a declaration:
 * rejected or corrected); one that nobody touched is left out, and `timesheetForWeek` still
 * opens it.
 */
export class ListOpenTimesheets {
  constructor(
    private readonly deps: WeekDeps,
    private readonly settings: OpenWeeksSettings = DEFAULT_OPEN_WEEKS,
  ) {}

  async execute(actor: Actor, input: OpenTimesheetsInput = {}): Promise<Page<Timesheet>> {
    const page = pageQuery(input);
    const scope = await this.prepare(actor, input.placementId);
    if (!scope) return emptyPage();
    return this.deps.timesheets.listOldestFirst(actor.agencyId, scope.filter, page);
  }

  /**
   * Creates the missing weeks within the horizon and says what the bar lists; null when the
   * viewer has no placement where they enter the hours (refused for anyone who never does).
   */
  async prepare(actor: Actor, placementId?: string | null): Promise<OpenWeeksScope | null> {
    const party = partyOf(actor);
    const current = IsoWeek.containing(await todayFor(this.deps, actor));
    const horizon = IsoWeek.containing(current.monday.plusDays(-7 * this.settings.horizonWeeks));
    const placements = (await this.placementsOf(actor)).filter(
      (p) => p.hoursEnteredBy === party && (placementId === null || placementId === undefined || p.id === placementId),
    );
    if (placements.length === 0) return null;
    const placementIds = placements.map((p) => p.id);
    const have = await this.deps.timesheets.weeksPresent(actor.agencyId, placementIds, horizon, current);
    const missing = placements.flatMap((p) =>
      weeksOf(p, horizon, current)
        .filter((w) => !have.has(`${p.id}/${w}`))
        .map((week) => Timesheet.open({ id: this.deps.ids.next(), placement: p, week })),
    );
    if (missing.length > 0) await this.deps.timesheets.insertMissing(missing);
    return { placements, filter: { placementIds, weekUpTo: current, statuses: ['OPEN'], untouchedFrom: horizon } };
  }

  /** Every placement of the worker, or of the contact's relation (pages of 100 until the end). */
  private async placementsOf(actor: Actor): Promise<Placement[]> {
    const filter = actor.role === 'FLEXWORKER' ? { flexworkerId: actor.flexworkerId } : { relationId: actor.relationId };
    const all: Placement[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await this.deps.placements.list(actor.agencyId, filter, { first: 100, after });
      all.push(...page.items);
      if (!page.hasNextPage) return all;
      after = page.endCursor;
    }
  }
}

/**
 * The week a worker (or contact) lands on: the previous week's if it is open, else the oldest
 * open one (of the blue bar), else the current week of their first running placement where they
 * enter the hours, else the current week of their first running placement where the other party
 * does: read-only for them (`editable` false, `enteredBy` says who enters it), so that a worker
 * whose relation enters the hours sees the week and who fills it rather than nothing. Null only
 * without a running placement (of the one asked for).
 */
export class GetDefaultTimesheet {
  constructor(
    private readonly deps: WeekDeps,
    private readonly openTimesheets: ListOpenTimesheets,
  ) {}

  async execute(actor: Actor, input: { placementId?: string | null } = {}): Promise<Timesheet | null> {
    const scope = await this.openTimesheets.prepare(actor, input.placementId);
    const today = await todayFor(this.deps, actor);
    const previous = IsoWeek.containing(today).previous();
    if (scope) {
      const first = (filter: TimesheetFilter) => this.deps.timesheets.listOldestFirst(actor.agencyId, filter, { first: 1, after: null });
      const pick = (await first({ ...scope.filter, week: previous })).items[0] ?? (await first(scope.filter)).items[0];
      if (pick) return pick;
    }
    const party = partyOf(actor);
    const filter = actor.role === 'FLEXWORKER' ? { flexworkerId: actor.flexworkerId } : { relationId: actor.relationId };
    const running = await this.deps.placements.list(actor.agencyId, { ...filter, activeOn: today }, { first: 100, after: null });
    const candidates = running.items
      .filter((p) => input.placementId === null || input.placementId === undefined || p.id === input.placementId)
      .sort((a, b) => a.startDate.compare(b.startDate));
    const placement = candidates.find((p) => p.hoursEnteredBy === party) ?? candidates[0];
    return placement ? ensureWeek(this.deps, placement, IsoWeek.containing(today)) : null;
  }
}

/** The weeks of a placement's period from `from` up to `current`. */
function weeksOf(placement: Placement, from: IsoWeek, current: IsoWeek): IsoWeek[] {
  const first = IsoWeek.containing(placement.startDate).compare(from) > 0 ? IsoWeek.containing(placement.startDate) : from;
  const last = placement.endDate && IsoWeek.containing(placement.endDate).compare(current) < 0 ? IsoWeek.containing(placement.endDate) : current;
  const weeks: IsoWeek[] = [];
  for (let week = first; week.compare(last) <= 0; week = week.next()) weeks.push(week);
  return weeks;
}

export function parseWeek(text: string, path = 'week'): IsoWeek {
  try {
    return short(8, IsoWeek.parse)(text);
  } catch (error) {
    if (error instanceof ValidationError) throw error.prefixed(path);
    throw error;
  }
}
