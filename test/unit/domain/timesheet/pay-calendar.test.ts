import fc from 'fast-check';
import { ApprovalDeadline } from '../../../../src/domain/agency/approval-deadline.value-object';
import { AgencySettings, PAY_DAY_ON_HOLIDAY_RULES, PayDayOnHoliday } from '../../../../src/domain/agency/agency-settings.value-object';
import { IsoWeek } from '../../../../src/domain/time/iso-week.value-object';
import { LocalDate } from '../../../../src/domain/time/local-date.value-object';
import { TimeOfDay } from '../../../../src/domain/time/time-of-day.value-object';
import { Weekday } from '../../../../src/domain/time/weekday.value-object';
import { LocalDateTime, PayCalendar, PayCalendarSettings } from '../../../../src/domain/timesheet/pay-calendar';
import { NationalHolidaySource } from '../../../../src/domain/unravel/unravel-ports';
import { HAND_WRITTEN_DUTCH_HOLIDAYS } from '../../../fixtures/unravel/dutch-calendar';
import { AMSTERDAM_INSTANT_OF } from './amsterdam-instant-of';

const wallTime = (date: string, time: string): LocalDateTime => ({ date: LocalDate.parse(date), minuteOfDay: TimeOfDay.parse(time).minuteOfDay });
/** `at('2026-11-30', '11:59')`: the instant of that time in Amsterdam (one that exists once). */
const at = (date: string, time: string): Date => AMSTERDAM_INSTANT_OF(wallTime(date, time));
const show = (moment: LocalDateTime) => `${moment.date} ${TimeOfDay.ofMinuteOfDay(moment.minuteOfDay)}`;
const week = IsoWeek.parse;
const utc = (iso: string) => new Date(iso);
const AMSTERDAM = AMSTERDAM_INSTANT_OF;

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

  it('counts 11:59 (to its last millisecond) as in time and 12:00 as late, which moves the hours to the next pay date', () => {
    expect(pay.payment(week('2026-W48'), utc('2026-11-30T10:59:59.999Z'), at('2026-12-01', '09:00'), AMSTERDAM).late).toBe(false);

    const onTime = pay.payment(week('2026-W48'), at('2026-11-30', '11:59'), at('2026-12-01', '09:00'), AMSTERDAM);
    expect(onTime.late).toBe(false);
    expect(onTime.payDate.toString()).toBe('2026-12-02');
    expect(onTime.paidInWeek.toString()).toBe('2026-W48');

    const late = pay.payment(week('2026-W48'), at('2026-11-30', '12:00'), at('2026-12-01', '09:00'), AMSTERDAM);
    expect(late.late).toBe(true);
    expect(late.payDate.toString()).toBe('2026-12-09');
    expect(late.paidInWeek.toString()).toBe('2026-W49');
    expect(late.deadline).toEqual(utc('2026-11-30T11:00:00Z'));
  });

  it('moves hours approved weeks late to the first deadline they still meet', () => {
    const justMissed = pay.payment(week('2026-W48'), at('2026-12-14', '12:00'), at('2026-12-15', '08:00'), AMSTERDAM);
    expect(justMissed.paidInWeek.toString()).toBe('2026-W51');
    expect(justMissed.payDate.toString()).toBe('2026-12-23');
    expect(pay.payment(week('2026-W48'), at('2026-12-14', '11:59'), at('2026-12-15', '08:00'), AMSTERDAM).payDate.toString()).toBe('2026-12-16');
  });

  it('counts hours approved during the week itself as in time', () => {
    expect(pay.payment(week('2026-W48'), at('2026-11-27', '17:00'), at('2026-12-10', '08:00'), AMSTERDAM).late).toBe(false);
  });

  it('measures hours not yet approved against now: in time before the deadline, late from it on', () => {
    const before = pay.payment(week('2026-W48'), null, at('2026-11-30', '11:59'), AMSTERDAM);
    expect(before).toMatchObject({ late: false });
    expect(before.payDate.toString()).toBe('2026-12-02');

    const atDeadline = pay.payment(week('2026-W48'), null, at('2026-11-30', '12:00'), AMSTERDAM);
    expect(atDeadline.late).toBe(true);
    expect(atDeadline.payDate.toString()).toBe('2026-12-09');

    const aWeekLater = pay.payment(week('2026-W48'), null, at('2026-12-08', '09:00'), AMSTERDAM);
    expect(aWeekLater.paidInWeek.toString()).toBe('2026-W50');
    expect(aWeekLater.payDate.toString()).toBe('2026-12-16');
  });

  it('crosses the year through ISO week 53 of 2026', () => {
    expect(show(pay.deadlineOf(week('2026-W52')))).toBe('2026-12-28 12:00');
    expect(pay.payDateOf(week('2026-W52')).toString()).toBe('2026-12-30');
    expect(show(pay.deadlineOf(week('2026-W53')))).toBe('2027-01-04 12:00');
    expect(pay.payDateOf(week('2026-W53')).toString()).toBe('2027-01-06');

    expect(pay.payment(week('2026-W52'), at('2026-12-29', '08:00'), at('2026-12-29', '08:00'), AMSTERDAM).paidInWeek.toString()).toBe('2026-W53');
    const lateW53 = pay.payment(week('2026-W53'), at('2027-01-04', '12:00'), at('2027-01-04', '12:00'), AMSTERDAM);
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
    expect(friday.payment(week('2026-W48'), at('2026-12-04', '16:59'), at('2026-12-05', '10:00'), AMSTERDAM).payDate.toString()).toBe('2026-12-11');
    expect(friday.payment(week('2026-W48'), at('2026-12-04', '17:00'), at('2026-12-05', '10:00'), AMSTERDAM).payDate.toString()).toBe('2026-12-18');
  });

  it('pays on a weekday that comes before the deadline weekday in the week after', () => {
    const wednesday = calendar({ deadline: 'WED 09:00', payWeekday: 'MON' });
    expect(show(wednesday.deadlineOf(week('2026-W48')))).toBe('2026-12-02 09:00');
    expect(wednesday.payDateOf(week('2026-W48')).toString()).toBe('2026-12-07');
  });
});

describe('PayCalendar in the hours clocks change (Europe/Amsterdam): the deadline is one instant', () => {
  const sunday0230 = calendar({ deadline: 'SUN 02:30' });

  it('reads a Sunday 02:30 deadline on 29 March 2026, a time the clock skips, as 03:30 summer time (01:30Z)', () => {
    expect(show(sunday0230.deadlineOf(week('2026-W12')))).toBe('2026-03-29 02:30');
    const onTime = (approvedAt: string) => sunday0230.payment(week('2026-W12'), utc(approvedAt), utc('2026-04-01T10:00:00Z'), AMSTERDAM);
    for (const approvedAt of ['2026-03-29T01:10:00Z', '2026-03-29T01:29:00Z', '2026-03-29T01:29:59.999Z']) {
      expect(onTime(approvedAt)).toMatchObject({ deadline: utc('2026-03-29T01:30:00Z'), late: false });
      expect(onTime(approvedAt).payDate.toString()).toBe('2026-04-01');
    }
    const late = onTime('2026-03-29T01:30:00Z');
    expect(late).toMatchObject({ deadline: utc('2026-03-29T01:30:00Z'), late: true });
    expect(late.paidInWeek.toString()).toBe('2026-W13');
    // Deadline Easter Sunday 5 April 02:30 summer time, paid Wednesday 8 April.
    expect(late.payDate.toString()).toBe('2026-04-08');
  });

  it('turns an unapproved week late at 01:30Z on 29 March, not at 01:30 wall-clock time', () => {
    expect(sunday0230.payment(week('2026-W12'), null, utc('2026-03-29T01:29:00Z'), AMSTERDAM).late).toBe(false);
    expect(sunday0230.payment(week('2026-W12'), null, utc('2026-03-29T01:30:00Z'), AMSTERDAM).late).toBe(true);
  });

  it('reads a deadline in the doubled hour of 25 October 2026 as its first occurrence, and is late from that instant on', () => {
    const payment = (approvedAt: string) => sunday0230.payment(week('2026-W42'), utc(approvedAt), utc('2026-10-28T10:00:00Z'), AMSTERDAM);
    expect(payment('2026-10-25T00:29:59.999Z')).toMatchObject({ deadline: utc('2026-10-25T00:30:00Z'), late: false });
    // 00:45Z is 02:45 summer time; 01:15Z is 02:15 winter time, earlier on the wall clock but later in fact.
    for (const approvedAt of ['2026-10-25T00:30:00Z', '2026-10-25T00:45:00Z', '2026-10-25T01:15:00Z', '2026-10-25T01:45:00Z']) {
      expect(payment(approvedAt)).toMatchObject({ deadline: utc('2026-10-25T00:30:00Z'), late: true });
      expect(payment(approvedAt).paidInWeek.toString()).toBe('2026-W43');
    }
  });

  it('is late exactly from the reported deadline on, minute by minute through both clock-change nights', () => {
    for (const [isoWeek, from] of [['2026-W12', '2026-03-28T23:00:00Z'], ['2026-W42', '2026-10-24T22:00:00Z']] as const) {
      for (const deadline of ['SUN 02:00', 'SUN 02:30', 'SUN 02:59', 'SUN 03:00']) {
        const pay = calendar({ deadline });
        let wasLate = false;
        for (let minute = 0; minute <= 6 * 60; minute++) {
          const approvedAt = new Date(utc(from).getTime() + minute * 60_000);
          const payment = pay.payment(week(isoWeek), approvedAt, approvedAt, AMSTERDAM);
          expect(payment.late).toBe(approvedAt >= payment.deadline);
          expect(payment.late || !wasLate).toBe(true);
          wasLate = payment.late;
        }
        expect(wasLate).toBe(true);
      }
    }
  });

  it('moves late hours to the k-th later deadline, each the instant of its own week, also when that one lies in the skipped hour', () => {
    // 2026-W10's deadline is Sunday 15 March 02:30 winter time (01:30Z); 2026-W12's is 29 March 02:30, i.e. 01:30Z.
    const w10 = (approvedAt: string) => sunday0230.payment(week('2026-W10'), utc(approvedAt), utc(approvedAt), AMSTERDAM);
    expect(w10('2026-03-29T01:29:00Z')).toMatchObject({ deadline: utc('2026-03-15T01:30:00Z'), late: true });
    expect(w10('2026-03-29T01:29:00Z').paidInWeek.toString()).toBe('2026-W12');
    expect(w10('2026-03-29T01:29:00Z').payDate.toString()).toBe('2026-04-01');
    expect(w10('2026-03-29T01:30:00Z').paidInWeek.toString()).toBe('2026-W13');
  });

  it('takes a later deadline in summer time at its own instant: three weeks after a winter deadline is an hour less than 3 × 168 h', () => {
    // 2026-W13's deadline is Sunday 5 April 02:30 summer time = 00:30Z; 3 × 168 h after 15 March 01:30Z would be 01:30Z.
    const w10 = (approvedAt: string) => sunday0230.payment(week('2026-W10'), utc(approvedAt), utc(approvedAt), AMSTERDAM);
    expect(w10('2026-04-05T00:29:00Z').paidInWeek.toString()).toBe('2026-W13');
    expect(w10('2026-04-05T00:40:00Z').paidInWeek.toString()).toBe('2026-W14');
    expect(w10('2026-04-05T00:40:00Z').payDate.toString()).toBe('2026-04-15');
  });

  it('takes later deadlines across the autumn change at their own instants too', () => {
    // 2026-W41's deadline is 18 October 02:30 summer time (00:30Z), 2026-W42's the first 02:30 of 25 October (00:30Z),
    // 2026-W43's 1 November 02:30 winter time (01:30Z), 169 h after the one before.
    const w41 = sunday0230.payment(week('2026-W41'), utc('2026-10-25T01:15:00Z'), utc('2026-10-25T01:15:00Z'), AMSTERDAM);
    expect(w41.paidInWeek.toString()).toBe('2026-W43');
    const w42 = (approvedAt: string) => sunday0230.payment(week('2026-W42'), utc(approvedAt), utc(approvedAt), AMSTERDAM);
    expect(w42('2026-11-01T01:15:00Z').paidInWeek.toString()).toBe('2026-W43');
    expect(w42('2026-11-01T01:29:59.999Z').paidInWeek.toString()).toBe('2026-W43');
    expect(w42('2026-11-01T01:30:00Z').paidInWeek.toString()).toBe('2026-W44');
  });
});

describe('PayCalendar properties', () => {
  const FIRST = LocalDate.parse('2025-01-06').epochDay;
  const LAST = LocalDate.parse('2027-11-29').epochDay;
  const TWO_WEEKS = 14 * 24 * 3600;

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
  /** Weeks whose moments (up to six weeks on) stay within the hand-written clock changes (2025–2027). */
  const anyWeekToPay = fc.integer({ min: FIRST, max: LocalDate.parse('2027-10-25').epochDay }).map((day) => IsoWeek.containing(LocalDate.ofEpochDay(day)));
  /** An instant from the week's Monday 00:00 in Amsterdam up to about five weeks later (to the second). */
  const momentIn = (isoWeek: IsoWeek, seconds: number): Date =>
    new Date(AMSTERDAM({ date: isoWeek.monday, minuteOfDay: 0 }).getTime() + seconds * 1000);
  const anyOffset = fc.integer({ min: 0, max: 5 * 7 * 1440 * 60 });
  const deadlineAt = (pay: PayCalendar, isoWeek: IsoWeek) => AMSTERDAM(pay.deadlineOf(isoWeek));

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
      fc.property(anySettings, anyWeekToPay, anyOffset, anyOffset, (props, isoWeek, a, b) => {
        const pay = new PayCalendar(props, HAND_WRITTEN_DUTCH_HOLIDAYS);
        const now = momentIn(isoWeek, 0);
        const earlier = pay.payment(isoWeek, momentIn(isoWeek, Math.min(a, b)), now, AMSTERDAM);
        const later = pay.payment(isoWeek, momentIn(isoWeek, Math.max(a, b)), now, AMSTERDAM);
        expect(earlier.payDate.compare(later.payDate)).toBeLessThanOrEqual(0);
        expect(earlier.paidInWeek.compare(later.paidInWeek)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });

  it('moves hours to the first deadline instant that the approval is strictly before (clock changes of 2025–2027 included)', () => {
    fc.assert(
      fc.property(anySettings, anyWeekToPay, anyOffset, fc.boolean(), (props, isoWeek, offset, approved) => {
        const pay = new PayCalendar(props, HAND_WRITTEN_DUTCH_HOLIDAYS);
        const moment = momentIn(isoWeek, offset);
        const result = approved
          ? pay.payment(isoWeek, moment, momentIn(isoWeek, TWO_WEEKS), AMSTERDAM)
          : pay.payment(isoWeek, null, moment, AMSTERDAM);
        expect(moment.getTime()).toBeLessThan(deadlineAt(pay, result.paidInWeek).getTime());
        expect(result.late).toBe(!result.paidInWeek.equals(isoWeek));
        expect(result.late).toBe(moment >= result.deadline);
        if (result.late) {
          expect(moment.getTime()).toBeGreaterThanOrEqual(deadlineAt(pay, result.paidInWeek.previous()).getTime());
        }
        expect(result.payDate.equals(pay.payDateOf(result.paidInWeek))).toBe(true);
        expect(result.deadline).toEqual(deadlineAt(pay, isoWeek));
      }),
      { numRuns: 500 },
    );
  });
});
