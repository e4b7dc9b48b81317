import { anAgency } from '../../../support/mothers/organisation.mother';
import { pathsOf } from '../shared/helpers';
import { AMSTERDAM_INSTANT_OF } from '../timesheet/amsterdam-instant-of';
import { DEFAULT_REMINDER_MOMENTS, parseReminderMoments, ReminderMoment } from '../../../../src/domain/agency/reminder-moment.value-object';
import { dueReminderSlot, reminderHorizon, weeksToRemind } from '../../../../src/domain/agency/reminder-slots';
import { LocalDateTime } from '../../../../src/domain/timesheet/pay-calendar';
import { IsoWeek } from '../../../../src/domain/time/iso-week.value-object';
import { LocalDate } from '../../../../src/domain/time/local-date.value-object';

const CATCH_UP = 240;

/** A wall-clock time in Amsterdam (`2026-12-04 16:00`). */
function wall(text: string): LocalDateTime {
  const [date, time] = text.split(' ');
  const [h, m] = time.split(':').map(Number);
  return { date: LocalDate.parse(date), minuteOfDay: h * 60 + m };
}

/** The slot due at an Amsterdam wall-clock time, as an ISO instant (or null). */
function dueAt(localNow: string, moments: readonly ReminderMoment[] = DEFAULT_REMINDER_MOMENTS, catchUp = CATCH_UP): string | null {
  const local = wall(localNow);
  const slot = dueReminderSlot(moments, AMSTERDAM_INSTANT_OF(local), local, AMSTERDAM_INSTANT_OF, catchUp);
  return slot ? slot.at.toISOString() : null;
}

/** The slot due at an instant (for times the wall clock shows twice or never). */
function dueAtInstant(iso: string, localNow: string, moments: readonly ReminderMoment[]): string | null {
  const slot = dueReminderSlot(moments, new Date(iso), wall(localNow), AMSTERDAM_INSTANT_OF, CATCH_UP);
  return slot ? slot.at.toISOString() : null;
}

const moments = (...texts: string[]) => texts.map((t) => ReminderMoment.parse(t));

describe('reminder moments in the agency settings', () => {
  it('default to Friday 16:00 and Monday 09:00, kept in week order', () => {
    expect(anAgency().settings.reminderMoments.map(String)).toEqual(['MON 09:00', 'FRI 16:00']);
  });

  it('are replaced as a list, sorted; an empty list means no reminders', () => {
    const agency = anAgency();
    agency.changeSettings({ reminderMoments: [{ weekday: 'SUN', time: '18:00' }, { weekday: 'THU', time: '07:45' }] });
    expect(agency.settings.reminderMoments.map(String)).toEqual(['THU 07:45', 'SUN 18:00']);
    agency.changeSettings({ reminderMoments: [] });
    expect(agency.settings.reminderMoments).toEqual([]);
    agency.changeSettings({ payWeekday: 'THU' });
    expect(agency.settings.reminderMoments).toEqual([]);
  });

  it('reports every bad moment at its index and changes nothing', () => {
    const agency = anAgency();
    const paths = pathsOf(() =>
      agency.changeSettings({
        reminderMoments: [
          { weekday: 'FRI', time: '16:00' },
          { weekday: 'FRI', time: '16:00' },
          { weekday: 'FRIDAY', time: '24:00' },
          { weekday: 'MON', time: '9:00' },
        ],
      }),
    );
    expect(paths).toEqual([
      'reminderMoments.1:REMINDER_MOMENT_DUPLICATE',
      'reminderMoments.2.weekday:WEEKDAY_UNKNOWN',
      'reminderMoments.2.time:TIME_OF_DAY_END_ONLY',
      'reminderMoments.3.time:TIME_OF_DAY_FORMAT',
    ]);
    expect(agency.settings.reminderMoments.map(String)).toEqual(['MON 09:00', 'FRI 16:00']);
  });

  it('refuses more than 14 moments', () => {
    const many = Array.from({ length: 15 }, (_, i) => ({ weekday: 'TUE', time: `${String(i).padStart(2, '0')}:00` }));
    expect(pathsOf(() => parseReminderMoments(many))).toEqual([':REMINDER_MOMENTS_TOO_MANY']);
  });
});

describe('dueReminderSlot', () => {
  it('is the moment itself from its first minute, in winter time (Friday 16:00 = 15:00Z)', () => {
    expect(dueAt('2026-12-04 15:59')).toBeNull();
    expect(dueAt('2026-12-04 16:00')).toBe('2026-12-04T15:00:00.000Z');
    expect(dueAt('2026-12-07 09:00')).toBe('2026-12-07T08:00:00.000Z');
  });

  it('follows the wall clock in summer time (Friday 16:00 = 14:00Z)', () => {
    expect(dueAt('2026-07-03 16:05')).toBe('2026-07-03T14:00:00.000Z');
  });

  it('moves by an hour across the autumn clock change: the same wall-clock time both Fridays', () => {
    expect(dueAt('2026-10-23 16:00')).toBe('2026-10-23T14:00:00.000Z');
    expect(dueAt('2026-10-30 16:00')).toBe('2026-10-30T15:00:00.000Z');
    expect(dueAt('2026-03-27 16:00')).toBe('2026-03-27T15:00:00.000Z');
    expect(dueAt('2026-04-03 16:00')).toBe('2026-04-03T14:00:00.000Z');
  });

  it('reads a moment the clock skips (spring, 02:30) as an hour later, and one it shows twice (autumn) as its first pass', () => {
    const sunday = moments('SUN 02:30');
    // 2026-03-29: 02:00 CET → 03:00 CEST; 02:30 is 03:30 CEST = 01:30Z.
    expect(dueAtInstant('2026-03-29T01:10:00Z', '2026-03-29 03:10', sunday)).toBeNull();
    expect(dueAtInstant('2026-03-29T01:30:00Z', '2026-03-29 03:30', sunday)).toBe('2026-03-29T01:30:00.000Z');
    // 2026-10-25: 03:00 CEST → 02:00 CET; 02:30 is first shown at 00:30Z, and the second pass (01:30Z) is the same slot.
    expect(dueAtInstant('2026-10-25T00:30:00Z', '2026-10-25 02:30', sunday)).toBe('2026-10-25T00:30:00.000Z');
    expect(dueAtInstant('2026-10-25T01:30:00Z', '2026-10-25 02:30', sunday)).toBe('2026-10-25T00:30:00.000Z');
  });

  it('catches up a missed moment for the catch-up time, then skips it', () => {
    expect(dueAt('2026-12-04 19:59')).toBe('2026-12-04T15:00:00.000Z');
    expect(dueAt('2026-12-04 20:00')).toBe('2026-12-04T15:00:00.000Z');
    expect(dueAt('2026-12-04 20:01')).toBeNull();
    expect(dueAt('2026-12-05 10:00')).toBeNull();
  });

  it('is only ever the latest moment passed', () => {
    const close = moments('MON 09:00', 'MON 10:00');
    expect(dueAt('2026-12-07 10:30', close)).toBe('2026-12-07T09:00:00.000Z');
    expect(dueAt('2026-12-07 09:59', close)).toBe('2026-12-07T08:00:00.000Z');
  });

  it('finds a single weekly moment a week back when the catch-up time is that long', () => {
    expect(dueAt('2026-12-07 08:59', moments('MON 09:00'), 8 * 24 * 60)).toBe('2026-11-30T08:00:00.000Z');
  });

  it('is never due without moments', () => {
    expect(dueAt('2026-12-04 16:00', [])).toBeNull();
  });
});

describe('weeksToRemind', () => {
  const date = LocalDate.parse;
  const week = (text: string) => IsoWeek.parse(text);
  const names = (weeks: IsoWeek[]) => weeks.map(String);
  const longAgo = reminderHorizon(date('2026-12-04'), 26);

  it('at a Friday moment: the week that is ending and every older one of the placement', () => {
    expect(names(weeksToRemind({ startDate: date('2026-11-18'), endDate: null }, date('2026-12-04'), longAgo))).toEqual(['2026-W47', '2026-W48', '2026-W49']);
  });

  it('at a Monday moment: last week and older, not the week that has just begun', () => {
    expect(names(weeksToRemind({ startDate: date('2026-11-18'), endDate: null }, date('2026-12-07'), longAgo))).toEqual(['2026-W47', '2026-W48', '2026-W49']);
  });

  it('not older than the horizon', () => {
    const horizon = reminderHorizon(date('2026-12-04'), 2);
    expect(horizon.toString()).toBe('2026-W47');
    expect(names(weeksToRemind({ startDate: date('2024-01-01'), endDate: null }, date('2026-12-04'), horizon))).toEqual(['2026-W47', '2026-W48', '2026-W49']);
  });

  it('a placement that ended asks about its last weeks for a week after its end, then nothing', () => {
    const ended = { startDate: date('2026-11-16'), endDate: date('2026-11-25') };
    expect(names(weeksToRemind(ended, date('2026-11-27'), longAgo))).toEqual(['2026-W47', '2026-W48']);
    expect(names(weeksToRemind(ended, date('2026-11-30'), longAgo))).toEqual(['2026-W47', '2026-W48']);
    expect(names(weeksToRemind(ended, date('2026-12-04'), longAgo))).toEqual([]);
  });

  it('nothing before the placement starts; a weekend start is asked about on Monday', () => {
    expect(weeksToRemind({ startDate: date('2026-12-05'), endDate: null }, date('2026-12-04'), longAgo)).toEqual([]);
    expect(names(weeksToRemind({ startDate: date('2026-12-05'), endDate: null }, date('2026-12-07'), longAgo))).toEqual(['2026-W49']);
    expect(weeksToRemind({ startDate: date('2026-12-07'), endDate: null }, date('2026-12-07'), longAgo)).toEqual([]);
    expect(week('2026-W49').monday.toString()).toBe('2026-11-30');
  });
});
