import fc from 'fast-check';
import { DateTime } from 'luxon';
import { calendarDaysBefore } from '../../../../src/application/organisation/local-today';

const AMSTERDAM = 'Europe/Amsterdam';
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const utc = (iso: string) => new Date(iso);
const before = (now: string, days: number, zone = AMSTERDAM) => calendarDaysBefore(utc(now), days, zone).toISOString();

describe('calendarDaysBefore (the same wall-clock time so many dates earlier, in the zone)', () => {
  it('is exactly N × 24 h, to the millisecond, when no clock change lies between', () => {
    expect(before('2026-12-25T12:00:00.000Z', 28)).toBe('2026-11-27T12:00:00.000Z');
    expect(before('2026-12-25T12:00:30.250Z', 28)).toBe('2026-11-27T12:00:30.250Z');
    expect(before('2026-07-15T10:00:00Z', 28)).toBe('2026-06-17T10:00:00.000Z');
  });

  it('is an hour less than 28 × 24 h across the spring change: 10:00 summer time back to 10:00 winter time', () => {
    // Friday 17 April 2026 10:00 CEST (08:00Z) → Friday 20 March 10:00 CET (09:00Z).
    expect(before('2026-04-17T08:00:00Z', 28)).toBe('2026-03-20T09:00:00.000Z');
  });

  it('is an hour more than 28 × 24 h across the autumn change: 10:00 winter time back to 10:00 summer time', () => {
    // Friday 20 November 2026 10:00 CET (09:00Z) → Friday 23 October 10:00 CEST (08:00Z).
    expect(before('2026-11-20T09:00:00Z', 28)).toBe('2026-10-23T08:00:00.000Z');
  });

  it('gives the moment the clock jumped for a time it skipped: 02:30 of 29 March 2026 is 03:00 summer time (01:00Z)', () => {
    // Sunday 26 April 2026 02:30 CEST (00:30Z), 28 days back.
    expect(before('2026-04-26T00:30:00Z', 28)).toBe('2026-03-29T01:00:00.000Z');
    expect(before('2026-04-26T00:00:00Z', 28)).toBe('2026-03-29T01:00:00.000Z');
    expect(before('2026-04-26T01:00:00Z', 28)).toBe('2026-03-29T01:00:00.000Z');
    expect(before('2026-04-26T01:01:00Z', 28)).toBe('2026-03-29T01:01:00.000Z');
    expect(before('2026-04-25T23:59:00Z', 28)).toBe('2026-03-29T00:59:00.000Z');
  });

  it('gives the first occurrence for a time the clock showed twice: 02:30 of 25 October 2026 is 00:30Z', () => {
    // Sunday 22 November 2026 02:30 CET (01:30Z), 28 days back.
    expect(before('2026-11-22T01:30:00Z', 28)).toBe('2026-10-25T00:30:00.000Z');
    expect(before('2026-11-22T02:00:00Z', 28)).toBe('2026-10-25T02:00:00.000Z');
  });

  it('counts back from the end of the doubled hour while the clock repeats it, so that it never moves back', () => {
    // 02:10 winter time on 25 October 2026 (01:10Z): the clock had shown up to 02:59:59.999 summer time.
    expect(before('2026-10-25T01:10:00Z', 28)).toBe('2026-09-27T00:59:59.999Z');
    expect(before('2026-10-25T00:59:00Z', 28)).toBe('2026-09-27T00:59:00.000Z');
    expect(before('2026-10-25T02:00:00Z', 28)).toBe('2026-09-27T01:00:00.000Z');
  });

  it('never moves back as the instant moves on, minute by minute through the nights around both changes', () => {
    for (const [from, days] of [
      ['2026-03-28T22:00:00Z', 28], ['2026-10-24T22:00:00Z', 28], // the instant in a clock-change night
      ['2026-04-25T22:00:00Z', 28], ['2026-11-21T22:00:00Z', 28], // the result in one
      ['2026-10-24T22:00:00Z', 210], // both: 25 October back to 29 March
    ] as const) {
      let previous = -Infinity;
      for (let minute = 0; minute <= 6 * 60; minute++) {
        const result = calendarDaysBefore(new Date(utc(from).getTime() + minute * 60_000), days, AMSTERDAM).getTime();
        expect(result).toBeGreaterThanOrEqual(previous);
        previous = result;
      }
    }
  });

  it('agrees with luxon’s calendar arithmetic wherever both wall times exist once, in zones with and without clock changes', () => {
    const from = Date.parse('2025-01-01T00:00:00Z');
    const to = Date.parse('2031-01-01T00:00:00Z');
    fc.assert(
      fc.property(
        fc.integer({ min: from, max: to }),
        fc.integer({ min: 1, max: 366 }),
        fc.constantFrom(AMSTERDAM, 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'),
        (millis, days, zone) => {
          const now = DateTime.fromMillis(millis, { zone });
          const expected = now.minus({ days });
          // Leave out the times a clock change makes ambiguous or missing (those have their own rule).
          fc.pre(now.offset === now.minus({ hours: 3 }).offset && now.offset === now.plus({ hours: 3 }).offset);
          fc.pre(expected.offset === expected.minus({ hours: 3 }).offset && expected.offset === expected.plus({ hours: 3 }).offset);
          const result = calendarDaysBefore(new Date(millis), days, zone).getTime();
          expect(result).toBe(expected.toMillis());
          expect(result).toBe(millis - days * DAY + (now.offset - expected.offset) * 60_000);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses an invalid instant', () => {
    expect(() => calendarDaysBefore(new Date(Number.NaN), 28, AMSTERDAM)).toThrow(RangeError);
  });
});
