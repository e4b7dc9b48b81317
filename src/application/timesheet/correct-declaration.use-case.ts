import { AuditEntry } from '../../domain/audit/audit-entry';
import { Declaration } from '../../domain/timesheet/declaration.entity';
import { Timesheet } from '../../domain/timesheet/timesheet.entity';
import { DayEntryInput } from '../../domain/timesheet/week-entries';
import { requireStaff } from '../shared/access';
import { Actor } from '../shared/actor';
import { settlePeriodsOf } from './period-settlement';
import { declarationNotFound, requireVersion, timesheetNotFound } from './timesheet-access';
import { WeekDeps, localNowFor, placementOf, scheduleOf, surroundingsOf } from './week-deps';

export interface CorrectDeclarationInput {
  /** The declaration being corrected: it must be the week's current one. */
  readonly declarationId: string;
  /** The timesheet's version the client read: a newer one is a CONFLICT and nothing changes. */
  readonly expectedVersion: number;
  readonly days: readonly DayEntryInput[];
  readonly reason: string;
}

/** The new declaration version and its week as saved. */
export interface CorrectedWeek {
  readonly declaration: Declaration;
  readonly timesheet: Timesheet;
}

/**
 * Agency staff correct hours the worker (or the entering relation) approved: a new declaration
 * version with the reason, the old one superseded, and an audit entry with who, when, before and
 * after. Nothing is overwritten.
 */
export class CorrectDeclaration {
  constructor(private readonly deps: WeekDeps) {}

  async execute(actor: Actor, input: CorrectDeclarationInput): Promise<CorrectedWeek> {
    requireStaff(actor);
    return this.deps.unitOfWork.run(async () => {
      const previous = await this.deps.declarations.findById(actor.agencyId, input.declarationId);
      if (!previous) throw declarationNotFound(input.declarationId);
      const timesheet = await this.deps.timesheets.findById(actor.agencyId, previous.timesheetId);
      if (!timesheet) throw timesheetNotFound(previous.timesheetId);
      requireVersion(timesheet, input.expectedVersion);
      const placement = await placementOf(this.deps, timesheet);
      const days = this.deps.calculator.parseDays(placement, timesheet.week, input.days, await surroundingsOf(this.deps, placement, timesheet));
      const breakdown = this.deps.calculator.breakdown(timesheet.week, days, placement, await scheduleOf(this.deps, placement));
      const at = this.deps.clock.now();
      const correction = timesheet.correctByAgency(previous, {
        by: actor.id,
        at,
        declarationId: this.deps.ids.next(),
        reason: input.reason,
        days,
        breakdown,
        ...(await localNowFor(this.deps, actor, at)),
      });
      const saved = await this.deps.timesheets.update(timesheet);
      await this.deps.declarations.update(previous);
      await this.deps.declarations.insert(correction);
      await this.deps.auditTrail.append(auditOf(this.deps.ids.next(), actor, at, previous, correction));
      if (correction.status !== 'APPROVED') return { declaration: correction, timesheet: saved };
      // Approved hours changed: a settlement period they count in is settled again on its last week.
      const settled = (await settlePeriodsOf(this.deps, actor, placement, timesheet.week)).find((s) => s.timesheet.id === saved.id);
      return settled ? { declaration: settled.declaration, timesheet: settled.timesheet } : { declaration: correction, timesheet: saved };
    });
  }
}

function auditOf(id: string, actor: Actor, at: Date, before: Declaration, after: Declaration): AuditEntry {
  return {
    id,
    agencyId: actor.agencyId,
    action: 'DECLARATION_CORRECTED',
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

function snapshot(d: Declaration): object {
  return {
    declarationId: d.id,
    number: d.number,
    days: d.days.map((day) => day.toData()),
    totals: d.breakdown.totals,
    workedMinutes: d.breakdown.workedMinutes,
  };
}
