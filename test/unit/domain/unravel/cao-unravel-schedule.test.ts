import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ValidationError } from '../../../../src/domain/shared/domain-error';
import { CaoUnravelSchedule, validateCaoUnravelSchedule } from '../../../../src/domain/unravel/cao-unravel-schedule';
import { LocalDate } from '../../../../src/domain/time/local-date.value-object';

const base = (version: Record<string, unknown> = {}) => ({
  name: 'test',
  versions: [{ validFrom: '2026-01-01', hourCodes: { normal: 'U100' }, ...version }],
});

function problems(raw: unknown): string[] {
  try {
    validateCaoUnravelSchedule(raw);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return error.problems.map((p) => `${p.path} ${p.reason}`);
  }
  return [];
}

describe('CaoUnravelSchedule', () => {
  it('fills in the defaults and stays plain JSON', () => {
    const schedule = CaoUnravelSchedule.parse(base());
    const version = schedule.versions[0];
    expect(version.breakPlacement).toEqual({ mode: 'END' });
    expect(version.ortOverlap).toBe('REFUSE');
    expect(version.overtimeWithOrt).toBe('ADD');
    expect(version.hourCodes.extra).toBe('U100');
    expect(version.holidays.liberationDay).toBe('EVERY_FIFTH_YEAR');
    expect(version.holidays.nationalDays).not.toContain('GOOD_FRIDAY');
    expect(JSON.parse(JSON.stringify(schedule))).toEqual(schedule.data);
    expect(CaoUnravelSchedule.parse(JSON.parse(JSON.stringify(schedule))).data).toEqual(schedule.data);
  });

  it('gives the version in force on a date', () => {
    const schedule = CaoUnravelSchedule.parse({
      name: 'two', versions: [{ validFrom: '2026-01-01', hourCodes: { normal: 'A' } }, { validFrom: '2026-07-01', hourCodes: { normal: 'B' } }],
    });
    expect(schedule.versionAt(LocalDate.parse('2025-12-31'))).toBeUndefined();
    expect(schedule.versionAt(LocalDate.parse('2026-06-30'))?.hourCodes.normal).toBe('A');
    expect(schedule.versionAt(LocalDate.parse('2026-07-01'))?.hourCodes.normal).toBe('B');
  });

  it('accepts the golden schedules', () => {
    for (const dir of ['schoonmaak', 'beroepsgoederenvervoer', 'industriele-reiniging', 'metaal-36-uur']) {
      const raw = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/unravel', dir, 'schedule.json'), 'utf8'));
      expect(problems(raw)).toEqual([]);
      const stored = JSON.parse(JSON.stringify(CaoUnravelSchedule.parse(raw)));
      expect(CaoUnravelSchedule.parse(stored).data).toEqual(stored);
    }
  });

  it('lists every problem of form at once, by path', () => {
    expect(
      problems({
        name: 'bad',
        versions: [
          {
            validFrom: '2026-13-01',
            hourCodes: { normal: 'U 100' },
            breakPlacement: { mode: 'MIDDLE' },
            colour: 'red',
            ortWindows: [
              { days: ['MON', 'FUN'], from: '7:00', to: '24:00', percentage: 501, hourCode: 'ORT' },
              { days: [], from: '22:00', to: '22:00', percentage: -1, hourCode: 'ORT2' },
            ],
            dailyOvertime: [{ tiers: [{ after: '8.00', percentage: 90, hourCode: 'OW' }] }],
            holidays: { nationalDays: ['LIBERATION_DAY', 'EPIPHANY'], extraDays: ['13-45'] },
          },
        ],
      }),
    ).toEqual([
      'versions[0].colour FIELD_UNKNOWN',
      'versions[0].validFrom LOCAL_DATE_INVALID',
      'versions[0].hourCodes.normal HOUR_CODE_FORMAT',
      'versions[0].breakPlacement.mode VALUE_NOT_ALLOWED',
      'versions[0].holidays.nationalDays[0] LIBERATION_DAY_IN_NATIONAL_DAYS',
      'versions[0].holidays.nationalDays[1] HOLIDAY_UNKNOWN',
      'versions[0].holidays.extraDays[0] EXTRA_DAY_FORMAT',
      'versions[0].ortWindows[0].percentage PERCENTAGE_RANGE',
      'versions[0].ortWindows[0].days[1] DAY_SELECTOR_UNKNOWN',
      'versions[0].ortWindows[0].from TIME_OF_DAY_FORMAT',
      'versions[0].ortWindows[1].percentage PERCENTAGE_RANGE',
      'versions[0].ortWindows[1].days DAYS_EMPTY',
      'versions[0].ortWindows[1].to WINDOW_EMPTY',
      'versions[0].dailyOvertime[0].tiers[0].after HOURS_MINUTES_FORMAT',
      'versions[0].dailyOvertime[0].tiers[0].percentage OVERTIME_PERCENTAGE_BELOW_100',
    ]);
  });

  it('refuses a schedule without versions or with versions out of order', () => {
    expect(problems({ name: 'x', versions: [] })).toEqual(['versions SCHEDULE_NO_VERSIONS']);
    expect(problems({ versions: 'x' })).toEqual(['name VALUE_REQUIRED', 'versions VALUE_NOT_LIST']);
    expect(problems('schedule')).toEqual([' VALUE_NOT_OBJECT']);
    expect(
      problems({ name: 'x', versions: [{ validFrom: '2026-02-01', hourCodes: { normal: 'A' } }, { validFrom: '2026-01-01', hourCodes: { normal: 'A' } }] }),
    ).toEqual(['versions[1].validFrom VERSIONS_OUT_OF_ORDER']);
  });

  it('refuses overlapping ORT windows without a rule to choose, also across midnight and into holidays', () => {
    const night = { id: 'night', days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], from: '22:00', to: '06:00', percentage: 30, hourCode: 'N' };
    const holiday = { id: 'holiday', days: ['HOLIDAY'], from: '00:00', to: '24:00', percentage: 100, hourCode: 'H' };
    const saturday = { id: 'saturday', days: ['SAT'], from: '00:00', to: '08:00', percentage: 50, hourCode: 'S' };
    expect(problems(base({ ortWindows: [night, saturday] }))).toEqual(['versions[0].ortWindows[1] ORT_WINDOWS_OVERLAP']);
    expect(problems(base({ ortWindows: [night, holiday] }))).toEqual(['versions[0].ortWindows[1] ORT_WINDOWS_OVERLAP']);
    expect(problems(base({ ortWindows: [night, holiday], ortOverlap: 'HIGHEST' }))).toEqual([]);
    expect(problems(base({ ortWindows: [night, { ...saturday, days: ['SUN'] }] }))).toEqual([]);
  });

  it('refuses tiers out of order, or a later tier that would pay less', () => {
    const tier = (after: string, percentage: number, windows: unknown[] = []) => ({ after, percentage, hourCode: `OW${percentage}`, windows });
    expect(problems(base({ dailyOvertime: [{ tiers: [tier('10:00', 150), tier('8:00', 125)] }] }))).toEqual([
      'versions[0].dailyOvertime[0].tiers[1].after TIERS_OUT_OF_ORDER',
    ]);
    expect(problems(base({ weeklyOvertime: { tiers: [tier('38:00', 150), tier('40:00', 125)] } }))).toEqual([
      'versions[0].weeklyOvertime.tiers[1] TIER_PERCENTAGE_DECREASES',
    ]);
    const sunday = { days: ['SUN'], from: '00:00', to: '24:00', percentage: 200, hourCode: 'OW200' };
    expect(problems(base({ dailyOvertime: [{ tiers: [tier('8:00', 125, [sunday]), tier('10:00', 150)] }] }))).toEqual([
      'versions[0].dailyOvertime[0].tiers[1] TIER_PERCENTAGE_DECREASES',
    ]);
    expect(problems(base({ dailyOvertime: [{ tiers: [tier('8:00', 125, [sunday]), tier('10:00', 150, [sunday])] }] }))).toEqual([]);
    expect(problems(base({ dailyOvertime: [{ tiers: [] }] }))).toEqual(['versions[0].dailyOvertime[0].tiers TIERS_EMPTY']);
  });

  it('refuses rules that claim the same day twice, duplicate ids, and hour codes used for time and surcharge', () => {
    const tiers = [{ after: '8:00', percentage: 125, hourCode: 'OW125' }];
    expect(
      problems(
        base({
          dailyOvertime: [{ id: 'a', days: ['MON', 'TUE'], tiers }, { id: 'b', days: ['TUE'], tiers }],
          weekdayOvertime: [{ id: 'a', days: ['SAT'], percentage: 150, hourCode: 'OW150' }, { days: ['SAT', 'SUN'], percentage: 200, hourCode: 'OW200' }],
          ortWindows: [{ days: ['SUN'], from: '00:00', to: '24:00', percentage: 100, hourCode: 'OW125' }],
        }),
      ),
    ).toEqual([
      'versions[0].weekdayOvertime[0].id RULE_ID_DUPLICATE',
      'versions[0].dailyOvertime[1].days DAILY_OVERTIME_DAYS_OVERLAP',
      'versions[0].weekdayOvertime[1].days WEEKDAY_OVERTIME_DAYS_OVERLAP',
      'versions[0].ortWindows[0].hourCode HOUR_CODE_KIND_CONFLICT',
    ]);
  });

  it('reads a percentage table per weekday, whose keys are the days', () => {
    const table = { from: '00:00', to: '06:00', percentage: { MON: 60, TUE: 50 }, hourCode: 'N' };
    expect(problems(base({ ortWindows: [table] }))).toEqual([]);
    expect(problems(base({ ortWindows: [{ ...table, days: ['MON'] }] }))).toEqual(['versions[0].ortWindows[0].days ORT_TABLE_DAYS_MISMATCH']);
    expect(problems(base({ ortWindows: [{ ...table, percentage: { MON: 60, XYZ: 5 } }] }))).toEqual(['versions[0].ortWindows[0].percentage.XYZ DAY_SELECTOR_UNKNOWN']);
  });
});
