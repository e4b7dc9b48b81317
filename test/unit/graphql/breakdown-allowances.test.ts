import 'reflect-metadata';
import { HoursBreakdown } from '../../../src/domain/timesheet/hours-breakdown';
import { HoursBreakdownType } from '../../../src/graphql/timesheet/breakdown.types';

/** Declarations stored before allowances existed have no `allowances` and no `allowanceTotals`: GraphQL shows empty lists. */
const line = {
  date: '2026-11-23', hourCode: 'U100', kind: 'NORMAL' as const, percentage: 100, minutes: 480, from: '08:00', to: '16:00',
  rule: { scheduleVersion: '2026-01-01', rule: 'hourCodes.normal' }, explanation: { key: 'line.normal', params: {} },
};
const stored: HoursBreakdown = {
  days: [{ date: '2026-11-23', workedMinutes: 480, scheduleVersion: '2026-01-01', lines: [line], notApplied: [] }],
  totals: [{ hourCode: 'U100', kind: 'NORMAL', percentage: 100, minutes: 480 }],
  workedMinutes: 480,
  schedule: { id: 'schedule-1', name: 'Schoonmaak', versions: ['2026-01-01'] },
};

describe('HoursBreakdown over GraphQL: allowances', () => {
  it('gives empty lists for a breakdown stored before allowances existed', () => {
    const type = HoursBreakdownType.from(stored);
    expect(type.days[0].allowances).toEqual([]);
    expect(type.allowanceTotals).toEqual([]);
  });

  it('maps stored allowances and their totals field by field', () => {
    const allowance = {
      date: '2026-11-23', hourCode: 'MAALTIJD', kind: 'ALLOWANCE' as const, count: 1, rule: { scheduleVersion: '2026-01-01', rule: 'maaltijd' },
      explanation: { key: 'allowance.overtimeOnDay', params: { atLeast: '2:00', overtime: '2:30' } },
    };
    const type = HoursBreakdownType.from({ ...stored, days: [{ ...stored.days[0], allowances: [allowance] }], allowanceTotals: [{ hourCode: 'MAALTIJD', count: 1 }] });
    const [mapped] = type.days[0].allowances;
    expect({ date: mapped.date, hourCode: mapped.hourCode, kind: mapped.kind, count: mapped.count, rule: { ...mapped.rule } }).toEqual({
      date: '2026-11-23', hourCode: 'MAALTIJD', kind: 'ALLOWANCE', count: 1, rule: { scheduleVersion: '2026-01-01', rule: 'maaltijd' },
    });
    expect(mapped.explanation.key).toBe('allowance.overtimeOnDay');
    expect(mapped.explanation.params.map((p) => `${p.name}=${p.value}`)).toEqual(['atLeast=2:00', 'overtime=2:30']);
    expect(type.allowanceTotals.map((t) => ({ ...t }))).toEqual([{ hourCode: 'MAALTIJD', count: 1 }]);
  });
});
