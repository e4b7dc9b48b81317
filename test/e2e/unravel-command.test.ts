import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * `npm run unravel -- <schedule.json> <week.json> [--lang nl]` as a schedule author runs it
 * (docs/unravel.md): the project is built once with `npm run -s build`, then the compiled
 * command runs as its own process, with the real date-holidays and luxon calendars. Its numbers
 * must be the hand-worked ones of the golden fixtures; bad input must say what is wrong and end
 * with a non-zero exit code, printing no half table.
 */
const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'unravel');
const COMMAND = join(ROOT, 'dist', 'scripts', 'unravel.js');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function unravelCommand(...args: string[]): Run {
  const result = spawnSync(process.execPath, [COMMAND, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Expected {
  lines: string[];
  totals: Record<string, number>;
  workedMinutes: number;
  notApplied?: Record<string, string[]>;
  /** `date hourCode count rule` of each allowance. */
  allowances?: string[];
}

const golden = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(FIXTURES, d.name)).filter((f) => f.startsWith('week-')).map((f) => [d.name, f] as const));

const fixture = (dir: string, file: string) => join(FIXTURES, dir, file);
const expectedOf = (dir: string, file: string): Expected => JSON.parse(readFileSync(fixture(dir, file), 'utf8')).expected;

const minutesOf = (hours: string) => {
  const [h, m] = hours.split(':').map(Number);
  return h * 60 + m;
};
const hoursOf = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;

/** The printed report read back: worked time, lines (in the golden notation), notes, totals, pay. */
function readReport(stdout: string) {
  const rows = stdout.split('\n');
  const worked = /^Week (\S+): (\d+:\d\d) worked$/.exec(rows[0]);
  const header = rows.findIndex((r) => r.startsWith('date ') && r.includes('hour code'));
  const lineRows = rows.slice(header + 1, rows.indexOf('', header));
  const cells = (row: string) => row.split(/ {2,}/);
  const lines = lineRows.map((row) => {
    const [date, time, hourCode, kind, percentage, hours, rule, ...explanation] = cells(row);
    return {
      golden: `${date} ${hourCode} ${kind} ${percentage} ${minutesOf(hours)} ${time === '(total)' ? '-' : time}`,
      rule,
      explanation: explanation.join('  '),
    };
  });
  const notesAt = rows.indexOf('Not applied:');
  const notes = notesAt < 0 ? [] : rows.slice(notesAt + 1, rows.indexOf('', notesAt)).map((r) => r.trim());
  const allowancesAt = rows.indexOf('Allowances:');
  const allowances = allowancesAt < 0 ? [] : rows.slice(allowancesAt + 1, rows.indexOf('', allowancesAt)).map((r) => r.trim());
  const totalsAt = rows.indexOf('Totals:');
  const totals = Object.fromEntries(
    rows.slice(totalsAt + 2, rows.indexOf('', totalsAt)).map((row) => {
      const [hourCode, kind, percentage, hours] = cells(row);
      return [`${hourCode} ${kind} ${percentage}`, minutesOf(hours)];
    }),
  );
  const pay = rows.map((r) => /^Pay in 100 %-hours: (\d+:\d\d)$/.exec(r)).find((m) => m !== null);
  return { week: worked?.[1], worked: worked ? minutesOf(worked[2]) : null, lines, notes, allowances, totals, pay: pay?.[1] ?? null };
}

describe('npm run unravel (the compiled command)', () => {
  let scratch: string;

  beforeAll(() => {
    const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
    if (build.status !== 0) throw new Error(`npm run build failed (${build.status}):\n${build.stdout}\n${build.stderr}`);
    scratch = mkdtempSync(join(tmpdir(), 'unravel-command-'));
  }, 300_000);
  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  function file(name: string, content: unknown): string {
    const path = join(scratch, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  }

  it('has golden fixtures to run', () => {
    expect(golden.length).toBeGreaterThanOrEqual(5);
  });

  describe.each(golden)('%s %s', (dir, weekFile) => {
    const expected = expectedOf(dir, weekFile);
    let run: Run;
    let report: ReturnType<typeof readReport>;
    beforeAll(() => {
      run = unravelCommand(fixture(dir, 'schedule.json'), fixture(dir, weekFile));
      report = readReport(run.stdout);
    });

    it('exits 0 and writes nothing to stderr', () => {
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    });

    it('prints the hand-worked lines, totals and worked time', () => {
      expect(report.week).toBe(weekFile.replace(/^week-|\.json$/g, ''));
      expect(report.lines.map((l) => l.golden)).toEqual(expected.lines);
      expect(report.totals).toEqual(expected.totals);
      expect(report.worked).toBe(expected.workedMinutes);
      // `2026-11-24 MAALTIJD × 1: <explanation>` per allowance, in the order of the fixture's `date hourCode count rule`.
      expect(report.allowances.map((a) => a.replace(/^(\S+) (\S+) × (\d+): .+$/, '$1 $2 $3'))).toEqual((expected.allowances ?? []).map((a) => a.split(' ').slice(0, 3).join(' ')));
    });

    it('prints the pay in 100 %-hours that the totals come to', () => {
      const pay = Object.entries(expected.totals).reduce((sum, [key, minutes]) => sum + (minutes * Number(key.split(' ')[2])) / 100, 0);
      expect(report.pay).toBe(hoursOf(Math.round(pay)));
    });

    it('explains every line in English by default, and names the rules it could not apply', () => {
      for (const line of report.lines) expect(line.explanation).toMatch(/^[A-Z][^{}$]+$/);
      // Time windows "depend on the time of day"; a minimum break "was not checked" (a total is the work after the break).
      const notes = Object.entries(expected.notApplied ?? {}).flatMap(([date, rules]) => rules.map((rule) => `${date}: Rule ${rule} `));
      expect(report.notes.map((note, i) => note.slice(0, (notes[i] ?? '').length))).toEqual(notes);
      for (const note of report.notes) {
        expect(note).toMatch(/(was not applied: it depends on the time of day, and|was not checked:) this day was entered as a total/);
      }
    });
  });

  it('--lang nl explains the same numbers in Dutch', () => {
    const args = [fixture('schoonmaak', 'schedule.json'), fixture('schoonmaak', 'week-2026-W52.json')];
    const english = readReport(unravelCommand(...args).stdout);
    const run = unravelCommand(...args, '--lang', 'nl');
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    const dutch = readReport(run.stdout);
    expect({ ...dutch, lines: dutch.lines.map((l) => l.golden), notes: [] }).toEqual({ ...english, lines: english.lines.map((l) => l.golden), notes: [] });
    expect(english.lines.slice(0, 2).map((l) => l.explanation)).toEqual(['Normal hours', 'Irregular-hours allowance +60%: 00:00–06:00 on Monday']);
    expect(dutch.lines.slice(0, 2).map((l) => l.explanation)).toEqual(['Normale uren', 'Onregelmatigheidstoeslag +60%: 00:00–06:00 op maandag']);
    expect(dutch.lines.find((l) => l.golden.startsWith('2026-12-25 ORT-FEEST'))?.explanation).toBe('Onregelmatigheidstoeslag +100%: 00:00–24:00 op een feestdag');
    expect(dutch.notes).toEqual([
      '2026-12-22: Regel nacht is niet toegepast: die hangt af van het tijdstip, en deze dag is als dagtotaal ingevoerd',
      '2026-12-22: Regel avond is niet toegepast: die hangt af van het tijdstip, en deze dag is als dagtotaal ingevoerd',
    ]);
  });

  describe('bad input', () => {
    const schedule = () => fixture('schoonmaak', 'schedule.json');
    const week = () => fixture('schoonmaak', 'week-2026-W48.json');

    it('a schedule with mistakes: every problem by path, exit 1, no table', () => {
      const raw = JSON.parse(readFileSync(schedule(), 'utf8'));
      raw.versions[0].ortWindows[1].percentage = 900; // the evening window
      raw.versions[0].ortWindows[1].colour = 'red';
      raw.versions[0].hourCodes.normal = 'U 100';
      const run = unravelCommand(file('bad-schedule.json', raw), week());
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      const [first, ...problems] = run.stderr.trimEnd().split('\n');
      expect(first).toBe(`${join(scratch, 'bad-schedule.json')} is not valid:`);
      expect(problems.map((l) => l.split(' - ')[0]).sort()).toEqual([
        '  versions[0].hourCodes.normal: HOUR_CODE_FORMAT',
        '  versions[0].ortWindows[1].colour: FIELD_UNKNOWN',
        '  versions[0].ortWindows[1].percentage: PERCENTAGE_RANGE',
      ]);
    });

    it('a week with mistakes: every problem by path, exit 1, no table', () => {
      const run = unravelCommand(
        schedule(),
        file('bad-week.json', {
          week: '2026-W48',
          days: [
            { date: '2026-11-23', total: '7:75' },
            { date: '2026-11-24', blocks: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '13:00' }] },
          ],
        }),
      );
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      const [first, ...problems] = run.stderr.trimEnd().split('\n');
      expect(first).toBe(`${join(scratch, 'bad-week.json')} is not valid:`);
      expect(problems.map((l) => l.split(' - ')[0])).toEqual(['  days[0].total: HOURS_MINUTES_FORMAT', '  days[1].blocks: BLOCKS_OVERLAP']);
    });

    it.each<[string, object, string]>([
      ['a day outside the week', { week: '2026-W48', days: [{ date: '2026-12-07', total: '8:00' }] }, '  days[0].date: WORK_DAY_OUTSIDE_WEEK'],
      ['a day before the schedule’s first version', { week: '2025-W48', days: [{ date: '2025-11-24', total: '8:00' }] }, '  days[0].date: NO_SCHEDULE_VERSION'],
    ])('a week the schedule cannot unravel (%s): exit 1 with the reason at its path', (_, weekJson, problem) => {
      const run = unravelCommand(schedule(), file('cannot.json', weekJson));
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n').map((l) => l.split(' - ')[0])).toEqual([`${join(scratch, 'cannot.json')} is not valid:`, problem]);
    });

    it.each<[string, () => string[], RegExp]>([
      ['a missing file', () => [schedule(), join(scratch, 'no-such-week.json')], /cannot read .*no-such-week\.json/],
      ['a file that is not JSON', () => [file('not-json.json', '{ "week": '), week()], /cannot read .*not-json\.json/],
      ['one file only', () => [schedule()], /give a schedule file and a week file/],
      ['an unknown language', () => [schedule(), week(), '--lang', 'fr'], /unknown language fr/],
      ['--lang without a language', () => [schedule(), week(), '--lang'], /unknown language/],
    ])('%s: a usage message and exit 2', (_, args, message) => {
      const run = unravelCommand(...args());
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toMatch(/usage: npm run unravel -- <schedule\.json> <week\.json>/);
    });
  });
});
