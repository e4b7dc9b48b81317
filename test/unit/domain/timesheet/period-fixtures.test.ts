import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IsoWeek } from '../../../../src/domain/time/iso-week.value-object';
import { ApprovedWeek, periodsTouching, settlePeriod } from '../../../../src/domain/timesheet/period-settlement';
import { CaoUnravelSchedule } from '../../../../src/domain/unravel/cao-unravel-schedule';
import { parseUnravelWeek } from '../../../../src/domain/unravel/unravel-week-input';
import { unravel } from '../../../../src/domain/unravel/unravel.service';
import { HAND_WRITTEN_AMSTERDAM, HAND_WRITTEN_DUTCH_HOLIDAYS } from '../../../fixtures/unravel/dutch-calendar';

/**
 * The golden settlement periods (issue 13, rule 1): a `period-*.json` beside a golden schedule
 * names its weeks (each a golden week of its own) and the settlement worked out by hand first.
 * The weeks are unravelled by the engine; the period is settled from their lines as a
 * declaration keeps them (plain JSON).
 */
const root = join(__dirname, '../../../fixtures/unravel');
const cases = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(root, d.name)).filter((f) => f.startsWith('period-')).map((f) => [d.name, f] as const));

interface Expected {
  from: string;
  to: string;
  weeks: Record<string, number>;
  normalMinutes: number;
  countedMinutes: number;
  overtimeMinutes: number;
  lines: string[];
}

describe('golden settlement periods', () => {
  it('has at least one', () => {
    expect(cases.length).toBeGreaterThanOrEqual(1);
  });

  describe.each(cases)('%s %s', (dir, file) => {
    const schedule = CaoUnravelSchedule.parse(JSON.parse(readFileSync(join(root, dir, 'schedule.json'), 'utf8')));
    const { weeks: weekFiles, expected } = JSON.parse(readFileSync(join(root, dir, file), 'utf8')) as { weeks: string[]; expected: Expected };
    const approved: ApprovedWeek[] = weekFiles.map((name) => {
      const { expected: _, ...json } = JSON.parse(readFileSync(join(root, dir, name), 'utf8'));
      const week = parseUnravelWeek(json);
      const result = unravel({ ...week, schedule, holidays: HAND_WRITTEN_DUTCH_HOLIDAYS, timeZone: HAND_WRITTEN_AMSTERDAM });
      return { week: week.week, days: JSON.parse(JSON.stringify(result.days)) };
    });
    const lastWeek = approved[approved.length - 1].week;
    const [toSettle] = periodsTouching(schedule, lastWeek);
    const { settlement, lines } = settlePeriod(toSettle, approved);

    it('finds the period from any of its weeks', () => {
      for (const { week } of approved) {
        const periods = periodsTouching(schedule, week);
        expect(periods.map((p) => `${p.period.from} ${p.period.to}`)).toEqual([`${expected.from} ${expected.to}`]);
      }
      expect(IsoWeek.containing(toSettle.period.to).equals(lastWeek)).toBe(true);
    });

    it('counts each week and the period as worked out by hand', () => {
      expect(settlement.from).toBe(expected.from);
      expect(settlement.to).toBe(expected.to);
      expect(Object.fromEntries(settlement.weeks.map((w) => [w.week, w.countedMinutes]))).toEqual(expected.weeks);
      expect(settlement.normalMinutes).toBe(expected.normalMinutes);
      expect(settlement.countedMinutes).toBe(expected.countedMinutes);
      expect(settlement.overtimeMinutes).toBe(expected.overtimeMinutes);
    });

    it('gives the hand-worked PERIOD_OVERTIME lines', () => {
      expect(lines.map((l) => `${l.date} ${l.hourCode} ${l.kind} ${l.percentage} ${l.minutes} ${l.rule?.rule}`)).toEqual(expected.lines);
    });
  });
});
