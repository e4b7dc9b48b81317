import { Placement } from '../../../src/domain/placement/placement.entity';
import { DomainError } from '../../../src/domain/shared/domain-error';
import { HoursMinutes } from '../../../src/domain/time/hours-minutes.value-object';
import { IsoWeek } from '../../../src/domain/time/iso-week.value-object';
import { LocalDate } from '../../../src/domain/time/local-date.value-object';
import { TimeOfDay } from '../../../src/domain/time/time-of-day.value-object';
import { Declaration } from '../../../src/domain/timesheet/declaration.entity';
import { DayEntry } from '../../../src/domain/timesheet/day-entry.value-object';
import { HoursBreakdown } from '../../../src/domain/timesheet/hours-breakdown';
import { Act, ApprovalAct, CorrectionAct, Timesheet } from '../../../src/domain/timesheet/timesheet.entity';
import { aPlacement, uniqueId } from './organisation.mother';

/**
 * Object mothers of the timesheet domain: week 2026-W48 (Monday 23 – Sunday 29 November 2026),
 * seen on Friday 27 November; a placement where the worker enters the hours and one where the
 * relation does; acts with a fixed user and moment.
 */
export const WEEK = IsoWeek.parse('2026-W48');
export const FRIDAY = LocalDate.parse('2026-11-27');
export const WORKER_USER = 'user-worker';
export const RELATION_USER = 'user-relation';
export const STAFF_USER = 'user-staff';

export function at(iso: string): Date {
  return new Date(iso);
}

export function workerPlacement(overrides: Parameters<typeof aPlacement>[3] = {}): Placement {
  return aPlacement('agency-1', 'flexworker-1', 'relation-1', { caoScheduleId: 'schedule-1', ...overrides });
}

export function relationPlacement(overrides: Parameters<typeof aPlacement>[3] = {}): Placement {
  return workerPlacement({ hoursEnteredBy: 'RELATION', ...overrides });
}

export function anOpenTimesheet(placement: Placement, week: IsoWeek = WEEK): Timesheet {
  return Timesheet.open({ id: uniqueId(), placement, week });
}

/** Days entered as totals: `totals(['2026-11-23', '8:00'], ['2026-11-24', '7:15'])`. */
export function totals(...days: readonly (readonly [string, string])[]): DayEntry[] {
  return days.map(([date, total]) => DayEntry.total(LocalDate.parse(date), HoursMinutes.parse(total)));
}

/** One day entered as times: `times('2026-11-23', ['22:00', '06:00'])`, an optional break as a duration. */
export function times(date: string, blocks: readonly (readonly [string, string])[], breakDuration?: string): DayEntry {
  return DayEntry.times(
    LocalDate.parse(date),
    blocks.map(([start, end]) => ({ start: TimeOfDay.parse(start), end: TimeOfDay.parseEnd(end) })),
    breakDuration === undefined ? null : HoursMinutes.parse(breakDuration),
    [],
  );
}

/** A breakdown that stands in for the engine's: the entity keeps it, it never reads it. */
export function aBreakdown(days: readonly DayEntry[]): HoursBreakdown {
  return { days: [], totals: [], workedMinutes: days.reduce((sum, d) => sum + d.workedMinutes, 0), schedule: null };
}

export function anAct(by: string, when = '2026-11-27T16:00:00Z'): Act {
  return { by, at: at(when) };
}

/** "Opslaan + Accorderen", confirmed, on Friday 27 November. */
export function anApproval(timesheet: Timesheet, overrides: Partial<ApprovalAct> = {}): ApprovalAct {
  return {
    ...anAct(WORKER_USER),
    declarationId: uniqueId(),
    confirmed: true,
    today: FRIDAY,
    breakdown: aBreakdown(timesheet.days),
    ...overrides,
  };
}

export function aCorrection(days: readonly DayEntry[], overrides: Partial<CorrectionAct> = {}): CorrectionAct {
  return {
    ...anAct(STAFF_USER, '2026-12-01T09:00:00Z'),
    declarationId: uniqueId(),
    reason: 'Monday was 7:30, not 8:00',
    days,
    breakdown: aBreakdown(days),
    ...overrides,
  };
}

/** A worker's week with hours saved and approved by the worker: SUBMITTED, with its declaration. */
export function aSubmittedWeek(days: readonly DayEntry[] = totals(['2026-11-23', '8:00'], ['2026-11-24', '7:15'])): {
  placement: Placement;
  timesheet: Timesheet;
  declaration: Declaration;
} {
  const placement = workerPlacement();
  const timesheet = anOpenTimesheet(placement);
  timesheet.saveDraft(placement, 'FLEXWORKER', days);
  const declaration = timesheet.approveByWorker(placement, anApproval(timesheet));
  return { placement, timesheet, declaration };
}

/** The same week approved by the relation as well: APPROVED. */
export function anApprovedWeek(days?: readonly DayEntry[]): ReturnType<typeof aSubmittedWeek> {
  const week = aSubmittedWeek(days);
  week.timesheet.approveByRelation(week.declaration, anAct(RELATION_USER, '2026-11-30T08:00:00Z'));
  return week;
}

/** The error `fn` throws (fails the test when it throws nothing or something that is not a DomainError). */
export function domainErrorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}
