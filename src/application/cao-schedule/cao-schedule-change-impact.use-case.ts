import { CaoSchedule } from '../../domain/cao-schedule/cao-schedule.entity';
import {
  addDifferences,
  summedDifferences,
  TotalDifference,
  totalsDifference,
} from '../../domain/cao-schedule/schedule-change-impact';
import { Placement } from '../../domain/placement/placement.entity';
import { NotFoundError, ValidationError } from '../../domain/shared/domain-error';
import { IsoWeek } from '../../domain/time/iso-week.value-object';
import { LocalDate } from '../../domain/time/local-date.value-object';
import { Declaration } from '../../domain/timesheet/declaration.entity';
import { localDateAt } from '../organisation/local-today';
import { AgencyRepository } from '../ports/agency.repository';
import { CaoScheduleRepository } from '../ports/cao-schedule.repository';
import { Clock } from '../ports/clock';
import { DeclarationRepository } from '../ports/declaration.repository';
import { PlacementRepository } from '../ports/placement.repository';
import { requireStaff } from '../shared/access';
import { Actor } from '../shared/actor';
import { DateWindowPolicy } from '../shared/date-window';
import { invalidCursor, Page, pageOfItems, pageQuery, PageRequest } from '../shared/pagination';
import { WeekCalculator } from '../timesheet/week-calculator';

export const DEFAULT_IMPACT_WEEKS = 13;
export const MAX_IMPACT_WEEKS = 53;
/** Placements whose weeks are read in one query: a large agency's weeks come in a few queries, never one per placement. */
const PLACEMENTS_PER_QUERY = 1000;

export interface CaoScheduleChangeImpactInput extends PageRequest {
  readonly scheduleId: string;
  /** One version in the engine's JSON format, as `addCaoScheduleVersion` takes it; problems at `draft.<path>`. */
  readonly draft: unknown;
  /** The last N ISO weeks up to the current one (agency time zone), 1 … 53; default 13. */
  readonly weeks?: number | null;
}

/** One approved week whose minutes the draft would change. */
export interface WeekDifference {
  readonly declarationId: string;
  readonly placementId: string;
  readonly flexworkerId: string;
  readonly relationId: string;
  readonly week: IsoWeek;
  readonly differences: readonly TotalDifference[];
}

export interface CaoScheduleChangeImpact {
  readonly scheduleId: string;
  /** The `validFrom` of the draft: days from this date on are unravelled with it. */
  readonly draftValidFrom: string;
  readonly weekFrom: IsoWeek;
  readonly weekUpTo: IsoWeek;
  /** Placements on the schedule (any period). */
  readonly placementsLookedAt: number;
  /** Approved weeks of those placements in the weeks asked, unravelled with this schedule. */
  readonly approvedWeeks: number;
  /** Of those, the weeks with a day on or after the draft's `validFrom`: unravelled again. */
  readonly weeksReunravelled: number;
  /** Every week with a difference (all pages). */
  readonly totalCount: number;
  /** Summed over every week with a difference; totals that cancel out are left out. */
  readonly totals: readonly TotalDifference[];
  /** The weeks with a difference, by worker, placement and week. */
  readonly page: Page<WeekDifference>;
}

export interface CaoScheduleChangeImpactDeps {
  readonly schedules: CaoScheduleRepository;
  readonly placements: PlacementRepository;
  readonly declarations: DeclarationRepository;
  readonly agencies: AgencyRepository;
  readonly clock: Clock;
  readonly dateWindow: DateWindowPolicy;
  /** The same calculator that made the approved breakdowns: the same code path, holidays and zone. */
  readonly calculator: WeekCalculator;
}

/**
 * Staff ask what a new version of a schedule would pay differently, before adding it: the
 * approved weeks of the last N weeks of every placement on the schedule are unravelled again with
 * the schedule as it would be with the draft appended, and compared with their approved totals.
 * Reads only: the schedule, its versions and every declaration stay as they are.
 */
export class CaoScheduleChangeImpactQuery {
  constructor(private readonly deps: CaoScheduleChangeImpactDeps) {}

  async execute(actor: Actor, input: CaoScheduleChangeImpactInput): Promise<CaoScheduleChangeImpact> {
    requireStaff(actor);
    const page = pageQuery(input);
    const after = page.after === null ? null : decodeCursor(page.after);
    const weeks = weeksOf(input.weeks);
    const schedule = await this.deps.schedules.findById(actor.agencyId, input.scheduleId);
    if (!schedule) throw new NotFoundError('CaoSchedule', input.scheduleId);
    const draft = this.withDraft(schedule, input.draft);
    const draftValidFrom = LocalDate.parse(draft.latestValidFrom);

    const agency = await this.deps.agencies.findById(actor.agencyId);
    if (!agency) throw new NotFoundError('Agency', actor.agencyId);
    const weekUpTo = IsoWeek.containing(localDateAt(this.deps.clock.now(), agency.settings.timeZone));
    let weekFrom = weekUpTo;
    for (let i = 1; i < weeks; i++) weekFrom = weekFrom.previous();

    const placements = await this.deps.placements.listByCaoSchedule(actor.agencyId, schedule.id);
    const rows: WeekDifference[] = [];
    const sums = new Map<string, TotalDifference>();
    let approvedWeeks = 0;
    let weeksReunravelled = 0;
    for (let start = 0; start < placements.length; start += PLACEMENTS_PER_QUERY) {
      const chunk = placements.slice(start, start + PLACEMENTS_PER_QUERY);
      const byId = new Map(chunk.map((p) => [p.id, p]));
      const latest = await this.deps.declarations.listLatestOfPlacements(actor.agencyId, [...byId.keys()], weekFrom, weekUpTo);
      for (const declaration of latest) {
        if (!approvedOnSchedule(declaration, schedule.id)) continue;
        approvedWeeks++;
        // A week that ends before the draft starts is unravelled with the same versions: nothing to compare.
        if (declaration.week.sunday.isBefore(draftValidFrom)) continue;
        weeksReunravelled++;
        const row = weekDifference(this.deps.calculator, declaration, byId.get(declaration.placementId) as Placement, draft);
        if (row.differences.length === 0) continue;
        addDifferences(sums, row.differences);
        rows.push(row);
      }
    }
    rows.sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
    return {
      scheduleId: schedule.id,
      draftValidFrom: draftValidFrom.toString(),
      weekFrom,
      weekUpTo,
      placementsLookedAt: placements.length,
      approvedWeeks,
      weeksReunravelled,
      totalCount: rows.length,
      totals: summedDifferences(sums),
      page: pageOf(rows, page.first, after),
    };
  }

  /** A copy of the schedule with the draft appended, checked as addCaoScheduleVersion checks it; the stored one is not touched. */
  private withDraft(schedule: CaoSchedule, rawDraft: unknown): CaoSchedule {
    const copy = CaoSchedule.rehydrate(schedule.toState());
    try {
      copy.addVersion(rawDraft, this.deps.dateWindow.current());
    } catch (error) {
      throw error instanceof ValidationError ? error.prefixed('draft') : error;
    }
    return copy;
  }
}

/**
 * One approved week against the same days, placement and calculator with the draft schedule: the
 * totals that differ from the approved ones. The calculator's `breakdownTotals` is its `breakdown`
 * (the code path that made the approved totals) without turning the lines into JSON. (Exported for bench/schedule-impact.bench.ts.)
 */
export function weekDifference(calculator: WeekCalculator, declaration: Declaration, placement: Placement, draft: CaoSchedule): WeekDifference {
  const after = calculator.breakdownTotals(declaration.week, declaration.days, placement, draft);
  return {
    declarationId: declaration.id,
    placementId: declaration.placementId,
    flexworkerId: declaration.flexworkerId,
    relationId: declaration.relationId,
    week: declaration.week,
    differences: totalsDifference(declaration.breakdown.totals, after),
  };
}

/** The latest version of a week, approved, and unravelled with this schedule (not hours a placement filled in by hand before). */
function approvedOnSchedule(declaration: Declaration, scheduleId: string): boolean {
  return declaration.status === 'APPROVED' && declaration.breakdown.schedule?.id === scheduleId;
}

function weeksOf(weeks: number | null | undefined): number {
  const n = weeks ?? DEFAULT_IMPACT_WEEKS;
  if (!Number.isInteger(n) || n < 1 || n > MAX_IMPACT_WEEKS) {
    throw ValidationError.of('weeks', 'WEEKS_RANGE', `weeks must be a whole number from 1 to ${MAX_IMPACT_WEEKS}`, { min: 1, max: MAX_IMPACT_WEEKS });
  }
  return n;
}

type Key = readonly [flexworkerId: string, placementId: string, week: string];

function keyOf(row: WeekDifference): Key {
  return [row.flexworkerId, row.placementId, row.week.toString()];
}

function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

const CURSOR_PREFIX = 'impact:';

function encodeCursor(key: Key): string {
  return Buffer.from(CURSOR_PREFIX + JSON.stringify(key)).toString('base64url');
}

/** CURSOR_INVALID for a cursor of another list. */
function decodeCursor(cursor: string): Key {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(CURSOR_PREFIX)) throw invalidCursor();
  let key: unknown;
  try {
    key = JSON.parse(text.slice(CURSOR_PREFIX.length));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(key) || key.length !== 3 || !key.every((part) => typeof part === 'string')) throw invalidCursor();
  return key as unknown as Key;
}

/** The rows after the cursor's key (a keyset: a row that appears or goes between pages moves no other row). */
function pageOf(rows: readonly WeekDifference[], first: number, after: Key | null): Page<WeekDifference> {
  const rest = after === null ? rows : rows.filter((row) => compareKeys(keyOf(row), after) > 0);
  const items = rest.slice(0, first);
  return pageOfItems(items, items.map((row) => encodeCursor(keyOf(row))), rest.length > first);
}
