import { ValidationError, ProblemCollector } from '../../../../src/domain/shared/domain-error';
import { HoursMinutes } from '../../../../src/domain/time/hours-minutes.value-object';
import { LocalDate } from '../../../../src/domain/time/local-date.value-object';
import { TimeOfDay } from '../../../../src/domain/time/time-of-day.value-object';
import { WorkDay } from '../../../../src/domain/unravel/work-day.value-object';
import { parseUnravelWeek, parseWorkDay } from '../../../../src/domain/unravel/unravel-week-input';

const t = TimeOfDay.parse;
const e = TimeOfDay.parseEnd;
const day = LocalDate.parse('2026-11-24');

function reasons(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return error.problems.map((p) => `${p.path} ${p.reason}`);
  }
  return [];
}

describe('WorkDay', () => {
  it('ends a block on the next date when its end is at or before its start', () => {
    const night = WorkDay.ofBlocks(day, [{ start: t('22:00'), end: e('06:00') }]);
    expect(night.blocks).toEqual([{ start: 1320, end: 1800 }]);
    expect(WorkDay.ofBlocks(day, [{ start: t('08:00'), end: e('08:00') }]).blocks).toEqual([{ start: 480, end: 1920 }]);
    expect(WorkDay.ofBlocks(day, [{ start: t('18:00'), end: e('24:00') }]).blocks).toEqual([{ start: 1080, end: 1440 }]);
  });

  it('keeps blocks in time order whatever order they were given in', () => {
    const split = WorkDay.ofBlocks(day, [{ start: t('17:00'), end: e('21:00') }, { start: t('06:00'), end: e('10:00') }]);
    expect(split.blocks.map((b) => b.start)).toEqual([360, 1020]);
  });

  it('refuses a break longer than the block, overlapping blocks, and breaks outside the blocks', () => {
    expect(reasons(() => WorkDay.ofBlocks(day, [{ start: t('08:00'), end: e('10:00') }], { duration: HoursMinutes.parse('2:01') }))).toEqual([
      'break BREAK_LONGER_THAN_WORK',
    ]);
    expect(reasons(() => WorkDay.ofBlocks(day, [{ start: t('08:00'), end: e('12:00') }, { start: t('11:00'), end: e('14:00') }]))).toEqual([
      'blocks BLOCKS_OVERLAP',
    ]);
    expect(reasons(() => WorkDay.ofBlocks(day, [{ start: t('08:00'), end: e('12:00') }], { times: [{ start: t('11:30'), end: e('12:30') }] }))).toEqual([
      'breaks[0] BREAK_OUTSIDE_BLOCKS',
    ]);
    expect(
      reasons(() =>
        WorkDay.ofBlocks(day, [{ start: t('08:00'), end: e('17:00') }], { times: [{ start: t('12:00'), end: e('12:30') }, { start: t('12:15'), end: e('12:45') }] }),
      ),
    ).toEqual(['breaks BREAKS_OVERLAP']);
    expect(reasons(() => WorkDay.ofBlocks(day, []))).toEqual(['blocks BLOCKS_EMPTY']);
  });

  it('places an explicit break after midnight in a night shift', () => {
    const night = WorkDay.ofBlocks(day, [{ start: t('22:00'), end: e('06:00') }], { times: [{ start: t('02:00'), end: e('02:30') }] });
    expect(night.breaks).toEqual([{ start: 1560, end: 1590 }]);
  });
});

describe('parseUnravelWeek', () => {
  it('reads a week of work days from JSON', () => {
    const week = parseUnravelWeek({
      week: '2026-W48',
      contractHours: '24:00',
      days: [
        { date: '2026-11-23', total: '7:30' },
        { date: '2026-11-24', blocks: [{ start: '22:00', end: '06:00' }], break: '0:30' },
        { date: '2026-11-25', blocks: [{ start: '08:00', end: '17:00' }], breaks: [{ start: '12:00', end: '12:30' }] },
      ],
    });
    expect(week.week.toString()).toBe('2026-W48');
    expect(week.contractMinutes).toBe(1440);
    expect(week.days.map((d) => [d.date.toString(), d.totalMinutes, d.breakMinutes, d.breaks.length])).toEqual([
      ['2026-11-23', 450, 0, 0],
      ['2026-11-24', null, 30, 0],
      ['2026-11-25', null, 0, 1],
    ]);
  });

  it('lists every problem of a week by path', () => {
    expect(
      reasons(() =>
        parseUnravelWeek({
          week: '2026-48',
          days: [
            { date: '2026-11-23', total: '7.5' },
            { date: '2026-11-24', total: '8:00', blocks: [] },
            { date: '2026-11-25', blocks: [{ start: '8:00', end: '17:00' }] },
            { date: '2026-11-26', blocks: [{ start: '08:00', end: '09:00' }], break: '2:00' },
            { date: '2026-11-28', total: '1:00' },
            { date: '2026-11-28', total: '2:00' },
          ],
        }),
      ),
    ).toEqual([
      'week ISO_WEEK_FORMAT',
      'days[0].total HOURS_MINUTES_FORMAT',
      'days[1] WORK_DAY_MODE',
      'days[2].blocks[0].start TIME_OF_DAY_FORMAT',
      'days[3].break BREAK_LONGER_THAN_WORK',
      'days[5].date WORK_DAY_DUPLICATE',
    ]);
    expect(reasons(() => parseUnravelWeek({ week: '2026-W48', days: [{ date: '2026-12-01', total: '1:00' }] }))).toEqual([
      'days[0].date WORK_DAY_OUTSIDE_WEEK',
    ]);
  });

  it('reads one work day into a collector', () => {
    const c = new ProblemCollector();
    expect(parseWorkDay(c, 'day', { date: '2026-11-24', total: '8:00' })?.totalMinutes).toBe(480);
    expect(parseWorkDay(c, 'other', { date: 'x' })).toBeUndefined();
    expect(c.problems.map((p) => `${p.path} ${p.reason}`)).toEqual(['other.date LOCAL_DATE_FORMAT', 'other WORK_DAY_MODE']);
  });
});
