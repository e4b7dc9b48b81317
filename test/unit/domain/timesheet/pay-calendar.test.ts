import fc from 'fast-check';
import { ApprovalDeadline } from '../../../../src/domain/agency/approval-deadline.value-object';
import { AgencySettings, PAY_DAY_ON_HOLIDAY_RULES, PayDayOnHoliday } from '../../../../src/domain/agency/agency-settings.value-object';
import { IsoWeek } from '../../../../src/domain/time/iso-week.value-object';
import { LocalDate } from '../../../../src/domain/time/local-date.value-object';
import { TimeOfDay } from '../../../../src/domain/time/time-of-day.value-object';
import { Weekday } from '../../../../src/domain/time/weekday.value-object';
import {
  compareLocalDateTimes, LocalDateTime, PayCalendar, PayCalendarSettings,
} from '../../../../src/domain/timesheet/pay-calendar';
import { NationalHolidaySource } from '../../../../src/domain/unravel/unravel-ports';
import { HAND_WRITTEN_DUTCH_HOLIDAYS } from '../../../fixtures/unravel/dutch-calendar';

/** `at('2026-11-30', '11:59')`. */
const at = (date: string, time: string): LocalDateTime => ({ date: LocalDate.parse(date), minuteOfDay: TimeOfDay.parse(time).minuteOfDay });
const show = (moment: LocalDateTime) => `${moment.date} ${TimeOfDay.ofMinuteOfDay(moment.minuteOfDay)}`;
const week = IsoWeek.parse;

function settings(overrides: { deadline?: string; payWeekday?: string; rule?: PayDayOnHoliday } = {}): PayCalendarSettings {
  const [weekday, time] = (overrides.deadline ?? 'MON 12:00').split(' ');
  return {
    approvalDeadline: ApprovalDeadline.create({ weekday, time }),
    payWeekday: Weekday.parse(overrides.payWeekday ?? 'WED'),
    payDayOnHoliday: overrides.rule ?? 'NEXT_WORKING_DAY',
  };
}

const calendar = (overrides: Parameters<typeof settings>[0] = {}) => new PayCalendar(settings(overrides), HAND_WRITTEN_DUTCH_HOLIDAYS);

describe('PayCalendar with the default settings (Monday 12:00, Wednesday, next working day)', () => {
  const pay = new PayCalendar(AgencySettings.DEFAULT, HAND_WRITTEN_DUTCH_HOLIDAYS);

  it('puts the deadline of 2026-W48 on Monday 2026-11-30 12:00 and pays on Wednesday 2026-12-02', () => {
    expect(show(pay.deadlineOf(week('2026-W48')))).toBe('2026-11-30 12:00');
    expect(pay.payDateOf(week('2026-W48')).toString()).toBe('2026-12-02');
  });

  it('counts 11:59 as in time and 12:00 as late, which moves the hours to the next pay date', () => {
    const onTime = pay.payment(week('2026-W48'), at('2026-11-30', '11:59'), at('2026-12-01', '09:00'));
    expect(onTime.late).toBe(false);
    expect(onTime.payDate.toString()).toBe('2026-12-02');
    expect(onTime.paidInWeek.toString()).toBe('2026-W48');

    const late = pay.payment(week('2026-W48'), at('2026-11-30', '12:00'), at('2026-12-01', '09:00'));
    expect(late.late).toBe(true);
    expect(late.payDate.toString()).toBe('2026-12-09');
    expect(late.paidInWeek.toString()).toBe('2026-W49');
    expect(show(late.deadline)).toBe('2026-11-30 12:00');
  });

  it('moves hours approved weeks late to the first deadline they still meet', () => {
    const justMissed = pay.payment(week('2026-W48'), at('2026-12-14', '12:00'), at('2026-12-15', '08:00'));
    expect(justMissed.paidInWeek.toString()).toBe('2026-W51');
    expect(justMissed.payDate.toString()).toBe('2026-12-23');
    expect(pay.payment(week('2026-W48'), at('2026-12-14', '11:59'), at('2026-12-15', '08:00')).payDate.toString()).toBe('2026-12-16');
  });

  it('counts hours approved during the week itself as in time', () => {
    expect(pay.payment(week('2026-W48'), at('2026-11-27', '17:00'), at('2026-12-10', '08:00')).late).toBe(false);
  });

  it('measures hours not yet approved against now: in time before the deadline, late from it on', () => {
    const before = pay.payment(week('2026-W48'), null, at('2026-11-30', '11:59'));
    expect(before).toMatchObject({ late: false });
    expect(before.payDate.toString()).toBe('2026-12-02');

    const atDeadline = pay.payment(week('2026-W48'), null, at('2026-11-30', '12:00'));
    expect(atDeadline.late).toBe(true);
    expect(atDeadline.payDate.toString()).toBe('2026-12-09');

    const aWeekLater = pay.payment(week('2026-W48'), null, at('2026-12-08', '09:00'));
    expect(aWeekLater.paidInWeek.toString()).toBe('2026-W50');
    expect(aWeekLater.payDate.toString()).toBe('2026-12-16');
  });

  it('crosses the year through ISO week 53 of 2026', () => {
    expect(show(pay.deadlineOf(week('2026-W52')))).toBe('2026-12-28 12:00');
    expect(pay.payDateOf(week('2026-W52')).toString()).toBe('2026-12-30');
    expect(show(pay.deadlineOf(week('2026-W53')))).toBe('2027-01-04 12:00');
    expect(pay.payDateOf(week('2026-W53')).toString()).toBe('2027-01-06');

    expect(pay.payment(week('2026-W52'), at('2026-12-29', '08:00'), at('2026-12-29', '08:00')).paidInWeek.toString()).toBe('2026-W53');
    const lateW53 = pay.payment(week('2026-W53'), at('2027-01-04', '12:00'), at('2027-01-04', '12:00'));
    expect(lateW53.paidInWeek.toString()).toBe('2027-W01');
    expect(lateW53.payDate.toString()).toBe('2027-01-13');
  });
});

describe('PayCalendar on public holidays', () => {
  it.each<[string, string, PayDayOnHoliday, string]>([
    // New Year's Day 2025 was a Wednesday (deadline Monday 2024-12-30)
    ['2024-W52', 'New Year\'s Day', 'NEXT_WORKING_DAY', '2025-01-02'],
    ['2024-W52', 'New Year\'s Day', 'PREVIOUS_WORKING_DAY', '2024-12-31'],
    // Liberation Day 2027 is a Wednesday, and Ascension Day the Thursday after it
    ['2027-W17', 'Liberation Day then Ascension Day', 'NEXT_WORKING_DAY', '2027-05-07'],
    ['2027-W17', 'Liberation Day then Ascension Day', 'PREVIOUS_WORKING_DAY', '2027-05-04'],
    // Christmas 2030 is a Wednesday, Boxing Day the Thursday
    ['2030-W51', 'Christmas then Boxing Day', 'NEXT_WORKING_DAY', '2030-12-27'],
    ['2030-W51', 'Christmas then Boxing Day', 'PREVIOUS_WORKING_DAY', '2030-12-24'],
  ])('pays %s (Wednesday on %s) with %s on %s', (isoWeek, _holiday, rule, expected) => {
    expect(calendar({ rule }).payDateOf(week(isoWeek)).toString()).toBe(expected);
  });

  it('pays on Good Friday: it is no holiday of the Algemene termijnenwet', () => {
    // 2026-W13: deadline Monday 2026-03-30, Friday 2026-04-03 is Good Friday
    expect(calendar({ payWeekday: 'FRI' }).payDateOf(week('2026-W13')).toString()).toBe('2026-04-03');
  });

  it('moves a Friday pay day on Christmas over Boxing Day and the weekend, or back to Thursday', () => {
    // 2026-W51: deadline Monday 2026-12-21; Christmas Friday 25, Boxing Day Saturday 26
    expect(calendar({ payWeekday: 'FRI' }).payDateOf(week('2026-W51')).toString()).toBe('2026-12-28');
    expect(calendar({ payWeekday: 'FRI', rule: 'PREVIOUS_WORKING_DAY' }).payDateOf(week('2026-W51')).toString()).toBe('2026-12-24');
  });

  it('never moves a pay day back to the deadline\'s date: then it takes the next working day', () => {
    // Deadline Tuesday 2027-05-04; Wednesday is Liberation Day, Thursday Ascension Day
    const tuesday = calendar({ deadline: 'TUE 12:00', rule: 'PREVIOUS_WORKING_DAY' });
    expect(tuesday.payDateOf(week('2027-W17')).toString()).toBe('2027-05-07');
    // Deadline Easter Sunday 2026-04-05, pay Easter Monday; the Friday before lies before the deadline
    const sunday = calendar({ deadline: 'SUN 23:59', payWeekday: 'MON', rule: 'PREVIOUS_WORKING_DAY' });
    expect(show(sunday.deadlineOf(week('2026-W13')))).toBe('2026-04-05 23:59');
    expect(sunday.payDateOf(week('2026-W13')).toString()).toBe('2026-04-07');
  });

  it('asks the holiday source once per year', () => {
    const years: number[] = [];
    const counting: NationalHolidaySource = {
      nationalHolidays: (year) => { years.push(year); return HAND_WRITTEN_DUTCH_HOLIDAYS.nationalHolidays(year); },
    };
    const pay = new PayCalendar(settings(), counting);
    for (let n = 1; n <= 52; n++) pay.payDateOf(IsoWeek.of(2026, n));
    pay.payDateOf(week('2027-W17'));
    expect(years.sort()).toEqual([2026, 2027]);
  });
});

describe('PayCalendar with an agency\'s own deadline and pay weekday', () => {
  const friday = calendar({ deadline: 'FRI 17:00', payWeekday: 'FRI' });

  it('pays a week later when the pay weekday is the deadline weekday', () => {
    expect(show(friday.deadlineOf(week('2026-W48')))).toBe('2026-12-04 17:00');
    expect(friday.payDateOf(week('2026-W48')).toString()).toBe('2026-12-11');
  });

  it('holds the deadline to the minute: 16:59 in time, 17:00 the next pay date', () => {
    expect(friday.payment(week('2026-W48'), at('2026-12-04', '16:59'), at('2026-12-05', '10:00')).payDate.toString()).toBe('2026-12-11');
    expect(friday.payment(week('2026-W48'), at('2026-12-04', '17:00'), at('2026-12-05', '10:00')).payDate.toString()).toBe('2026-12-18');
  });

  it('pays on a weekday that comes before the deadline weekday in the week after', () => {
    const wednesday = calendar({ deadline: 'WED 09:00', payWeekday: 'MON' });
    expect(show(wednesday.deadlineOf(week('2026-W48')))).toBe('2026-12-02 09:00');
    expect(wednesday.payDateOf(week('2026-W48')).toString()).toBe('2026-12-07');
  });
});

describe('compareLocalDateTimes', () => {
  it('orders by date, then by minute', () => {
    expect(compareLocalDateTimes(at('2026-11-30', '11:59'), at('2026-11-30', '12:00'))).toBeLessThan(0);
    expect(compareLocalDateTimes(at('2026-12-01', '00:00'), at('2026-11-30', '23:59'))).toBeGreaterThan(0);
    expect(compareLocalDateTimes(at('2026-11-30', '12:00'), at('2026-11-30', '12:00'))).toBe(0);
  });
});

describe('PayCalendar properties', () => {
  const FIRST = LocalDate.parse('2025-01-06').epochDay;
  const LAST = LocalDate.parse('2027-11-29').epochDay;
  const TWO_WEEKS = 14 * 24 * 60;

  /** Working days for pay, worked out apart from the class: weekdays that are no holiday but Good Friday. */
  const holidayDates = new Set(
    [2025, 2026, 2027, 2028]
      .flatMap((year) => HAND_WRITTEN_DUTCH_HOLIDAYS.nationalHolidays(year))
      .filter((holiday) => holiday.name !== 'GOOD_FRIDAY')
      .map((holiday) => holiday.date.toString()),
  );
  const isWorkingDay = (date: LocalDate) => !date.weekday.isWeekend && !holidayDates.has(date.toString());

  const anySettings = fc.record({
    approvalDeadline: fc.record({ day: fc.integer({ min: 1, max: 7 }), minute: fc.integer({ min: 0, max: 1439 }) })
      .map(({ day, minute }) => ApprovalDeadline.of(Weekday.ofIso(day), TimeOfDay.ofMinuteOfDay(minute))),
    payWeekday: fc.integer({ min: 1, max: 7 }).map((iso) => Weekday.ofIso(iso)),
    payDayOnHoliday: fc.constantFrom(...PAY_DAY_ON_HOLIDAY_RULES),
  });
  const anyWeek = fc.integer({ min: FIRST, max: LAST }).map((day) => IsoWeek.containing(LocalDate.ofEpochDay(day)));
  /** A moment from the week's Monday up to about five weeks later. */
  const momentIn = (isoWeek: IsoWeek, minutes: number): LocalDateTime => ({
    date: LocalDate.ofEpochDay(isoWeek.mondayEpoch + Math.floor(minutes / 1440)),
    minuteOfDay: minutes % 1440,
  });
  const anyOffset = fc.integer({ min: 0, max: 5 * 7 * 1440 });

  it('pays on a working day after the deadline\'s date, within two weeks of it', () => {
    fc.assert(
      fc.property(anySettings, anyWeek, (props, isoWeek) => {
        const pay = new PayCalendar(props, HAND_WRITTEN_DUTCH_HOLIDAYS);
        const deadline = pay.deadlineOf(isoWeek).date;
        const payDate = pay.payDateOf(isoWeek);
        expect(payDate.isAfter(deadline)).toBe(true);
        expect(deadline.daysUntil(payDate)).toBeLessThan(14);
        expect(isWorkingDay(payDate)).toBe(true);
        expect(pay.isWorkingDay(payDate)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('pays later or on the same date the later the hours are approved', () => {
    fc.assert(
      fc.property(anySettings, anyWeek, anyOffset, anyOffset, (props, isoWeek, a, b) => {
        const pay = new PayCalendar(props, HAND_WRITTEN_DUTCH_HOLIDAYS);
        const now = momentIn(isoWeek, 0);
        const earlier = pay.payment(isoWeek, momentIn(isoWeek, Math.min(a, b)), now);
        const later = pay.payment(isoWeek, momentIn(isoWeek, Math.max(a, b)), now);
        expect(earlier.payDate.compare(later.payDate)).toBeLessThanOrEqual(0);
        expect(earlier.paidInWeek.compare(later.paidInWeek)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });

  it('moves hours to the first deadline that the approval is strictly before', () => {
    fc.assert(
      fc.property(anySettings, anyWeek, anyOffset, fc.boolean(), (props, isoWeek, offset, approved) => {
        const pay = new PayCalendar(props, HAND_WRITTEN_DUTCH_HOLIDAYS);
        const moment = momentIn(isoWeek, offset);
        const result = approved
          ? pay.payment(isoWeek, moment, momentIn(isoWeek, TWO_WEEKS))
          : pay.payment(isoWeek, null, moment);
        expect(compareLocalDateTimes(moment, pay.deadlineOf(result.paidInWeek))).toBeLessThan(0);
        expect(result.late).toBe(!result.paidInWeek.equals(isoWeek));
        expect(result.late).toBe(compareLocalDateTimes(moment, pay.deadlineOf(isoWeek)) >= 0);
        if (result.late) {
          expect(compareLocalDateTimes(moment, pay.deadlineOf(result.paidInWeek.previous()))).toBeGreaterThanOrEqual(0);
        }
        expect(result.payDate.equals(pay.payDateOf(result.paidInWeek))).toBe(true);
        expect(result.deadline).toEqual(pay.deadlineOf(isoWeek));
      }),
      { numRuns: 500 },
    );
  });
});
