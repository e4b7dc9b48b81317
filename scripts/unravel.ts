/**
 * `npm run unravel -- <schedule.json> <week.json> [--lang nl]`: unravels one week with a schedule
 * and prints the lines as a table with their explanations, the notes, and the week totals. A bad
 * schedule or week prints every problem by path and exits with 1. A week file may carry an
 * `expected` block (the golden fixtures do); it is ignored here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { ValidationError } from '../src/domain/shared/domain-error';
import { formatDuration } from '../src/domain/time/week-hours.value-object';
import { CaoUnravelSchedule } from '../src/domain/unravel/cao-unravel-schedule';
import { unravel } from '../src/domain/unravel/unravel.service';
import { parseUnravelWeek } from '../src/domain/unravel/unravel-week-input';
import { payInPercentMinutes, UnravelResult } from '../src/domain/unravel/unravel-result';
import { DateHolidaysNationalHolidays } from '../src/infrastructure/calendar/date-holidays-national-holidays';
import { LuxonTimeZoneRules } from '../src/infrastructure/calendar/luxon-time-zone-rules';

const LANGUAGES = ['nl', 'bg', 'de', 'en', 'hu', 'pl', 'pt', 'ro'];

function usage(message: string): never {
  console.error(message);
  console.error('usage: npm run unravel -- <schedule.json> <week.json> [--lang nl|bg|de|en|hu|pl|pt|ro]');
  process.exit(2);
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return usage(`cannot read ${file}: ${(error as Error).message}`);
  }
}

function translator(language: string): (key: string, params: Readonly<Record<string, unknown>>) => string {
  const messages = JSON.parse(readFileSync(join(__dirname, '../../src/infrastructure/i18n/locales', language, 'unravel.json'), 'utf8'));
  const i18n = i18next.createInstance();
  void i18n.init({ resources: { [language]: { unravel: messages } }, lng: language, ns: ['unravel'], defaultNS: 'unravel', interpolation: { escapeValue: false }, initAsync: false });
  return (key, params) => i18n.t(key, { ...params, ns: 'unravel' });
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ')).join('\n');
}

function print(result: UnravelResult, t: (key: string, params: Readonly<Record<string, unknown>>) => string): void {
  const rows = [['date', 'time', 'hour code', 'kind', '%', 'hours', 'rule', 'explanation']];
  for (const day of result.days) {
    for (const line of day.lines) {
      rows.push([
        line.date.toString(),
        line.from === null ? '(total)' : `${line.from}-${line.to}`,
        line.hourCode,
        line.kind,
        String(line.percentage),
        formatDuration(line.minutes),
        `${line.rule.scheduleVersion} ${line.rule.rule}`,
        t(line.explanation.key, line.explanation.params),
      ]);
    }
  }
  console.log(`Week ${result.week}: ${formatDuration(result.workedMinutes)} worked`);
  console.log(table(rows));
  const notes = result.days.flatMap((d) => d.notApplied.map((n) => `  ${d.date}: ${t(n.explanation.key, n.explanation.params)}`));
  if (notes.length > 0) console.log(`\nNot applied:\n${notes.join('\n')}`);
  const adjusted = result.days.flatMap((d) => d.adjustments.map((n) => `  ${d.date}: ${t(n.explanation.key, n.explanation.params)}`));
  if (adjusted.length > 0) console.log(`\nAdjusted:\n${adjusted.join('\n')}`);
  const allowances = result.days.flatMap((d) => d.allowances.map((a) => `  ${a.date} ${a.hourCode} × ${a.count}: ${t(a.explanation.key, a.explanation.params)}`));
  if (allowances.length > 0) console.log(`\nAllowances:\n${allowances.join('\n')}`);
  console.log('\nTotals:');
  console.log(table([['hour code', 'kind', '%', 'hours'], ...result.totals.map((x) => [x.hourCode, x.kind, String(x.percentage), formatDuration(x.minutes)])]));
  const pay = result.days.reduce((sum, d) => sum + payInPercentMinutes(d.lines), 0);
  console.log(`\nPay in 100 %-hours: ${formatDuration(Math.round(pay))}`);
}

function printProblems(what: string, error: ValidationError): never {
  console.error(`${what} is not valid:`);
  for (const p of error.problems) console.error(`  ${p.path || '(root)'}: ${p.reason} - ${p.message}`);
  process.exit(1);
}

function main(): void {
  const args = process.argv.slice(2);
  const langAt = args.indexOf('--lang');
  const language = langAt >= 0 ? args.splice(langAt, 2)[1] : 'en';
  if (!LANGUAGES.includes(language)) usage(`unknown language ${language}`);
  if (args.length !== 2) usage('give a schedule file and a week file');
  const [scheduleFile, weekFile] = args;
  let schedule: CaoUnravelSchedule;
  try {
    schedule = CaoUnravelSchedule.parse(readJson(scheduleFile));
  } catch (error) {
    if (error instanceof ValidationError) printProblems(scheduleFile, error);
    throw error;
  }
  const raw = readJson(weekFile);
  if (raw !== null && typeof raw === 'object' && 'expected' in raw) delete (raw as { expected?: unknown }).expected;
  try {
    const week = parseUnravelWeek(raw);
    const result = unravel({ ...week, schedule, holidays: new DateHolidaysNationalHolidays(), timeZone: new LuxonTimeZoneRules('Europe/Amsterdam') });
    print(result, translator(language));
  } catch (error) {
    if (error instanceof ValidationError) printProblems(weekFile, error);
    throw error;
  }
}

main();
