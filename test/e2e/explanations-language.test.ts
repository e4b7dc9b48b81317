import { I18nextTranslator } from '../../src/infrastructure/i18n/i18next-translator';
import { createAgencyWithStaff, login, TestAgency, TestApp, TEST_PASSWORD, TravelClock, unique } from '../support/test-app';
import { createFlexworker, createPlacement, createRelation, createUser, dataOf } from './e2e-helpers';
import {
  BreakdownNode,
  createSchoonmaakSchedule,
  DayInput,
  startWeekApp,
  timesheetForWeek,
  WED_W48_1000,
  withSchedule,
} from './week-helpers';

/*
 * A week's preview explains its lines in the language of the person who reads it: the viewer's
 * own language (set on their login), not the Accept-Language header of the request. A Dutch-speaking
 * worker saves last week (2026-W47) on the schoonmaak schedule from a browser that asks for English,
 * and reads the explanations in Dutch; staff who work in English read the same week in English.
 *
 * The week (worked out in week-flow.test.ts): Monday 22:00–06:00 with a break of 0:30 (evening
 * allowance on Monday, night allowance on Tuesday's part), Wednesday a total of 10:00 (overtime
 * after 8:00; the evening and night windows need times), Sunday 08:00–14:00 (Sunday allowance).
 */
const WEEK = '2026-W47';
const DAYS: DayInput[] = [
  { date: '2026-11-16', blocks: [{ start: '22:00', end: '06:00' }], breakDuration: '0:30' },
  { date: '2026-11-18', total: '10:00' },
  { date: '2026-11-22', blocks: [{ start: '08:00', end: '14:00' }] },
];

/** `date hourCode percentage minutes: text` of every line, then `date rule: text` of every note. */
function explained(preview: BreakdownNode): string[] {
  return [
    ...preview.days.flatMap((d) => d.lines.map((l) => `${l.date} ${l.hourCode} ${l.percentage} ${l.minutes}: ${l.explanation.text}`)),
    ...preview.days.flatMap((d) => d.notApplied.map((n) => `${d.date} ${n.rule.rule}: ${n.explanation.text}`)),
  ];
}

const IN_DUTCH = [
  '2026-11-16 U100 100 120: Normale uren',
  '2026-11-16 ORT-AVOND 25 120: Onregelmatigheidstoeslag +25%: 20:00–24:00 op maandag',
  '2026-11-17 U100 100 330: Normale uren',
  '2026-11-17 ORT-NACHT 50 330: Onregelmatigheidstoeslag +50%: 00:00–06:00 op dinsdag',
  '2026-11-18 U100 100 480: Normale uren',
  '2026-11-18 OW125 125 120: Overwerk tegen 125%: meer dan 8:00 gewerkt op deze dag',
  '2026-11-22 U100 100 360: Normale uren',
  '2026-11-22 ORT-FEEST 100 360: Onregelmatigheidstoeslag +100%: 00:00–24:00 op zondag',
  '2026-11-18 nacht: Regel nacht is niet toegepast: die hangt af van het tijdstip, en deze dag is als dagtotaal ingevoerd',
  '2026-11-18 avond: Regel avond is niet toegepast: die hangt af van het tijdstip, en deze dag is als dagtotaal ingevoerd',
];

const IN_ENGLISH = [
  '2026-11-16 U100 100 120: Normal hours',
  '2026-11-16 ORT-AVOND 25 120: Irregular-hours allowance +25%: 20:00–24:00 on Monday',
  '2026-11-17 U100 100 330: Normal hours',
  '2026-11-17 ORT-NACHT 50 330: Irregular-hours allowance +50%: 00:00–06:00 on Tuesday',
  '2026-11-18 U100 100 480: Normal hours',
  '2026-11-18 OW125 125 120: Overtime at 125%: more than 8:00 worked on this day',
  '2026-11-22 U100 100 360: Normal hours',
  '2026-11-22 ORT-FEEST 100 360: Irregular-hours allowance +100%: 00:00–24:00 on Sunday',
  '2026-11-18 nacht: Rule nacht was not applied: it depends on the time of day, and this day was entered as a total',
  '2026-11-18 avond: Rule avond was not applied: it depends on the time of day, and this day was entered as a total',
];

describe("a week's preview explanations in the viewer's language, over HTTP", () => {
  const clock = new TravelClock(WED_W48_1000);
  let t: TestApp;
  let agency: TestAgency;
  let placementId: string;
  let workerToken: string;
  let saved: BreakdownNode;

  beforeAll(async () => {
    t = await startWeekApp(clock);
    agency = await createAgencyWithStaff(t, unique('Explanations agency '));
    const schedule = await createSchoonmaakSchedule(t, agency.staffToken);
    const relation = await createRelation(t, agency.staffToken, { name: unique('Schoonmaak client ') });
    const email = `${unique('daan')}@example.nl`;
    const worker = await createFlexworker(t, agency.staffToken, { firstName: 'Daan', email, language: 'NL' });
    await createUser(t, agency.staffToken, { email, role: 'FLEXWORKER', flexworkerId: worker.id, password: TEST_PASSWORD, displayName: 'Daan', language: 'NL' });
    placementId = (await createPlacement(t, agency.staffToken, { flexworkerId: worker.id, relationId: relation.id, startDate: '2026-11-02', functionName: 'Cleaner', ...withSchedule(schedule.id) })).id;
    workerToken = await login(t, email, TEST_PASSWORD);

    const week = await timesheetForWeek(t, workerToken, placementId, WEEK);
    const response = await t.gql<{ saveTimesheet: { timesheet: { preview: BreakdownNode } } }>(
      'mutation ($input: SaveTimesheetInput!) { saveTimesheet(input: $input) { timesheet { preview { days { date lines { date hourCode percentage minutes explanation { key text params { name value } } } notApplied { rule { rule } explanation { key text } } } } } } }',
      { input: { timesheetId: week.id, expectedVersion: week.version, days: DAYS } },
      { token: workerToken, headers: { 'accept-language': 'en' } },
    );
    saved = dataOf(response).saveTimesheet.timesheet.preview;
  });
  afterAll(async () => {
    await t.stop();
  });

  async function previewAs(token: string, acceptLanguage: string): Promise<BreakdownNode> {
    const response = await t.gql<{ timesheetForWeek: { preview: BreakdownNode } }>(
      `query ($placementId: ID!, $week: String!) { timesheetForWeek(placementId: $placementId, week: $week) {
         preview { days { date lines { date hourCode percentage minutes explanation { key text params { name value } } } notApplied { rule { rule } explanation { key text } } } } } }`,
      { placementId, week: WEEK },
      { token, headers: { 'accept-language': acceptLanguage } },
    );
    return dataOf(response).timesheetForWeek.preview;
  }

  it('the Dutch-speaking worker reads the saved week in Dutch, though the browser asks for English', async () => {
    const viewer = dataOf(await t.gql<{ viewer: { language: string } }>('{ viewer { language } }', {}, { token: workerToken })).viewer;
    expect(viewer.language).toBe('NL');
    expect(explained(saved)).toEqual(IN_DUTCH);
    expect(explained(await previewAs(workerToken, 'en-GB,en;q=0.9'))).toEqual(IN_DUTCH);
  });

  it('each text is the Dutch text of its key and parameters', async () => {
    const translator = new I18nextTranslator();
    const lines = saved.days.flatMap((d) => d.lines);
    expect(lines.length).toBe(8);
    for (const line of lines) {
      const params = Object.fromEntries(line.explanation.params.map((p) => [p.name, p.value]));
      const dutch = translator.translate(`unravel:${line.explanation.key}`, params, 'nl');
      expect({ key: line.explanation.key, text: line.explanation.text }).toEqual({ key: line.explanation.key, text: dutch });
      expect(line.explanation.text).not.toBe(translator.translate(`unravel:${line.explanation.key}`, params, 'en'));
    }
  });

  it('staff who work in English read the same week in English, though they ask for Dutch', async () => {
    expect(explained(await previewAs(agency.staffToken, 'nl'))).toEqual(IN_ENGLISH);
  });
});
