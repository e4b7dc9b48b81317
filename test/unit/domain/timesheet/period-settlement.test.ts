import fc from 'fast-check';
import { ValidationError } from '../../../../src/domain/shared/domain-error';
import { IsoWeek } from '../../../../src/domain/time/iso-week.value-object';
import { LocalDate } from '../../../../src/domain/time/local-date.value-object';
import { TimeOfDay } from '../../../../src/domain/time/time-of-day.value-object';
import { BreakdownDay, HoursBreakdown } from '../../../../src/domain/timesheet/hours-breakdown';
import { ApprovedWeek, periodsTouching, sameSettlement, settlePeriod, withSettlement } from '../../../../src/domain/timesheet/period-settlement';
import { CaoUnravelSchedule } from '../../../../src/domain/unravel/cao-unravel-schedule';
import { lastWeekOf, periodContaining, weekdaysIn, weeksOf } from '../../../../src/domain/unravel/settlement-calendar';
import { unravel } from '../../../../src/domain/unravel/unravel.service';
import { WorkDay } from '../../../../src/domain/unravel/work-day.value-object';
import { HAND_WRITTEN_AMSTERDAM, HAND_WRITTEN_DUTCH_HOLIDAYS } from '../../../fixtures/unravel/dutch-calendar';

/** Issue 13, rule 1: overtime settled over periods of several weeks. */
const d = LocalDate.parse;
const w = IsoWeek.parse;
const FOUR_WEEKS = { id: 'periode', calendar: { kind: 'ISO_WEEKS', weeks: 4 }, normalPerWeekday: '8:00', tiers: [{ over: '0:00', percentage: 130, hourCode: 'OW130P' }, { over: '2:00', percentage: 150, hourCode: 'OW150P' }] };
const MONTHS = { id: 'maand', calendar: { kind: 'CALENDAR_MONTH' }, normalPerWeekday: '8:00', tiers: [{ over: '0:00', percentage: 125, hourCode: 'OW125P' }] };

function schedule(settlementPeriod: unknown = FOUR_WEEKS, more: Record<string, unknown>[] = [], version: Record<string, unknown> = {}): CaoUnravelSchedule {
  return CaoUnravelSchedule.parse({ name: 'test', versions: [{ validFrom: '2025-01-01', hourCodes: { normal: 'U100' }, settlementPeriod, ...version }, ...more] });
}

/** A week whose days each have one NORMAL line of these minutes (and other lines that must not count). */
function weekOf(week: string, minutesByDate: Record<string, number>, extra: BreakdownDay['lines'] = []): ApprovedWeek {
  const days = Object.entries(minutesByDate).map(([date, minutes]): Pick<BreakdownDay, 'date' | 'lines'> => ({
    date,
    lines: [
      { date, hourCode: 'U100', kind: 'NORMAL', percentage: 100, minutes, from: null, to: null, rule: null, explanation: { key: 'line.normal', params: {} } },
      ...extra.filter((l) => l.date === date),
    ],
  }));
  return { week: w(week), days };
}

/** Every weekday of a week at `minutes`. */
function fullWeek(week: string, minutes: number): ApprovedWeek {
  const monday = w(week).monday;
  return weekOf(week, Object.fromEntries([0, 1, 2, 3, 4].map((i) => [monday.plusDays(i).toString(), minutes])));
}

const lineText = (lines: readonly { date: string; hourCode: string; percentage: number; minutes: number }[]) => lines.map((l) => `${l.date} ${l.hourCode} ${l.percentage} ${l.minutes}`);

describe('settlement calendars', () => {
  it('counts ISO weeks in blocks from week 1; a remainder joins the last block (2026 has 53 weeks)', () => {
    const cal = { kind: 'ISO_WEEKS' as const, weeks: 4 };
    expect(periodContaining(cal, d('2026-01-01'))).toEqual({ from: d('2025-12-29'), to: d('2026-01-25') });
    expect(periodContaining(cal, d('2026-01-26'))).toEqual({ from: d('2026-01-26'), to: d('2026-02-22') });
    expect(periodContaining(cal, d('2026-02-22'))).toEqual({ from: d('2026-01-26'), to: d('2026-02-22') });
    const last = periodContaining(cal, d('2026-12-31'));
    expect(last).toEqual({ from: w('2026-W49').monday, to: w('2026-W53').sunday });
    expect(weeksOf(last).map(String)).toEqual(['2026-W49', '2026-W50', '2026-W51', '2026-W52', '2026-W53']);
    expect(periodContaining(cal, d('2027-12-31'))).toEqual({ from: w('2027-W49').monday, to: w('2027-W52').sunday });
    expect(periodContaining({ kind: 'ISO_WEEKS', weeks: 13 }, d('2026-12-31'))).toEqual({ from: w('2026-W40').monday, to: w('2026-W53').sunday });
  });

  it('takes calendar months, whose weeks straddle them; the last week holds the last day', () => {
    const feb = periodContaining({ kind: 'CALENDAR_MONTH' }, d('2026-02-14'));
    expect(feb).toEqual({ from: d('2026-02-01'), to: d('2026-02-28') });
    expect(weekdaysIn(feb)).toBe(20);
    expect(weeksOf(feb).map(String)).toEqual(['2026-W05', '2026-W06', '2026-W07', '2026-W08', '2026-W09']);
    expect(lastWeekOf(feb).toString()).toBe('2026-W09');
    expect(weekdaysIn(periodContaining({ kind: 'CALENDAR_MONTH' }, d('2024-02-10')))).toBe(21); // a leap February
  });

  it('a week across the end of a month counts in both months', () => {
    expect(periodsTouching(schedule(MONTHS), w('2026-W05')).map((p) => `${p.period.from}…${p.period.to}`)).toEqual(['2026-01-01…2026-01-31', '2026-02-01…2026-02-28']);
    expect(periodsTouching(schedule(MONTHS), w('2026-W07'))).toHaveLength(1);
  });
});

describe('settling a period: edges', () => {
  const period = (s = schedule(), week = '2026-W08') => periodsTouching(s, w(week))[0];
  const weeks = ['2026-W05', '2026-W06', '2026-W07', '2026-W08'];

  it('exactly the normal hours: nothing over, no line, the settlement still says what it counted', () => {
    const { settlement, lines } = settlePeriod(period(), weeks.map((x) => fullWeek(x, 480)));
    expect(settlement).toMatchObject({ from: '2026-01-26', to: '2026-02-22', normalMinutes: 9600, countedMinutes: 9600, overtimeMinutes: 0 });
    expect(lines).toEqual([]);
  });

  it('one minute past: one minute of the first tier, on the last day, paying the part above 100 %', () => {
    const approved = [...weeks.slice(0, 3).map((x) => fullWeek(x, 480)), weekOf('2026-W08', { '2026-02-16': 481, '2026-02-17': 480, '2026-02-18': 480, '2026-02-19': 480, '2026-02-20': 480 })];
    const { settlement, lines } = settlePeriod(period(), approved);
    expect(settlement.overtimeMinutes).toBe(1);
    expect(lineText(lines)).toEqual(['2026-02-22 OW130P 30 1']);
    expect(lines[0]).toMatchObject({ kind: 'PERIOD_OVERTIME', from: null, to: null, rule: { rule: 'periode.tiers[0]' } });
    expect(lines[0].explanation.params).toMatchObject({ weeks: '2026-W05 – 2026-W08', normal: '160:00', counted: '160:01', over: '0:01', percentage: 130, surcharge: 30 });
  });

  it('exactly at a tier: the next tier gets nothing; one minute more goes to it', () => {
    const at = (extra: number) => settlePeriod(period(), [...weeks.slice(0, 3).map((x) => fullWeek(x, 480)), weekOf('2026-W08', { '2026-02-16': 480 + extra, '2026-02-17': 480, '2026-02-18': 480, '2026-02-19': 480, '2026-02-20': 480 })]).lines;
    expect(lineText(at(120))).toEqual(['2026-02-22 OW130P 30 120']);
    expect(lineText(at(121))).toEqual(['2026-02-22 OW130P 30 120', '2026-02-22 OW150P 50 1']);
  });

  it('a week without approved hours counts 0; only NORMAL minutes count (daily overtime and surcharges were paid on their day)', () => {
    const extra = [{ date: '2026-01-26', hourCode: 'OW125', kind: 'OVERTIME' as const, percentage: 125, minutes: 60, from: null, to: null, rule: null, explanation: { key: 'x', params: {} } }];
    const { settlement } = settlePeriod(period(), [weekOf('2026-W05', { '2026-01-26': 600 }, extra), fullWeek('2026-W07', 600)]);
    expect(settlement.weeks).toEqual([
      { week: '2026-W05', countedMinutes: 600 }, { week: '2026-W06', countedMinutes: 0 }, { week: '2026-W07', countedMinutes: 3000 }, { week: '2026-W08', countedMinutes: 0 },
    ]);
  });

  it('a month counts only the work days inside it, from the weeks that straddle it', () => {
    const months = schedule(MONTHS);
    const feb = periodsTouching(months, w('2026-W09'))[0];
    expect(`${feb.period.from}…${feb.period.to}`).toBe('2026-02-01…2026-02-28');
    const { settlement } = settlePeriod(feb, [
      weekOf('2026-W05', { '2026-01-30': 600, '2026-01-31': 600, '2026-02-01': 300 }),
      weekOf('2026-W09', { '2026-02-27': 500, '2026-02-28': 100, '2026-03-01': 900 }),
    ]);
    expect(settlement.weeks.map((x) => x.countedMinutes)).toEqual([300, 0, 0, 0, 600]);
    expect(settlement.normalMinutes).toBe(20 * 480);
  });

  it('across midnight: a shift counts where it starts, so the last Sunday night counts whole and the Sunday night before the period does not', () => {
    const s = schedule();
    const night = (date: string) => WorkDay.ofBlocks(d(date), [{ start: TimeOfDay.parse('22:00'), end: TimeOfDay.parseEnd('06:00') }]);
    const unravelled = (week: string, days: WorkDay[]): ApprovedWeek => ({
      week: w(week),
      days: JSON.parse(JSON.stringify(unravel({ week: w(week), days, schedule: s, holidays: HAND_WRITTEN_DUTCH_HOLIDAYS, contractMinutes: null, timeZone: HAND_WRITTEN_AMSTERDAM }).days)),
    });
    const before = unravelled('2026-W04', [night('2026-01-25')]); // Sunday before the period: its 360 minutes on Monday 26th belong to W04
    const last = unravelled('2026-W08', [night('2026-02-22')]);
    const { settlement } = settlePeriod(period(s), [before, last]);
    expect(settlement.weeks.find((x) => x.week === '2026-W08')?.countedMinutes).toBe(480);
    expect(settlement.countedMinutes).toBe(480);
  });

  it('across a clock change: minutes are real minutes (the night of 29 March 2026 lasts 7 hours)', () => {
    const s = schedule(MONTHS);
    const day = WorkDay.ofBlocks(d('2026-03-28'), [{ start: TimeOfDay.parse('22:00'), end: TimeOfDay.parseEnd('06:00') }]);
    const result = unravel({ week: w('2026-W13'), days: [day], schedule: s, holidays: HAND_WRITTEN_DUTCH_HOLIDAYS, contractMinutes: null, timeZone: HAND_WRITTEN_AMSTERDAM });
    const march = periodsTouching(s, w('2026-W13'))[0];
    const { settlement } = settlePeriod(march, [{ week: w('2026-W13'), days: JSON.parse(JSON.stringify(result.days)) }]);
    expect(settlement.countedMinutes).toBe(420);
  });

  it('across a version change: the version in force on the period\'s last day settles it', () => {
    const tighter = { ...FOUR_WEEKS, normalPerWeekday: '7:36' };
    const s = schedule(FOUR_WEEKS, [{ validFrom: '2026-02-09', hourCodes: { normal: 'U100' }, settlementPeriod: tighter }]);
    const [p] = periodsTouching(s, w('2026-W05'));
    expect(p.scheduleVersion).toBe('2026-02-09');
    expect(settlePeriod(p, []).settlement.normalMinutes).toBe(20 * 456);
    // A version without the rule from within the period: the period is not settled at all (its weeks settled on their own rules).
    const ended = schedule(FOUR_WEEKS, [{ validFrom: '2026-02-09', hourCodes: { normal: 'U100' } }]);
    expect(periodsTouching(ended, w('2026-W05'))).toEqual([]);
    expect(periodsTouching(ended, w('2026-W08'))).toEqual([]);
    // Another calendar from within the period: the old block is not the new version's, so it is not settled either.
    const months = schedule(FOUR_WEEKS, [{ validFrom: '2026-02-09', hourCodes: { normal: 'U100' }, settlementPeriod: MONTHS }]);
    expect(periodsTouching(months, w('2026-W05')).map((x) => `${x.period.from}…${x.period.to}`)).toEqual([]);
    expect(periodsTouching(months, w('2026-W08')).map((x) => `${x.period.from}…${x.period.to}`)).toEqual(['2026-02-01…2026-02-28']);
  });
});

describe('the settled breakdown of the last week', () => {
  const p = () => periodsTouching(schedule(), w('2026-W08'))[0];
  const base: HoursBreakdown = {
    days: [{ date: '2026-02-16', workedMinutes: 600, scheduleVersion: '2025-01-01', lines: fullWeek('2026-W08', 600).days[0].lines, notApplied: [], adjustments: [] }],
    totals: [{ hourCode: 'U100', kind: 'NORMAL', percentage: 100, minutes: 600 }],
    workedMinutes: 600,
    schedule: { id: 's', name: 'test', versions: ['2025-01-01'] },
  };

  it('puts the lines on the last date (a day of 0 worked minutes when not worked) and adds them to the totals', () => {
    const { settlement, lines } = settlePeriod(p(), ['2026-W05', '2026-W06', '2026-W07', '2026-W08'].map((x) => fullWeek(x, 500)));
    const settled = withSettlement(base, settlement, lines);
    expect(settled.days.map((x) => `${x.date} ${x.workedMinutes} ${x.lines.length}`)).toEqual(['2026-02-16 600 1', '2026-02-22 0 2']);
    expect(settled.totals).toEqual([
      { hourCode: 'OW130P', kind: 'PERIOD_OVERTIME', percentage: 30, minutes: 120 },
      { hourCode: 'OW150P', kind: 'PERIOD_OVERTIME', percentage: 50, minutes: 280 },
      { hourCode: 'U100', kind: 'NORMAL', percentage: 100, minutes: 600 },
    ]);
    expect(settled.workedMinutes).toBe(600);
    expect(settled.settlement).toBe(settlement);
  });

  it('settling again replaces the earlier lines; a settlement with nothing over removes them and their empty day', () => {
    const first = settlePeriod(p(), ['2026-W05', '2026-W06', '2026-W07', '2026-W08'].map((x) => fullWeek(x, 500)));
    const once = withSettlement(base, first.settlement, first.lines);
    expect(withSettlement(once, first.settlement, first.lines)).toEqual(once);
    const none = settlePeriod(p(), [fullWeek('2026-W08', 500)]);
    const cleared = withSettlement(once, none.settlement, none.lines);
    expect(cleared.days).toEqual(base.days);
    expect(cleared.totals).toEqual(base.totals);
    expect(sameSettlement(once.settlement, first.settlement)).toBe(true);
    expect(sameSettlement(once.settlement, none.settlement)).toBe(false);
    expect(sameSettlement(undefined, none.settlement)).toBe(false);
  });

  it('compares a settlement read back from jsonb (keys reordered) as the same, and tells any changed field apart', () => {
    const { settlement } = settlePeriod(p(), ['2026-W05', '2026-W06', '2026-W07', '2026-W08'].map((x) => fullWeek(x, 500)));
    // jsonb keeps object keys shortest first, then bytewise: not the order the settlement was built in.
    const reordered = JSON.parse(JSON.stringify({
      to: settlement.to,
      from: settlement.from,
      rule: { rule: settlement.rule.rule, scheduleVersion: settlement.rule.scheduleVersion },
      weeks: settlement.weeks.map((x) => ({ week: x.week, countedMinutes: x.countedMinutes })),
      normalMinutes: settlement.normalMinutes,
      countedMinutes: settlement.countedMinutes,
      overtimeMinutes: settlement.overtimeMinutes,
    })) as typeof settlement;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(settlement));
    expect(sameSettlement(reordered, settlement)).toBe(true);
    const changed: (typeof settlement)[] = [
      { ...settlement, from: '2026-01-27' },
      { ...settlement, to: '2026-02-21' },
      { ...settlement, rule: { ...settlement.rule, scheduleVersion: '2026-01-01' } },
      { ...settlement, rule: { ...settlement.rule, rule: 'other' } },
      { ...settlement, normalMinutes: settlement.normalMinutes + 1 },
      { ...settlement, countedMinutes: settlement.countedMinutes + 1 },
      { ...settlement, overtimeMinutes: settlement.overtimeMinutes + 1 },
      { ...settlement, weeks: settlement.weeks.slice(1) },
      { ...settlement, weeks: settlement.weeks.map((x, i) => (i === 1 ? { ...x, countedMinutes: x.countedMinutes - 1 } : x)) },
      { ...settlement, weeks: settlement.weeks.map((x, i) => (i === 1 ? { ...x, week: '2026-W09' } : x)) },
    ];
    for (const other of changed) expect(sameSettlement(reordered, other)).toBe(false);
  });
});

describe('settling a period: properties', () => {
  const p = periodsTouching(schedule(), w('2026-W08'))[0];
  const weekNames = ['2026-W05', '2026-W06', '2026-W07', '2026-W08'];
  const arbitraryWeeks = fc.array(
    fc.record({ week: fc.constantFrom(...weekNames), minutes: fc.array(fc.integer({ min: 0, max: 900 }), { minLength: 7, maxLength: 7 }) }),
    { maxLength: 4 },
  ).map((list) => {
    const seen = new Set<string>();
    return list.filter((x) => !seen.has(x.week) && seen.add(x.week)).map((x) => {
      const monday = w(x.week).monday;
      return weekOf(x.week, Object.fromEntries(x.minutes.map((m, i) => [monday.plusDays(i).toString(), m])));
    });
  });

  it('counts the sum of its weeks; pays exactly the minutes over the normal hours, never negative, in order of the tiers', () => {
    fc.assert(fc.property(arbitraryWeeks, (approved) => {
      const { settlement, lines } = settlePeriod(p, approved);
      const byWeek = settlement.weeks.reduce((sum, x) => sum + x.countedMinutes, 0);
      const direct = approved.flatMap((a) => a.days.flatMap((day) => day.lines)).reduce((sum, l) => sum + l.minutes, 0);
      expect(settlement.countedMinutes).toBe(byWeek);
      expect(settlement.countedMinutes).toBe(direct);
      expect(settlement.overtimeMinutes).toBe(Math.max(0, direct - 9600));
      expect(lines.reduce((sum, l) => sum + l.minutes, 0)).toBe(settlement.overtimeMinutes);
      expect(lines.every((l) => l.minutes > 0)).toBe(true);
      expect(lines[0]?.minutes ?? 0).toBeLessThanOrEqual(120);
    }));
  });

  it('does not depend on the order the weeks come in, and ignores weeks outside the period', () => {
    fc.assert(fc.property(arbitraryWeeks, (approved) => {
      const outside = fullWeek('2026-W09', 900);
      const a = settlePeriod(p, approved);
      const b = settlePeriod(p, [outside, ...[...approved].reverse()]);
      expect(b).toEqual(a);
    }));
  });
});

describe('settlementPeriod: validation', () => {
  const problems = (settlementPeriod: unknown, version: Record<string, unknown> = {}) => {
    try {
      schedule(settlementPeriod, [], version);
      return [];
    } catch (error) {
      return (error as ValidationError).problems.map((x) => `${x.path} ${x.reason}`);
    }
  };
  const at = 'versions[0].settlementPeriod';

  it('fills in the id, and refuses with every problem by path', () => {
    const { id: _, ...withoutId } = FOUR_WEEKS;
    expect(schedule(withoutId).data.versions[0].settlementPeriod?.id).toBe('settlementPeriod');
    expect(problems({ ...FOUR_WEEKS, calendar: { kind: 'ISO_WEEKS', weeks: 1 } })).toEqual([`${at}.calendar.weeks SETTLEMENT_WEEKS_RANGE`]);
    expect(problems({ ...FOUR_WEEKS, calendar: { kind: 'ISO_WEEKS', weeks: 27 } })).toEqual([`${at}.calendar.weeks SETTLEMENT_WEEKS_RANGE`]);
    expect(problems({ ...FOUR_WEEKS, calendar: { kind: 'ISO_WEEKS' } })).toEqual([`${at}.calendar.weeks SETTLEMENT_WEEKS_RANGE`]);
    expect(problems({ ...FOUR_WEEKS, calendar: { kind: 'CALENDAR_MONTH', weeks: 4 } })).toEqual([`${at}.calendar.weeks FIELD_UNKNOWN`]);
    expect(problems({ ...FOUR_WEEKS, calendar: { kind: 'YEAR' } })).toEqual([`${at}.calendar.kind VALUE_NOT_ALLOWED`]);
    expect(problems({ ...FOUR_WEEKS, normalPerWeekday: '0:00' })).toEqual([`${at}.normalPerWeekday SETTLEMENT_NORMAL_RANGE`]);
    expect(problems({ ...FOUR_WEEKS, normalPerWeekday: '8' })).toEqual([`${at}.normalPerWeekday HOURS_MINUTES_FORMAT`]);
    expect(problems({ ...FOUR_WEEKS, tiers: [] })).toEqual([`${at}.tiers TIERS_EMPTY`]);
    expect(problems({ ...FOUR_WEEKS, tiers: [{ over: '2:00', percentage: 150, hourCode: 'A' }, { over: '2:00', percentage: 160, hourCode: 'B' }] })).toEqual([`${at}.tiers[1].over TIERS_OUT_OF_ORDER`]);
    expect(problems({ ...FOUR_WEEKS, tiers: [{ over: '0:00', percentage: 150, hourCode: 'A' }, { over: '2:00', percentage: 130, hourCode: 'B' }] })).toEqual([`${at}.tiers[1].percentage SETTLEMENT_TIER_DECREASES`]);
    expect(problems({ ...FOUR_WEEKS, tiers: [{ over: '0:00', percentage: 99, hourCode: 'A' }] })).toEqual([`${at}.tiers[0].percentage OVERTIME_PERCENTAGE_BELOW_100`]);
    expect(problems({ ...FOUR_WEEKS, tiers: [{ over: '0:00', percentage: 130, hourCode: 'U100' }] })).toEqual([`${at}.tiers[0].hourCode HOUR_CODE_KIND_CONFLICT`]);
    expect(problems({ ...FOUR_WEEKS, extra: true })).toEqual([`${at}.extra FIELD_UNKNOWN`]);
  });

  it('refuses settling per period and per week in one version', () => {
    expect(problems(FOUR_WEEKS, { weeklyOvertime: { tiers: [{ after: '40:00', percentage: 125, hourCode: 'OW125' }] } })).toEqual([`${at} SETTLEMENT_WITH_WEEKLY_OVERTIME`]);
  });
});
