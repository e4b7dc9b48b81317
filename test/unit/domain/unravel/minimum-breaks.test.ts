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

/** Issue 13, rule 3: minimum breaks by shift length (working time), as the Arbeidstijdenwet counts them. */
const t = TimeOfDay.parse;
const e = TimeOfDay.parseEnd;
const d = LocalDate.parse;
const ATW = { id: 'atw-pauze', tiers: [{ over: '5:30', atLeast: '0:30' }, { over: '10:00', atLeast: '0:45' }] };
const NIGHT = { id: 'night', days: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'], from: '00:00', to: '06:00', percentage: 50, hourCode: 'ORT50' };

function schedule(version: Record<string, unknown> = {}, more: Record<string, unknown>[] = []): CaoUnravelSchedule {
  return CaoUnravelSchedule.parse({
    name: 'test',
    versions: [{ validFrom: '2025-01-01', hourCodes: { normal: 'U100' }, minimumBreaks: ATW, ...version }, ...more],
  });
}

const shift = (day: string, start: string, end: string, breakInput?: BreakInput) => WorkDay.ofBlocks(d(day), [{ start: t(start), end: e(end) }], breakInput);
const pause = (text: string): BreakInput => ({ duration: HoursMinutes.parse(text) });

function run(s: CaoUnravelSchedule, week: string, days: WorkDay[]): UnravelResult {
  return unravel({ week: IsoWeek.parse(week), days, schedule: s, holidays: HAND_WRITTEN_DUTCH_HOLIDAYS, contractMinutes: null, timeZone: HAND_WRITTEN_AMSTERDAM });
}

const lines = (r: UnravelResult) => r.days.flatMap((day) => day.lines.map((l) => `${l.date} ${l.hourCode} ${l.minutes} ${l.from}-${l.to}`));
const notes = (r: UnravelResult) => r.days.flatMap((day) => day.adjustments.map((n) => `${n.explanation.key} ${n.explanation.params.entered}->${n.explanation.params.break} ${n.rule.rule}`));

describe('minimum breaks: thresholds', () => {
  it('leaves a shift of exactly 5:30 working time alone', () => {
    const r = run(schedule(), '2026-W48', [shift('2026-11-23', '08:00', '13:30')]);
    expect(r.days[0].workedMinutes).toBe(330);
    expect(r.days[0].adjustments).toEqual([]);
  });

  it('takes one minute of break from a shift one minute past 5:30, no more: more work never pays less', () => {
    const r = run(schedule(), '2026-W48', [shift('2026-11-23', '08:00', '13:31')]);
    expect(r.days[0].workedMinutes).toBe(330);
    expect(lines(r)).toEqual(['2026-11-23 U100 330 08:00-13:30']);
    expect(notes(r)).toEqual(['note.breakRaised 0:00->0:01 atw-pauze']);
  });

  it('raises a 0:15 break of an 08:00–17:00 shift to 0:30; the last quarter of the shift stops being paid', () => {
    const r = run(schedule(), '2026-W48', [shift('2026-11-23', '08:00', '17:00', pause('0:15'))]);
    expect(r.days[0].workedMinutes).toBe(510);
    expect(lines(r)).toEqual(['2026-11-23 U100 510 08:00-16:30']);
    expect(r.days[0].adjustments[0].explanation.params).toEqual({
      from: '08:00', to: '17:00', worked: '8:45', over: '5:30', atLeast: '0:30', entered: '0:15', break: '0:30', paid: '8:30',
    });
  });

  it('keeps an explicit break where it is and takes the missing minutes from the end of the shift', () => {
    const r = run(schedule(), '2026-W48', [shift('2026-11-23', '08:00', '17:00', { times: [{ start: t('12:00'), end: t('12:15') }] })]);
    expect(lines(r)).toEqual(['2026-11-23 U100 240 08:00-12:00', '2026-11-23 U100 270 12:15-16:45']);
  });

  it('leaves a break at or above the minimum alone', () => {
    const r = run(schedule(), '2026-W48', [shift('2026-11-23', '08:00', '17:00', pause('0:30'))]);
    expect(r.days[0].workedMinutes).toBe(510);
    expect(r.days[0].adjustments).toEqual([]);
  });

  it('exactly 10:00 working time needs 0:30; one minute more brings it back to 10:00, further on 0:45', () => {
    const at = run(schedule(), '2026-W48', [shift('2026-11-23', '07:00', '17:30', pause('0:30'))]);
    expect(at.days[0].workedMinutes).toBe(600);
    const past = run(schedule(), '2026-W48', [shift('2026-11-23', '07:00', '17:31', pause('0:30'))]);
    expect(past.days[0].workedMinutes).toBe(600);
    expect(notes(past)).toEqual(['note.breakRaised 0:30->0:31 atw-pauze']);
    const long = run(schedule(), '2026-W48', [shift('2026-11-23', '07:00', '19:00', pause('0:30'))]);
    expect(long.days[0].workedMinutes).toBe(720 - 45);
    expect(long.days[0].adjustments[0].explanation.params.atLeast).toBe('0:45');
  });

  it('counts each block of a split shift as its own shift', () => {
    const day = WorkDay.ofBlocks(d('2026-11-23'), [{ start: t('06:00'), end: t('10:00') }, { start: t('16:00'), end: t('21:00') }]);
    const r = run(schedule(), '2026-W48', [day]);
    expect(r.days[0].workedMinutes).toBe(540);
    expect(r.days[0].adjustments).toEqual([]);
  });
});

describe('minimum breaks: time and versions', () => {
  it('across midnight: the unpaid minutes are the last of the night, so the night ORT shrinks with them', () => {
    const r = run(schedule({ ortWindows: [NIGHT] }), '2026-W48', [shift('2026-11-23', '22:00', '06:00')]);
    expect(r.days[0].workedMinutes).toBe(450);
    expect(lines(r)).toEqual([
      '2026-11-23 U100 120 22:00-24:00',
      '2026-11-24 U100 330 00:00-05:30',
      '2026-11-24 ORT50 330 00:00-05:30',
    ]);
  });

  it('across the clocks going back (25 October 2026): 22:00–06:00 is 9:00 real working time and gets 0:30', () => {
    const r = run(schedule({ ortWindows: [NIGHT] }), '2026-W43', [shift('2026-10-24', '22:00', '06:00')]);
    expect(r.days[0].workedMinutes).toBe(510);
    expect(r.days[0].adjustments[0].explanation.params).toMatchObject({ worked: '9:00', break: '0:30', paid: '8:30' });
  });

  it('across the clocks going forward (29 March 2026): 22:00–05:30 is 6:30 real working time, not 7:30', () => {
    const r = run(schedule(), '2026-W13', [shift('2026-03-28', '22:00', '05:30')]);
    expect(r.days[0].workedMinutes).toBe(360);
    expect(r.days[0].adjustments[0].explanation.params).toMatchObject({ worked: '6:30', break: '0:30', paid: '6:00' });
  });

  it('across a version change: a night shift follows the version of the date it starts on', () => {
    const s = schedule({ minimumBreaks: null }, [{ validFrom: '2026-11-24', hourCodes: { normal: 'U100' }, minimumBreaks: ATW }]);
    const r = run(s, '2026-W48', [shift('2026-11-23', '22:00', '06:00'), shift('2026-11-24', '22:00', '06:00')]);
    expect(r.days.map((day) => [day.scheduleVersion, day.workedMinutes])).toEqual([['2025-01-01', 480], ['2026-11-24', 450]]);
  });

  it('cannot check a day total: the total is the working time after the break, with a note', () => {
    const r = run(schedule(), '2026-W48', [WorkDay.ofTotal(d('2026-11-23'), HoursMinutes.parse('8:00')), WorkDay.ofTotal(d('2026-11-24'), HoursMinutes.parse('5:30'))]);
    expect(r.days.map((day) => day.workedMinutes)).toEqual([480, 330]);
    expect(r.days[0].notApplied.map((n) => n.explanation.key)).toEqual(['note.breakNotChecked']);
    expect(r.days[1].notApplied).toEqual([]);
  });
});

describe('minimum breaks: validation', () => {
  const problems = (minimumBreaks: unknown) => {
    try {
      schedule({ minimumBreaks });
      return [];
    } catch (error) {
      return (error as ValidationError).problems.map((p) => `${p.path} ${p.reason}`);
    }
  };

  it('accepts the Arbeidstijdenwet steps and fills in the id', () => {
    expect(schedule({ minimumBreaks: { tiers: ATW.tiers } }).data.versions[0].minimumBreaks).toEqual({ id: 'minimumBreaks', tiers: ATW.tiers });
    expect(schedule({ minimumBreaks: undefined }).data.versions[0].minimumBreaks).toBeNull();
  });

  it('lists every problem by path', () => {
    expect(problems({ tiers: [] })).toEqual(['versions[0].minimumBreaks.tiers TIERS_EMPTY']);
    expect(problems({ tiers: [{ over: '10:00', atLeast: '0:45' }, { over: '5:30', atLeast: '0:30' }] })).toEqual([
      'versions[0].minimumBreaks.tiers[1].over TIERS_OUT_OF_ORDER',
    ]);
    expect(problems({ tiers: [{ over: '5:30', atLeast: '0:30' }, { over: '10:00', atLeast: '0:15' }] })).toEqual([
      'versions[0].minimumBreaks.tiers[1].atLeast MINIMUM_BREAK_DECREASES',
    ]);
    expect(problems({ tiers: [{ over: '5:30', atLeast: '0:00' }, { over: '23:00', atLeast: '1:01' }, { over: '7:5', atLeast: '0:30' }] })).toEqual([
      'versions[0].minimumBreaks.tiers[0].atLeast MINIMUM_BREAK_RANGE',
      'versions[0].minimumBreaks.tiers[1].atLeast MINIMUM_BREAK_RANGE',
      'versions[0].minimumBreaks.tiers[2].over HOURS_MINUTES_FORMAT',
    ]);
    expect(problems({ tiers: [{ over: '5:30', atLeast: '0:30', extra: 1 }], name: 'x' })).toEqual([
      'versions[0].minimumBreaks.name FIELD_UNKNOWN',
      'versions[0].minimumBreaks.tiers[0].extra FIELD_UNKNOWN',
    ]);
  });
});
