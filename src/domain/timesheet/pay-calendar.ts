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

/**
 * The one instant a wall-clock time of the agency's zone stands for. The zone lives outside the
 * domain, so whoever asks for a payment passes its rule in (the ZonedTime port's `instantOf`): a
 * time the clock skips in spring is read as that much later (02:30 → 03:30 summer time), one it
 * shows twice in autumn as its first occurrence (still summer time).
 */
export type InstantOf = (at: LocalDateTime) => Date;

/** What PayCalendar needs from the agency's settings; AgencySettings has this shape. */
export interface PayCalendarSettings {
  readonly approvalDeadline: ApprovalDeadline;
  readonly payWeekday: Weekday;
  readonly payDayOnHoliday: PayDayOnHoliday;
}

export interface WeekPayment {
  /** The week's own approval deadline as an instant, also when the hours moved to a later one. */
  readonly deadline: Date;
  readonly payDate: LocalDate;
  readonly late: boolean;
  /** The week whose pay run pays these hours: the week itself when on time. */
  readonly paidInWeek: IsoWeek;
}

/**
 * What the pay rule reads of a week: the ISO week and the relation's approval (null while the
 * relation has not approved it). A Timesheet has this shape.
 */
export interface PayableWeek {
  readonly week: IsoWeek;
  readonly relationApproval: { readonly at: Date } | null;
}

const WEEK_MILLIS = 7 * MINUTES_PER_DAY * 60_000;

/**
 * The manual's rule 5: the hours of an ISO week must be approved before the deadline (a weekday
 * and time in the week after it) and are paid on the first pay weekday after that deadline; a pay
 * day that is not a working day moves by the agency's rule. Hours approved late go with the first
 * later deadline they still meet.
 *
 * Working days for pay: Monday to Friday except the holidays of the Algemene termijnenwet, i.e.
 * every national holiday of the source but Good Friday (Liberation Day counts every year there).
 *
 * A deadline is a wall-clock time of the agency's zone and stands for one instant (see InstantOf);
 * lateness compares that instant with the instant of the approval, so the deadline reported, `late`
 * and the pay date agree also when a deadline falls in the hour clocks change.
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
   * When the hours of `week` are paid, given the instant they were approved (null: not yet), the
   * current instant and the zone's InstantOf. Approved strictly before a deadline's instant is in
   * time for it (11:59:59 is, 12:00:00 is not); hours not yet approved are measured against `now`,
   * so they turn late once `now` reaches the deadline and then show the next pay date they can
   * still make. Each later deadline is the instant of its own week's deadline (a later week may
   * lie across a clock change from this one).
   */
  payment(week: IsoWeek, approvedAt: Date | null, now: Date, instantOf: InstantOf): WeekPayment {
    return this.paymentAt(week, approvedAt ?? now, instantOf);
  }

  /**
   * The one rule for every status. Payroll takes a week once the relation approved it (the
   * relation's own approval where it enters the hours), so that approval is the one that counts:
   * `late` means "the relation's approval came, or will come, at or after the deadline".
   * APPROVED and PROCESSED weeks (corrected or not) are measured at the relation's approval and no
   * longer change; OPEN and SUBMITTED weeks, whoever they wait for, at `now`: past the deadline
   * they are late and show the next pay date they can still make, moving on each deadline missed.
   */
  paymentOf(payable: PayableWeek, now: Date, instantOf: InstantOf): WeekPayment {
    return this.payment(payable.week, payable.relationApproval?.at ?? null, now, instantOf);
  }

  private paymentAt(week: IsoWeek, moment: Date, instantOf: InstantOf): WeekPayment {
    const deadlineAfter = (weeksLater: number) => instantOf(this.deadlineOf(weekAfter(week, weeksLater))).getTime();
    const deadline = instantOf(this.deadlineOf(week));
    const at = moment.getTime();
    let weeksLater = 0;
    if (at >= deadline.getTime()) {
      // Deadlines are a week apart, an hour more or less across a clock change: start from the
      // estimate and step to the first deadline still ahead of the moment.
      weeksLater = Math.floor((at - deadline.getTime()) / WEEK_MILLIS) + 1;
      while (weeksLater > 1 && at < deadlineAfter(weeksLater - 1)) weeksLater--;
      while (at >= deadlineAfter(weeksLater)) weeksLater++;
    }
    const paidInWeek = weekAfter(week, weeksLater);
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

/** The ISO week `weeks` weeks after `week`. */
function weekAfter(week: IsoWeek, weeks: number): IsoWeek {
  return weeks === 0 ? week : IsoWeek.containing(LocalDate.ofEpochDay(week.mondayEpoch + 7 * weeks));
}
