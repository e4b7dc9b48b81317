import { ValidationError } from '../../../../src/domain/shared/domain-error';
import { HoursMinutes } from '../../../../src/domain/time/hours-minutes.value-object';
import { IsoWeek } from '../../../../src/domain/time/iso-week.value-object';
import { LocalDate } from '../../../../src/domain/time/local-date.value-object';
import { TimeOfDay } from '../../../../src/domain/time/time-of-day.value-object';
import { CaoUnravelSchedule } from '../../../../src/domain/unravel/cao-unravel-schedule';
import { unravel } from '../../../../src/domain/unravel/unravel.service';
import { UnravelResult } from '../../../../src/domain/unravel/unravel-result';
import { WorkDay } from '../../../../src/domain/unravel/work-day.value-object';
import { HAND_WRITTEN_AMSTERDAM, HAND_WRITTEN_DUTCH_HOLIDAYS } from '../../../fixtures/unravel/dutch-calendar';

/** Issue 13, rule 4: allowances counted per occurrence, on the work day the shift starts on. */
const t = TimeOfDay.parse;
const e = TimeOfDay.parseEnd;
const d = LocalDate.parse;
const MEAL = { id: 'maaltijd', hourCode: 'MAALTIJD', kind: 'OVERTIME_ON_DAY', atLeast: '2:00' };
const SPLIT = { id: 'gebroken', hourCode: 'GEBROKEN', kind: 'SPLIT_SHIFT', gapOver: '2:00' };
const SUNDAY = { id: 'zondag', hourCode: 'ZONDAG', kind: 'DAY_WORKED', days: ['SUN'] };
const DAILY = [{ id: 'overwerk', tiers: [{ after: '8:00', percentage: 125, hourCode: 'OW125' }] }];

function schedule(version: Record<string, unknown> = {}, more: Record<string, unknown>[] = []): CaoUnravelSchedule {
  return CaoUnravelSchedule.parse({
    name: 'test',
    versions: [{ validFrom: '2025-01-01', hourCodes: { normal: 'U100' }, dailyOvertime: DAILY, allowances: [MEAL, SPLIT, SUNDAY], ...version }, ...more],
  });
}

const shift = (day: string, start: string, end: string) => WorkDay.ofBlocks(d(day), [{ start: t(start), end: e(end) }]);
const blocks = (day: string, ...ranges: [string, string][]) => WorkDay.ofBlocks(d(day), ranges.map(([start, end]) => ({ start: t(start), end: e(end) })));

function run(s: CaoUnravelSchedule, week: string, days: WorkDay[]): UnravelResult {
  return unravel({ week: IsoWeek.parse(week), days, schedule: s, holidays: HAND_WRITTEN_DUTCH_HOLIDAYS, contractMinutes: null, timeZone: HAND_WRITTEN_AMSTERDAM });
}

const allowances = (r: UnravelResult) => r.days.flatMap((day) => day.allowances.map((a) => `${a.date} ${a.hourCode} ${a.count}`));

describe('allowances: overtime on a day', () => {
  it('counts exactly at the threshold, not one minute short, and one minute past', () => {
    // 8:00 normal, then 2:00 / 1:59 / 2:01 of overtime.
    const r = run(schedule(), '2026-W48', [shift('2026-11-23', '08:00', '18:00'), shift('2026-11-24', '08:00', '17:59'), shift('2026-11-25', '08:00', '18:01')]);
    expect(allowances(r)).toEqual(['2026-11-23 MAALTIJD 1', '2026-11-25 MAALTIJD 1']);
    expect(r.days[0].allowances[0]).toEqual({
      date: d('2026-11-23'), hourCode: 'MAALTIJD', kind: 'ALLOWANCE', count: 1,
      rule: { scheduleVersion: '2025-01-01', rule: 'maaltijd' },
      explanation: { key: 'allowance.overtimeOnDay', params: { atLeast: '2:00', overtime: '2:00' } },
    });
    expect(r.allowanceTotals).toEqual([{ hourCode: 'MAALTIJD', count: 2 }]);
  });

  it('gives one allowance however much overtime, and adds nothing to the minutes', () => {
    const r = run(schedule(), '2026-W48', [shift('2026-11-23', '06:00', '22:00')]);
    expect(allowances(r)).toEqual(['2026-11-23 MAALTIJD 1']);
    expect(r.days[0].allowances[0].explanation.params.overtime).toBe('8:00');
    expect(r.workedMinutes).toBe(960);
    expect(r.totals.map((x) => `${x.hourCode} ${x.minutes}`)).toEqual(['OW125 480', 'U100 480']);
  });

  it('across midnight: the overtime after midnight belongs to the work day, and so does the allowance', () => {
    // Monday 18:00 to Tuesday 04:00: the 2:00 of overtime all fall on Tuesday's date.
    const r = run(schedule(), '2026-W48', [shift('2026-11-23', '18:00', '04:00')]);
    expect(r.days[0].lines.filter((l) => l.kind === 'OVERTIME').map((l) => `${l.date} ${l.minutes}`)).toEqual(['2026-11-24 120']);
    expect(allowances(r)).toEqual(['2026-11-23 MAALTIJD 1']);
  });

  it('counts real minutes when the clocks go forward (29 March 2026): 20:00–07:00 is 10:00 of work, 2:00 of overtime', () => {
    const s = schedule({ allowances: [{ ...MEAL, atLeast: '2:30' }] });
    const r = run(s, '2026-W13', [shift('2026-03-28', '20:00', '07:00')]);
    expect(r.days[0].workedMinutes).toBe(600);
    expect(allowances(r)).toEqual([]);
    expect(allowances(run(schedule(), '2026-W13', [shift('2026-03-28', '20:00', '07:00')]))).toEqual(['2026-03-28 MAALTIJD 1']);
  });

  it('counts real minutes when the clocks go back (25 October 2026): 20:00–06:00 is 11:00 of work, 3:00 of overtime', () => {
    const s = schedule({ allowances: [{ ...MEAL, atLeast: '2:30' }] });
    const r = run(s, '2026-W43', [shift('2026-10-24', '20:00', '06:00')]);
    expect(r.days[0].workedMinutes).toBe(660);
    expect(allowances(r)).toEqual(['2026-10-24 MAALTIJD 1']);
    expect(r.days[0].allowances[0].explanation.params).toEqual({ atLeast: '2:30', overtime: '3:00' });
  });

  it('counts a day total: 10:30 is 2:30 of overtime', () => {
    const r = run(schedule(), '2026-W48', [WorkDay.ofTotal(d('2026-11-23'), HoursMinutes.parse('10:30'))]);
    expect(allowances(r)).toEqual(['2026-11-23 MAALTIJD 1']);
  });

  it('counts weekly overtime and overtime that ORT outweighed: the minutes were overtime all the same', () => {
    const weekly = { id: 'week', tiers: [{ after: '40:00', percentage: 125, hourCode: 'OW125W' }] };
    const w = run(schedule({ dailyOvertime: [], weeklyOvertime: weekly }), '2026-W48', [
      shift('2026-11-23', '06:00', '18:00'), shift('2026-11-24', '06:00', '18:00'), shift('2026-11-25', '06:00', '18:00'), shift('2026-11-26', '06:00', '12:00'),
    ]);
    // 12 + 12 + 12 = 36:00, then 4:00 normal and 2:00 over 40:00 on Thursday.
    expect(allowances(w)).toEqual(['2026-11-26 MAALTIJD 1']);
    const evening = { id: 'avond', days: ['MON'], from: '18:00', to: '24:00', percentage: 50, hourCode: 'ORT50' };
    const replaced = run(schedule({ ortWindows: [evening], overtimeWithOrt: 'ORT_REPLACES_OVERTIME' }), '2026-W48', [shift('2026-11-23', '08:00', '19:00')]);
    expect(replaced.days[0].lines.filter((l) => l.kind === 'OVERTIME').reduce((s, l) => s + l.minutes, 0)).toBe(120);
    expect(allowances(replaced)).toEqual(['2026-11-23 MAALTIJD 1']);
    expect(replaced.days[0].allowances[0].explanation.params.overtime).toBe('3:00');
  });
});

describe('allowances: split shifts', () => {
  it('counts a gap of more than gapOver: not exactly gapOver, but one minute more', () => {
    const r = run(schedule(), '2026-W48', [
      blocks('2026-11-23', ['07:00', '11:00'], ['13:00', '17:00']),
      blocks('2026-11-24', ['07:00', '11:00'], ['13:01', '17:00']),
      blocks('2026-11-25', ['07:00', '11:00'], ['12:59', '17:00']),
    ]);
    expect(allowances(r)).toEqual(['2026-11-24 GEBROKEN 1']);
    expect(r.days[1].allowances[0].explanation).toEqual({ key: 'allowance.splitShift', params: { gapOver: '2:00', gap: '2:01' } });
  });

  it('counts one per day for three blocks, and none for a break inside one block or for a day total', () => {
    const three = blocks('2026-11-23', ['06:00', '08:00'], ['11:00', '13:00'], ['16:00', '18:00']);
    const withBreak = WorkDay.ofBlocks(d('2026-11-24'), [{ start: t('07:00'), end: t('17:00') }], { times: [{ start: t('10:00'), end: t('13:00') }] });
    const total = WorkDay.ofTotal(d('2026-11-25'), HoursMinutes.parse('6:00'));
    const r = run(schedule(), '2026-W48', [three, withBreak, total]);
    expect(allowances(r)).toEqual(['2026-11-23 GEBROKEN 1']);
    expect(r.days[0].allowances[0].explanation.params.gap).toBe('3:00');
  });

  it('across midnight: a second block into the next date belongs to the work day (16:00–19:00 and 22:30–03:00: a gap of 3:30)', () => {
    const r = run(schedule(), '2026-W48', [blocks('2026-11-23', ['16:00', '19:00'], ['22:30', '03:00'])]);
    expect(allowances(r)).toEqual(['2026-11-23 GEBROKEN 1']);
    expect(r.days[0].allowances[0].explanation.params.gap).toBe('3:30');
    // A block from 01:00 is that date's early morning, not after midnight: 01:00–05:00 and 18:00–22:00 are 13:00 apart.
    const morning = run(schedule(), '2026-W48', [blocks('2026-11-23', ['18:00', '22:00'], ['01:00', '05:00'])]);
    expect(morning.days[0].allowances[0].explanation.params.gap).toBe('13:00');
  });

  it('measures the gap in real time across both clock changes', () => {
    // 29 March 2026: 00:00–01:30 and 04:00–08:00 look 2:30 apart, but 02:00–03:00 never happened: 1:30.
    const spring = run(schedule(), '2026-W13', [blocks('2026-03-29', ['00:00', '01:30'], ['04:00', '08:00'])]);
    expect(allowances(spring)).toEqual(['2026-03-29 ZONDAG 1']);
    // 25 October 2026: 00:00–01:30 and 03:30–07:00 look 2:00 apart, but 02:00–03:00 happened twice: 3:00.
    const autumn = run(schedule(), '2026-W43', [blocks('2026-10-25', ['00:00', '01:30'], ['03:30', '07:00'])]);
    expect(allowances(autumn)).toEqual(['2026-10-25 GEBROKEN 1', '2026-10-25 ZONDAG 1']);
    expect(autumn.days[0].allowances[0].explanation.params.gap).toBe('3:00');
  });
});

describe('allowances: days worked', () => {
  it('counts the work day the shift starts on: Saturday into Sunday is no Sunday, Sunday into Monday is', () => {
    const r = run(schedule(), '2026-W48', [shift('2026-11-28', '22:00', '06:00'), shift('2026-11-29', '22:00', '02:00')]);
    expect(allowances(r)).toEqual(['2026-11-29 ZONDAG 1']);
    expect(r.days[1].allowances[0].explanation).toEqual({ key: 'allowance.dayWorked', params: { day: 'SUN' } });
  });

  it('counts a day total, and a holiday as HOLIDAY rather than its weekday', () => {
    const s = schedule({ allowances: [{ id: 'feestdag', hourCode: 'FEEST', kind: 'DAY_WORKED', days: ['HOLIDAY'] }, { id: 'vrijdag', hourCode: 'VRIJ', kind: 'DAY_WORKED', days: ['FRI'] }] });
    // Friday 25 December 2026 is Christmas; Monday 21 December is an ordinary Monday.
    const r = run(s, '2026-W52', [WorkDay.ofTotal(d('2026-12-25'), HoursMinutes.parse('4:00')), WorkDay.ofTotal(d('2026-12-21'), HoursMinutes.parse('4:00'))]);
    expect(allowances(r)).toEqual(['2026-12-25 FEEST 1']);
  });

  it('counts nothing on a day of no minutes worked', () => {
    const r = run(schedule(), '2026-W48', [WorkDay.ofTotal(d('2026-11-29'), HoursMinutes.parse('0:00'))]);
    expect(allowances(r)).toEqual([]);
  });
});

describe('allowances: schedule versions', () => {
  const v2 = { validFrom: '2026-11-25', hourCodes: { normal: 'U100' }, dailyOvertime: DAILY, allowances: [{ ...MEAL, atLeast: '3:00' }] };

  it('follows the version in force on the work day', () => {
    const s = schedule({ allowances: [] }, [v2]);
    const r = run(s, '2026-W48', [shift('2026-11-24', '06:00', '17:00'), shift('2026-11-25', '06:00', '17:00'), shift('2026-11-26', '06:00', '16:00')]);
    // 3:00 of overtime on each of the first two days: none in the version without allowances; 2:00 on Thursday is short of 3:00.
    expect(allowances(r)).toEqual(['2026-11-25 MAALTIJD 1']);
    expect(r.days[1].allowances[0].rule).toEqual({ scheduleVersion: '2026-11-25', rule: 'maaltijd' });
    expect(r.days[1].allowances[0].explanation.params.atLeast).toBe('3:00');
  });

  it('a shift over midnight into a new version counts under the version of the day it starts on', () => {
    const s = schedule({ allowances: [] }, [v2]);
    const r = run(s, '2026-W48', [shift('2026-11-24', '14:00', '04:00')]);
    expect(r.days[0].scheduleVersion).toBe('2025-01-01');
    expect(allowances(r)).toEqual([]);
    const reverse = schedule({}, [{ ...v2, allowances: [] }]);
    expect(allowances(run(reverse, '2026-W48', [shift('2026-11-24', '14:00', '04:00')]))).toEqual(['2026-11-24 MAALTIJD 1']);
  });

  it('a schedule without allowances gives empty lists, the same frozen ones each time', () => {
    const r = run(schedule({ allowances: undefined }), '2026-W48', [shift('2026-11-23', '06:00', '22:00')]);
    const again = run(CaoUnravelSchedule.parse({ name: 'x', versions: [{ validFrom: '2025-01-01', hourCodes: { normal: 'U100' } }] }), '2026-W48', [shift('2026-11-29', '06:00', '22:00')]);
    expect(r.days[0].allowances).toEqual([]);
    expect(again.days[0].allowances).toEqual([]);
    expect(again.allowanceTotals).toEqual([]);
    expect(Object.isFrozen(again.days[0].allowances) && Object.isFrozen(again.allowanceTotals)).toBe(true);
  });
});

describe('allowances: validation', () => {
  const problems = (allowanceList: unknown, version: Record<string, unknown> = {}) => {
    try {
      schedule({ allowances: allowanceList, ...version });
      return [];
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).problems.map((p) => `${p.path} ${p.reason}`);
    }
  };

  it('accepts the three kinds and fills in the id from the path', () => {
    const s = schedule({ allowances: [{ hourCode: 'M', kind: 'OVERTIME_ON_DAY', atLeast: '2:00' }] });
    expect(s.versions[0].allowances).toEqual([{ id: 'allowances[0]', hourCode: 'M', kind: 'OVERTIME_ON_DAY', atLeast: '2:00' }]);
    expect(schedule().versions[0].allowances).toEqual([MEAL, SPLIT, SUNDAY]);
    expect(CaoUnravelSchedule.parse({ name: 'x', versions: [{ validFrom: '2025-01-01', hourCodes: { normal: 'U100' } }] }).versions[0].allowances).toEqual([]);
  });

  it('refuses thresholds out of range', () => {
    expect(problems([{ ...MEAL, atLeast: '0:00' }, { ...MEAL, id: 'b', hourCode: 'B', atLeast: '24:01' }, { ...MEAL, id: 'c', hourCode: 'C', atLeast: '24:00' }])).toEqual([
      'versions[0].allowances[0].atLeast ALLOWANCE_THRESHOLD_RANGE',
      // H:MM itself stops at 24:00.
      'versions[0].allowances[1].atLeast HOURS_MINUTES_RANGE',
    ]);
    expect(problems([{ ...SPLIT, gapOver: '24:00' }, { ...SPLIT, id: 'b', hourCode: 'B', gapOver: '0:00' }, { ...SPLIT, id: 'c', hourCode: 'C', gapOver: '2:5' }])).toEqual([
      'versions[0].allowances[0].gapOver ALLOWANCE_THRESHOLD_RANGE',
      'versions[0].allowances[2].gapOver HOURS_MINUTES_FORMAT',
    ]);
  });

  it('refuses an empty list of days, unknown days and a day twice', () => {
    expect(problems([{ ...SUNDAY, days: [] }])).toEqual(['versions[0].allowances[0].days ALLOWANCE_DAYS_EMPTY']);
    expect(problems([{ ...SUNDAY, days: ['SUN', 'SUNDAY', 'SUN'] }])).toEqual([
      'versions[0].allowances[0].days[1] DAY_SELECTOR_UNKNOWN',
      'versions[0].allowances[0].days[2] DAYS_DUPLICATE',
    ]);
    expect(problems([{ id: 'z', hourCode: 'Z', kind: 'DAY_WORKED' }])).toEqual(['versions[0].allowances[0].days VALUE_REQUIRED']);
  });

  it('refuses two allowances under one hour code, an hour code of minutes, and an id another rule has', () => {
    expect(problems([MEAL, { ...SPLIT, hourCode: 'MAALTIJD' }])).toEqual(['versions[0].allowances[1].hourCode ALLOWANCE_HOUR_CODE_DUPLICATE']);
    expect(problems([{ ...MEAL, hourCode: 'OW125' }, { ...SUNDAY, hourCode: 'U100' }])).toEqual([
      'versions[0].allowances[0].hourCode HOUR_CODE_KIND_CONFLICT',
      'versions[0].allowances[1].hourCode HOUR_CODE_KIND_CONFLICT',
    ]);
    expect(problems([{ ...MEAL, id: 'overwerk' }])).toEqual(['versions[0].allowances[0].id RULE_ID_DUPLICATE']);
    expect(problems([MEAL, { ...SPLIT, id: 'maaltijd' }])).toEqual(['versions[0].allowances[1].id RULE_ID_DUPLICATE']);
  });

  it('refuses an unknown kind, a field of another kind, a missing threshold, and lists every problem at once', () => {
    expect(problems([{ id: 'x', hourCode: 'X', kind: 'PER_HOUR' }, { ...SPLIT, atLeast: '2:00' }, { id: 'm', hourCode: 'M', kind: 'OVERTIME_ON_DAY' }, { ...SUNDAY, hourCode: 'bad code' }])).toEqual([
      'versions[0].allowances[0].kind VALUE_NOT_ALLOWED',
      'versions[0].allowances[1].atLeast FIELD_UNKNOWN',
      'versions[0].allowances[2].atLeast VALUE_REQUIRED',
      'versions[0].allowances[3].hourCode HOUR_CODE_FORMAT',
    ]);
    expect(problems('MEAL')).toEqual(['versions[0].allowances VALUE_NOT_LIST']);
    expect(problems([{ ...MEAL, count: 2 }])).toEqual(['versions[0].allowances[0].count FIELD_UNKNOWN']);
  });

  it('refuses more than 20 allowances', () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ ...SUNDAY, id: `z${i}`, hourCode: `Z${i}` }));
    expect(problems(many)).toEqual(['versions[0].allowances VALUE_NOT_ALLOWED']);
  });
});
