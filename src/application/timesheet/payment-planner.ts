import { AgencySettings } from '../../domain/agency/agency-settings.value-object';
import { LocalDate } from '../../domain/time/local-date.value-object';
import { InstantOf, PayCalendar } from '../../domain/timesheet/pay-calendar';
import { Timesheet } from '../../domain/timesheet/timesheet.entity';
import { NationalHolidaySource } from '../../domain/unravel/unravel-ports';
import { Clock } from '../ports/clock';
import { ZonedTime } from '../ports/zoned-time';

export interface PaymentPlan {
  /**
   * When the week's hours must be approved to be paid on time: the one instant the deadline's
   * wall-clock time stands for in the agency's zone (ZonedTime.instantOf), the same one `late` and
   * the pay date are measured against.
   */
  readonly approvalDeadline: Date;
  /**
   * The pay date the hours are expected on: the relation's approval's when it came; until then
   * the next one they can still make from now (PayCalendar.paymentOf).
   */
  readonly expectedPayDate: LocalDate;
  /** The relation's approval came, or (not yet approved, deadline passed) will come, at or after the deadline. */
  readonly late: boolean;
}

/**
 * The deadline and pay date of a week (the manual's rule 5), in the agency's time zone and after
 * its settings. What counts is the relation's approval (payroll takes nothing before it); until
 * then, the clock.
 * Lateness compares instants: the approval's (or now) with each deadline's, resolved through the
 * ZonedTime port (a deadline in the skipped spring hour is that much later, one in the doubled
 * autumn hour its first occurrence).
 */
export class PaymentPlanner {
  private readonly calendars = new Map<string, PayCalendar>();

  constructor(
    private readonly holidays: NationalHolidaySource,
    private readonly zonedTime: ZonedTime,
    private readonly clock: Clock,
  ) {}

  plan(timesheet: Timesheet, settings: AgencySettings): PaymentPlan {
    const instantOf: InstantOf = (at) => this.zonedTime.instantOf(at, settings.timeZone);
    const payment = this.calendarFor(settings).paymentOf(timesheet, this.clock.now(), instantOf);
    return { approvalDeadline: payment.deadline, expectedPayDate: payment.payDate, late: payment.late };
  }

  /** A calendar keeps the holidays of the years it was asked about: one per distinct pay rule. */
  private calendarFor(settings: AgencySettings): PayCalendar {
    const key = `${settings.approvalDeadline}|${settings.payWeekday}|${settings.payDayOnHoliday}`;
    let calendar = this.calendars.get(key);
    if (!calendar) {
      if (this.calendars.size >= 100) this.calendars.clear();
      calendar = new PayCalendar(settings, this.holidays);
      this.calendars.set(key, calendar);
    }
    return calendar;
  }
}
