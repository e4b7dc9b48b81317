import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EntryMode } from '../../../../src/domain/placement/placement.entity';
import { HourCode } from '../../../../src/domain/placement/hour-code.value-object';
import { IsoWeek } from '../../../../src/domain/time/iso-week.value-object';
import { LocalDate } from '../../../../src/domain/time/local-date.value-object';
import { DayEntry } from '../../../../src/domain/timesheet/day-entry.value-object';
import { BreakdownDay, breakDownWeek, HoursBreakdown, ResolvedHourSource } from '../../../../src/domain/timesheet/hours-breakdown';
import { DayEntryInput, parseWeekEntries } from '../../../../src/domain/timesheet/week-entries';
import { CaoUnravelSchedule } from '../../../../src/domain/unravel/cao-unravel-schedule';
import { isTimeKind } from '../../../../src/domain/unravel/unravel-result';
import { NO_CLOCK_CHANGES, NO_NATIONAL_HOLIDAYS, TimeZoneRules } from '../../../../src/domain/unravel/unravel-ports';
import { WEEK } from '../../../support/mothers/timesheet.mother';

const d = LocalDate.parse;
const rawSchoonmaak = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/unravel/schoonmaak/schedule.json'), 'utf8'));
const schoonmaak = CaoUnravelSchedule.parse(rawSchoonmaak);
const MANUAL_CODES = [HourCode.create({ code: 'H100', percentage: 100 }), HourCode.create({ code: 'OW150', percentage: 150, label: 'Overwerk' })];

function entries(days: DayEntryInput[], week: IsoWeek = WEEK, hourCodes: readonly HourCode[] | null = null): DayEntry[] {
  return parseWeekEntries(days, { week, entryModes: new Set<EntryMode>(['DAY_TOTAL', 'TIMES']), hourCodes, startDate: d('2026-01-05'), endDate: null });
}

function breakDown(days: DayEntry[], source: ResolvedHourSource, options: { week?: IsoWeek; timeZone?: TimeZoneRules } = {}): HoursBreakdown {
  return breakDownWeek({
    week: options.week ?? WEEK,
    entries: days,
    source,
    contractMinutes: null,
    holidays: NO_NATIONAL_HOLIDAYS,
    timeZone: options.timeZone ?? NO_CLOCK_CHANGES,
  });
}

const withSchedule = (schedule: CaoUnravelSchedule = schoonmaak): ResolvedHourSource => ({ kind: 'CAO_SCHEDULE', scheduleId: 'schedule-1', schedule });
const describeLines = (day: BreakdownDay) => day.lines.map((l) => `${l.date} ${l.hourCode} ${l.kind} ${l.percentage} ${l.minutes} ${l.from ?? '-'}-${l.to ?? '-'}`);
const baseMinutes = (day: BreakdownDay) => day.lines.filter((l) => l.kind !== 'MANUAL' && isTimeKind(l.kind)).reduce((sum, l) => sum + l.minutes, 0);

describe('breakDownWeek with the schoonmaak schedule', () => {
  // Monday 21:00–07:00 (a night shift into Tuesday), Wednesday a total of 8:00, Sunday 08:00–16:00 with half an hour's break.
  const week = entries([
    { date: '2026-11-29', blocks: [{ start: '08:00', end: '16:00' }], breakDuration: '0:30' },
    { date: '2026-11-23', blocks: [{ start: '21:00', end: '07:00' }] },
    { date: '2026-11-25', total: '8:00' },
  ]);
  const breakdown = breakDown(week, withSchedule());

  it('gives the lines worked out by hand, the ORT of the evening, the night and the Sunday among them', () => {
    expect(breakdown.days.map((day) => [day.date, day.workedMinutes, day.scheduleVersion])).toEqual([
      ['2026-11-23', 600, '2026-01-01'],
      ['2026-11-25', 480, '2026-01-01'],
      ['2026-11-29', 450, '2026-01-01'],
    ]);
    expect(breakdown.days.map(describeLines)).toEqual([
      [
        '2026-11-23 U100 NORMAL 100 180 21:00-24:00',
        '2026-11-23 ORT-AVOND ORT 25 180 21:00-24:00',
        // Past midnight the minutes fall on Tuesday, with Tuesday's night percentage (50, not Monday's 60).
        '2026-11-24 U100 NORMAL 100 300 00:00-05:00',
        '2026-11-24 ORT-NACHT ORT 50 360 00:00-06:00',
        '2026-11-24 OW125 OVERTIME 125 120 05:00-07:00',
      ],
      ['2026-11-25 U100 NORMAL 100 480 ---'],
      // The break goes at the end (breakPlacement END); the whole Sunday pays 100 % on top.
      ['2026-11-29 U100 NORMAL 100 450 08:00-15:30', '2026-11-29 ORT-FEEST ORT 100 450 08:00-15:30'],
    ]);
    expect(breakdown.days[0].lines[3].rule).toEqual({ scheduleVersion: '2026-01-01', rule: 'nacht' });
    expect(breakdown.days[0].lines[3].explanation).toEqual({ key: 'line.ort', params: { day: 'TUE', from: '00:00', to: '06:00', percentage: 50 } });
  });

  it('adds up the base lines of each day to the minutes worked on it, as entered', () => {
    for (const day of breakdown.days) {
      const entry = week.find((e) => e.date.toString() === day.date) as DayEntry;
      expect([day.date, baseMinutes(day)]).toEqual([day.date, day.workedMinutes]);
      expect([day.date, day.workedMinutes]).toEqual([day.date, entry.workedMinutes]);
    }
    expect(breakdown.workedMinutes).toBe(600 + 480 + 450);
  });

  it('totals per hour code, kind and percentage', () => {
    expect(breakdown.totals).toEqual([
      { hourCode: 'ORT-AVOND', kind: 'ORT', percentage: 25, minutes: 180 },
      { hourCode: 'ORT-FEEST', kind: 'ORT', percentage: 100, minutes: 450 },
      { hourCode: 'ORT-NACHT', kind: 'ORT', percentage: 50, minutes: 360 },
      { hourCode: 'OW125', kind: 'OVERTIME', percentage: 125, minutes: 120 },
      { hourCode: 'U100', kind: 'NORMAL', percentage: 100, minutes: 180 + 300 + 480 + 450 },
    ]);
  });

  it('says why a rule did not apply to a day entered as a total', () => {
    expect(breakdown.days[1].notApplied.map((n) => [n.rule.rule, n.explanation.key])).toEqual([
      ['nacht', 'note.needsTimeOfDay'],
      ['avond', 'note.needsTimeOfDay'],
    ]);
  });

  it('names the schedule and lists the version used', () => {
    expect(breakdown.schedule).toEqual({ id: 'schedule-1', name: 'Schoonmaak- en glazenwassersbedrijf (model)', versions: ['2026-01-01'] });
  });

  it('is plain JSON data that a declaration stores as it is', () => {
    expect(JSON.parse(JSON.stringify(breakdown))).toEqual(breakdown);
    expect(typeof breakdown.days[0].lines[0].date).toBe('string');
  });

  it('leaves out days of 0:00', () => {
    const withNothing = breakDown(entries([{ date: '2026-11-23', total: '8:00' }, { date: '2026-11-24', total: '0:00' }]), withSchedule());
    expect(withNothing.days.map((day) => day.date)).toEqual(['2026-11-23']);
    const empty = breakDown([], withSchedule());
    expect([empty.days, empty.totals, empty.workedMinutes, empty.schedule?.versions]).toEqual([[], [], 0, []]);
  });

  it('lists every version used when a new one comes into force during the week', () => {
    const [version] = rawSchoonmaak.versions;
    const raised = {
      ...version,
      validFrom: '2026-11-26',
      ortWindows: version.ortWindows.map((w: { id: string }) => (w.id === 'zon-feestdag' ? { ...w, percentage: 150 } : w)),
    };
    const twoVersions = CaoUnravelSchedule.parse({ ...rawSchoonmaak, versions: [version, raised] });
    const result = breakDown(week, withSchedule(twoVersions));
    expect(result.schedule?.versions).toEqual(['2026-01-01', '2026-11-26']);
    expect(result.days.map((day) => day.scheduleVersion)).toEqual(['2026-01-01', '2026-01-01', '2026-11-26']);
    expect(result.totals.find((t) => t.hourCode === 'ORT-FEEST')).toEqual({ hourCode: 'ORT-FEEST', kind: 'ORT', percentage: 150, minutes: 450 });
  });

  it('counts a night when the clocks go back as it lasted (a tiny fake time zone)', () => {
    const w43 = IsoWeek.parse('2026-W43');
    const autumn: TimeZoneRules = { clockChanges: (year) => (year === 2026 ? [{ date: d('2026-10-25'), atMinute: 180, shiftMinutes: -60 }] : []) };
    const night = entries([{ date: '2026-10-24', blocks: [{ start: '22:00', end: '06:00' }] }], w43);
    const result = breakDown(night, withSchedule(), { week: w43, timeZone: autumn });
    expect(night[0].workedMinutes).toBe(480);
    expect([result.days[0].workedMinutes, baseMinutes(result.days[0]), result.workedMinutes]).toEqual([540, 540, 540]);
    expect(breakDown(night, withSchedule(), { week: w43 }).workedMinutes).toBe(480);
  });
});

describe('breakDownWeek with manual hour codes', () => {
  const week = entries(
    [
      { date: '2026-11-24', hours: [{ hourCode: 'H100', hours: '8:00' }] },
      { date: '2026-11-23', hours: [{ hourCode: 'OW150', hours: '2:00' }, { hourCode: 'H100', hours: '6:00' }] },
      { date: '2026-11-25', hours: [{ hourCode: 'H100', hours: '0:00' }] },
    ],
    WEEK,
    MANUAL_CODES,
  );
  const breakdown = breakDown(week, { kind: 'MANUAL_HOUR_CODES', hourCodes: MANUAL_CODES });

  it('lists the hours as they were entered, as MANUAL lines with the percentage of their code', () => {
    expect(breakdown.days.map((day) => [day.date, day.workedMinutes, day.scheduleVersion, day.notApplied])).toEqual([
      ['2026-11-23', 480, null, []],
      ['2026-11-24', 480, null, []],
    ]);
    expect(breakdown.days[0].lines).toEqual([
      {
        date: '2026-11-23', hourCode: 'OW150', kind: 'MANUAL', percentage: 150, minutes: 120, from: null, to: null, rule: null,
        explanation: { key: 'line.manual', params: { hourCode: 'OW150', percentage: 150 } },
      },
      {
        date: '2026-11-23', hourCode: 'H100', kind: 'MANUAL', percentage: 100, minutes: 360, from: null, to: null, rule: null,
        explanation: { key: 'line.manual', params: { hourCode: 'H100', percentage: 100 } },
      },
    ]);
    expect(breakdown.days[1].lines.map((l) => [l.hourCode, l.minutes])).toEqual([['H100', 480]]);
  });

  it('totals per code, in order of code, and names no schedule', () => {
    expect(breakdown.totals).toEqual([
      { hourCode: 'H100', kind: 'MANUAL', percentage: 100, minutes: 360 + 480 },
      { hourCode: 'OW150', kind: 'MANUAL', percentage: 150, minutes: 120 },
    ]);
    expect(breakdown.workedMinutes).toBe(960);
    expect(breakdown.schedule).toBeNull();
    expect(JSON.parse(JSON.stringify(breakdown))).toEqual(breakdown);
  });
});

describe('breakDownWeek with allowances (issue 13, rule 4)', () => {
  const vergoedingen = CaoUnravelSchedule.parse(JSON.parse(readFileSync(join(__dirname, '../../../fixtures/unravel/vergoedingen-per-keer/schedule.json'), 'utf8')));
  // Tuesday 2:30 of overtime (a meal), Thursday two blocks 5:00 apart (a split shift), Sunday worked.
  const week = entries([
    { date: '2026-11-24', blocks: [{ start: '08:00', end: '19:00' }], breakDuration: '0:30' },
    { date: '2026-11-26', blocks: [{ start: '07:00', end: '11:00' }, { start: '16:00', end: '20:00' }] },
    { date: '2026-11-29', total: '4:00' },
  ]);
  const breakdown = breakDown(week, withSchedule(vergoedingen));

  it('keeps each day\'s allowances and the week\'s totals as plain JSON, dates as YYYY-MM-DD', () => {
    expect(breakdown.days.map((day) => [day.date, day.allowances])).toEqual([
      ['2026-11-24', [{
        date: '2026-11-24', hourCode: 'MAALTIJD', kind: 'ALLOWANCE', count: 1, rule: { scheduleVersion: '2026-01-01', rule: 'maaltijd-overwerk' },
        explanation: { key: 'allowance.overtimeOnDay', params: { atLeast: '2:00', overtime: '2:30' } },
      }]],
      ['2026-11-26', [{
        date: '2026-11-26', hourCode: 'GEBROKEN', kind: 'ALLOWANCE', count: 1, rule: { scheduleVersion: '2026-01-01', rule: 'gebroken-dienst' },
        explanation: { key: 'allowance.splitShift', params: { gapOver: '2:00', gap: '5:00' } },
      }]],
      ['2026-11-29', [{
        date: '2026-11-29', hourCode: 'ZONDAG', kind: 'ALLOWANCE', count: 1, rule: { scheduleVersion: '2026-01-01', rule: 'zondag' },
        explanation: { key: 'allowance.dayWorked', params: { day: 'SUN' } },
      }]],
    ]);
    expect(breakdown.allowanceTotals).toEqual([{ hourCode: 'GEBROKEN', count: 1 }, { hourCode: 'MAALTIJD', count: 1 }, { hourCode: 'ZONDAG', count: 1 }]);
    expect(JSON.parse(JSON.stringify(breakdown))).toEqual(breakdown);
  });

  it('leaves the totals of minutes alone: allowances are counts', () => {
    // U100: 480 on Tuesday, 240 + 240 on Thursday, 240 on Sunday; OW125: Tuesday's 2:30.
    expect(breakdown.totals.map((t) => `${t.hourCode} ${t.kind} ${t.minutes}`)).toEqual(['OW125 OVERTIME 150', 'U100 NORMAL 1200']);
    expect(breakdown.workedMinutes).toBe(630 + 480 + 240);
  });

  it('has empty lists for a schedule without allowances and for manual hours', () => {
    const plain = breakDown(week, withSchedule());
    expect(plain.days.every((day) => Array.isArray(day.allowances) && day.allowances.length === 0)).toBe(true);
    expect(plain.allowanceTotals).toEqual([]);
    const manual = breakDown(entries([{ date: '2026-11-29', hours: [{ hourCode: 'H100', hours: '4:00' }] }], WEEK, MANUAL_CODES), { kind: 'MANUAL_HOUR_CODES', hourCodes: MANUAL_CODES });
    expect(manual.days[0].allowances).toEqual([]);
    expect(manual.allowanceTotals).toEqual([]);
  });
});

describe('breakDownWeek: days of the other kind are a bug, never hours dropped', () => {
  it('refuses to unravel hours per hour code, and to split a total or times by manual codes', () => {
    const perCode = entries([{ date: '2026-11-23', hours: [{ hourCode: 'H100', hours: '8:00' }] }], WEEK, MANUAL_CODES);
    expect(() => breakDown(perCode, withSchedule())).toThrow(/cannot be unravelled/);
    const total = entries([{ date: '2026-11-23', total: '8:00' }]);
    expect(() => breakDown(total, { kind: 'MANUAL_HOUR_CODES', hourCodes: MANUAL_CODES })).toThrow(/cannot be split/);
    expect(() => breakDown(perCode, { kind: 'MANUAL_HOUR_CODES', hourCodes: [MANUAL_CODES[1]] })).toThrow(/H100 is not one of/);
  });
});
