import * as engine from '../../../../src/domain/unravel';
import { HoursMinutes } from '../../../../src/domain/time/hours-minutes.value-object';
import { IsoWeek } from '../../../../src/domain/time/iso-week.value-object';
import { LocalDate } from '../../../../src/domain/time/local-date.value-object';
import { TimeOfDay } from '../../../../src/domain/time/time-of-day.value-object';

/** What the timesheet feature (issue 4) calls, through the engine's index. */
describe('the unravel engine through its index', () => {
  const schedule = engine.validateCaoUnravelSchedule({
    name: 'index',
    versions: [{
      validFrom: '2026-01-01',
      hourCodes: { normal: 'U100' },
      ortWindows: [{ id: 'sunday', days: ['SUN'], from: '00:00', to: '24:00', percentage: 100, hourCode: 'ORT100' }],
    }],
  });
  const result = engine.unravel({
    week: IsoWeek.parse('2026-W48'),
    days: [
      engine.WorkDay.ofBlocks(LocalDate.parse('2026-11-29'), [{ start: TimeOfDay.parse('08:00'), end: TimeOfDay.parseEnd('12:00') }]),
      engine.WorkDay.ofTotal(LocalDate.parse('2026-11-23'), HoursMinutes.parse('7:15')),
    ],
    schedule,
    holidays: engine.NO_NATIONAL_HOLIDAYS,
    contractMinutes: null,
    timeZone: engine.NO_CLOCK_CHANGES,
  });

  it('gives lines that read as plain fields and print as flat JSON', () => {
    const line = result.days[1].lines[1];
    expect([line.hourCode, line.kind, line.percentage, line.minutes, line.from, line.to]).toEqual(['ORT100', 'ORT', 100, 240, '08:00', '12:00']);
    expect(JSON.parse(JSON.stringify(line))).toEqual({
      date: '2026-11-29', hourCode: 'ORT100', kind: 'ORT', percentage: 100, minutes: 240, from: '08:00', to: '12:00',
      rule: { scheduleVersion: '2026-01-01', rule: 'sunday' },
      explanation: { key: 'line.ort', params: { day: 'SUN', from: '00:00', to: '24:00', percentage: 100 } },
    });
  });

  it('gives a result that is plain JSON as a whole', () => {
    const json = JSON.parse(JSON.stringify(result));
    expect(json.week).toBe('2026-W48');
    expect(json.days.map((d: { date: string; workedMinutes: number }) => [d.date, d.workedMinutes])).toEqual([['2026-11-23', 435], ['2026-11-29', 240]]);
    expect(json.totals).toEqual([
      { hourCode: 'ORT100', kind: 'ORT', percentage: 100, minutes: 240 },
      { hourCode: 'U100', kind: 'NORMAL', percentage: 100, minutes: 675 },
    ]);
    expect(engine.payInPercentMinutes(result.days.flatMap((d) => d.lines))).toBe(675 + 240);
  });

  it('exports the reasons and explanation keys for the front end', () => {
    expect(engine.UnravelReason.BREAK_LONGER_THAN_WORK).toBe('BREAK_LONGER_THAN_WORK');
    expect(engine.EXPLANATION_PARAMS[engine.ExplanationKey.ORT]).toEqual(['day', 'from', 'to', 'percentage']);
  });

  it('refuses more shift surcharges than the engine can track', () => {
    const many = Array.from({ length: 31 }, (_, i) => ({ days: ['MON'], from: '00:00', to: '01:00', percentage: 1, hourCode: `P${i}` }));
    expect(() => engine.validateCaoUnravelSchedule({ name: 'x', versions: [{ validFrom: '2026-01-01', hourCodes: { normal: 'U' }, shiftSurcharges: many }] })).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ path: 'versions[0].shiftSurcharges', reason: 'VALUE_NOT_ALLOWED' })] }),
    );
  });
});
