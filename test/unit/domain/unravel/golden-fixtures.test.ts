import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CaoUnravelSchedule } from '../../../../src/domain/unravel/cao-unravel-schedule';
import { unravel } from '../../../../src/domain/unravel/unravel.service';
import { parseUnravelWeek } from '../../../../src/domain/unravel/unravel-week-input';
import { UnravelResult } from '../../../../src/domain/unravel/unravel-result';
import { HAND_WRITTEN_AMSTERDAM, HAND_WRITTEN_DUTCH_HOLIDAYS } from '../../../fixtures/unravel/dutch-calendar';

/**
 * The golden schedules: each directory holds a schedule modelled on a real CAO and weeks whose
 * expected lines were worked out by hand first (the reasoning is in each week's `description`).
 */
const root = join(__dirname, '../../../fixtures/unravel');
const cases = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(root, d.name))
      .filter((f) => f.startsWith('week-'))
      .map((f) => [d.name, f] as const),
  );

interface Expected {
  lines: string[];
  totals: Record<string, number>;
  workedMinutes: number;
  notApplied?: Record<string, string[]>;
  /** Per date: `rule entered->break` of each break raised to a minimum. */
  adjustments?: Record<string, string[]>;
  versions?: Record<string, string>;
  /** `date hourCode count rule` of each allowance; none when left out. */
  allowances?: string[];
  allowanceTotals?: Record<string, number>;
}

function describeLines(result: UnravelResult): string[] {
  return result.days.flatMap((day) =>
    day.lines.map((l) => `${l.date} ${l.hourCode} ${l.kind} ${l.percentage} ${l.minutes} ${l.from === null ? '-' : `${l.from}-${l.to}`}`),
  );
}

export function runFixture(dir: string, file: string): { result: UnravelResult; expected: Expected } {
  const schedule = CaoUnravelSchedule.parse(JSON.parse(readFileSync(join(root, dir, 'schedule.json'), 'utf8')));
  const { expected, ...weekJson } = JSON.parse(readFileSync(join(root, dir, file), 'utf8'));
  const week = parseUnravelWeek(weekJson);
  const result = unravel({ ...week, schedule, holidays: HAND_WRITTEN_DUTCH_HOLIDAYS, timeZone: HAND_WRITTEN_AMSTERDAM });
  return { result, expected };
}

describe('golden schedules', () => {
  it('has at least four schedules, each citing its source', () => {
    const dirs = new Set(cases.map(([dir]) => dir));
    expect(dirs.size).toBeGreaterThanOrEqual(4);
    for (const dir of dirs) {
      const raw = JSON.parse(readFileSync(join(root, dir, 'schedule.json'), 'utf8'));
      expect(raw.source).toMatch(/CAO/);
    }
  });

  describe.each(cases)('%s %s', (dir, file) => {
    const { result, expected } = runFixture(dir, file);

    it('gives the hand-worked lines', () => {
      expect(describeLines(result)).toEqual(expected.lines);
    });

    it('gives the hand-worked totals per hour code', () => {
      const totals = Object.fromEntries(result.totals.map((t) => [`${t.hourCode} ${t.kind} ${t.percentage}`, t.minutes]));
      expect(totals).toEqual(expected.totals);
      expect(result.workedMinutes).toBe(expected.workedMinutes);
    });

    it('counts the hand-worked allowances (none where the fixture names none)', () => {
      const allowances = result.days.flatMap((day) => day.allowances.map((a) => `${a.date} ${a.hourCode} ${a.count} ${a.rule.rule}`));
      expect(allowances).toEqual(expected.allowances ?? []);
      expect(Object.fromEntries(result.allowanceTotals.map((t) => [t.hourCode, t.count]))).toEqual(expected.allowanceTotals ?? {});
    });

    it('names the rules it could not apply and the version of each day', () => {
      const notApplied = Object.fromEntries(
        result.days.filter((d) => d.notApplied.length > 0).map((d) => [d.date.toString(), d.notApplied.map((n) => n.rule.rule)]),
      );
      expect(notApplied).toEqual(expected.notApplied ?? {});
      const adjustments = Object.fromEntries(
        result.days.filter((d) => d.adjustments.length > 0).map((d) => [
          d.date.toString(), d.adjustments.map((n) => `${n.rule.rule} ${n.explanation.params.entered}->${n.explanation.params.break}`),
        ]),
      );
      expect(adjustments).toEqual(expected.adjustments ?? {});
      for (const [date, version] of Object.entries(expected.versions ?? {})) {
        expect(result.days.find((d) => d.date.toString() === date)?.scheduleVersion).toBe(version);
      }
    });
  });
});
