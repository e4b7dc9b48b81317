import { addDifferences, payDifferenceMinutes, summedDifferences, TotalDifference, totalsDifference } from '../../../../src/domain/cao-schedule/schedule-change-impact';
import { BreakdownTotal } from '../../../../src/domain/timesheet/hours-breakdown';

const total = (hourCode: string, kind: BreakdownTotal['kind'], percentage: number, minutes: number): BreakdownTotal => ({ hourCode, kind, percentage, minutes });
const text = (ds: readonly TotalDifference[]) => ds.map((d) => `${d.hourCode} ${d.kind} ${d.percentage}: ${d.beforeMinutes} → ${d.afterMinutes} (${d.differenceMinutes})`);

describe('totalsDifference', () => {
  const week = [total('U100', 'NORMAL', 100, 2280), total('OW', 'OVERTIME', 125, 90), total('ORT30', 'ORT', 30, 480)];

  it('finds nothing for the same totals, in any order', () => {
    expect(totalsDifference(week, week.map((t) => ({ ...t })))).toEqual([]);
    expect(totalsDifference(week, [...week].reverse())).toEqual([]);
    expect(totalsDifference([], [])).toEqual([]);
  });

  it('lists both sides of minutes that move to another percentage of the same hour code', () => {
    const after = [week[0], total('OW', 'OVERTIME', 150, 90), week[2]];
    expect(text(totalsDifference(week, after))).toEqual(['OW OVERTIME 125: 90 → 0 (-90)', 'OW OVERTIME 150: 0 → 90 (90)']);
    expect(payDifferenceMinutes(totalsDifference(week, after))).toBe(22.5);
  });

  it('lists a total that is new, gone or changed, by hour code, kind and percentage', () => {
    const after = [total('U100', 'NORMAL', 100, 2300), total('ORT40', 'ORT', 40, 480), total('OW', 'OVERTIME', 125, 90)];
    expect(text(totalsDifference(week, after))).toEqual(['ORT30 ORT 30: 480 → 0 (-480)', 'ORT40 ORT 40: 0 → 480 (480)', 'U100 NORMAL 100: 2280 → 2300 (20)']);
  });

  it('sums weeks into totals and leaves out what cancels out', () => {
    const sums = new Map<string, TotalDifference>();
    addDifferences(sums, totalsDifference([total('OW', 'OVERTIME', 125, 90)], [total('OW', 'OVERTIME', 125, 60)]));
    addDifferences(sums, totalsDifference([total('OW', 'OVERTIME', 125, 60)], [total('OW', 'OVERTIME', 125, 90)]));
    addDifferences(sums, totalsDifference([total('U100', 'NORMAL', 100, 60)], [total('U100', 'NORMAL', 100, 120)]));
    expect(text(summedDifferences(sums))).toEqual(['U100 NORMAL 100: 60 → 120 (60)']);
  });
});
