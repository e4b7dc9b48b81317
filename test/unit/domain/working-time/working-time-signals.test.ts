import { datesFrom, signalsOf, summary, times, total } from './working-time-helpers';
import { LocalDate } from '../../../../src/domain/time/local-date.value-object';
import { WORKING_TIME_ACT_RULES } from '../../../../src/domain/working-time/working-time-act-rules';

/**
 * Issue 13, rule 6: the Arbeidstijdenwet signals of one week, each rule at its edge (exactly at
 * the limit, one minute past), across midnight, across both clock changes of 2026 (Europe/Amsterdam:
 * 29 March a night of 7 real hours for 8 on the wall, 25 October one of 9) and over 16 weeks.
 */
const W47 = '2026-W47'; // Monday 2026-11-16

describe('a shift over 12 hours', () => {
  it('is allowed at exactly 12:00 and signalled at 12:01, breaks not counted', () => {
    expect(summary(signalsOf(W47, [times('2026-11-17', ['06:00-18:00'])]))).toEqual([]);
    expect(summary(signalsOf(W47, [times('2026-11-17', ['06:00-18:01'])]))).toEqual(['SHIFT_HOURS 2026-11-17 12:00<12:01']);
    expect(summary(signalsOf(W47, [times('2026-11-17', ['06:00-18:31'], '0:30')]))).toEqual(['SHIFT_HOURS 2026-11-17 12:00<12:01']);
    expect(summary(signalsOf(W47, [times('2026-11-17', ['06:00-18:30'], ['12:00-12:30'])]))).toEqual([]);
  });

  it('counts a shift across midnight on the day it began', () => {
    expect(summary(signalsOf(W47, [times('2026-11-18', ['12:59-01:00'])]))).toEqual(['SHIFT_HOURS 2026-11-18 12:00<12:01']);
    // 18:00-06:01: the same length, and with more than an hour in the night also a night shift over 10:00.
    expect(summary(signalsOf(W47, [times('2026-11-18', ['18:00-06:01'])]))).toEqual(['SHIFT_HOURS 2026-11-18 12:00<12:01', 'NIGHT_SHIFT_HOURS 2026-11-18 10:00<12:01']);
  });

  it('joins work with a gap under 8 hours into one shift: a split shift, or two placements on one day', () => {
    // Its span of 16:01 leaves 7:59 of rest in the 24 hours from 06:00: a rest signal too.
    expect(summary(signalsOf(W47, [times('2026-11-17', ['06:00-12:00', '16:00-22:01'])]))).toEqual(['SHIFT_HOURS 2026-11-17 12:00<12:01', 'DAILY_REST 2026-11-17 7:59<8:00']);
    expect(summary(signalsOf(W47, [times('2026-11-17', ['08:00-14:00', '16:00-22:01'])]))).toEqual(['SHIFT_HOURS 2026-11-17 12:00<12:01']);
    expect(summary(signalsOf(W47, [times('2026-11-17', ['06:00-12:00']), times('2026-11-17', ['12:00-18:01'])]))).toEqual(['SHIFT_HOURS 2026-11-17 12:00<12:01']);
    // A gap of exactly 8 hours is a rest: two shifts of 6:00 each (the rest is shortened, once: allowed).
    expect(summary(signalsOf(W47, [times('2026-11-17', ['04:00-10:00', '18:00-24:00'])]))).toEqual([]);
  });

  it('counts the real hours of a night when the clocks change', () => {
    // 25 October: 20:00-07:30 on the wall is 12:30 of real time (the hour 02:00-03:00 twice).
    expect(summary(signalsOf('2026-W43', [times('2026-10-24', ['20:00-07:30'])]))).toEqual(['SHIFT_HOURS 2026-10-24 12:00<12:30', 'NIGHT_SHIFT_HOURS 2026-10-24 10:00<12:30']);
    // 29 March: 20:00-08:30 on the wall is 11:30 of real time (02:00-03:00 skipped); still a night shift over 10:00.
    expect(summary(signalsOf('2026-W13', [times('2026-03-28', ['20:00-08:30'])]))).toEqual(['NIGHT_SHIFT_HOURS 2026-03-28 10:00<11:30']);
    expect(summary(signalsOf('2026-W13', [times('2026-03-28', ['19:00-08:00'])]))).toEqual(['NIGHT_SHIFT_HOURS 2026-03-28 10:00<12:00']);
  });

  it('is never signalled for a day total: without times it says nothing about shifts', () => {
    expect(summary(signalsOf(W47, [total('2026-11-17', '14:00')]))).toEqual([]);
  });
});

describe('a week over 60 hours', () => {
  const fiveDays = (last: string) => datesFrom('2026-11-16', 5).map((d, i) => total(d, i === 4 ? last : '12:00'));

  it('is allowed at exactly 60:00 and signalled at 60:01, naming the days worked', () => {
    expect(summary(signalsOf(W47, fiveDays('12:00')))).toEqual([]);
    expect(summary(signalsOf(W47, fiveDays('12:01')))).toEqual(['WEEK_HOURS 2026-11-16,2026-11-17,2026-11-18,2026-11-19,2026-11-20 60:00<60:01']);
  });

  it("counts a Sunday night shift's hours after midnight in the next week", () => {
    const days = [...fiveDays('10:00'), times('2026-11-22', ['22:00-07:00'], '0:30')];
    // 2:00 on Sunday: 58:00 + 2:00 = 60:00 in W47; the break (a duration) is taken from the end, on Monday.
    expect(summary(signalsOf(W47, days))).toEqual([]);
    const longer = [...fiveDays('12:00'), times('2026-11-22', ['23:58-06:00'])];
    expect(summary(signalsOf(W47, longer))).toEqual(['WEEK_HOURS 2026-11-16,2026-11-17,2026-11-18,2026-11-19,2026-11-20,2026-11-22 60:00<60:02']);
  });
});

describe('an average over 48 hours in 16 weeks', () => {
  // 16 weeks ending with W47 start on Monday 2026-08-03 (W32). 48:00 a week: 6 × 8:00.
  const weeks = (count: number, lastWeekExtra: string | null) =>
    Array.from({ length: count }, (_, w) => datesFrom('2026-11-16', 6).map((d) => LocalDateShift(d, -7 * (count - 1 - w))))
      .flatMap((dates, w) => dates.map((d, i) => total(d, w === count - 1 && i === 5 && lastWeekExtra ? lastWeekExtra : '8:00')));

  it('is allowed at exactly 48:00 on average and signalled one minute past, with its window', () => {
    expect(summary(signalsOf(W47, weeks(16, null)))).toEqual([]);
    const past = signalsOf(W47, weeks(16, '8:16'));
    expect(summary(past)).toEqual(['AVERAGE_WEEK_HOURS 2026-11-16,2026-11-17,2026-11-18,2026-11-19,2026-11-20,2026-11-21 48:00<48:01']);
    expect([past[0].windowFrom?.toString(), past[0].windowTo?.toString()]).toEqual(['2026-08-03', '2026-11-22']);
  });

  it('counts 16 weeks only: a 17th week before them does not add', () => {
    const seventeen = weeks(17, null).map((d, i) => (i < 6 ? total(d.date.toString(), '24:00') : d));
    expect(summary(signalsOf(W47, seventeen))).toEqual([]);
  });

  it('is not shown on a week without hours (it adds nothing to the excess)', () => {
    const fifteen = weeks(16, null).filter((d) => d.date.toString() < '2026-11-16').map((d) => total(d.date.toString(), '9:00'));
    expect(summary(signalsOf(W47, fifteen))).toEqual([]);
    expect(summary(signalsOf('2026-W46', fifteen)).map((s) => s.split(' ')[0])).toEqual(['AVERAGE_WEEK_HOURS']);
  });
});

describe('less than 11 hours of rest', () => {
  it('is fine at exactly 11:00, and a rest of 10:59 is allowed once in 7 × 24 hours', () => {
    expect(summary(signalsOf(W47, [times('2026-11-16', ['12:00-22:00']), times('2026-11-17', ['09:00-17:00'])]))).toEqual([]);
    expect(summary(signalsOf(W47, [times('2026-11-16', ['12:00-22:00']), times('2026-11-17', ['08:59-17:00'])]))).toEqual([]);
  });

  it('is signalled the second time within 7 × 24 hours, not when they are exactly 7 × 24 hours apart', () => {
    const twice = [times('2026-11-16', ['12:00-22:00']), times('2026-11-17', ['08:00-16:00']), times('2026-11-20', ['12:00-22:00']), times('2026-11-21', ['06:00-14:00'])];
    expect(summary(signalsOf(W47, twice))).toEqual(['DAILY_REST 2026-11-20,2026-11-21 8:00<11:00 after 2026-11-16']);
    const weekApart = [times('2026-11-16', ['12:00-22:00']), times('2026-11-17', ['08:00-16:00']), times('2026-11-23', ['12:00-22:00']), times('2026-11-24', ['08:00-16:00'])];
    expect(summary(signalsOf('2026-W48', weekApart))).toEqual([]);
    const justWithin = [times('2026-11-16', ['12:00-22:00']), times('2026-11-17', ['08:00-16:00']), times('2026-11-23', ['12:00-21:59']), times('2026-11-24', ['08:00-16:00'])];
    expect(summary(signalsOf('2026-W48', justWithin))).toEqual(['DAILY_REST 2026-11-23,2026-11-24 10:01<11:00 after 2026-11-16']);
  });

  it('is always signalled under 8 hours: the 24 hours from a shift hold no rest that long', () => {
    const days = [times('2026-11-16', ['08:00-16:00', '23:00-07:00']), times('2026-11-17', ['14:00-20:00'])];
    expect(summary(signalsOf(W47, days))).toEqual(['SHIFT_HOURS 2026-11-16,2026-11-17 12:00<22:00', 'NIGHT_SHIFT_HOURS 2026-11-16,2026-11-17 10:00<22:00', 'DAILY_REST 2026-11-16,2026-11-17 7:00<8:00']);
  });

  it('is counted in real time across a clock change', () => {
    // A shortened rest from Thursday to Friday; Saturday ends 22:00 and Sunday 25 October starts 08:00 on the wall:
    // 11 real hours (02:00-03:00 twice), so not a second shortened rest; 07:59 on the wall is 10:59.
    const autumn = (sunday: string) => [times('2026-10-22', ['12:00-22:00']), times('2026-10-23', ['08:00-16:00']), times('2026-10-24', ['12:00-22:00']), times('2026-10-25', [`${sunday}-12:00`])];
    expect(summary(signalsOf('2026-W43', autumn('08:00')))).toEqual([]);
    expect(summary(signalsOf('2026-W43', autumn('07:59')))).toEqual(['DAILY_REST 2026-10-24,2026-10-25 10:59<11:00 after 2026-10-22']);
    // 28 March ends 20:00; 29 March 07:59 on the wall is 10:59 real hours: shortened; with another shortened rest before it, signalled.
    const spring = [times('2026-03-26', ['12:00-22:00']), times('2026-03-27', ['08:00-16:00']), times('2026-03-28', ['10:00-20:00']), times('2026-03-29', ['07:59-12:00'])];
    expect(summary(signalsOf('2026-W13', spring))).toEqual(['DAILY_REST 2026-03-28,2026-03-29 10:59<11:00 after 2026-03-26']);
    const springOk = [times('2026-03-26', ['12:00-22:00']), times('2026-03-27', ['08:00-16:00']), times('2026-03-28', ['10:00-20:00']), times('2026-03-29', ['08:00-12:00'])];
    expect(summary(signalsOf('2026-W13', springOk))).toEqual([]);
  });

  it('is never signalled for day totals', () => {
    expect(summary(signalsOf(W47, datesFrom('2026-11-16', 7).map((d) => total(d, '11:00'))))).toEqual(['WEEK_HOURS 2026-11-16,2026-11-17,2026-11-18,2026-11-19,2026-11-20,2026-11-21,2026-11-22 60:00<77:00']);
  });
});

describe('night shifts', () => {
  it('are shifts with more than one hour of work between 00:00 and 06:00', () => {
    expect(summary(signalsOf(W47, [times('2026-11-17', ['14:00-01:00'])]))).toEqual([]);
    expect(summary(signalsOf(W47, [times('2026-11-17', ['15:00-01:01'])]))).toEqual(['NIGHT_SHIFT_HOURS 2026-11-17 10:00<10:01']);
    // A break given as a duration may lie in the night: 90 minutes there, less 30, is not more than an hour.
    expect(summary(signalsOf(W47, [times('2026-11-17', ['15:00-01:30'], '0:30')]))).toEqual([]);
  });

  it('are allowed at exactly 10:00 and signalled at 10:01', () => {
    expect(summary(signalsOf(W47, [times('2026-11-17', ['22:00-08:00'])]))).toEqual([]);
    expect(summary(signalsOf(W47, [times('2026-11-17', ['22:00-08:01'])]))).toEqual(['NIGHT_SHIFT_HOURS 2026-11-17 10:00<10:01']);
  });

  it('number at most 36 in the 16 weeks ending with this week', () => {
    // Nights on Monday, Wednesday and Friday; the 16 weeks ending with W47 begin on Monday 2026-08-03.
    const nightDates = datesFrom('2026-07-27', 17 * 7).filter((d) => [0, 2, 4].includes(datesFrom('2026-07-27', 17 * 7).indexOf(d) % 7));
    const night = (date: string) => times(date, ['23:00-07:00']);
    const last36 = nightDates.slice(-36).map(night);
    expect(summary(signalsOf(W47, last36))).toEqual([]);
    // A 37th before the window (W31) does not count; one inside it does.
    expect(summary(signalsOf(W47, [night('2026-07-31'), ...last36]))).toEqual([]);
    const result = signalsOf(W47, [night('2026-08-03'), ...last36]);
    expect(summary(result)).toEqual(['NIGHT_SHIFTS 2026-11-16,2026-11-18,2026-11-20 36<37']);
    expect([result[0].unit, result[0].windowFrom?.toString(), result[0].windowTo?.toString()]).toEqual(['SHIFTS', '2026-08-03', '2026-11-22']);
    // A week without a night shift adds nothing to the excess: nothing shown on it.
    expect(summary(signalsOf(W47, [night('2026-08-03'), ...last36.filter((d) => d.date.toString() < '2026-11-16')]))).toEqual([]);
  });
});

describe('the limits are data', () => {
  it('judges a week by the version in force on its Monday', () => {
    const versions = [...WORKING_TIME_ACT_RULES, { ...WORKING_TIME_ACT_RULES[0], validFrom: '2026-11-23', maxShiftMinutes: 11 * 60 }];
    const long = (date: string) => times(date, ['06:00-17:30']);
    expect(summary(signalsOf(W47, [long('2026-11-17')], versions))).toEqual([]);
    const next = signalsOf('2026-W48', [long('2026-11-24')], versions);
    expect(summary(next)).toEqual(['SHIFT_HOURS 2026-11-24 11:00<11:30']);
    expect(next[0].rulesVersion).toBe('2026-11-23');
    expect(signalsOf(W47, [times('2026-11-17', ['06:00-18:01'])])[0].rulesVersion).toBe('2007-04-01');
  });

  it('gives nothing for a week before the first version', () => {
    expect(signalsOf('2006-W10', [times('2006-03-07', ['06:00-23:00'])])).toEqual([]);
  });
});

function LocalDateShift(date: string, days: number): string {
  return LocalDate.parse(date).plusDays(days).toString();
}
