import fc from 'fast-check';
import { ValidationError } from '../../../../src/domain/shared/domain-error';
import { HoursMinutes } from '../../../../src/domain/time/hours-minutes.value-object';
import { IsoWeek } from '../../../../src/domain/time/iso-week.value-object';
import { LocalDate } from '../../../../src/domain/time/local-date.value-object';
import { TimeOfDay } from '../../../../src/domain/time/time-of-day.value-object';
import { CaoUnravelSchedule } from '../../../../src/domain/unravel/cao-unravel-schedule';
import { unravel } from '../../../../src/domain/unravel/unravel.service';
import { isTimeKind, UnravelResult } from '../../../../src/domain/unravel/unravel-result';
import { BreakInput, WorkDay } from '../../../../src/domain/unravel/work-day.value-object';
import { HAND_WRITTEN_AMSTERDAM, HAND_WRITTEN_DUTCH_HOLIDAYS } from '../../../fixtures/unravel/dutch-calendar';
import { buildDay, scheduleAndWeek, weekDays } from './unravel-arbitraries';

/** Issue 13, rule 2: minimum pay per call (BW 7:628a): a call of less than 3:00 is paid 3:00. */
const t = TimeOfDay.parse;
const e = TimeOfDay.parseEnd;
const d = LocalDate.parse;
const CALL = { id: 'oproep', minimum: '3:00', hourCode: 'OPROEP' };
const NIGHT = { id: 'night', days: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'], from: '00:00', to: '06:00', percentage: 50, hourCode: 'ORT50' };

function schedule(version: Record<string, unknown> = {}, more: Record<string, unknown>[] = []): CaoUnravelSchedule {
  return CaoUnravelSchedule.parse({
    name: 'test',
    versions: [{ validFrom: '2025-01-01', hourCodes: { normal: 'U100' }, minimumPayPerCall: CALL, ...version }, ...more],
  });
}

const shift = (day: string, start: string, end: string, breakInput?: BreakInput) => WorkDay.ofBlocks(d(day), [{ start: t(start), end: e(end) }], breakInput);

function run(s: CaoUnravelSchedule, week: string, days: WorkDay[]): UnravelResult {
  return unravel({ week: IsoWeek.parse(week), days, schedule: s, holidays: HAND_WRITTEN_DUTCH_HOLIDAYS, contractMinutes: null, timeZone: HAND_WRITTEN_AMSTERDAM });
}

const minimumPay = (r: UnravelResult) => r.days.flatMap((day) => day.lines.filter((l) => l.kind === 'MINIMUM_PAY').map((l) => `${l.date} ${l.hourCode} ${l.percentage} ${l.minutes} ${l.from}`));

describe('minimum pay per call: edges', () => {
  it('adds nothing to a call of exactly 3:00', () => {
    expect(minimumPay(run(schedule(), '2026-W48', [shift('2026-11-23', '09:00', '12:00')]))).toEqual([]);
  });

  it('adds one minute to a call one minute short, and nothing to a call one minute over', () => {
    expect(minimumPay(run(schedule(), '2026-W48', [shift('2026-11-23', '09:00', '11:59')]))).toEqual(['2026-11-23 OPROEP 100 1 null']);
    expect(minimumPay(run(schedule(), '2026-W48', [shift('2026-11-23', '09:00', '12:01')]))).toEqual([]);
  });

  it('counts the call after its break: 09:00–12:00 with 0:15 is 2:45 worked, 0:15 paid on top', () => {
    const r = run(schedule(), '2026-W48', [shift('2026-11-23', '09:00', '12:00', { duration: HoursMinutes.parse('0:15') })]);
    expect(r.days[0].workedMinutes).toBe(165);
    expect(minimumPay(r)).toEqual(['2026-11-23 OPROEP 100 15 null']);
  });

  it('across midnight: the call is on the date it starts, and the missing minutes get no ORT', () => {
    const r = run(schedule({ ortWindows: [NIGHT] }), '2026-W48', [shift('2026-11-23', '23:00', '01:00')]);
    expect(r.days[0].workedMinutes).toBe(120);
    expect(minimumPay(r)).toEqual(['2026-11-23 OPROEP 100 60 null']);
    expect(r.days[0].lines.filter((l) => l.kind === 'ORT').reduce((s, l) => s + l.minutes, 0)).toBe(60);
  });

  it('across the clocks going forward (29 March 2026): 01:00–04:00 is 2:00 real work, so 1:00 is added', () => {
    const r = run(schedule(), '2026-W13', [shift('2026-03-29', '01:00', '04:00')]);
    expect(r.days[0].workedMinutes).toBe(120);
    expect(minimumPay(r)).toEqual(['2026-03-29 OPROEP 100 60 null']);
  });

  it('across the clocks going back (25 October 2026): 01:00–03:00 is 3:00 real work, nothing added', () => {
    const r = run(schedule(), '2026-W43', [shift('2026-10-25', '01:00', '03:00')]);
    expect(r.days[0].workedMinutes).toBe(180);
    expect(minimumPay(r)).toEqual([]);
  });

  it('across a version change: each call follows the version of its date', () => {
    const s = schedule({ minimumPayPerCall: null }, [{ validFrom: '2026-11-24', hourCodes: { normal: 'U100' }, minimumPayPerCall: { ...CALL, minimum: '4:00' } }]);
    const r = run(s, '2026-W48', [shift('2026-11-23', '09:00', '11:00'), shift('2026-11-24', '09:00', '11:00')]);
    expect(minimumPay(r)).toEqual(['2026-11-24 OPROEP 100 120 null']);
    expect(r.days[1].lines.find((l) => l.kind === 'MINIMUM_PAY')?.explanation).toEqual({ key: 'line.minimumPayPerCall', params: { minimum: '4:00' } });
  });

  it('pays each block of a split shift as its own call, and a day total as one call', () => {
    const split = WorkDay.ofBlocks(d('2026-11-23'), [{ start: t('07:00'), end: t('08:00') }, { start: t('17:00'), end: t('19:00') }]);
    const r = run(schedule(), '2026-W48', [split, WorkDay.ofTotal(d('2026-11-24'), HoursMinutes.parse('2:30'))]);
    expect(minimumPay(r)).toEqual(['2026-11-23 OPROEP 100 120 null', '2026-11-23 OPROEP 100 60 null', '2026-11-24 OPROEP 100 30 null']);
    expect(r.totals.find((x) => x.kind === 'MINIMUM_PAY')).toEqual({ hourCode: 'OPROEP', kind: 'MINIMUM_PAY', percentage: 100, minutes: 210 });
  });
});

describe('minimum pay per call: validation', () => {
  const problems = (version: Record<string, unknown>) => {
    try {
      schedule(version);
      return [];
    } catch (error) {
      return (error as ValidationError).problems.map((p) => `${p.path} ${p.reason}`);
    }
  };

  it('fills in the id and lists every problem by path', () => {
    expect(schedule({ minimumPayPerCall: { minimum: '3:00', hourCode: 'X' } }).data.versions[0].minimumPayPerCall).toEqual({ id: 'minimumPayPerCall', minimum: '3:00', hourCode: 'X' });
    expect(problems({ minimumPayPerCall: { minimum: '0:00', hourCode: 'bad code' } })).toEqual([
      'versions[0].minimumPayPerCall.minimum MINIMUM_PAY_RANGE',
      'versions[0].minimumPayPerCall.hourCode HOUR_CODE_FORMAT',
    ]);
    expect(problems({ minimumPayPerCall: { minimum: '12:01', hourCode: 'X' } })).toEqual(['versions[0].minimumPayPerCall.minimum MINIMUM_PAY_RANGE']);
    expect(problems({ minimumPayPerCall: { minimum: '3:00', hourCode: 'U100' } })).toEqual(['versions[0].minimumPayPerCall.hourCode HOUR_CODE_KIND_CONFLICT']);
    expect(problems({ minimumPayPerCall: { minimum: '3:00' } })).toEqual(['versions[0].minimumPayPerCall.hourCode VALUE_REQUIRED']);
  });
});

describe('minimum pay per call: properties', () => {
  it('keeps worked minutes as they were and adds exactly what each call misses', () => {
    fc.assert(
      fc.property(scheduleAndWeek, weekDays, fc.integer({ min: 1, max: 720 }), ({ week, schedule: raw }, specs, minimum) => {
        const withRule = (on: boolean) => CaoUnravelSchedule.parse({
          ...raw,
          versions: raw.versions.map((v) => ({ ...v, minimumPayPerCall: on ? { minimum: HoursMinutes.ofMinutes(minimum).toString(), hourCode: 'CALL-MIN' } : null })),
        });
        const days = specs.map((s) => buildDay(IsoWeek.parse(week).monday, s));
        const input = { week: IsoWeek.parse(week), days, holidays: HAND_WRITTEN_DUTCH_HOLIDAYS, contractMinutes: null, timeZone: HAND_WRITTEN_AMSTERDAM };
        const without = unravel({ ...input, schedule: withRule(false) });
        const withIt = unravel({ ...input, schedule: withRule(true) });
        expect(JSON.stringify(withIt.days.map((day) => day.lines.filter((l) => l.kind !== 'MINIMUM_PAY'))))
          .toBe(JSON.stringify(without.days.map((day) => day.lines)));
        const sorted = [...specs].sort((x, y) => x.offset - y.offset);
        withIt.days.forEach((day, i) => {
          // A day of one call (a total or one block): exactly the minutes it misses.
          const added = day.lines.filter((l) => l.kind === 'MINIMUM_PAY').reduce((s, l) => s + l.minutes, 0);
          if (sorted[i].total !== undefined || sorted[i].blocks?.length === 1) {
            expect(added).toBe(day.workedMinutes > 0 && day.workedMinutes < minimum ? minimum - day.workedMinutes : 0);
          }
          expect(day.workedMinutes).toBe(day.lines.filter((l) => isTimeKind(l.kind)).reduce((s, l) => s + l.minutes, 0));
          const extra = day.lines.filter((l) => l.kind === 'MINIMUM_PAY').map((l) => l.minutes);
          for (const m of extra) expect(m).toBeGreaterThan(0);
          // No call paid less than the minimum: worked + added ≥ minimum × calls with work.
          expect(day.workedMinutes + extra.reduce((s, m) => s + m, 0)).toBeGreaterThanOrEqual(Math.min(day.workedMinutes, minimum));
          expect(extra.every((m) => m < minimum)).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});
