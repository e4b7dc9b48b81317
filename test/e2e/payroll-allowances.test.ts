import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAgencyWithStaff, TestAgency, TestApp, TravelClock, unique } from '../support/test-app';
import { dataOf } from './e2e-helpers';
import { allLines, createExport, settle } from './payroll-helpers';
import {
  approveDeclarations, approveWeek, correctDeclaration, DayInput, readTimesheet, scheduleInput, ScheduleNode, startWeekApp, timesheetForWeek, WED_W48_1000, weekWorld,
  WeekWorld, withSchedule,
} from './week-helpers';

/*
 * Issue 13, rule 4 over HTTP: allowances counted on a placement's week, kept by its declaration,
 * exported to payroll with a count beside the minute lines, and reversed by a correction. The
 * schedule is the golden one (test/fixtures/unravel/vergoedingen-per-keer). Worked out by hand for
 * 2026-W47:
 *   Mon 16 08:00–19:00, break 0:30 (END): 630 worked, 480 U100 + 150 OW125; 2:30 of overtime: MAALTIJD 1.
 *   Thu 19 07:00–11:00 and 16:00–20:00: 240 + 240 U100, a gap of 5:00: GEBROKEN 1.
 *   Sun 22 10:00–14:00: 240 U100, a Sunday worked: ZONDAG 1.
 * The correction makes Monday 08:00–17:30 (540 worked: 60 OW125, no meal allowance).
 */
const FIXTURE = join(__dirname, '../fixtures/unravel/vergoedingen-per-keer/schedule.json');
const ALLOWANCES = `query ($id: ID!) { timesheet(id: $id) { preview {
  days { date allowances { date hourCode kind count rule { scheduleVersion rule } explanation { key text } } }
  allowanceTotals { hourCode count } } } }`;
const DECLARATION_ALLOWANCES = `query ($id: ID!) { declaration(id: $id) { breakdown { days { date allowances { hourCode count } } allowanceTotals { hourCode count } } } }`;

const WEEK: DayInput[] = [
  { date: '2026-11-16', blocks: [{ start: '08:00', end: '19:00' }], breakDuration: '0:30' },
  { date: '2026-11-19', blocks: [{ start: '07:00', end: '11:00' }, { start: '16:00', end: '20:00' }] },
  { date: '2026-11-22', blocks: [{ start: '10:00', end: '14:00' }] },
];

interface PreviewAllowances {
  days: { date: string; allowances: { date: string; hourCode: string; kind: string; count: number; rule: { scheduleVersion: string; rule: string }; explanation: { key: string; text: string } }[] }[];
  allowanceTotals: { hourCode: string; count: number }[];
}

describe('allowances from the week to payroll, over HTTP', () => {
  const clock = new TravelClock(WED_W48_1000);
  let t: TestApp;
  let agency: TestAgency;
  let world: WeekWorld;

  beforeAll(async () => {
    t = await startWeekApp(clock);
    agency = await createAgencyWithStaff(t, unique('Allowance agency '));
    const raw = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    const created = await t.gql<{ createCaoUnravelSchedule: { caoUnravelSchedule: ScheduleNode } }>(
      'mutation ($input: CreateCaoUnravelScheduleInput!) { createCaoUnravelSchedule(input: $input) { caoUnravelSchedule { id name version versions { validFrom } } } }',
      { input: scheduleInput(raw, unique('Vergoedingen ')) },
      { token: agency.staffToken },
    );
    world = await weekWorld(t, agency, { placement: withSchedule(dataOf(created).createCaoUnravelSchedule.caoUnravelSchedule.id) });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('counts the allowances in the preview, keeps them in the declaration, exports them with a count, and reverses them on a correction', async () => {
    const sheet = await timesheetForWeek(t, world.workerToken, world.placement.id, '2026-W47');
    const approved = await approveWeek(t, world.workerToken, sheet, WEEK);
    const preview = dataOf(await t.gql<{ timesheet: { preview: PreviewAllowances } }>(ALLOWANCES, { id: sheet.id }, { token: world.workerToken })).timesheet.preview;
    expect(preview.days.map((d) => [d.date, d.allowances.map((a) => `${a.date} ${a.hourCode} ${a.kind} ${a.count} ${a.rule.rule}`)])).toEqual([
      ['2026-11-16', ['2026-11-16 MAALTIJD ALLOWANCE 1 maaltijd-overwerk']],
      ['2026-11-19', ['2026-11-19 GEBROKEN ALLOWANCE 1 gebroken-dienst']],
      ['2026-11-22', ['2026-11-22 ZONDAG ALLOWANCE 1 zondag']],
    ]);
    expect(preview.allowanceTotals).toEqual([{ hourCode: 'GEBROKEN', count: 1 }, { hourCode: 'MAALTIJD', count: 1 }, { hourCode: 'ZONDAG', count: 1 }]);
    const meal = preview.days[0].allowances[0].explanation;
    expect(meal.key).toBe('allowance.overtimeOnDay');
    expect(meal.text).toContain('2:30');
    expect(meal.text).toContain('2:00');

    const first = approved.currentDeclaration;
    dataOf(await approveDeclarations(t, world.contactToken, [first.id]));
    const kept = dataOf(await t.gql<{ declaration: { breakdown: { allowanceTotals: { hourCode: string; count: number }[] } } }>(DECLARATION_ALLOWANCES, { id: first.id }, { token: agency.staffToken }));
    expect(kept.declaration.breakdown.allowanceTotals).toEqual(preview.allowanceTotals);

    const payroll = await t.app.services.identity.createApiClient.execute(agency.staff, { name: unique('Payroll ') });
    const e1 = (await createExport(t, payroll.apiKey, unique('run-'))).payrollExport;
    // 5 minute lines and 3 allowances; the allowances add nothing to the minutes.
    expect(e1).toMatchObject({ declarationCount: 1, reversalCount: 0, lineCount: 8, totalMinutes: 630 + 480 + 240 });
    const lines1 = await allLines(t, payroll.apiKey, e1.id);
    expect(lines1.map((l) => `${l.sign} ${l.date} ${l.hourCode} ${l.kind} ${l.percentage} ${l.minutes} ${l.count}`)).toEqual([
      '1 2026-11-16 U100 NORMAL 100 480 null',
      '1 2026-11-16 OW125 OVERTIME 125 150 null',
      '1 2026-11-16 MAALTIJD ALLOWANCE 0 0 1',
      '1 2026-11-19 U100 NORMAL 100 240 null',
      '1 2026-11-19 U100 NORMAL 100 240 null',
      '1 2026-11-19 GEBROKEN ALLOWANCE 0 0 1',
      '1 2026-11-22 U100 NORMAL 100 240 null',
      '1 2026-11-22 ZONDAG ALLOWANCE 0 0 1',
    ]);
    expect(lines1.find((l) => l.hourCode === 'MAALTIJD')).toMatchObject({ scheduleVersion: '2026-01-01', declarationId: first.id, correctsDeclarationId: null });
    await settle(t, payroll.apiKey, 'confirm', e1.id);

    // Staff correct Monday: 1:00 of overtime is no meal allowance any more.
    const week = await readTimesheet(t, agency.staffToken, sheet.id);
    const corrected = dataOf(await correctDeclaration(t, agency.staffToken, {
      declarationId: first.id, expectedVersion: week.version, reason: 'Left at 17:30',
      days: [{ ...WEEK[0], blocks: [{ start: '08:00', end: '17:30' }] }, WEEK[1], WEEK[2]],
    })).correctDeclaration;
    const second = dataOf(await t.gql<{ declaration: { breakdown: { days: { date: string; allowances: { hourCode: string; count: number }[] }[] } } }>(
      DECLARATION_ALLOWANCES, { id: corrected.id }, { token: agency.staffToken },
    )).declaration.breakdown;
    expect(second.days.map((d) => [d.date, d.allowances.map((a) => a.hourCode)])).toEqual([['2026-11-16', []], ['2026-11-19', ['GEBROKEN']], ['2026-11-22', ['ZONDAG']]]);

    const e2 = (await createExport(t, payroll.apiKey, unique('run-'))).payrollExport;
    expect(e2).toMatchObject({ declarationCount: 1, reversalCount: 1, lineCount: 8 + 7, totalMinutes: -(630 + 480 + 240) + 540 + 480 + 240 });
    const lines2 = await allLines(t, payroll.apiKey, e2.id);
    expect(lines2.map((l) => `${l.sign} ${l.date} ${l.hourCode} ${l.minutes} ${l.count} ${l.correctsExportId === e1.id}`)).toEqual([
      '-1 2026-11-16 U100 -480 null true',
      '-1 2026-11-16 OW125 -150 null true',
      '-1 2026-11-16 MAALTIJD 0 -1 true',
      '-1 2026-11-19 U100 -240 null true',
      '-1 2026-11-19 U100 -240 null true',
      '-1 2026-11-19 GEBROKEN 0 -1 true',
      '-1 2026-11-22 U100 -240 null true',
      '-1 2026-11-22 ZONDAG 0 -1 true',
      '1 2026-11-16 U100 480 null true',
      '1 2026-11-16 OW125 60 null true',
      '1 2026-11-19 U100 240 null true',
      '1 2026-11-19 U100 240 null true',
      '1 2026-11-19 GEBROKEN 0 1 true',
      '1 2026-11-22 U100 240 null true',
      '1 2026-11-22 ZONDAG 0 1 true',
    ]);
    // Booked over both exports: the counts as they are now.
    const counts = new Map<string, number>();
    for (const l of [...lines1, ...lines2]) if (l.count !== null) counts.set(l.hourCode, (counts.get(l.hourCode) ?? 0) + l.count);
    expect(Object.fromEntries(counts)).toEqual({ MAALTIJD: 0, GEBROKEN: 1, ZONDAG: 1 });

    // The downloads carry the count as their last column, empty (CSV) or null (NDJSON) on minute lines.
    const auth = { headers: { authorization: `Bearer ${payroll.apiKey}` } };
    const csv = (await (await fetch(`${t.baseUrl}/payroll/exports/${e2.id}/lines.csv`, auth)).text()).trimEnd().split('\r\n');
    expect(csv[0].endsWith(',correctsExportId,correctsDeclarationId,count')).toBe(true);
    expect(csv.filter((row) => row.includes(',MAALTIJD,')).map((row) => row.split(',').slice(-1)[0])).toEqual(['-1']);
    expect(csv[1].endsWith(',')).toBe(true);
    const ndjson = (await (await fetch(`${t.baseUrl}/payroll/exports/${e2.id}/lines.ndjson`, auth)).text()).trimEnd().split('\n').map((row) => JSON.parse(row));
    expect(ndjson.map((row) => row.count)).toEqual(lines2.map((l) => l.count));
    expect(Object.keys(ndjson[0]).at(-1)).toBe('count');
  });
});
