import { InstantOf, LocalDateTime } from '../timesheet/pay-calendar';
import { IsoWeek } from '../time/iso-week.value-object';
import { LocalDate } from '../time/local-date.value-object';
import { ReminderMoment } from './reminder-moment.value-object';

/** One occurrence of a reminder moment: the wall-clock time in the agency's zone and its instant. */
export interface ReminderSlot {
  readonly moment: ReminderMoment;
  readonly local: LocalDateTime;
  /** The instant the slot stands for (ZonedTime's rule: a time skipped in spring is that much later). */
  readonly at: Date;
}

/**
 * The slot that is due at `now`: the latest occurrence of any moment at or before `now`, as long
 * as it passed no more than `catchUpMinutes` ago. Only the latest counts: after a long outage the
 * reminders of the moments missed before it are not sent any more (a later moment has replaced
 * them). Moments are wall-clock times in the agency's zone, so Friday 16:00 is 15:00Z in winter
 * and 14:00Z in summer; `localNow` is `now` on that wall clock.
 */
export function dueReminderSlot(
  moments: readonly ReminderMoment[],
  now: Date,
  localNow: LocalDateTime,
  instantOf: InstantOf,
  catchUpMinutes: number,
): ReminderSlot | null {
  let latest: ReminderSlot | null = null;
  // Eight days back: the same weekday a week ago can still be the latest when it is the only moment.
  for (let back = 0; back <= 8; back++) {
    const date = localNow.date.plusDays(-back);
    for (const moment of moments) {
      if (!moment.weekday.equals(date.weekday)) continue;
      const local = { date, minuteOfDay: moment.time.minuteOfDay };
      const at = instantOf(local);
      if (at.getTime() <= now.getTime() && (latest === null || at.getTime() > latest.at.getTime())) latest = { moment, local, at };
    }
  }
  if (latest === null || now.getTime() - latest.at.getTime() > catchUpMinutes * 60_000) return null;
  return latest;
}

/** What the open-weeks rule reads of a placement. A Placement has this shape. */
export interface RemindablePeriod {
  readonly startDate: LocalDate;
  readonly endDate: LocalDate | null;
}

/** A placement that ended this many days before the slot still gets reminders for its last weeks. */
export const ENDED_PLACEMENT_GRACE_DAYS = 7;

/** Whether a placement takes part in a slot on `slotDate`: started, and running or ended less than a week ago. */
export function placementIsRemindable(placement: RemindablePeriod, slotDate: LocalDate): boolean {
  if (placement.startDate.isAfter(slotDate)) return false;
  return placement.endDate === null || !placement.endDate.isBefore(slotDate.plusDays(-ENDED_PLACEMENT_GRACE_DAYS));
}

/**
 * The weeks of a placement a reminder on `slotDate` asks about, oldest first (leaving out those
 * the worker approved is the caller's part): every ISO week of the placement's period whose
 * Friday is on or before the slot's date and that is not older than `horizon`. So a Friday
 * moment asks for the week that is ending and any older week still open; a Monday (or Tuesday …
 * Thursday) moment asks for last week and older, not for the week that has just begun.
 */
export function weeksToRemind(placement: RemindablePeriod, slotDate: LocalDate, horizon: IsoWeek): IsoWeek[] {
  if (!placementIsRemindable(placement, slotDate)) return [];
  const weeks: IsoWeek[] = [];
  const startWeek = IsoWeek.containing(placement.startDate);
  let week = startWeek.compare(horizon) > 0 ? startWeek : horizon;
  for (; !week.monday.plusDays(4).isAfter(slotDate); week = week.next()) {
    if (placement.endDate !== null && placement.endDate.isBefore(week.monday)) break;
    weeks.push(week);
  }
  return weeks;
}

/** The oldest week reminders ask about: `horizonWeeks` weeks before the slot's week (the blue bar's horizon). */
export function reminderHorizon(slotDate: LocalDate, horizonWeeks: number): IsoWeek {
  return IsoWeek.containing(slotDate.plusDays(-7 * horizonWeeks));
}
