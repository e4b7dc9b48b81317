import fc from 'fast-check';
import { IsoWeek } from '../../../../src/domain/time/iso-week.value-object';
import { LocalDate } from '../../../../src/domain/time/local-date.value-object';
import { ValidationError } from '../../../../src/domain/shared/domain-error';

describe('IsoWeek', () => {
  it('parses a week and lists its days Monday to Sunday', () => {
    const week = IsoWeek.parse('2026-W48');
    expect(week.days().map(String)).toEqual([
      '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29',
    ]);
    expect(week.toString()).toBe('2026-W48');
  });

  it('knows years with 53 weeks', () => {
    expect(IsoWeek.parse('2026-W53').monday.toString()).toBe('2026-12-28');
    expect(() => IsoWeek.parse('2027-W53')).toThrow(ValidationError);
    expect(IsoWeek.parse('2025-W01').monday.toString()).toBe('2024-12-30');
  });

  it.each(['2026-W0', '2026-W00', '2026W48', '2026-w48', '2026-W54'])('refuses %p', (text) => {
    expect(() => IsoWeek.parse(text)).toThrow(ValidationError);
  });

  it('contains exactly the seven days of the week of any date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40000 }), (epochDay) => {
        const date = LocalDate.ofEpochDay(epochDay);
        const week = IsoWeek.containing(date);
        expect(week.contains(date)).toBe(true);
        expect(week.monday.weekday.code).toBe('MON');
        expect(week.contains(week.monday.plusDays(-1))).toBe(false);
        expect(week.contains(week.sunday.plusDays(1))).toBe(false);
        expect(week.next().previous().equals(week)).toBe(true);
        expect(IsoWeek.parse(week.toString()).equals(week)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
