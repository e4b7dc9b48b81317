import { AuditEntry } from '../../domain/audit/audit-entry';
import { Placement } from '../../domain/placement/placement.entity';
import { IsoWeek } from '../../domain/time/iso-week.value-object';
import { Declaration } from '../../domain/timesheet/declaration.entity';
import { lastWeekOf, PeriodToSettle, periodsTouching, sameSettlement, settlePeriod, weeksOf, withSettlement } from '../../domain/timesheet/period-settlement';
import { Timesheet } from '../../domain/timesheet/timesheet.entity';
import { Actor } from '../shared/actor';
import { scheduleOf, WeekDeps } from './week-deps';

/** A week whose period was settled (again): its new declaration version and the week as saved. */
export interface SettledPeriodWeek {
  readonly timesheet: Timesheet;
  readonly declaration: Declaration;
  /** The version it replaced, now SUPERSEDED, as stored. */
  readonly superseded: Declaration;
}

/**
 * After a week of a placement got approved hours (an approval, a correction), settles again every
 * settlement period the week counts in whose last week is approved: when what the period counts
 * now differs from what that week's current declaration settled, a new declaration version of
 * the last week (origin SETTLEMENT) holds the new settlement, and payroll takes the difference as
 * it takes a correction's. Counts the latest approved version of each week of the period.
 *
 * Call it inside the unit of work that changed the week, with the worker's hours lock held: every
 * writer of a worker's weeks takes that lock first, so no other approval of the period's weeks can
 * commit between what this reads and what it writes (across processes: it is a row lock).
 */
export async function settlePeriodsOf(deps: WeekDeps, actor: Actor, placement: Placement, week: IsoWeek): Promise<SettledPeriodWeek[]> {
  const schedule = await scheduleOf(deps, placement);
  if (schedule === null) return [];
  const settled: SettledPeriodWeek[] = [];
  for (const toSettle of periodsTouching(schedule.unravelSchedule, week)) {
    const result = await settleOne(deps, actor, placement, toSettle, week);
    if (result) settled.push(result);
  }
  return settled;
}

async function settleOne(deps: WeekDeps, actor: Actor, placement: Placement, toSettle: PeriodToSettle, cause: IsoWeek): Promise<SettledPeriodWeek | null> {
  const last = lastWeekOf(toSettle.period);
  const timesheet = await deps.timesheets.findByPlacementAndWeek(placement.agencyId, placement.id, last);
  if (!timesheet || timesheet.currentDeclarationId === null) return null;
  const current = await deps.declarations.findById(placement.agencyId, timesheet.currentDeclarationId);
  // The period settles when its last week is approved; until then its weeks only count.
  if (!current || current.status !== 'APPROVED') return null;
  const weeks = weeksOf(toSettle.period);
  const latest = await deps.declarations.listLatestOfPlacements(placement.agencyId, [placement.id], weeks[0], last);
  const approved = latest.filter((d) => d.status === 'APPROVED').map((d) => ({ week: d.week, days: d.breakdown.days }));
  const { settlement, lines } = settlePeriod(toSettle, approved);
  if (sameSettlement(current.breakdown.settlement, settlement)) return null;
  const at = deps.clock.now();
  const reason = `Settlement period ${settlement.from} – ${settlement.to} settled after week ${cause} was approved or corrected`;
  const declaration = timesheet.settlePeriod(current, {
    by: actor.id,
    at,
    declarationId: deps.ids.next(),
    reason,
    breakdown: withSettlement(current.breakdown, settlement, lines),
  });
  const saved = await deps.timesheets.update(timesheet);
  const superseded = await deps.declarations.update(current);
  await deps.declarations.insert(declaration);
  await deps.auditTrail.append(auditOf(deps.ids.next(), actor, at, current, declaration));
  return { timesheet: saved, declaration, superseded };
}

function auditOf(id: string, actor: Actor, at: Date, before: Declaration, after: Declaration): AuditEntry {
  const snapshot = (d: Declaration) => ({
    declarationId: d.id,
    number: d.number,
    days: d.days.map((day) => day.toData()),
    totals: d.breakdown.totals,
    workedMinutes: d.breakdown.workedMinutes,
    settlement: d.breakdown.settlement ?? null,
  });
  return {
    id,
    agencyId: actor.agencyId,
    action: 'PERIOD_SETTLED',
    subjectType: 'TIMESHEET',
    subjectId: after.timesheetId,
    actorId: actor.id,
    actorRole: actor.role,
    at,
    reason: after.correction?.reason ?? null,
    before: snapshot(before),
    after: snapshot(after),
  };
}
