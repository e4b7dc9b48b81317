import { IsoWeek } from '../../domain/time/iso-week.value-object';
import { LocalDate } from '../../domain/time/local-date.value-object';
import { DayEntry } from '../../domain/timesheet/day-entry.value-object';
import { Timesheet } from '../../domain/timesheet/timesheet.entity';
import { HoursMinutes } from '../../domain/time/hours-minutes.value-object';
import { TimeZoneRules } from '../../domain/unravel/unravel-ports';
import { WorkDay } from '../../domain/unravel/work-day.value-object';
import { signalWindow } from '../../domain/working-time/working-time-act-rules';
import { WorkingTimeSignal } from '../../domain/working-time/working-time-signal';
import { workingTimeSignals } from '../../domain/working-time/working-time-signals.service';
import { WorkerHoursRange, WorkerHoursRepository } from '../ports/worker-hours.repository';
import { Actor } from '../shared/actor';
import { canSeeWeek } from './timesheet-access';

/**
 * The Arbeidstijdenwet signals of weeks (issue 13, rule 6), for a DataLoader: all the workers'
 * hours in one read, then the pure domain service per week. Computed from what is saved (a draft
 * saved with "Alleen opslaan" counts), never stored, and never a reason to refuse a save.
 *
 * Only the worker and the agency's staff see them: a worker's hours at other placements are none
 * of a relation's business, and payroll pays hours, not signals.
 */
export class WorkingTimeSignalsOfTimesheets {
  constructor(
    private readonly hours: WorkerHoursRepository,
    private readonly timeZone: TimeZoneRules,
  ) {}

  async execute(actor: Actor, input: { timesheets: readonly Timesheet[] }): Promise<WorkingTimeSignal[][]> {
    const shown = input.timesheets.map((t) => mayReadSignals(actor, t));
    const ranges = rangesOf(input.timesheets.filter((_, i) => shown[i]));
    const days = ranges.length > 0 ? await this.hours.daysOfWorkers(actor.agencyId, ranges) : new Map<string, DayEntry[]>();
    return input.timesheets.map((t, i) => {
      if (!shown[i]) return [];
      const workDays = (days.get(t.flexworkerId) ?? []).map(workDayOf);
      return workingTimeSignals({ week: t.week, days: workDays, timeZone: this.timeZone });
    });
  }
}

function mayReadSignals(actor: Actor, timesheet: Timesheet): boolean {
  if (!canSeeWeek(actor, timesheet)) return false;
  return actor.role === 'AGENCY_STAFF' || (actor.role === 'FLEXWORKER' && actor.flexworkerId === timesheet.flexworkerId);
}

/** Per worker, the weeks from the earliest window's start to the latest window's end. */
function rangesOf(timesheets: readonly Timesheet[]): WorkerHoursRange[] {
  const byWorker = new Map<string, { from: LocalDate; to: LocalDate }>();
  for (const t of timesheets) {
    const window = signalWindow(t.week);
    const from = IsoWeek.containing(window.from).monday;
    const to = IsoWeek.containing(window.to).monday;
    const known = byWorker.get(t.flexworkerId);
    byWorker.set(t.flexworkerId, {
      from: known && known.from.isBefore(from) ? known.from : from,
      to: known && known.to.isAfter(to) ? known.to : to,
    });
  }
  return [...byWorker].map(([flexworkerId, range]) => ({ flexworkerId, ...range }));
}

/** Hours per hour code have no times: they count as a day total. */
function workDayOf(day: DayEntry): WorkDay {
  return day.workDay ?? WorkDay.ofTotal(day.date, HoursMinutes.ofMinutes(day.workedMinutes));
}
