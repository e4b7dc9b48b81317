import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAgencyWithStaff, TestAgency, TestApp, TravelClock, unique } from '../support/test-app';
import { dataOf } from './e2e-helpers';
import { lineTexts, saveAndApprove, saveTimesheet, scheduleInput, ScheduleNode, startWeekApp, timesheetForWeek, WED_W48_1000, weekWorld, WeekWorld, withSchedule } from './week-helpers';

/*
 * Issue 13, rules 2 and 3 over HTTP: a placement on a schedule with minimum breaks (Arbeidstijdenwet)
 * and minimum pay per call (BW 7:628a). Worked out by hand for 2026-W47:
 *   Mon 16 08:00–17:00, break 0:15 (END: 16:45–17:00): 8:45 of work > 5:30 needs 0:30, so 16:30–16:45
 *     is break too: paid 08:00–16:30 = 510: 480 U100 to 16:00, 30 OW125 (after 8:00).
 *   Tue 17 09:00–11:00: a call of 2:00: 120 U100 and 60 OPROEP-MIN (paid, not worked).
 */
const FIXTURE = join(__dirname, '../fixtures/unravel/arbeidstijdenwet-pauzes/schedule.json');
const ADJUSTMENTS = 'query ($id: ID!) { timesheet(id: $id) { preview { days { date adjustments { rule { rule } explanation { key text } } } } } }';

describe('minimum breaks and minimum pay per call, over HTTP', () => {
  const clock = new TravelClock(WED_W48_1000);
  let t: TestApp;
  let agency: TestAgency;
  let world: WeekWorld;

  beforeAll(async () => {
    t = await startWeekApp(clock);
    agency = await createAgencyWithStaff(t, unique('Minimum rules agency '));
    const raw = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    raw.versions[0].minimumPayPerCall = { id: 'oproep-3-uur', minimum: '3:00', hourCode: 'OPROEP-MIN' };
    const created = await t.gql<{ createCaoUnravelSchedule: { caoUnravelSchedule: ScheduleNode } }>(
      'mutation ($input: CreateCaoUnravelScheduleInput!) { createCaoUnravelSchedule(input: $input) { caoUnravelSchedule { id name version versions { validFrom } } } }',
      { input: scheduleInput(raw, unique('Oproep en pauze ')) },
      { token: agency.staffToken },
    );
    world = await weekWorld(t, agency, { placement: withSchedule(dataOf(created).createCaoUnravelSchedule.caoUnravelSchedule.id) });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('raises the break, pays the short call up to 3:00, explains both, and the declaration keeps them', async () => {
    const sheet = await timesheetForWeek(t, world.workerToken, world.placement.id, '2026-W47');
    const days = [
      { date: '2026-11-16', blocks: [{ start: '08:00', end: '17:00' }], breakDuration: '0:15' },
      { date: '2026-11-17', blocks: [{ start: '09:00', end: '11:00' }] },
    ];
    const saved = dataOf(await saveTimesheet(t, world.workerToken, { timesheetId: sheet.id, expectedVersion: sheet.version, days })).saveTimesheet;
    const expected = [
      '2026-11-16 OW125 OVERTIME 125 30 16:00-16:30',
      '2026-11-16 U100 NORMAL 100 480 08:00-16:00',
      '2026-11-17 OPROEP-MIN MINIMUM_PAY 100 60',
      '2026-11-17 U100 NORMAL 100 120 09:00-11:00',
    ];
    expect(lineTexts(saved.preview!)).toEqual(expected);
    expect(saved.preview!.workedMinutes).toBe(630);

    const read = dataOf(await t.gql<{ timesheet: { preview: { days: { date: string; adjustments: { rule: { rule: string }; explanation: { key: string; text: string } }[] }[] } } }>(
      ADJUSTMENTS, { id: sheet.id }, { token: world.workerToken },
    )).timesheet.preview.days;
    expect(read.map((d) => [d.date, d.adjustments.map((a) => [a.rule.rule, a.explanation.key])])).toEqual([
      ['2026-11-16', [['atw-pauze', 'note.breakRaised']]],
      ['2026-11-17', []],
    ]);
    expect(read[0].adjustments[0].explanation.text).toContain('0:15');
    expect(read[0].adjustments[0].explanation.text).toContain('0:30');

    const approved = dataOf(await saveAndApprove(t, world.workerToken, { timesheetId: sheet.id, expectedVersion: saved.version, confirm: true })).saveAndApproveTimesheet;
    expect(lineTexts(approved.currentDeclaration!.breakdown)).toEqual(expected);
  });
});
