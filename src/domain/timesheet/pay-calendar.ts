import { ApprovalDeadline } from '../agency/approval-deadline.value-object';
import { PayDayOnHoliday } from '../agency/agency-settings.value-object';
import { IsoWeek } from '../time/iso-week.value-object';
import { LocalDate } from '../time/local-date.value-object';
import { MINUTES_PER_DAY } from '../time/time-of-day.value-object';
import { Weekday } from '../time/weekday.value-object';
import { NationalHolidaySource } from '../unravel/unravel-ports';

/**
 * A wall-clock moment in the agency's time zone, to the minute (`minuteOfDay` 0 … 1439). The
 * zone itself lives outside the domain (the ZonedTime port turns instants into these and back).
 */
export interface LocalDateTime {
  readonly date: LocalDate;
  readonly minuteOfDay: number;
}

/** Negative when `a` is earlier, 0 when equal, positive when later (wall-clock order). */
export function compareLocalDateTimes(a: LocalDateTime, b: LocalDateTime): number {
  return minutesSinceEpoch(a) - minutesSinceEpoch(b);
}

/** What PayCalendar needs from the agency's settings; AgencySettings has this shape. */
export interface PayCalendarSettings {
  readonly approvalDeadline: ApprovalDeadline;
  readonly payWeekday: Weekday;
  readonly payDayOnHoliday: PayDayOnHoliday;
}

export interface WeekPayment {
  /** The week's own approval deadline, also when the hours moved to a later one. */
  readonly deadline: LocalDateTime;
  readonly payDate: LocalDate;
  readonly late: boolean;
  /** The week whose pay run pays these hours: the week itself when on time. */
  readonly paidInWeek: IsoWeek;
}

const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/**
 * The manual's rule 5: the hours of an ISO week must be approved before the deadline (a weekday
 * and time in the week after it) and are paid on the first pay weekday after that deadline; a pay
 * day that is not a working day moves by the agency's rule. Hours approved late go with the first
 * later deadline they still meet.
 *
 * Working days for pay: Monday to Friday except the holidays of the Algemene termijnenwet, i.e.
 * every national holiday of the source but Good Friday (Liberation Day counts every year there).
 * The comparisons are on wall-clock time: in the autumn hour that occurs twice, 02:30 of either
 * pass reads the same, which matters only for a deadline set inside that hour.
 */
export class PayCalendar {
  /** Per calendar year, the epoch days that are no working day for pay because of a holiday. */
  private readonly holidaysByYear = new Map<number, ReadonlySet<number>>();

  constructor(
    private readonly settings: PayCalendarSettings,
    private readonly holidays: NationalHolidaySource,
  ) {}

  /** The deadline weekday and time in the ISO week after `week`. */
  deadlineOf(week: IsoWeek): LocalDateTime {
    const { weekday, time } = this.settings.approvalDeadline;
    return { date: LocalDate.ofEpochDay(week.mondayEpoch + 7 + weekday.iso - 1), minuteOfDay: time.minuteOfDay };
  }

  /** The first pay weekday strictly after the deadline's date, moved off a non-working day. */
  payDateOf(week: IsoWeek): LocalDate {
    const deadlineDate = this.deadlineOf(week).date;
    const daysAfter = ((this.settings.payWeekday.iso - deadlineDate.weekday.iso + 6) % 7) + 1;
    const payDay = deadlineDate.plusDays(daysAfter);
    if (this.isWorkingDay(payDay)) return payDay;
    if (this.settings.payDayOnHoliday === 'PREVIOUS_WORKING_DAY') {
      // Paying on or before the deadline's date would pay hours that may not be approved yet;
      // when the previous working day is that early, the next working day is the pay day.
      const previous = this.workingDayFrom(payDay, -1);
      if (previous.isAfter(deadlineDate)) return previous;
    }
    return this.workingDayFrom(payDay, +1);
  }

  /**
   * When the hours of `week` are paid, given when they were approved (null: not yet) and the
   * current time. Approved strictly before a deadline is in time for it (11:59 is, 12:00 is not);
   * hours not yet approved are measured against `now`, so they turn late once `now` reaches the
   * deadline and then show the next pay date they can still make.
   */
  payment(week: IsoWeek, approvedAt: LocalDateTime | null, now: LocalDateTime): WeekPayment {
    const deadline = this.deadlineOf(week);
    const overdueMinutes = minutesSinceEpoch(approvedAt ?? now) - minutesSinceEpoch(deadline);
    // Deadlines are exactly one week of wall-clock time apart, so the k-th one met is arithmetic.
    const weeksLater = overdueMinutes < 0 ? 0 : Math.floor(overdueMinutes / MINUTES_PER_WEEK) + 1;
    const paidInWeek = weeksLater === 0 ? week : IsoWeek.containing(LocalDate.ofEpochDay(week.mondayEpoch + 7 * weeksLater));
    return { deadline, payDate: this.payDateOf(paidInWeek), late: weeksLater > 0, paidInWeek };
  }

  /** Saturday, Sunday and the holidays of the Algemene termijnenwet are no working days. */
  isWorkingDay(date: LocalDate): boolean {
    return !date.weekday.isWeekend && !this.holidaysOf(date.year).has(date.epochDay);
  }

  /** `from` itself or the nearest working day in `direction` (+1 later, -1 earlier). */
  private workingDayFrom(from: LocalDate, direction: 1 | -1): LocalDate {
    let date = from;
    while (!this.isWorkingDay(date)) date = date.plusDays(direction);
    return date;
  }

  private holidaysOf(year: number): ReadonlySet<number> {
    let days = this.holidaysByYear.get(year);
    if (!days) {
      days = new Set(
        this.holidays
          .nationalHolidays(year)
          .filter((holiday) => holiday.name !== 'GOOD_FRIDAY')
          .map((holiday) => holiday.date.epochDay),
      );
      this.holidaysByYear.set(year, days);
    }
    return days;
  }
}

function minutesSinceEpoch(at: LocalDateTime): number {
  return at.date.epochDay * MINUTES_PER_DAY + at.minuteOfDay;
}
