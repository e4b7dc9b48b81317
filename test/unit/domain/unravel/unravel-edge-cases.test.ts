import { ValidationError } from '../../../../src/domain/shared/domain-error';
import { HoursMinutes } from '../../../../src/domain/time/hours-minutes.value-object';
import { IsoWeek } from '../../../../src/domain/time/iso-week.value-object';
import { LocalDate } from '../../../../src/domain/time/local-date.value-object';
import { TimeOfDay } from '../../../../src/domain/time/time-of-day.value-object';
import { CaoUnravelSchedule } from '../../../../src/domain/unravel/cao-unravel-schedule';
import { unravel } from '../../../../src/domain/unravel/unravel.service';
import { UnravelResult } from '../../../../src/domain/unravel/unravel-result';
import { BreakInput, WorkDay } from '../../../../src/domain/unravel/work-day.value-object';
import { HAND_WRITTEN_AMSTERDAM, HAND_WRITTEN_DUTCH_HOLIDAYS } from '../../../fixtures/unravel/dutch-calendar';

const t = TimeOfDay.parse;
const e = TimeOfDay.parseEnd;
const date = LocalDate.parse;

function schedule(version: Record<string, unknown>): CaoUnravelSchedule {
  return CaoUnravelSchedule.parse({ name: 'test', versions: [{ validFrom: '2025-01-01', hourCodes: { normal: 'U100' }, ...version }] });
}

function shift(day: string, start: string, end: string, breakInput?: BreakInput): WorkDay {
  return WorkDay.ofBlocks(date(day), [{ start: t(start), end: e(end) }], breakInput);
}

function lines(result: UnravelResult): string[] {
  return result.days.flatMap((d) => d.lines.map((l) => `${l.date} ${l.hourCode} ${l.percentage} ${l.minutes} ${l.from ?? '-'}-${l.to ?? '-'}`));
}

function run(s: CaoUnravelSchedule, week: string, days: WorkDay[], contractMinutes: number | null = null): UnravelResult {
  return unravel({ week: IsoWeek.parse(week), days, schedule: s, holidays: HAND_WRITTEN_DUTCH_HOLIDAYS, contractMinutes, timeZone: HAND_WRITTEN_AMSTERDAM });
}

const NIGHT = { id: 'night', days: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'], from: '00:00', to: '06:00', percentage: 50, hourCode: 'ORT50' };
const SUNDAY = { id: 'sunday', days: ['SUN', 'HOLIDAY'], from: '00:00', to: '24:00', percentage: 100, hourCode: 'ORT100' };

describe('unravel: edge cases', () => {
  it('counts the night the clocks go back as the 9 hours really worked (25 October 2026)', () => {
    const result = run(schedule({ ortWindows: [NIGHT] }), '2026-W43', [shift('2026-10-24', '22:00', '06:00')]);
    expect(result.days[0].workedMinutes).toBe(540);
    expect(lines(result)).toEqual([
      '2026-10-24 U100 100 120 22:00-24:00',
      '2026-10-25 U100 100 420 00:00-06:00',
      '2026-10-25 ORT50 50 420 00:00-06:00',
    ]);
  });

  it('counts the night the clocks go forward as the 7 hours really worked (29 March 2026)', () => {
    const result = run(schedule({ ortWindows: [NIGHT] }), '2026-W13', [shift('2026-03-28', '22:00', '06:00')]);
    expect(result.days[0].workedMinutes).toBe(420);
    expect(lines(result)).toContain('2026-03-29 ORT50 50 300 00:00-06:00');
  });

  it('counts a Sunday night shift into Monday on each date\'s own windows', () => {
    const s = schedule({ ortOverlap: 'HIGHEST', ortWindows: [SUNDAY, { ...NIGHT, days: ['MON'] }] });
    const result = run(s, '2026-W48', [shift('2026-11-29', '22:00', '07:00')]);
    expect(lines(result)).toEqual([
      '2026-11-29 U100 100 120 22:00-24:00',
      '2026-11-29 ORT100 100 120 22:00-24:00',
      '2026-11-30 U100 100 420 00:00-07:00',
      '2026-11-30 ORT50 50 360 00:00-06:00',
    ]);
  });

  it('counts a Sunday night shift of the week\'s last day into the next week\'s Monday within this week', () => {
    const s = schedule({ dailyOvertime: [{ tiers: [{ after: '8:00', percentage: 150, hourCode: 'OW150' }] }] });
    const result = run(s, '2026-W48', [shift('2026-11-29', '20:00', '06:00')]);
    expect(lines(result)).toEqual([
      '2026-11-29 U100 100 240 20:00-24:00',
      '2026-11-30 U100 100 240 00:00-04:00',
      '2026-11-30 OW150 150 120 04:00-06:00',
    ]);
  });

  it('treats a holiday on a weekday as a HOLIDAY, not as its weekday (King\'s Day, Monday 27 April 2026)', () => {
    const s = schedule({ ortWindows: [SUNDAY], weekdayOvertime: [{ days: ['MON'], percentage: 150, hourCode: 'OW150' }] });
    const result = run(s, '2026-W18', [shift('2026-04-27', '08:00', '12:00'), shift('2026-04-28', '08:00', '12:00')]);
    expect(lines(result)).toEqual(['2026-04-27 U100 100 240 08:00-12:00', '2026-04-27 ORT100 100 240 08:00-12:00', '2026-04-28 U100 100 240 08:00-12:00']);
  });

  it('counts a holiday on a weekend only when the schedule says so (Boxing Day, Saturday 26 December 2026)', () => {
    const saturday = { id: 'saturday', days: ['SAT'], from: '00:00', to: '24:00', percentage: 50, hourCode: 'ORT50' };
    const counted = run(schedule({ ortWindows: [SUNDAY, saturday], holidays: { countOnWeekend: true } }), '2026-W52', [shift('2026-12-26', '08:00', '12:00')]);
    const notCounted = run(schedule({ ortWindows: [SUNDAY, saturday], holidays: { countOnWeekend: false } }), '2026-W52', [shift('2026-12-26', '08:00', '12:00')]);
    expect(lines(counted)).toContain('2026-12-26 ORT100 100 240 08:00-12:00');
    expect(lines(notCounted)).toContain('2026-12-26 ORT50 50 240 08:00-12:00');
  });

  it.each([
    ['EVERY_YEAR', '2026-W19', '2026-05-05', true],
    ['EVERY_FIFTH_YEAR', '2026-W19', '2026-05-05', false],
    ['EVERY_FIFTH_YEAR', '2030-W18', '2030-05-05', true],
    ['NEVER', '2030-W18', '2030-05-05', false],
  ])('counts Liberation Day %s: %s', (liberationDay, week, day, counts) => {
    const s = schedule({ ortWindows: [{ ...SUNDAY, days: ['HOLIDAY'] }], holidays: { liberationDay } });
    expect(lines(run(s, week, [shift(day, '08:00', '10:00')])).some((l) => l.includes('ORT100'))).toBe(counts);
  });

  it('counts extra days a CAO adds, every year (MM-DD) or once (YYYY-MM-DD)', () => {
    const s = schedule({ ortWindows: [SUNDAY], holidays: { extraDays: ['12-31', '2026-12-24'] } });
    const result = run(s, '2026-W53', [shift('2026-12-31', '08:00', '10:00')]);
    expect(lines(result)).toContain('2026-12-31 ORT100 100 120 08:00-10:00');
    expect(lines(run(s, '2026-W52', [shift('2026-12-24', '08:00', '10:00')]))).toContain('2026-12-24 ORT100 100 120 08:00-10:00');
  });

  it('takes the higher of weekday overtime and a daily overtime tier on the same minute', () => {
    const s = schedule({
      weekdayOvertime: [{ days: ['SAT'], percentage: 150, hourCode: 'OW150' }],
      dailyOvertime: [{ tiers: [{ after: '8:00', percentage: 125, hourCode: 'OW125' }, { after: '9:00', percentage: 200, hourCode: 'OW200' }] }],
    });
    expect(lines(run(s, '2026-W48', [shift('2026-11-28', '08:00', '18:00')]))).toEqual([
      '2026-11-28 OW150 150 540 08:00-17:00',
      '2026-11-28 OW200 200 60 17:00-18:00',
    ]);
  });

  it('explains overtime that the higher ORT outweighs, and pays overtime alone where it is higher', () => {
    const s = schedule({
      overtimeWithOrt: 'HIGHEST',
      ortWindows: [SUNDAY],
      dailyOvertime: [{ tiers: [{ after: '2:00', percentage: 150, hourCode: 'OW150' }] }],
      weekdayOvertime: [{ days: ['SAT'], percentage: 250, hourCode: 'OW250' }],
    });
    const result = run(s, '2026-W48', [shift('2026-11-29', '08:00', '12:00'), shift('2026-11-28', '08:00', '09:00')]);
    expect(lines(result)).toEqual([
      '2026-11-28 OW250 250 60 08:00-09:00',
      '2026-11-29 U100 100 120 08:00-10:00',
      '2026-11-29 ORT100 100 240 08:00-12:00',
      '2026-11-29 U100 100 120 10:00-12:00',
    ]);
    const outweighed = result.days[1].lines[2];
    expect(result.days[1].lines[0].explanation.key).toBe('line.normal');
    expect(outweighed.explanation).toEqual({ key: 'line.overtimeOutweighedByOrt', params: { overtimePercentage: 150 } });
    expect(outweighed.rule).toEqual({ scheduleVersion: '2025-01-01', rule: 'dailyOvertime[0].tiers[0]' });
  });

  it('applies only whole-day rules to a day total, and says which it could not apply', () => {
    const s = schedule({ ortWindows: [SUNDAY, NIGHT], ortOverlap: 'ADD', shiftSurcharges: [{ id: 'late', days: ['SUN'], from: '18:00', to: '24:00', percentage: 10, hourCode: 'PL10' }] });
    const result = run(s, '2026-W48', [WorkDay.ofTotal(date('2026-11-29'), HoursMinutes.parse('7:30'))]);
    expect(lines(result)).toEqual(['2026-11-29 U100 100 450 ---', '2026-11-29 ORT100 100 450 ---']);
    expect(result.days[0].notApplied.map((n) => [n.rule.rule, n.explanation.key])).toEqual([
      ['night', 'note.needsTimeOfDay'],
      ['late', 'note.needsTimeOfDay'],
    ]);
  });

  it('places a break given as a duration at the start, at the end, or after some hours of work', () => {
    const at = (breakPlacement: unknown) =>
      lines(run(schedule({ breakPlacement }), '2026-W48', [shift('2026-11-24', '08:00', '17:00', { duration: HoursMinutes.parse('0:45') })]));
    expect(at({ mode: 'END' })).toEqual(['2026-11-24 U100 100 495 08:00-16:15']);
    expect(at({ mode: 'START' })).toEqual(['2026-11-24 U100 100 495 08:45-17:00']);
    expect(at({ mode: 'AFTER_WORKED', after: '4:00' })).toEqual(['2026-11-24 U100 100 240 08:00-12:00', '2026-11-24 U100 100 255 12:45-17:00']);
    expect(at({ mode: 'AFTER_WORKED', after: '8:30' })).toEqual(['2026-11-24 U100 100 495 08:00-16:15']);
  });

  it('takes explicit break times out where they are, also past midnight', () => {
    const day = WorkDay.ofBlocks(date('2026-11-24'), [{ start: t('22:00'), end: e('06:00') }], { times: [{ start: t('02:00'), end: e('02:30') }] });
    expect(lines(run(schedule({}), '2026-W48', [day]))).toEqual([
      '2026-11-24 U100 100 120 22:00-24:00',
      '2026-11-25 U100 100 120 00:00-02:00',
      '2026-11-25 U100 100 210 02:30-06:00',
    ]);
  });

  it('counts daily overtime per shift or per day for split shifts', () => {
    const split = WorkDay.ofBlocks(date('2026-11-24'), [{ start: t('17:00'), end: e('22:00') }, { start: t('06:00'), end: e('11:00') }]);
    const tiers = [{ after: '8:00', percentage: 125, hourCode: 'OW125' }];
    expect(lines(run(schedule({ dailyOvertime: [{ per: 'DAY', tiers }] }), '2026-W48', [split]))).toEqual([
      '2026-11-24 U100 100 300 06:00-11:00',
      '2026-11-24 U100 100 180 17:00-20:00',
      '2026-11-24 OW125 125 120 20:00-22:00',
    ]);
    expect(lines(run(schedule({ dailyOvertime: [{ per: 'SHIFT', tiers }] }), '2026-W48', [split]))).toEqual([
      '2026-11-24 U100 100 300 06:00-11:00',
      '2026-11-24 U100 100 300 17:00-22:00',
    ]);
  });

  it('keeps weeks apart: no weekly hours carry over', () => {
    const s = schedule({ weeklyOvertime: { tiers: [{ after: '8:00', percentage: 150, hourCode: 'OW150' }] } });
    const first = run(s, '2026-W48', [shift('2026-11-29', '08:00', '16:00')]);
    const second = run(s, '2026-W49', [shift('2026-11-30', '08:00', '16:00')]);
    expect(lines(first)).toEqual(['2026-11-29 U100 100 480 08:00-16:00']);
    expect(lines(second)).toEqual(['2026-11-30 U100 100 480 08:00-16:00']);
  });

  it('carries the week\'s counted hours across a version that starts mid-week, each day on its own version\'s tiers', () => {
    const s = CaoUnravelSchedule.parse({
      name: 'two versions',
      versions: [
        { validFrom: '2026-01-01', hourCodes: { normal: 'U100' }, weeklyOvertime: { tiers: [{ after: '8:00', percentage: 150, hourCode: 'OW150' }] } },
        { validFrom: '2026-11-25', hourCodes: { normal: 'U100' }, weeklyOvertime: { tiers: [{ after: '4:00', percentage: 200, hourCode: 'OW200' }] } },
      ],
    });
    const result = run(s, '2026-W48', [shift('2026-11-23', '08:00', '14:00'), shift('2026-11-25', '08:00', '12:00')]);
    expect(lines(result)).toEqual(['2026-11-23 U100 100 360 08:00-14:00', '2026-11-25 OW200 200 240 08:00-12:00']);
    expect(result.days.map((d) => d.scheduleVersion)).toEqual(['2026-01-01', '2026-11-25']);
  });

  it('keeps a night shift that runs into a new version on the version of its start date: ORT windows, overtime, day kinds and surcharges alike', () => {
    const rules = (ort: number, after: string, daily: number, saturday: number, surcharge: number, extraDays: string[]) => ({
      hourCodes: { normal: 'U100' },
      holidays: { extraDays },
      ortWindows: [{ ...NIGHT, percentage: ort, hourCode: `ORT${ort}` }],
      dailyOvertime: [{ per: 'SHIFT', tiers: [{ after, percentage: daily, hourCode: `OW${daily}` }] }],
      weekdayOvertime: [{ days: ['SAT'], percentage: saturday, hourCode: `OW${saturday}` }],
      shiftSurcharges: [{ days: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN', 'HOLIDAY'], from: '00:00', to: '06:00', percentage: surcharge, hourCode: `PL${surcharge}` }],
    });
    const s = CaoUnravelSchedule.parse({
      name: 'night into a new version',
      versions: [
        { validFrom: '2026-01-01', ...rules(30, '8:00', 125, 150, 10, []) },
        // From Saturday 28 November: other percentages, and the Saturday itself is a holiday of the CAO.
        { validFrom: '2026-11-28', ...rules(60, '6:00', 130, 200, 20, ['2026-11-28']) },
      ],
    });
    const result = run(s, '2026-W48', [shift('2026-11-27', '20:00', '06:00')]);
    expect(result.days.map((d) => d.scheduleVersion)).toEqual(['2026-01-01']);
    // Friday's version throughout: Saturday stays a SAT (v1 has no extra day), so its 150 % weekday overtime
    // beats the 125 % daily tier from 04:00; ORT 30 %, not 60 %; the 10 % shift allowance on all 10 hours.
    expect(lines(result)).toEqual([
      '2026-11-27 U100 100 240 20:00-24:00',
      '2026-11-27 PL10 10 240 20:00-24:00',
      '2026-11-28 OW150 150 360 00:00-06:00',
      '2026-11-28 ORT30 30 360 00:00-06:00',
      '2026-11-28 PL10 10 360 00:00-06:00',
    ]);
  });

  it('refuses days outside the week, two entries for one date, and dates before the first version', () => {
    const s = schedule({});
    const reason = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as ValidationError).problems.map((p) => `${p.path} ${p.reason}`);
      }
      return [];
    };
    expect(reason(() => run(s, '2026-W48', [shift('2026-12-01', '08:00', '09:00')]))).toEqual(['days[0].date WORK_DAY_OUTSIDE_WEEK']);
    expect(reason(() => run(s, '2026-W48', [shift('2026-11-24', '08:00', '09:00'), shift('2026-11-24', '10:00', '11:00')]))).toEqual([
      'days[1].date WORK_DAY_DUPLICATE',
    ]);
    expect(reason(() => run(s, '2024-W48', [shift('2024-11-25', '08:00', '09:00')]))).toEqual(['days[0].date NO_SCHEDULE_VERSION']);
    expect(reason(() => run(s, '2026-W48', [], -5))).toEqual(['contractMinutes CONTRACT_HOURS_RANGE']);
  });
});
