import fc from 'fast-check';
import { Settings } from 'luxon';
import { LocalDate } from '../../../src/domain/time/local-date.value-object';
import { TimeOfDay } from '../../../src/domain/time/time-of-day.value-object';
import { LocalDateTime } from '../../../src/domain/timesheet/pay-calendar';
import { LuxonZonedTime } from '../../../src/infrastructure/calendar/luxon-zoned-time';
import { AMSTERDAM_INSTANT_OF } from '../domain/timesheet/amsterdam-instant-of';

const AMSTERDAM = 'Europe/Amsterdam';
const at = (date: string, time: string): LocalDateTime => ({ date: LocalDate.parse(date), minuteOfDay: TimeOfDay.parse(time).minuteOfDay });
const show = (moment: LocalDateTime) => `${moment.date} ${TimeOfDay.ofMinuteOfDay(moment.minuteOfDay)}`;

describe('LuxonZonedTime', () => {
  const zoned = new LuxonZonedTime();
  const instant = (date: string, time: string, zone = AMSTERDAM) => zoned.instantOf(at(date, time), zone).toISOString();

  it('puts 12:00 in Amsterdam at 11:00Z in winter and 10:00Z in summer', () => {
    expect(instant('2026-11-30', '12:00')).toBe('2026-11-30T11:00:00.000Z');
    expect(instant('2026-06-15', '12:00')).toBe('2026-06-15T10:00:00.000Z');
    expect(show(zoned.localDateTimeAt(new Date('2026-11-30T11:00:00Z'), AMSTERDAM))).toBe('2026-11-30 12:00');
    expect(show(zoned.localDateTimeAt(new Date('2026-06-15T10:00:00Z'), AMSTERDAM))).toBe('2026-06-15 12:00');
  });

  it('reads a wall time in the spring-forward gap as that much later: 02:30 is 03:30 summer time', () => {
    expect(instant('2026-03-29', '02:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(instant('2026-03-29', '02:00')).toBe('2026-03-29T01:00:00.000Z');
    expect(show(zoned.localDateTimeAt(new Date('2026-03-29T01:30:00Z'), AMSTERDAM))).toBe('2026-03-29 03:30');
    expect(instant('2026-03-29', '01:59')).toBe('2026-03-29T00:59:00.000Z');
    expect(instant('2026-03-29', '03:00')).toBe('2026-03-29T01:00:00.000Z');
  });

  it('reads a wall time in the autumn overlap as the earlier pass, whatever the date today', () => {
    const originalNow = Settings.now;
    try {
      for (const today of ['2026-07-01T00:00:00Z', '2026-01-15T00:00:00Z']) {
        Settings.now = () => Date.parse(today);
        expect(instant('2026-10-25', '02:30')).toBe('2026-10-25T00:30:00.000Z');
        expect(instant('2026-10-25', '02:00')).toBe('2026-10-25T00:00:00.000Z');
      }
    } finally {
      Settings.now = originalNow;
    }
    expect(instant('2026-10-25', '03:00')).toBe('2026-10-25T02:00:00.000Z');
    expect(show(zoned.localDateTimeAt(new Date('2026-10-25T00:30:00Z'), AMSTERDAM))).toBe('2026-10-25 02:30');
    expect(show(zoned.localDateTimeAt(new Date('2026-10-25T01:30:00Z'), AMSTERDAM))).toBe('2026-10-25 02:30');
  });

  it('drops the seconds, so 11:59:59 is still the minute before a 12:00 deadline', () => {
    expect(show(zoned.localDateTimeAt(new Date('2026-11-30T10:59:59.999Z'), AMSTERDAM))).toBe('2026-11-30 11:59');
    expect(show(zoned.localDateTimeAt(new Date('1969-12-31T23:59:30Z'), 'UTC'))).toBe('1969-12-31 23:59');
  });

  it('crosses midnight and the year in the zone, not in UTC', () => {
    expect(show(zoned.localDateTimeAt(new Date('2026-12-31T23:30:00Z'), AMSTERDAM))).toBe('2027-01-01 00:30');
    expect(show(zoned.localDateTimeAt(new Date('2027-01-01T03:00:00Z'), 'America/New_York'))).toBe('2026-12-31 22:00');
    expect(instant('2027-01-01', '00:30')).toBe('2026-12-31T23:30:00.000Z');
  });

  it('round-trips every instant on a whole minute, and every wall time that exists once', () => {
    const minute = 60_000;
    const from = Date.parse('2025-01-01T00:00:00Z') / minute;
    const to = Date.parse('2031-01-01T00:00:00Z') / minute;
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.constantFrom(AMSTERDAM, 'America/New_York', 'Australia/Sydney', 'UTC'), (minutes, zone) => {
        const moment = new Date(minutes * minute);
        const local = zoned.localDateTimeAt(moment, zone);
        const back = zoned.instantOf(local, zone);
        // In an overlap the wall time has two instants and instantOf gives the earlier one.
        expect(back.getTime() === moment.getTime() || back.getTime() === moment.getTime() - 60 * minute).toBe(true);
        expect(zoned.localDateTimeAt(back, zone)).toEqual(local);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses an unknown zone, an invalid instant and a minute outside the day', () => {
    expect(() => zoned.localDateTimeAt(new Date(), 'Mars/Olympus')).toThrow(RangeError);
    expect(() => zoned.instantOf(at('2026-11-30', '12:00'), 'Mars/Olympus')).toThrow(RangeError);
    expect(() => zoned.localDateTimeAt(new Date(Number.NaN), AMSTERDAM)).toThrow(RangeError);
    expect(() => zoned.instantOf({ date: LocalDate.parse('2026-11-30'), minuteOfDay: 1440 }, AMSTERDAM)).toThrow(RangeError);
  });

  it('agrees with the domain tests\' hand-written Amsterdam on the clock-change days of 2025–2027 (every minute of their nights)', () => {
    const disagreements: string[] = [];
    for (const date of ['2025-03-30', '2025-10-26', '2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31', '2026-01-15', '2026-07-01']) {
      for (let minuteOfDay = 0; minuteOfDay < 1440; minuteOfDay += minuteOfDay < 4 * 60 ? 1 : 29) {
        const wall = { date: LocalDate.parse(date), minuteOfDay };
        const [real, handWritten] = [zoned.instantOf(wall, AMSTERDAM).toISOString(), AMSTERDAM_INSTANT_OF(wall).toISOString()];
        if (real !== handWritten) disagreements.push(`${show(wall)}: luxon ${real}, by hand ${handWritten}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});
