import { ZonedTime } from '../../application/ports/zoned-time';
import { IsoWeek } from '../../domain/time/iso-week.value-object';
import { LocalDate } from '../../domain/time/local-date.value-object';
import { DayEntryInput } from '../../domain/timesheet/week-entries';
import { LuxonZonedTime } from '../calendar/luxon-zoned-time';
import { DEMO, DEMO_DAYS, DemoDay, DemoMoment, DemoStep, DemoWeekDays } from './demo-data';

/** One step of a demo week with its dates filled in: the use case to run and the instant it ran at. */
export interface PlannedStep {
  readonly workerIndex: number;
  readonly week: IsoWeek;
  readonly do: DemoStep['do'];
  readonly at: Date;
  /** The days the step sends (the week's; a correction's own). */
  readonly days: readonly DayEntryInput[];
  readonly reason: string | null;
}

export interface DemoPlan {
  /** The week the demo is created in (the agency's time zone). */
  readonly currentWeek: IsoWeek;
  /** Per worker of DEMO.workers: the placement's first day, a Monday some weeks back. */
  readonly placementStarts: readonly LocalDate[];
  /** Every step of every worker's past weeks, in the order they happened. */
  readonly steps: readonly PlannedStep[];
}

const MOMENT = /^(\+1 )?(MON|TUE|WED|THU|FRI|SAT|SUN) (\d{2}):(\d{2})$/;

/**
 * The demo's weeks relative to `now`: the demo looks the same (a week empty, a draft, a
 * rejection, one waiting, approved ones, a late one, a correction) whenever it is created.
 * Every step lies before the current week began, so before `now`.
 */
export function planDemoWeeks(now: Date, timeZone: string, zonedTime: ZonedTime = new LuxonZonedTime()): DemoPlan {
  const currentWeek = IsoWeek.containing(zonedTime.localDateTimeAt(now, timeZone).date);
  const weeksAgo = (n: number) => {
    let week = currentWeek;
    for (let i = 0; i < n; i++) week = week.previous();
    return week;
  };
  const steps: PlannedStep[] = [];
  DEMO.workers.forEach((worker, workerIndex) => {
    for (const demoWeek of worker.weeks) {
      const week = weeksAgo(demoWeek.weeksAgo);
      for (const step of demoWeek.steps) {
        steps.push({
          workerIndex,
          week,
          do: step.do,
          at: instantOf(week, step.at, timeZone, zonedTime),
          days: daysOf(week, step.do === 'STAFF_CORRECTS' ? step.days : demoWeek.days),
          reason: 'reason' in step ? step.reason : null,
        });
      }
    }
  });
  // A stable sort: steps of one week at the same instant keep their order.
  steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    currentWeek,
    placementStarts: DEMO.workers.map((w) => weeksAgo(w.placement.startWeeksAgo).monday),
    steps,
  };
}

function instantOf(week: IsoWeek, moment: DemoMoment, timeZone: string, zonedTime: ZonedTime): Date {
  const match = MOMENT.exec(moment);
  if (!match) throw new Error(`demo moment ${moment} is not "[+1 ]DAY HH:MM"`);
  const date = (match[1] ? week.next() : week).monday.plusDays(DEMO_DAYS.indexOf(match[2] as DemoDay));
  return zonedTime.instantOf({ date, minuteOfDay: Number(match[3]) * 60 + Number(match[4]) }, timeZone);
}

function daysOf(week: IsoWeek, days: DemoWeekDays): DayEntryInput[] {
  return DEMO_DAYS.flatMap((day, i) => {
    const entry = days[day];
    return entry ? [{ ...entry, date: week.monday.plusDays(i).toString() }] : [];
  });
}
