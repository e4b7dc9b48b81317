import { AuditEntry } from '../../domain/audit/audit-entry';
import { ProblemCollector } from '../../domain/shared/domain-error';
import { tabDisabled } from '../shared/portal-tab';
import { Declaration, DECLARATION_STATUSES, DeclarationStatus } from '../../domain/timesheet/declaration.entity';
import { Timesheet, TIMESHEET_STATUSES, TimesheetStatus } from '../../domain/timesheet/timesheet.entity';
import { IsoWeek } from '../../domain/time/iso-week.value-object';
import { calendarDaysBefore } from '../organisation/local-today';
import { DeclarationFilter } from '../ports/declaration.repository';
import { TimesheetFilter } from '../ports/timesheet.repository';
import { requireRole } from '../shared/access';
import { Actor } from '../shared/actor';
import { emptyPage, Page, pageQuery, PageRequest } from '../shared/pagination';
import { canSeeWeek, declarationNotFound } from './timesheet-access';
import { agencyOf, WeekDeps } from './week-deps';
import { parseWeek } from './timesheet-queries.use-case';

/** A week overview may hold every worker of an agency on one page. */
export const MAX_WEEK_PAGE_SIZE = 500;

export interface WeekListInput extends PageRequest {
  readonly week?: string | null;
  readonly statuses?: readonly string[] | null;
  readonly relationId?: string | null;
  readonly flexworkerId?: string | null;
}

/**
 * Timesheets, latest week first: staff and payroll filter the whole agency (by week, status,
 * relation, worker); a worker sees only their own weeks and a contact those of their relation.
 */
export class ListTimesheets {
  constructor(private readonly deps: WeekDeps) {}

  async execute(actor: Actor, input: WeekListInput = {}): Promise<Page<Timesheet>> {
    const page = pageQuery(input, MAX_WEEK_PAGE_SIZE);
    const filter = parseFilter(input, TIMESHEET_STATUSES);
    const scoped = scope(actor, { week: filter.week, statuses: filter.statuses, relationId: filter.relationId, flexworkerId: filter.flexworkerId });
    return scoped ? this.deps.timesheets.list(actor.agencyId, scoped, page) : emptyPage();
  }
}

/** Declarations, oldest week first; for a relation contact with AWAITING_RELATION: what waits for its approval. */
export class ListDeclarations {
  constructor(private readonly deps: WeekDeps) {}

  async execute(actor: Actor, input: WeekListInput = {}): Promise<Page<Declaration>> {
    const page = pageQuery(input, MAX_WEEK_PAGE_SIZE);
    const filter = parseFilter(input, DECLARATION_STATUSES);
    const scoped = scope<DeclarationFilter>(actor, filter);
    return scoped ? this.deps.declarations.list(actor.agencyId, scoped, page) : emptyPage();
  }
}

/**
 * The worker's declaration-status tab: their weeks with status and approval dates, latest first.
 * A week the relation approved longer ago than the agency's visibility period is left out here;
 * it is never deleted, and staff and payroll still see it. The period is in calendar days of the
 * agency's zone: approved on date D at time T, a week stays until the zone's clock has passed
 * D + N days at T (N × 24 h on ordinary days, an hour less or more across a clock change); see
 * calendarDaysBefore for a T the clock skips or repeats.
 */
export class DeclarationStatusOverview {
  constructor(private readonly deps: WeekDeps) {}

  async execute(actor: Actor, input: PageRequest = {}): Promise<Page<Timesheet>> {
    requireRole(actor, 'FLEXWORKER');
    const page = pageQuery(input);
    const settings = (await agencyOf(this.deps, actor)).settings;
    if (!settings.isTabEnabled('DECLARATION_STATUS')) {
      throw tabDisabled('DECLARATION_STATUS');
    }
    const since = calendarDaysBefore(this.deps.clock.now(), settings.declarationVisibilityDays, settings.timeZone);
    return this.deps.timesheets.list(actor.agencyId, { flexworkerId: actor.flexworkerId, relationApprovedSince: since }, page);
  }
}

export class GetDeclaration {
  constructor(private readonly deps: WeekDeps) {}

  async execute(actor: Actor, input: { id: string }): Promise<Declaration> {
    const declaration = await this.deps.declarations.findById(actor.agencyId, input.id);
    if (!declaration || !canSeeWeek(actor, declaration)) throw declarationNotFound(input.id);
    return declaration;
  }
}

/** For DataLoaders: declarations by id, and every version of many timesheets. */
export class GetDeclarationsByIds {
  constructor(private readonly deps: WeekDeps) {}

  async execute(actor: Actor, input: { ids: readonly string[] }): Promise<(Declaration | null)[]> {
    const found = await this.deps.declarations.findByIds(actor.agencyId, [...new Set(input.ids)]);
    const byId = new Map(found.filter((d) => canSeeWeek(actor, d)).map((d) => [d.id, d]));
    return input.ids.map((id) => byId.get(id) ?? null);
  }
}

export class ListDeclarationsOfTimesheets {
  constructor(private readonly deps: WeekDeps) {}

  async execute(actor: Actor, input: { timesheetIds: readonly string[] }): Promise<Declaration[][]> {
    const found = await this.deps.declarations.listByTimesheets(actor.agencyId, [...new Set(input.timesheetIds)]);
    return input.timesheetIds.map((id) => found.filter((d) => d.timesheetId === id && canSeeWeek(actor, d)));
  }
}

/** The audit trail of weeks: for staff and payroll only (others get an empty list). */
export class ListAuditEntriesOfTimesheets {
  constructor(private readonly deps: WeekDeps) {}

  async execute(actor: Actor, input: { timesheetIds: readonly string[] }): Promise<AuditEntry[][]> {
    if (actor.role !== 'AGENCY_STAFF' && actor.role !== 'PAYROLL') return input.timesheetIds.map(() => []);
    const found = await this.deps.auditTrail.listBySubjects(actor.agencyId, 'TIMESHEET', [...new Set(input.timesheetIds)]);
    return input.timesheetIds.map((id) => found.filter((e) => e.subjectId === id));
  }
}

interface ParsedFilter<S> {
  week?: IsoWeek;
  statuses?: S[];
  relationId?: string;
  flexworkerId?: string;
}

function parseFilter<S extends string>(input: WeekListInput, allowed: readonly S[]): ParsedFilter<S> {
  const problems = new ProblemCollector();
  const week = input.week ? problems.attempt('week', () => parseWeek(input.week as string, '')) : undefined;
  const statuses = input.statuses?.map((text, i) => {
    const status = allowed.find((s) => s === text);
    if (!status) problems.add(`statuses[${i}]`, 'STATUS_UNKNOWN', `Expected one of ${allowed.join(', ')}`, { allowed: allowed.join(', ') });
    return status as S;
  });
  problems.throwIfAny();
  return { week, statuses: statuses && statuses.length > 0 ? statuses : undefined, relationId: input.relationId ?? undefined, flexworkerId: input.flexworkerId ?? undefined };
}

/** The filter narrowed to what the actor may see; undefined when that is nothing. */
function scope<F extends { relationId?: string; flexworkerId?: string }>(actor: Actor, filter: F): F | undefined {
  if (actor.role === 'AGENCY_STAFF' || actor.role === 'PAYROLL') return filter;
  const key = actor.role === 'FLEXWORKER' ? 'flexworkerId' : 'relationId';
  const own = actor.role === 'FLEXWORKER' ? actor.flexworkerId : actor.relationId;
  if (!own || (filter[key] !== undefined && filter[key] !== own)) return undefined;
  return { ...filter, [key]: own };
}

export type { DeclarationStatus, TimesheetStatus, TimesheetFilter };
