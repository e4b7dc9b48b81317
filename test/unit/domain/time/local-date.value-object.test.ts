import fc from 'fast-check';
import { LocalDate } from '../../../../src/domain/time/local-date.value-object';
import { ValidationError } from '../../../../src/domain/shared/domain-error';

describe('LocalDate', () => {
  it('parses a calendar date and prints it back', () => {
    const date = LocalDate.parse('2026-11-27');
    expect([date.year, date.month, date.day]).toEqual([2026, 11, 27]);
    expect(date.toString()).toBe('2026-11-27');
    expect(JSON.stringify({ date })).toBe('{"date":"2026-11-27"}');
  });

  it.each(['2026-02-29', '2026-13-01', '2026-00-10', '2026-1-01', '26-01-01', '2026-01-32', '', '2026/01/01'])(
    'refuses %p',
    (text) => {
      expect(() => LocalDate.parse(text)).toThrow(ValidationError);
    },
  );

  it('accepts 29 February in a leap year only', () => {
    expect(LocalDate.parse('2028-02-29').day).toBe(29);
    expect(() => LocalDate.parse('2100-02-29')).toThrow(ValidationError);
    expect(LocalDate.parse('2000-02-29').day).toBe(29);
  });

  it('knows its weekday', () => {
    expect(LocalDate.parse('1970-01-01').weekday.code).toBe('THU');
    expect(LocalDate.parse('2026-11-27').weekday.code).toBe('FRI');
    expect(LocalDate.parse('2026-03-29').weekday.code).toBe('SUN');
  });

  it('adds days across months and years', () => {
    expect(LocalDate.parse('2026-12-31').plusDays(1).toString()).toBe('2027-01-01');
    expect(LocalDate.parse('2028-03-01').plusDays(-1).toString()).toBe('2028-02-29');
    expect(LocalDate.parse('2026-01-01').daysUntil(LocalDate.parse('2027-01-01'))).toBe(365);
  });

  it('knows its ISO week, also around new year', () => {
    const week = (text: string) => {
      const d = LocalDate.parse(text);
      return `${d.isoWeekYear}-W${d.isoWeekNumber}`;
    };
    expect(week('2026-11-27')).toBe('2026-W48');
    expect(week('2027-01-01')).toBe('2026-W53');
    expect(week('2024-12-30')).toBe('2025-W1');
    expect(week('2021-01-03')).toBe('2020-W53');
  });

  it('agrees with the JavaScript calendar on every day of four centuries (sampled)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -700000, max: 2900000 }), (epochDay) => {
        const date = LocalDate.ofEpochDay(epochDay);
        const js = new Date(epochDay * 86400000);
        expect([date.year, date.month, date.day]).toEqual([js.getUTCFullYear(), js.getUTCMonth() + 1, js.getUTCDate()]);
        expect(date.weekday.iso).toBe(((js.getUTCDay() + 6) % 7) + 1);
        expect(LocalDate.parse(date.toString()).equals(date)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('compares and equals by value', () => {
    const a = LocalDate.parse('2026-05-05');
    const b = LocalDate.of(2026, 5, 5);
    expect(a.equals(b)).toBe(true);
    expect(a.compare(a.plusDays(1))).toBeLessThan(0);
    expect(a.isBefore(a.plusDays(1))).toBe(true);
    expect(a.isAfter(a.plusDays(1))).toBe(false);
  });
});
