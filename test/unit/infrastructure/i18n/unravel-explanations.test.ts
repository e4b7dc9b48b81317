import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { MANUAL_LINE_EXPLANATION } from '../../../../src/domain/timesheet/hours-breakdown';
import { periodsTouching, settlePeriod } from '../../../../src/domain/timesheet/period-settlement';
import { IsoWeek } from '../../../../src/domain/time/iso-week.value-object';
import { CaoUnravelSchedule } from '../../../../src/domain/unravel/cao-unravel-schedule';
import { ExplanationKey } from '../../../../src/domain/unravel/explanation-keys';
import { Explanation, UnravelResult } from '../../../../src/domain/unravel/unravel-result';
import { unravel } from '../../../../src/domain/unravel/unravel.service';
import { parseUnravelWeek } from '../../../../src/domain/unravel/unravel-week-input';
import { I18nextTranslator } from '../../../../src/infrastructure/i18n/i18next-translator';
import { HAND_WRITTEN_AMSTERDAM, HAND_WRITTEN_DUTCH_HOLIDAYS } from '../../../fixtures/unravel/dutch-calendar';
import { buildDay, scheduleAndWeek, weekDays } from '../../domain/unravel/unravel-arbitraries';

/*
 * The explanations the unravel engine gives, rendered by the real translator (the one the
 * GraphQL `Explanation.text` field and the server use) in each of the eight languages. The
 * explanations are not made up here: they are collected from what the engine produced for the
 * golden fixtures and a fixed sample of generated schedules and weeks, so each key comes with the
 * parameters the engine really passes (day kinds such as HOLIDAY, `24:00`, durations like 36:00).
 */
const LANGUAGES = ['nl', 'bg', 'de', 'en', 'hu', 'pl', 'pt', 'ro'] as const;
const ROOT = join(__dirname, '../../../..');
const FIXTURES = join(ROOT, 'test/fixtures/unravel');
const locale = (lng: string): Record<string, string> =>
  JSON.parse(readFileSync(join(ROOT, 'src/infrastructure/i18n/locales', lng, 'unravel.json'), 'utf8'));
const LOCALES = Object.fromEntries(LANGUAGES.map((lng) => [lng, locale(lng)]));

function goldenResults(): UnravelResult[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => {
      const schedule = CaoUnravelSchedule.parse(JSON.parse(readFileSync(join(FIXTURES, d.name, 'schedule.json'), 'utf8')));
      return readdirSync(join(FIXTURES, d.name))
        .filter((f) => f.startsWith('week-'))
        .map((f) => {
          const { expected: _expected, ...raw } = JSON.parse(readFileSync(join(FIXTURES, d.name, f), 'utf8'));
          const week = parseUnravelWeek(raw);
          return unravel({ ...week, schedule, holidays: HAND_WRITTEN_DUTCH_HOLIDAYS, timeZone: HAND_WRITTEN_AMSTERDAM });
        });
    });
}

/** The PERIOD_OVERTIME explanations of the golden settlement periods (made by the period's settlement, not the week engine). */
function settledExplanations(): Explanation[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => {
      const schedule = CaoUnravelSchedule.parse(JSON.parse(readFileSync(join(FIXTURES, d.name, 'schedule.json'), 'utf8')));
      return readdirSync(join(FIXTURES, d.name))
        .filter((f) => f.startsWith('period-'))
        .flatMap((f) => {
          const { weeks } = JSON.parse(readFileSync(join(FIXTURES, d.name, f), 'utf8')) as { weeks: string[] };
          const approved = weeks.map((name) => {
            const { expected: _expected, ...raw } = JSON.parse(readFileSync(join(FIXTURES, d.name, name), 'utf8'));
            const week = parseUnravelWeek(raw);
            const result = unravel({ ...week, schedule, holidays: HAND_WRITTEN_DUTCH_HOLIDAYS, timeZone: HAND_WRITTEN_AMSTERDAM });
            return { week: week.week, days: JSON.parse(JSON.stringify(result.days)) };
          });
          const [toSettle] = periodsTouching(schedule, approved[approved.length - 1].week);
          return settlePeriod(toSettle, approved).lines.map((l) => l.explanation);
        });
    });
}

function generatedResults(): UnravelResult[] {
  const contract = fc.option(fc.integer({ min: 0, max: 48 }).map((h) => h * 60), { nil: null });
  return fc.sample(fc.tuple(scheduleAndWeek, weekDays, contract), { seed: 16, numRuns: 400 }).map(([{ week, schedule }, specs, contractMinutes]) =>
    unravel({
      week: IsoWeek.parse(week),
      days: specs.map((s) => buildDay(IsoWeek.parse(week).monday, s)),
      schedule: CaoUnravelSchedule.parse(schedule),
      holidays: HAND_WRITTEN_DUTCH_HOLIDAYS,
      contractMinutes,
      timeZone: HAND_WRITTEN_AMSTERDAM,
    }),
  );
}

/** Distinct explanations (key and parameters), at most a few per key so the test stays quick. */
function collect(results: UnravelResult[]): Explanation[] {
  const byKey = new Map<string, Map<string, Explanation>>();
  for (const result of results) {
    for (const day of result.days) {
      const made = [day.lines, day.notApplied, day.adjustments, day.allowances].flatMap((list) => list.map((item) => item.explanation));
      for (const explanation of made) {
        const seen = byKey.get(explanation.key) ?? new Map<string, Explanation>();
        byKey.set(explanation.key, seen);
        if (seen.size < 25) seen.set(JSON.stringify(explanation.params), { key: explanation.key, params: { ...explanation.params } });
      }
    }
  }
  return [...byKey.values()].flatMap((seen) => [...seen.values()]);
}

/**
 * The text worked out from the locale file itself, independently of i18next: the day name of
 * `$t(unravel:day.{{day}})` from the same file, then every `{{param}}` replaced by its value.
 */
function expectedText(lng: string, explanation: Explanation): string {
  const messages = LOCALES[lng];
  return (messages[explanation.key] ?? `(no ${explanation.key} in ${lng})`)
    .replace(/\$t\(unravel:day\.\{\{day\}\}\)/g, () => messages[`day.${explanation.params.day}`])
    .replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(explanation.params[name]));
}

describe('unravel explanations in every language, through the real translator', () => {
  const translator = new I18nextTranslator();
  const engineMade = collect([...goldenResults(), ...generatedResults()]);
  // Lines of hours filled in per hour code (no schedule) are made by the timesheet, not the engine.
  const manual: Explanation[] = [
    { key: MANUAL_LINE_EXPLANATION, params: { hourCode: 'H100', percentage: 100 } },
    { key: MANUAL_LINE_EXPLANATION, params: { hourCode: 'TOESLAG-ZO', percentage: 150 } },
  ];
  const settled = settledExplanations();
  const explanations = [...engineMade, ...manual, ...settled];

  it('collects every key the engine can produce, with parameters', () => {
    const engineKeys = Object.values(ExplanationKey).filter((key) => key !== ExplanationKey.MANUAL && key !== ExplanationKey.PERIOD_OVERTIME);
    expect(new Set(settled.map((e) => e.key))).toEqual(new Set([ExplanationKey.PERIOD_OVERTIME]));
    expect([...new Set(engineMade.map((e) => e.key))].sort()).toEqual([...engineKeys].sort());
    // The day kinds the windows and notes name, the holiday included.
    const days = new Set(engineMade.map((e) => e.params.day).filter((d) => d !== undefined));
    expect([...days].sort()).toEqual(['FRI', 'HOLIDAY', 'MON', 'SAT', 'SUN', 'THU', 'TUE', 'WED']);
  });

  it.each(LANGUAGES)('%s: each explanation is the locale’s own text with its parameters filled in', (lng) => {
    const wrong: { key: string; params: object; text: string | undefined; expected: string }[] = [];
    for (const explanation of explanations) {
      const text = translator.translate(`unravel:${explanation.key}`, explanation.params, lng);
      const expected = expectedText(lng, explanation);
      if (text !== expected) wrong.push({ key: explanation.key, params: explanation.params, text, expected });
    }
    expect(wrong).toEqual([]);
  });

  it.each(LANGUAGES)('%s: no placeholder, nesting or key is left in a text', (lng) => {
    for (const explanation of explanations) {
      const text = translator.translate(`unravel:${explanation.key}`, explanation.params, lng) ?? '';
      const leftovers = [/\{\{/, /\}\}/, /\$t\(/, /\bunravel:/, /\bday\.[A-Z]/, /\b(line|note)\.[a-z]/].filter((pattern) => pattern.test(text));
      expect({ key: explanation.key, params: explanation.params, text, leftovers }).toEqual({ key: explanation.key, params: explanation.params, text, leftovers: [] });
      expect(text.trim().length).toBeGreaterThan(0);
      expect(text).not.toBe(explanation.key);
    }
  });

  it.each(LANGUAGES)('%s: every value the locale’s text names is in it (a day as its name in that language)', (lng) => {
    for (const explanation of explanations) {
      const text = translator.translate(`unravel:${explanation.key}`, explanation.params, lng) ?? '';
      const template = LOCALES[lng][explanation.key];
      const named = [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);
      for (const name of named) {
        const shown = name === 'day' && template.includes('$t(unravel:day.{{day}})') ? LOCALES[lng][`day.${explanation.params.day}`] : String(explanation.params[name]);
        expect({ key: explanation.key, name, shown, inText: text.includes(shown) }).toEqual({ key: explanation.key, name, shown, inText: true });
      }
    }
  });

  it.each(LANGUAGES.filter((lng) => lng !== 'en'))('%s: differs from the English text', (lng) => {
    const same = explanations
      .filter((explanation) => LOCALES[lng][explanation.key] !== LOCALES.en[explanation.key])
      .filter((explanation) => translator.translate(`unravel:${explanation.key}`, explanation.params, lng) === translator.translate(`unravel:${explanation.key}`, explanation.params, 'en'))
      .map((explanation) => explanation.key);
    expect(same).toEqual([]);
    // Every key has its own text in this locale (so the filter above drops nothing).
    expect(explanations.filter((explanation) => LOCALES[lng][explanation.key] === LOCALES.en[explanation.key]).map((e) => e.key)).toEqual([]);
  });
});
