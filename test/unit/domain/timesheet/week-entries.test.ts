import fc from 'fast-check';
import { EntryMode } from '../../../../src/domain/placement/placement.entity';
import { HourCode } from '../../../../src/domain/placement/hour-code.value-object';
import { HoursMinutes } from '../../../../src/domain/time/hours-minutes.value-object';
import { LocalDate } from '../../../../src/domain/time/local-date.value-object';
import { TimeOfDay } from '../../../../src/domain/time/time-of-day.value-object';
import { DayEntry } from '../../../../src/domain/timesheet/day-entry.value-object';
import { DayEntryInput, edgesOf, EntryRules, MAX_DAYS, parseWeekEntries } from '../../../../src/domain/timesheet/week-entries';
import { WEEK } from '../../../support/mothers/timesheet.mother';
import { pathsOf, validationErrorOf } from '../shared/helpers';

const d = LocalDate.parse;
const MANUAL_CODES = [HourCode.create({ code: 'H100', percentage: 100 }), HourCode.create({ code: 'OW150', percentage: 150, label: 'Overwerk' })];

/** A placement with a CAO schedule that takes both modes, from 5 January 2026 without an end. */
function rules(overrides: Partial<EntryRules> = {}): EntryRules {
  return { week: WEEK, entryModes: new Set<EntryMode>(['DAY_TOTAL', 'TIMES']), hourCodes: null, startDate: d('2026-01-05'), endDate: null, ...overrides };
}
const manual = (overrides: Partial<EntryRules> = {}) => rules({ entryModes: new Set(), hourCodes: MANUAL_CODES, ...overrides });

const parse = (days: DayEntryInput[], r: EntryRules = rules()) => parseWeekEntries(days, r);
const refused = (days: DayEntryInput[], r: EntryRules = rules()) => pathsOf(() => parseWeekEntries(days, r));
const block = (start: string, end: string) => ({ start, end });

describe('parseWeekEntries: day totals', () => {
  it('reads totals written as H:MM, sorted by date', () => {
    const entries = parse([
      { date: '2026-11-25', total: '7:15' },
      { date: '2026-11-23', total: '0:30' },
      { date: '2026-11-24', total: '24:00' },
      { date: '2026-11-26', total: '0:00' },
    ]);
    expect(entries.map((e) => [e.date.toString(), e.kind, e.workedMinutes])).toEqual([
      ['2026-11-23', 'TOTAL', 30],
      ['2026-11-24', 'TOTAL', 1440],
      ['2026-11-25', 'TOTAL', 435],
      ['2026-11-26', 'TOTAL', 0],
    ]);
    expect(entries[2].toData()).toEqual({ date: '2026-11-25', total: '7:15' });
  });

  it.each([
    ['7.25', 'HOURS_MINUTES_FORMAT'],
    ['7:5', 'HOURS_MINUTES_FORMAT'],
    ['7:75', 'HOURS_MINUTES_FORMAT'],
    ['-1:00', 'HOURS_MINUTES_FORMAT'],
    ['', 'HOURS_MINUTES_FORMAT'],
    ['25:00', 'HOURS_MINUTES_RANGE'],
    ['24:01', 'HOURS_MINUTES_RANGE'],
  ])('refuses %j at days[i].total with %s', (total, reason) => {
    expect(refused([{ date: '2026-11-23', total: '8:00' }, { date: '2026-11-24', total }])).toEqual([`days[1].total:${reason}`]);
  });
});

describe('parseWeekEntries: times', () => {
  it('reads a night shift across midnight, with a break as a duration', () => {
    const [night] = parse([{ date: '2026-11-23', blocks: [block('22:00', '06:00')], breakDuration: '0:30' }]);
    expect(night.kind).toBe('TIMES');
    expect(night.workedMinutes).toBe(450);
    expect([night.firstStart, night.lastEnd]).toEqual([22 * 60, 30 * 60]);
    expect(night.toData()).toEqual({ date: '2026-11-23', blocks: [{ start: '22:00', end: '06:00' }], breakDuration: '0:30' });
  });

  it('reads a break given as times after midnight inside the night shift', () => {
    const [night] = parse([{ date: '2026-11-23', blocks: [block('22:00', '06:00')], breaks: [block('02:00', '02:45')] }]);
    expect(night.workedMinutes).toBe(480 - 45);
    expect(night.toData()).toEqual({ date: '2026-11-23', blocks: [{ start: '22:00', end: '06:00' }], breaks: [{ start: '02:00', end: '02:45' }] });
  });

  it('reads split shifts given in any order, and a block to 24:00', () => {
    const [split, late] = parse([
      { date: '2026-11-24', blocks: [block('17:00', '21:00'), block('07:00', '11:00')], breaks: [block('09:00', '09:15')] },
      { date: '2026-11-25', blocks: [block('16:00', '24:00')] },
    ]);
    expect(split.workedMinutes).toBe(8 * 60 - 15);
    expect(split.toData().blocks).toEqual([block('07:00', '11:00'), block('17:00', '21:00')]);
    expect([late.workedMinutes, late.lastEnd]).toEqual([480, 1440]);
  });

  it('refuses a break longer than the work at days[i].breakDuration', () => {
    const error = validationErrorOf(() => parse([{ date: '2026-11-23', blocks: [block('08:00', '09:00')], breakDuration: '1:30' }]));
    expect(error.problems.map((p) => `${p.path}:${p.reason}`)).toEqual(['days[0].breakDuration:BREAK_LONGER_THAN_WORK']);
    expect(error.problems[0].params).toEqual({ break: '1:30', worked: '1:00' });
    expect(parse([{ date: '2026-11-23', blocks: [block('08:00', '09:00')], breakDuration: '1:00' }])[0].workedMinutes).toBe(0);
  });

  it('refuses overlapping blocks at days[i].blocks', () => {
    expect(refused([{ date: '2026-11-23', blocks: [block('08:00', '12:00'), block('11:00', '15:00')] }])).toEqual(['days[0].blocks:BLOCKS_OVERLAP']);
    expect(refused([{ date: '2026-11-23', blocks: [block('22:00', '06:00'), block('23:00', '01:00')] }])).toEqual(['days[0].blocks:BLOCKS_OVERLAP']);
    // An early block on the morning of the same date lies before that night's shift.
    expect(parse([{ date: '2026-11-23', blocks: [block('20:00', '04:00'), block('01:00', '03:00')] }])[0].workedMinutes).toBe(480 + 120);
  });

  it('refuses a break outside the blocks, breaks that overlap, and a break given twice', () => {
    expect(refused([{ date: '2026-11-23', blocks: [block('08:00', '12:00')], breaks: [block('12:30', '13:00')] }])).toEqual([
      'days[0].breaks[0]:BREAK_OUTSIDE_BLOCKS',
    ]);
    expect(refused([{ date: '2026-11-23', blocks: [block('08:00', '16:00')], breaks: [block('12:00', '12:30'), block('12:15', '12:45')] }])).toEqual([
      'days[0].breaks:BREAKS_OVERLAP',
    ]);
    expect(refused([{ date: '2026-11-23', blocks: [block('08:00', '16:00')], breakDuration: '0:30', breaks: [block('12:00', '12:30')] }])).toEqual([
      'days[0].breaks:BREAK_TWICE',
    ]);
  });

  it('refuses times that are not HH:MM, 24:00 as a start, and no blocks at all', () => {
    expect(refused([{ date: '2026-11-23', blocks: [block('7:00', '15:00'), block('24:00', '23:00')] }])).toEqual([
      'days[0].blocks[0].start:TIME_OF_DAY_FORMAT',
      'days[0].blocks[1].start:TIME_OF_DAY_END_ONLY',
    ]);
    expect(refused([{ date: '2026-11-23', blocks: [] }])).toEqual(['days[0].blocks:BLOCKS_EMPTY']);
    expect(refused([{ date: '2026-11-23', blocks: [block('08:00', '16:00')], breakDuration: '0.5' }])).toEqual(['days[0].breakDuration:HOURS_MINUTES_FORMAT']);
  });

  it('refuses more than 24:00 of work on one day at days[i].blocks', () => {
    expect(refused([{ date: '2026-11-23', blocks: [block('00:00', '12:00'), block('12:00', '06:00')] }])).toEqual(['days[0].blocks:DAY_OVER_24_HOURS']);
    expect(parse([{ date: '2026-11-23', blocks: [block('08:00', '08:00')] }])[0].workedMinutes).toBe(1440);
  });

  it("refuses a shift that runs into the next day's work, in whatever order the days come", () => {
    const monday = { date: '2026-11-23', blocks: [block('22:00', '07:00')] };
    expect(refused([monday, { date: '2026-11-24', blocks: [block('06:00', '14:00')] }])).toEqual(['days[0].blocks:SHIFT_OVERLAPS_NEXT_DAY']);
    expect(refused([{ date: '2026-11-24', blocks: [block('06:30', '14:00')] }, monday])).toEqual(['days[1].blocks:SHIFT_OVERLAPS_NEXT_DAY']);
    expect(parse([monday, { date: '2026-11-24', blocks: [block('07:00', '15:00')] }])).toHaveLength(2);
    expect(parse([monday, { date: '2026-11-24', total: '8:00' }])).toHaveLength(2);
    expect(parse([monday, { date: '2026-11-25', blocks: [block('06:00', '14:00')] }])).toHaveLength(2);
  });

  it('refuses a Monday that starts before last week’s Sunday shift ended, and a Sunday shift that runs into next Monday', () => {
    // WEEK is 2026-W48: Monday 23, Sunday 29 November. Last week's Sunday ran to 06:00; next Monday starts at 05:00.
    const around = rules({ neighbours: { previousSpill: 360, nextStart: 300 } });
    expect(refused([{ date: '2026-11-23', blocks: [block('05:30', '14:00')] }], around)).toEqual(['days[0].blocks:SHIFT_OVERLAPS_PREVIOUS_DAY']);
    expect(refused([{ date: '2026-11-29', blocks: [block('22:00', '06:00')] }], around)).toEqual(['days[0].blocks:SHIFT_OVERLAPS_NEXT_DAY']);
    expect(parse([{ date: '2026-11-23', blocks: [block('06:00', '14:00')] }, { date: '2026-11-29', blocks: [block('21:00', '05:00')] }], around)).toHaveLength(2);
    // Totals have no times: nothing to overlap.
    expect(parse([{ date: '2026-11-23', total: '8:00' }, { date: '2026-11-29', total: '8:00' }], around)).toHaveLength(2);
  });

  it("refuses times that overlap the worker's hours at another placement, and more than 24:00 in all on a date", () => {
    const elsewhere = parse([
      { date: '2026-11-23', blocks: [block('08:00', '12:00')] },
      { date: '2026-11-24', total: '20:00' },
      { date: '2026-11-25', blocks: [block('22:00', '06:00')] },
    ]);
    const withOther = rules({ otherWork: elsewhere });
    expect(refused([{ date: '2026-11-23', blocks: [block('11:00', '15:00')] }], withOther)).toEqual(['days[0].blocks:OVERLAPS_OTHER_PLACEMENT']);
    expect(refused([{ date: '2026-11-26', blocks: [block('05:00', '09:00')] }], withOther)).toEqual(['days[0].blocks:OVERLAPS_OTHER_PLACEMENT']);
    expect(refused([{ date: '2026-11-24', total: '4:01' }], withOther)).toEqual(['days[0]:DAY_OVER_24_HOURS']);
    const fits = parse(
      [
        { date: '2026-11-23', blocks: [block('12:00', '16:00')] },
        { date: '2026-11-24', total: '4:00' },
        { date: '2026-11-26', blocks: [block('06:00', '10:00')] },
      ],
      withOther,
    );
    expect(fits.map((e) => e.workedMinutes)).toEqual([240, 240, 240]);
  });

  it('tells the weeks around a week how far its Sunday runs into Monday and when its Monday starts', () => {
    const days = parse([{ date: '2026-11-23', blocks: [block('07:00', '15:00')] }, { date: '2026-11-29', blocks: [block('22:00', '06:30')] }]);
    expect(edgesOf(days, WEEK)).toEqual({ previousSpill: 390, nextStart: 420 });
    expect(edgesOf(parse([{ date: '2026-11-29', total: '8:00' }]), WEEK)).toEqual({ previousSpill: 0, nextStart: null });
  });
});

describe('parseWeekEntries: entry modes of the placement', () => {
  it.each<[string, DayEntryInput, EntryRules, string]>([
    ['a total where only times are taken', { date: '2026-11-23', total: '8:00' }, rules({ entryModes: new Set(['TIMES']) }), 'days[0].total'],
    ['times where only totals are taken', { date: '2026-11-23', blocks: [block('08:00', '16:00')] }, rules({ entryModes: new Set(['DAY_TOTAL']) }), 'days[0].blocks'],
    ['hours per code on a placement with a schedule', { date: '2026-11-23', hours: [{ hourCode: 'H100', hours: '8:00' }] }, rules(), 'days[0].hours'],
    ['a total on a placement with manual hour codes', { date: '2026-11-23', total: '8:00' }, manual(), 'days[0].total'],
    ['times on a placement with manual hour codes', { date: '2026-11-23', blocks: [block('08:00', '16:00')] }, manual(), 'days[0].blocks'],
  ])('refuses %s with ENTRY_MODE_NOT_ALLOWED', (_, day, r, path) => {
    expect(refused([day], r)).toEqual([`${path}:ENTRY_MODE_NOT_ALLOWED`]);
  });

  it('names the modes the placement does take', () => {
    const error = validationErrorOf(() => parse([{ date: '2026-11-23', total: '8:00' }], manual()));
    expect(error.problems[0].params).toEqual({ mode: 'DAY_TOTAL', allowed: 'HOUR_CODES' });
  });

  it('refuses a break with a total or with hours', () => {
    expect(refused([{ date: '2026-11-23', total: '8:00', breakDuration: '0:30' }])).toEqual(['days[0].breakDuration:BREAK_WITHOUT_TIMES']);
    expect(refused([{ date: '2026-11-23', total: '8:00', breaks: [block('12:00', '12:30')] }])).toEqual(['days[0].breaks:BREAK_WITHOUT_TIMES']);
  });
});

describe('parseWeekEntries: hours per manual hour code', () => {
  it('reads hours per code (codes upper-cased, 0:00 left out)', () => {
    const [day] = parse(
      [{ date: '2026-11-23', hours: [{ hourCode: ' h100 ', hours: '6:00' }, { hourCode: 'OW150', hours: '2:15' }] }, { date: '2026-11-24', hours: [{ hourCode: 'H100', hours: '0:00' }] }],
      manual(),
    );
    expect(day.kind).toBe('HOUR_CODES');
    expect(day.hours).toEqual([{ hourCode: 'H100', minutes: 360 }, { hourCode: 'OW150', minutes: 135 }]);
    expect(day.workedMinutes).toBe(495);
    expect(day.workDay).toBeNull();
    expect(day.toData()).toEqual({ date: '2026-11-23', hours: [{ hourCode: 'H100', hours: '6:00' }, { hourCode: 'OW150', hours: '2:15' }] });
  });

  it('refuses a code that is not on the placement at days[i].hours[j].hourCode', () => {
    const error = validationErrorOf(() =>
      parse([{ date: '2026-11-23', hours: [{ hourCode: 'H100', hours: '6:00' }, { hourCode: 'ORT50', hours: '2:00' }] }], manual()),
    );
    expect(error.problems.map((p) => `${p.path}:${p.reason}`)).toEqual(['days[0].hours[1].hourCode:HOUR_CODE_NOT_ON_PLACEMENT']);
    expect(error.problems[0].params).toEqual({ value: 'ORT50', allowed: 'H100, OW150' });
  });

  it('refuses a day over 24:00 at days[i].hours', () => {
    expect(refused([{ date: '2026-11-23', hours: [{ hourCode: 'H100', hours: '16:00' }, { hourCode: 'OW150', hours: '8:01' }] }], manual())).toEqual([
      'days[0].hours:DAY_OVER_24_HOURS',
    ]);
    expect(parse([{ date: '2026-11-23', hours: [{ hourCode: 'H100', hours: '16:00' }, { hourCode: 'OW150', hours: '8:00' }] }], manual())[0].workedMinutes).toBe(1440);
  });

  it('refuses a code listed twice, however it is written', () => {
    expect(refused([{ date: '2026-11-23', hours: [{ hourCode: 'H100', hours: '4:00' }, { hourCode: 'h100', hours: '4:00' }] }], manual())).toEqual([
      'days[0].hours[1].hourCode:HOUR_CODE_DUPLICATE',
    ]);
  });

  it('refuses hours not written as H:MM and more lines than the placement has codes', () => {
    expect(refused([{ date: '2026-11-23', hours: [{ hourCode: 'H100', hours: '8.5' }] }], manual())).toEqual(['days[0].hours[0].hours:HOURS_MINUTES_FORMAT']);
    const three = ['H100', 'OW150', 'H100'].map((hourCode) => ({ hourCode, hours: '1:00' }));
    expect(refused([{ date: '2026-11-23', hours: three }], manual())).toEqual(['days[0].hours:TOO_MANY_HOUR_CODES']);
  });
});

describe('parseWeekEntries: dates', () => {
  it('refuses a day outside the week at days[i].date', () => {
    expect(refused([{ date: '2026-11-22', total: '8:00' }, { date: '2026-11-30', total: '8:00' }])).toEqual([
      'days[0].date:DAY_OUTSIDE_WEEK',
      'days[1].date:DAY_OUTSIDE_WEEK',
    ]);
  });

  it("refuses a day outside the placement's period, both ends inclusive", () => {
    const period = rules({ startDate: d('2026-11-24'), endDate: d('2026-11-27') });
    expect(refused([{ date: '2026-11-23', total: '8:00' }, { date: '2026-11-28', total: '8:00' }], period)).toEqual([
      'days[0].date:DAY_OUTSIDE_PLACEMENT',
      'days[1].date:DAY_OUTSIDE_PLACEMENT',
    ]);
    const error = validationErrorOf(() => parse([{ date: '2026-11-23', total: '8:00' }], period));
    expect(error.problems[0].params).toEqual({ date: '2026-11-23', start: '2026-11-24', end: '2026-11-27' });
    expect(parse([{ date: '2026-11-24', total: '8:00' }, { date: '2026-11-27', total: '8:00' }], period)).toHaveLength(2);
  });

  it('refuses a date given twice, and a date that is no date', () => {
    expect(refused([{ date: '2026-11-23', total: '8:00' }, { date: '2026-11-24', total: '8:00' }, { date: '2026-11-23', total: '4:00' }])).toEqual([
      'days[2].date:DAY_DUPLICATE',
    ]);
    expect(refused([{ date: '2026-11-31', total: '8:00' }])).toEqual([expect.stringMatching(/^days\[0\]\.date:/)]);
  });

  it(`refuses more than ${MAX_DAYS} days`, () => {
    const days = Array.from({ length: MAX_DAYS + 1 }, () => ({ date: '2026-11-23', total: '1:00' }));
    expect(refused(days)).toEqual(['days:TOO_MANY_DAYS']);
  });

  it('takes an empty week: days left out were not worked', () => {
    expect(parse([])).toEqual([]);
  });
});

describe('parseWeekEntries: the way a day is entered', () => {
  it.each<[string, DayEntryInput]>([
    ['neither a total, times nor hours', { date: '2026-11-23' }],
    ['only nulls', { date: '2026-11-23', total: null, blocks: null, hours: null }],
    ['a total and times', { date: '2026-11-23', total: '8:00', blocks: [block('08:00', '16:00')] }],
    ['times and hours', { date: '2026-11-23', blocks: [block('08:00', '16:00')], hours: [] }],
  ])('refuses %s with DAY_ENTRY_MODE at days[i]', (_, day) => {
    expect(refused([day])).toEqual(['days[0]:DAY_ENTRY_MODE']);
  });

  it('takes a null for a field that is not used', () => {
    expect(parse([{ date: '2026-11-23', total: '8:00', blocks: null, hours: null, breakDuration: null, breaks: null }])[0].workedMinutes).toBe(480);
  });
});

describe('parseWeekEntries: every problem at once', () => {
  it('reports the problems of all days in one ValidationError, and keeps nothing', () => {
    const error = validationErrorOf(() =>
      parse([
        { date: '2026-11-23', total: '7.5' },
        { date: '2026-11-24', blocks: [block('08:00', '12:00'), block('11:00', '13:00')] },
        { date: '2026-11-25', blocks: [block('08:00', '09:00')], breakDuration: '2:00' },
        { date: '2026-11-30', total: '8:00' },
        { date: '2026-11-26' },
        { date: '2026-11-27', hours: [{ hourCode: 'H100', hours: '8:00' }] },
        { date: '2026-11-30', total: '1:00' },
      ]),
    );
    expect(error.category).toBe('BAD_USER_INPUT');
    expect(error.problems.map((p) => `${p.path}:${p.reason}`)).toEqual([
      'days[0].total:HOURS_MINUTES_FORMAT',
      'days[1].blocks:BLOCKS_OVERLAP',
      'days[2].breakDuration:BREAK_LONGER_THAN_WORK',
      'days[3].date:DAY_OUTSIDE_WEEK',
      'days[4]:DAY_ENTRY_MODE',
      'days[5].hours:ENTRY_MODE_NOT_ALLOWED',
      'days[6].date:DAY_OUTSIDE_WEEK',
      'days[6].date:DAY_DUPLICATE',
    ]);
  });

  it('reports a wrong date and a wrong total of the same day together', () => {
    expect(refused([{ date: '2026-12-01', total: '25:00' }])).toEqual(['days[0].date:DAY_OUTSIDE_WEEK', 'days[0].total:HOURS_MINUTES_RANGE']);
  });
});

describe('DayEntry data (property)', () => {
  const dates = fc.integer({ min: 0, max: 6 }).map((i) => WEEK.monday.plusDays(i));
  const minutes = fc.integer({ min: 0, max: 24 * 60 });

  it('gives back an equal entry from its data for any valid day total, keeping the minutes worked', () => {
    fc.assert(
      fc.property(dates, minutes, (date, m) => {
        const entry = DayEntry.total(date, HoursMinutes.ofMinutes(m));
        const again = DayEntry.fromData(entry.toData());
        expect(again.equals(entry)).toBe(true);
        expect(again.toData()).toEqual(entry.toData());
        expect(again.workedMinutes).toBe(m);
        expect(again.date.equals(date)).toBe(true);
        expect(again.kind).toBe('TOTAL');
      }),
    );
  });

  it('reads the same entry from a total typed as H:MM', () => {
    fc.assert(
      fc.property(dates, minutes, (date, m) => {
        const text = `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
        const [entry] = parseWeekEntries([{ date: date.toString(), total: text }], rules());
        expect(entry.workedMinutes).toBe(m);
        expect(entry.toData()).toEqual({ date: date.toString(), total: text });
        expect(DayEntry.fromData(entry.toData()).equals(entry)).toBe(true);
      }),
    );
  });

  it('gives back an equal entry for one block with a break, past midnight or not', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 1440 }), fc.integer({ min: 0, max: 120 }), (date, start, length, pause) => {
        fc.pre(pause <= length);
        const end = (start + length) % 1440;
        const entry = DayEntry.times(
          date,
          [{ start: TimeOfDay.ofMinuteOfDay(start), end: TimeOfDay.ofMinuteOfDay(end) }],
          pause > 0 ? HoursMinutes.ofMinutes(pause) : null,
          [],
        );
        expect(entry.workedMinutes).toBe(length - pause);
        const again = DayEntry.fromData(entry.toData());
        expect(again.equals(entry)).toBe(true);
        expect(again.workedMinutes).toBe(entry.workedMinutes);
      }),
    );
  });

  it('tells entries with other data apart', () => {
    const monday = d('2026-11-23');
    expect(DayEntry.total(monday, HoursMinutes.parse('8:00')).equals(DayEntry.total(monday, HoursMinutes.parse('8:01')))).toBe(false);
    expect(DayEntry.total(monday, HoursMinutes.parse('8:00')).equals(DayEntry.total(d('2026-11-24'), HoursMinutes.parse('8:00')))).toBe(false);
  });
});
