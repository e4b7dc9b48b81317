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

/**
 * Issue 13, rule 5: a whole-shift surcharge whose condition is more than N worked minutes inside
 * its window (the Arbeidstijdenwet's night shift: more than an hour between 00:00 and 06:00), or
 * where the shift starts. "More than": exactly at the threshold does not count.
 */
const t = TimeOfDay.parse;
const e = TimeOfDay.parseEnd;
const d = LocalDate.parse;
const ALL = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN', 'HOLIDAY'];
const NIGHT = { id: 'nachtdienst', days: ALL, from: '00:00', to: '06:00', percentage: 20, hourCode: 'NACHT20', condition: { kind: 'MINUTES_INSIDE', over: '1:00' } };
const EARLY = { id: 'vroeg', days: ALL, from: '00:00', to: '06:00', percentage: 10, hourCode: 'VROEG10', condition: { kind: 'STARTS_INSIDE' } };

function schedule(surcharges: Record<string, unknown>[], more: Record<string, unknown>[] = []): CaoUnravelSchedule {
  return CaoUnravelSchedule.parse({
    name: 'test',
    versions: [{ validFrom: '2025-01-01', hourCodes: { normal: 'U100' }, shiftSurcharges: surcharges }, ...more],
  });
}

const shift = (day: string, start: string, end: string, breakInput?: BreakInput) => WorkDay.ofBlocks(d(day), [{ start: t(start), end: e(end) }], breakInput);

function run(s: CaoUnravelSchedule, week: string, days: WorkDay[]): UnravelResult {
  return unravel({ week: IsoWeek.parse(week), days, schedule: s, holidays: HAND_WRITTEN_DUTCH_HOLIDAYS, contractMinutes: null, timeZone: HAND_WRITTEN_AMSTERDAM });
}

/** The surcharge lines as `date code minutes from-to`. */
const surcharges = (r: UnravelResult) =>
  r.days.flatMap((day) => day.lines.filter((l) => l.kind === 'SHIFT_SURCHARGE').map((l) => `${l.date} ${l.hourCode} ${l.minutes} ${l.from}-${l.to}`));

function problems(raw: Record<string, unknown>): string[] {
  try {
    CaoUnravelSchedule.parse({ name: 'x', versions: [{ validFrom: '2026-01-01', hourCodes: { normal: 'U' }, shiftSurcharges: [raw] }] });
    return [];
  } catch (error) {
    return (error as ValidationError).problems.map((p) => `${p.path} ${p.reason}`);
  }
}

describe('shift surcharge condition MINUTES_INSIDE (more than 1:00 between 00:00 and 06:00)', () => {
  const s = schedule([NIGHT]);

  it('exactly at the threshold is not a night shift: 05:00–13:00 has 1:00 inside', () => {
    expect(surcharges(run(s, '2026-W48', [shift('2026-11-24', '05:00', '13:00')]))).toEqual([]);
  });

  it('one minute past makes the whole shift a night shift: 04:59–13:00', () => {
    expect(surcharges(run(s, '2026-W48', [shift('2026-11-24', '04:59', '13:00')]))).toEqual(['2026-11-24 NACHT20 481 04:59-13:00']);
  });

  it('across midnight: 22:00–01:00 has 1:00 inside (nothing), 22:00–01:01 has 1:01 (all 3:01, on both dates)', () => {
    expect(surcharges(run(s, '2026-W48', [shift('2026-11-23', '22:00', '01:00')]))).toEqual([]);
    expect(surcharges(run(s, '2026-W48', [shift('2026-11-23', '22:00', '01:01')]))).toEqual([
      '2026-11-23 NACHT20 120 22:00-24:00', '2026-11-24 NACHT20 61 00:00-01:01',
    ]);
  });

  it('counts worked minutes only: a break inside the window does not count', () => {
    // 23:00–01:30 with a break 00:30–01:00: 0:30 + 0:30 worked inside.
    const withBreak = shift('2026-11-23', '23:00', '01:30', { times: [{ start: t('00:30'), end: t('01:00') }] });
    expect(surcharges(run(s, '2026-W48', [withBreak]))).toEqual([]);
    const shorterBreak = shift('2026-11-23', '23:00', '01:30', { times: [{ start: t('00:30'), end: t('00:59') }] });
    expect(surcharges(run(s, '2026-W48', [shorterBreak]))).toEqual(['2026-11-23 NACHT20 60 23:00-24:00', '2026-11-24 NACHT20 30 00:00-00:30', '2026-11-24 NACHT20 31 00:59-01:30']);
  });

  it('counts real minutes when the clocks go forward (29 March 2026): 01:30–03:30 is 1:00 of work, 01:29–03:30 is 1:01', () => {
    const at = run(s, '2026-W13', [shift('2026-03-29', '01:30', '03:30')]);
    expect(at.days[0].workedMinutes).toBe(60);
    expect(surcharges(at)).toEqual([]);
    expect(surcharges(run(s, '2026-W13', [shift('2026-03-29', '01:29', '03:30')]))).toEqual(['2026-03-29 NACHT20 61 01:29-03:30']);
  });

  it('counts real minutes when the clocks go back (25 October 2026): 02:00–03:00 on the clock is 2:00 of work', () => {
    const r = run(s, '2026-W43', [shift('2026-10-25', '02:00', '03:00')]);
    expect(r.days[0].workedMinutes).toBe(120);
    expect(r.days[0].lines.filter((l) => l.kind === 'SHIFT_SURCHARGE').reduce((sum, l) => sum + l.minutes, 0)).toBe(120);
  });

  it('across a version change: a night shift follows the version of the date it starts on', () => {
    // From Tuesday the CAO makes any shift touching the night a night shift; Monday's shift still counts minutes.
    const v2 = { validFrom: '2026-11-24', hourCodes: { normal: 'U100' }, shiftSurcharges: [{ ...NIGHT, condition: { kind: 'TOUCHES' } }] };
    const r = run(schedule([NIGHT], [v2]), '2026-W48', [shift('2026-11-23', '23:00', '00:45'), shift('2026-11-24', '23:00', '00:45')]);
    expect(r.days.map((day) => day.scheduleVersion)).toEqual(['2025-01-01', '2026-11-24']);
    expect(surcharges(r)).toEqual(['2026-11-24 NACHT20 60 23:00-24:00', '2026-11-25 NACHT20 45 00:00-00:45']);
  });

  it('takes a day total as all inside a window that covers its whole date, and leaves a partial window to the note', () => {
    const sunday = { ...NIGHT, id: 'zondag', days: ['SUN'], from: '00:00', to: '24:00', hourCode: 'ZON20', condition: { kind: 'MINUTES_INSIDE', over: '4:00' } };
    const r = run(schedule([sunday, NIGHT]), '2026-W48', [
      WorkDay.ofTotal(d('2026-11-28'), HoursMinutes.parse('8:00')),
      WorkDay.ofTotal(d('2026-11-29'), HoursMinutes.parse('4:00')),
    ]);
    expect(surcharges(r)).toEqual([]);
    expect(r.days[0].notApplied.map((n) => n.rule.rule)).toEqual(['nachtdienst']);
    expect(surcharges(run(schedule([sunday]), '2026-W48', [WorkDay.ofTotal(d('2026-11-29'), HoursMinutes.parse('4:01'))]))).toEqual(['2026-11-29 ZON20 241 null-null']);
  });

  it('explains itself with the threshold', () => {
    const line = run(s, '2026-W48', [shift('2026-11-24', '04:00', '12:00')]).days[0].lines.find((l) => l.kind === 'SHIFT_SURCHARGE');
    expect(line?.explanation).toEqual({ key: 'line.shiftSurchargeMinutesInside', params: { from: '00:00', to: '06:00', percentage: 20, over: '1:00' } });
  });
});

describe('shift surcharge condition STARTS_INSIDE (a shift that starts between 00:00 and 06:00)', () => {
  const s = schedule([EARLY]);

  it('holds from the window start up to, not including, its end', () => {
    expect(surcharges(run(s, '2026-W48', [shift('2026-11-24', '00:00', '02:00')]))).toEqual(['2026-11-24 VROEG10 120 00:00-02:00']);
    expect(surcharges(run(s, '2026-W48', [shift('2026-11-24', '05:59', '08:00')]))).toEqual(['2026-11-24 VROEG10 121 05:59-08:00']);
    expect(surcharges(run(s, '2026-W48', [shift('2026-11-24', '06:00', '08:00')]))).toEqual([]);
  });

  it('across midnight: a shift that starts at 23:59 and works all night does not start inside', () => {
    expect(surcharges(run(s, '2026-W48', [shift('2026-11-23', '23:59', '07:00')]))).toEqual([]);
    const late = schedule([{ ...EARLY, from: '22:00', to: '02:00' }]);
    expect(surcharges(run(late, '2026-W48', [shift('2026-11-23', '23:00', '01:00')]))).toEqual(['2026-11-23 VROEG10 60 23:00-24:00', '2026-11-24 VROEG10 60 00:00-01:00']);
  });

  it('takes the start as entered, also when the break is placed at the start', () => {
    const atStart = CaoUnravelSchedule.parse({
      name: 'start', versions: [{ validFrom: '2025-01-01', hourCodes: { normal: 'U100' }, breakPlacement: { mode: 'START' }, shiftSurcharges: [EARLY] }],
    });
    expect(surcharges(run(atStart, '2026-W48', [shift('2026-11-24', '05:30', '14:00', { duration: HoursMinutes.parse('0:30') })]))).toEqual(['2026-11-24 VROEG10 480 06:00-14:00']);
  });

  it('when the clocks go forward, a start in the skipped hour is the moment of the change (03:00)', () => {
    const from3 = schedule([{ ...EARLY, from: '03:00', to: '06:00' }]);
    const r = run(from3, '2026-W13', [shift('2026-03-29', '02:30', '05:00')]);
    expect(r.days[0].workedMinutes).toBe(120);
    expect(surcharges(r)).toEqual(['2026-03-29 VROEG10 120 03:00-05:00']);
  });

  it('when the clocks go back, a start in the hour shown twice is its first occurrence', () => {
    const early = schedule([{ ...EARLY, from: '00:00', to: '02:30' }]);
    const r = run(early, '2026-W43', [shift('2026-10-25', '02:15', '04:00')]);
    expect(r.days[0].workedMinutes).toBe(165);
    expect(r.days[0].lines.filter((l) => l.kind === 'SHIFT_SURCHARGE').reduce((sum, l) => sum + l.minutes, 0)).toBe(165);
  });

  it('across a version change: the version of the start date decides', () => {
    const v2 = { validFrom: '2026-11-24', hourCodes: { normal: 'U100' }, shiftSurcharges: [] };
    const r = run(schedule([EARLY], [v2]), '2026-W48', [shift('2026-11-23', '00:30', '02:00'), shift('2026-11-24', '00:30', '02:00')]);
    expect(surcharges(r)).toEqual(['2026-11-23 VROEG10 90 00:30-02:00']);
  });

  it('a day total starts inside a window that covers its whole date', () => {
    const sunday = schedule([{ ...EARLY, days: ['SUN'], from: '00:00', to: '24:00' }]);
    expect(surcharges(run(sunday, '2026-W48', [WorkDay.ofTotal(d('2026-11-29'), HoursMinutes.parse('3:00'))]))).toEqual(['2026-11-29 VROEG10 180 null-null']);
  });

  it('explains itself', () => {
    const line = run(s, '2026-W48', [shift('2026-11-24', '04:00', '12:00')]).days[0].lines.find((l) => l.kind === 'SHIFT_SURCHARGE');
    expect(line?.explanation).toEqual({ key: 'line.shiftSurchargeStartsInside', params: { from: '00:00', to: '06:00', percentage: 10 } });
  });
});

describe('shift surcharge conditions together', () => {
  it('pays the highest of the surcharges whose condition holds', () => {
    const touches = { id: 'raakt', days: ALL, from: '00:00', to: '06:00', percentage: 5, hourCode: 'RAAKT5' };
    const s = schedule([touches, NIGHT, EARLY]);
    const line = (start: string, end: string) => surcharges(run(s, '2026-W48', [shift('2026-11-24', start, end)]));
    expect(line('05:30', '14:00')).toEqual(['2026-11-24 VROEG10 510 05:30-14:00']); // touches, starts inside, 0:30 inside
    expect(line('04:00', '14:00')).toEqual(['2026-11-24 NACHT20 600 04:00-14:00']); // all three hold
    expect(line('22:00', '00:30')).toEqual(['2026-11-24 RAAKT5 120 22:00-24:00', '2026-11-25 RAAKT5 30 00:00-00:30']); // touches only
    expect(line('06:00', '14:00')).toEqual([]); // none holds
  });
});

describe('shift surcharge condition: the schedule format', () => {
  it('defaults to TOUCHES, so schedules and stored data without a condition read as before', () => {
    const raw = { id: 'p', days: ['MON'], from: '00:00', to: '06:00', percentage: 20, hourCode: 'P20' };
    const s = schedule([raw]);
    expect(s.data.versions[0].shiftSurcharges[0].condition).toEqual({ kind: 'TOUCHES' });
    expect(CaoUnravelSchedule.parse(JSON.parse(JSON.stringify(s.data))).data).toEqual(s.data);
    const r = run(s, '2026-W48', [shift('2026-11-23', '05:59', '14:00')]);
    expect(r.days[0].lines.find((l) => l.kind === 'SHIFT_SURCHARGE')?.explanation).toEqual({ key: 'line.shiftSurcharge', params: { from: '00:00', to: '06:00', percentage: 20 } });
  });

  it('keeps the condition in the normalised data', () => {
    expect(schedule([NIGHT, EARLY]).data.versions[0].shiftSurcharges.map((x) => x.condition)).toEqual([{ kind: 'MINUTES_INSIDE', over: '1:00' }, { kind: 'STARTS_INSIDE' }]);
  });

  it('lists every problem of a condition by its path', () => {
    const base = { id: 'n', days: ['MON'], from: '22:00', to: '06:00', percentage: 20, hourCode: 'N20' };
    expect(problems({ ...base, condition: { kind: 'MINUTES_INSIDE' } })).toEqual(['versions[0].shiftSurcharges[0].condition.over VALUE_REQUIRED']);
    expect(problems({ ...base, condition: { kind: 'MINUTES_INSIDE', over: '8:00' } })).toEqual(['versions[0].shiftSurcharges[0].condition.over SHIFT_MINUTES_INSIDE_RANGE']);
    expect(problems({ ...base, condition: { kind: 'MINUTES_INSIDE', over: '7:59' } })).toEqual([]);
    expect(problems({ ...base, condition: { kind: 'MINUTES_INSIDE', over: '0:00' } })).toEqual(['versions[0].shiftSurcharges[0].condition.over SHIFT_MINUTES_INSIDE_RANGE']);
    expect(problems({ ...base, condition: { kind: 'MINUTES_INSIDE', over: '1u' } })).toEqual(['versions[0].shiftSurcharges[0].condition.over HOURS_MINUTES_FORMAT']);
    expect(problems({ ...base, condition: { kind: 'STARTS_INSIDE', over: '1:00' } })).toEqual(['versions[0].shiftSurcharges[0].condition.over FIELD_UNKNOWN']);
    expect(problems({ ...base, condition: { kind: 'NIGHT' } })).toEqual(['versions[0].shiftSurcharges[0].condition.kind VALUE_NOT_ALLOWED']);
    expect(problems({ ...base, condition: { over: '1:00', when: 'x' } })).toEqual([
      'versions[0].shiftSurcharges[0].condition.when FIELD_UNKNOWN', 'versions[0].shiftSurcharges[0].condition.kind VALUE_REQUIRED',
    ]);
    expect(problems({ ...base, percentage: 900, condition: 'MINUTES_INSIDE' })).toEqual([
      'versions[0].shiftSurcharges[0].percentage PERCENTAGE_RANGE', 'versions[0].shiftSurcharges[0].condition VALUE_NOT_OBJECT',
    ]);
  });
});
