import fc from 'fast-check';
import { itemsForWeek, WeekPayrollState } from '../../../../src/domain/payroll/payroll-difference';

const week = (over: Partial<WeekPayrollState>): WeekPayrollState => ({
  timesheetId: 't1', approvedDeclarationId: 'd1', booked: null, heldByPendingExport: false, ...over,
});

describe('itemsForWeek: what payroll is owed for a week', () => {
  it('pays a week approved for the first time', () => {
    expect(itemsForWeek(week({}))).toEqual([{ timesheetId: 't1', declarationId: 'd1', sign: 1, corrects: null }]);
  });

  it('owes nothing when the booked version is the current one, or nothing is approved', () => {
    expect(itemsForWeek(week({ booked: { declarationId: 'd1', exportId: 'e1' } }))).toEqual([]);
    expect(itemsForWeek(week({ approvedDeclarationId: null, booked: { declarationId: 'd1', exportId: 'e1' } }))).toEqual([]);
  });

  it('reverses the booked version and pays the correction, both pointing at what they correct', () => {
    const booked = { declarationId: 'd1', exportId: 'e1' };
    expect(itemsForWeek(week({ approvedDeclarationId: 'd3', booked }))).toEqual([
      { timesheetId: 't1', declarationId: 'd1', sign: -1, corrects: booked },
      { timesheetId: 't1', declarationId: 'd3', sign: 1, corrects: booked },
    ]);
  });

  it('waits while a pending export holds the week', () => {
    expect(itemsForWeek(week({ heldByPendingExport: true }))).toEqual([]);
    expect(itemsForWeek(week({ heldByPendingExport: true, approvedDeclarationId: 'd2', booked: { declarationId: 'd1', exportId: 'e1' } }))).toEqual([]);
  });

  it('always nets to the current version once the items are booked (property)', () => {
    const id = fc.constantFrom('d1', 'd2', 'd3');
    fc.assert(
      fc.property(id, fc.option(id, { nil: null }), (current, booked) => {
        const items = itemsForWeek(week({ approvedDeclarationId: current, booked: booked ? { declarationId: booked, exportId: 'e1' } : null }));
        const net = new Map<string, number>(booked ? [[booked, 1]] : []);
        for (const item of items) net.set(item.declarationId, (net.get(item.declarationId) ?? 0) + item.sign);
        expect([...net].filter(([, n]) => n !== 0)).toEqual([[current, 1]]);
      }),
    );
  });
});
