import { createAgencyWithStaff, TestAgency, TestApp, TravelClock, unique } from '../support/test-app';
import { dataOf } from './e2e-helpers';
import { payrollKey } from './document-helpers';
import { allLines as exportLines, createExport, LineNode as ExportLineNode, settle, sumsOf } from './payroll-helpers';
import {
  createFourWeekSchedule,
  periodLines,
  relationApproves,
  SettledDeclarationNode,
  SETTLEMENT_FIELDS,
  SettlementNode,
  weekdays,
  weekVersions,
  workerApproves,
} from './period-settlement-helpers';
import { approveWeek, BREAKDOWN_FIELDS, BreakdownNode, correctDeclaration, DayInput, readTimesheet, saveTimesheet, startWeekApp, timesheetForWeek, totalsOf, userIdOf, weekWorld, WeekWorld, withSchedule } from './week-helpers';

/*
 * Issue 13, rule 1 over HTTP: overtime settled over a period of four ISO weeks, on a placement
 * whose schedule says normal 8:00 per weekday, over that 130 % (PO130) for the first 8:00 and
 * 150 % (PO150) beyond. The period 2026-W45…W48 runs from Monday 2 to Sunday 29 November 2026:
 * 20 weekdays × 8:00 = 160:00 (9600 minutes) normal. Worked out by hand:
 *   W45  Mon 2 … Fri 6     5 × 9:00                           45:00  2700
 *   W46  Mon 9 06:00–19:00 (13:00, a shift over 12 hours) + Tue 10 … Fri 13 4 × 8:00
 *                                                              45:00  2700
 *   W47  Mon 16 … Fri 20   5 × 8:00                           40:00  2400
 *   W48  Mon 23 … Fri 27   5 × 8:00                           40:00  2400
 *   counted 170:00 (10200) − normal 160:00 = 10:00 (600) over: 8:00 (480) PO130 at +30 %, 2:00 (120)
 *   PO150 at +50 %, both dated Sunday 29 November.
 * Staff then correct Monday 9 to 06:00–16:00 (10:00): W46 counts 42:00 (2520), the period 167:00
 * (10020), 7:00 (420) over, all PO130; PO150 goes. The clock stands on Wednesday 2 December (W49).
 */
const CLOCK = new Date('2026-12-02T09:00:00.000Z');
const WEEKS = ['2026-W45', '2026-W46', '2026-W47', '2026-W48'];
const W45 = weekdays('2026-11-02', '9:00');
const W46 = [{ date: '2026-11-09', blocks: [{ start: '06:00', end: '19:00' }] }, ...weekdays('2026-11-09', '8:00').slice(1)];
const W46_CORRECTED = [{ date: '2026-11-09', blocks: [{ start: '06:00', end: '16:00' }] }, ...W46.slice(1)];
const W47 = weekdays('2026-11-16', '8:00');
const W47_MOVED = [{ date: '2026-11-16', total: '9:00' }, { date: '2026-11-17', total: '7:00' }, ...W47.slice(2)];
const W48 = weekdays('2026-11-23', '8:00');
const DAYS: Record<string, DayInput[]> = { '2026-W45': W45, '2026-W46': W46, '2026-W47': W47, '2026-W48': W48 };

const RULE = { scheduleVersion: '2026-01-01', rule: 'vierweken' };
const settlementOf = (counted: number[]): SettlementNode => {
  const countedMinutes = counted.reduce((a, b) => a + b, 0);
  const overtimeMinutes = Math.max(0, countedMinutes - 9600);
  const hours = (m: number) => `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
  return {
    rule: RULE,
    from: '2026-11-02',
    to: '2026-11-29',
    weeks: WEEKS.map((week, i) => ({ week, countedMinutes: counted[i], countedHours: hours(counted[i]) })),
    normalMinutes: 9600,
    normalHours: '160:00',
    countedMinutes,
    countedHours: hours(countedMinutes),
    overtimeMinutes,
    overtimeHours: hours(overtimeMinutes),
  };
};

const SIGNAL_FIELDS = 'rule days limit actual limitHours actualHours';

describe('a settlement period of four weeks over GraphQL', () => {
  const clock = new TravelClock(CLOCK);
  let t: TestApp;
  let agency: TestAgency;
  let world: WeekWorld;
  let payroll: string;
  let staffUserId: string;
  const sheets: Record<string, string> = {};

  beforeAll(async () => {
    t = await startWeekApp(clock);
    agency = await createAgencyWithStaff(t, unique('Transport agency '));
    const schedule = await createFourWeekSchedule(t, agency.staffToken);
    world = await weekWorld(t, agency, { placement: withSchedule(schedule.id) });
    payroll = await payrollKey(t, agency.staffToken);
    staffUserId = await userIdOf(t, agency.staffToken);
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
  });

  const current = async (week: string): Promise<SettledDeclarationNode> => {
    const { timesheet, declarations } = await weekVersions(t, agency.staffToken, sheets[week]);
    return declarations.find((d) => d.id === timesheet.currentDeclaration!.id)!;
  };

  it('counts the weeks one by one at the normal rate, and settles the period when its last week is approved by the relation', async () => {
    for (const week of WEEKS.slice(0, 3)) {
      const { timesheetId, declarationId } = await workerApproves(t, world.workerToken, world.placement.id, week, DAYS[week]);
      sheets[week] = timesheetId;
      const [decided] = await relationApproves(t, world.contactToken, [declarationId]);
      expect([decided.status, decided.origin, decided.number]).toEqual(['APPROVED', 'WORKER', 1]);
    }
    // Before the last week: every week has its hours at the normal rate, no PERIOD_OVERTIME, no settlement.
    for (const [week, minutes] of [['2026-W45', 2700], ['2026-W46', 2700], ['2026-W47', 2400]] as const) {
      const { declarations } = await weekVersions(t, agency.staffToken, sheets[week]);
      expect(declarations.map((d) => [d.number, d.origin, d.status])).toEqual([[1, 'WORKER', 'APPROVED']]);
      expect(totalsOf(declarations[0].breakdown)).toEqual({ 'U100 NORMAL 100': minutes });
      expect(periodLines(declarations[0].breakdown)).toEqual([]);
      expect(declarations[0].breakdown.settlement).toBeNull();
    }

    // The last week saved as a draft: its live preview counts the week alone, no period lines.
    const draft = await timesheetForWeek(t, world.workerToken, world.placement.id, '2026-W48');
    const saved = dataOf(await saveTimesheet(t, world.workerToken, { timesheetId: draft.id, expectedVersion: draft.version, days: W48 })).saveTimesheet;
    expect([periodLines(saved.preview!), totalsOf(saved.preview!)]).toEqual([[], { 'U100 NORMAL 100': 2400 }]);

    // The worker's approval of the last week settles nothing yet: the relation has not approved it.
    const last = await workerApproves(t, world.workerToken, world.placement.id, '2026-W48', W48);
    sheets['2026-W48'] = last.timesheetId;
    const waiting = await weekVersions(t, agency.staffToken, last.timesheetId);
    expect(waiting.declarations.map((d) => [d.number, d.origin, d.status, d.breakdown.settlement])).toEqual([[1, 'WORKER', 'AWAITING_RELATION', null]]);
    expect(periodLines(waiting.declarations[0].breakdown)).toEqual([]);

    // The relation approves it: in the same request the week gets version 2, the settlement.
    const [answered] = await relationApproves(t, world.contactToken, [last.declarationId]);
    expect([answered.id, answered.status]).toEqual([last.declarationId, 'SUPERSEDED']);
    const { timesheet, declarations, auditTrail } = await weekVersions(t, agency.staffToken, last.timesheetId);
    expect(declarations.map((d) => [d.number, d.origin, d.status])).toEqual([[1, 'WORKER', 'SUPERSEDED'], [2, 'SETTLEMENT', 'APPROVED']]);
    const settled = declarations[1];
    expect(timesheet.currentDeclaration).toEqual({ id: settled.id, number: 2, origin: 'SETTLEMENT', status: 'APPROVED' });
    expect([settled.previousDeclarationId, declarations[0].supersededById, settled.correctedById]).toEqual([last.declarationId, settled.id, world.contactUserId]);
    expect(settled.correctionReason).toContain('2026-W48');
    // Approved by the agency that settled it; the relation's approval stays on the version it approved.
    expect(settled).toMatchObject({ approvedByAgency: true, approvedByRelationAt: null, approvedByWorkerId: world.workerUserId });
    expect(declarations[0].approvedByRelationId).toBe(world.contactUserId);
    expect(settled.breakdown.settlement).toEqual(settlementOf([2700, 2700, 2400, 2400]));
    expect(periodLines(settled.breakdown)).toEqual(['2026-11-29 PO130 30 480', '2026-11-29 PO150 50 120']);
    expect(totalsOf(settled.breakdown)).toEqual({ 'U100 NORMAL 100': 2400, 'PO130 PERIOD_OVERTIME 30': 480, 'PO150 PERIOD_OVERTIME 50': 120 });
    // The lines sit on the period's last day, Sunday 29, a day that was not worked; the week's worked time is unchanged.
    expect(settled.breakdown.days.at(-1)).toMatchObject({ date: '2026-11-29', workedMinutes: 0 });
    expect(settled.breakdown.workedMinutes).toBe(2400);
    expect(settled.days).toEqual(declarations[0].days);
    const line = settled.breakdown.days.at(-1)!.lines[0];
    expect(line).toMatchObject({ kind: 'PERIOD_OVERTIME', from: null, to: null, rule: { scheduleVersion: '2026-01-01', rule: 'vierweken.tiers[0]' }, explanation: { key: 'line.periodOvertime' } });
    expect(line.explanation.text).toContain('2026-W45');
    expect(auditTrail.filter((a) => a.action === 'PERIOD_SETTLED')).toEqual([{ action: 'PERIOD_SETTLED', actorId: world.contactUserId, reason: settled.correctionReason }]);
    // Once approved, the week's preview is its current declaration: the settlement with it.
    const preview = dataOf(await t.gql<{ timesheet: { preview: BreakdownNode & { settlement: SettlementNode | null } } }>(
      `query ($id: ID!) { timesheet(id: $id) { preview { ${BREAKDOWN_FIELDS} settlement { ${SETTLEMENT_FIELDS} } } } }`, { id: last.timesheetId }, { token: world.workerToken },
    )).timesheet.preview;
    expect([periodLines(preview), preview.settlement]).toEqual([periodLines(settled.breakdown), settled.breakdown.settlement]);
  }, 120_000);

  let firstExport: ExportLineNode[];

  it('pays the settlement in the payroll export with the weeks, once', async () => {
    const { payrollExport } = await createExport(t, payroll, unique('run-'));
    // 45:00 + 45:00 + 40:00 + 40:00 at 100 %, and 10:00 of period overtime on top.
    expect(payrollExport).toMatchObject({ declarationCount: 4, reversalCount: 0, totalMinutes: 10200 + 600 });
    firstExport = await exportLines(t, payroll, payrollExport.id);
    const settled = await current('2026-W48');
    expect([...new Set(firstExport.map((l) => l.week))].sort()).toEqual(WEEKS);
    expect(firstExport.filter((l) => l.week === '2026-W48').every((l) => l.declarationId === settled.id)).toBe(true);
    expect(firstExport.filter((l) => l.kind === 'PERIOD_OVERTIME').map((l) => [l.sign, l.date, l.hourCode, l.percentage, l.minutes, l.declarationNumber])).toEqual([
      [1, '2026-11-29', 'PO130', 30, 480, 2],
      [1, '2026-11-29', 'PO150', 50, 120, 2],
    ]);
    await settle(t, payroll, 'confirm', payrollExport.id);
  }, 60_000);

  it('flags the 13-hour shift of W46 (Working Time Act) on a week of the settled placement, and only there', async () => {
    const signals = async () =>
      dataOf(await t.gql<{ timesheet: { workingTimeSignals: unknown[] } }>(`query ($id: ID!) { timesheet(id: $id) { workingTimeSignals { ${SIGNAL_FIELDS} } } }`, { id: sheets['2026-W46'] }, { token: agency.staffToken }))
        .timesheet.workingTimeSignals;
    expect(await signals()).toEqual([{ rule: 'SHIFT_HOURS', days: ['2026-11-09'], limit: 720, actual: 780, limitHours: '12:00', actualHours: '13:00' }]);
    const asWorker = await t.gql<{ timesheet: { workingTimeSignals: { rule: string }[] } }>(`query ($id: ID!) { timesheet(id: $id) { workingTimeSignals { rule } } }`, { id: sheets['2026-W46'] }, { token: world.workerToken });
    expect(dataOf(asWorker).timesheet.workingTimeSignals).toEqual([{ rule: 'SHIFT_HOURS' }]);
    // Nothing else in the period breaks a limit: the other weeks have no flags.
    for (const week of ['2026-W45', '2026-W47', '2026-W48']) {
      const other = await t.gql<{ timesheet: { workingTimeSignals: unknown[] } }>(`query ($id: ID!) { timesheet(id: $id) { workingTimeSignals { rule } } }`, { id: sheets[week] }, { token: agency.staffToken });
      expect(dataOf(other).timesheet.workingTimeSignals).toEqual([]);
    }
  }, 60_000);

  it('settles the period again when staff correct an earlier week, and payroll gets exactly the difference', async () => {
    const before = await current('2026-W46');
    const sheet = await readTimesheet(t, agency.staffToken, sheets['2026-W46']);
    expect(sheet.status).toBe('PROCESSED');
    const reason = 'The driver stopped at 16:00 on Monday 9 November, not 19:00';
    const corrected = dataOf(await correctDeclaration(t, agency.staffToken, { declarationId: before.id, expectedVersion: sheet.version, days: W46_CORRECTED, reason })).correctDeclaration;
    expect([corrected.number, corrected.origin, corrected.status, corrected.correctionReason]).toEqual([2, 'CORRECTION', 'APPROVED', reason]);
    expect(totalsOf(corrected.breakdown)).toEqual({ 'U100 NORMAL 100': 2520 });

    // The last week: a third version with the new figures; the second SUPERSEDED.
    const { timesheet, declarations, auditTrail } = await weekVersions(t, agency.staffToken, sheets['2026-W48']);
    expect(declarations.map((d) => [d.number, d.origin, d.status])).toEqual([[1, 'WORKER', 'SUPERSEDED'], [2, 'SETTLEMENT', 'SUPERSEDED'], [3, 'SETTLEMENT', 'APPROVED']]);
    const resettled = declarations[2];
    expect(timesheet.currentDeclaration!.id).toBe(resettled.id);
    expect([resettled.previousDeclarationId, resettled.correctedById]).toEqual([declarations[1].id, staffUserId]);
    expect(resettled.correctionReason).toContain('2026-W46');
    expect(resettled.breakdown.settlement).toEqual(settlementOf([2700, 2520, 2400, 2400]));
    expect(periodLines(resettled.breakdown)).toEqual(['2026-11-29 PO130 30 420']);
    expect(totalsOf(resettled.breakdown)).toEqual({ 'U100 NORMAL 100': 2400, 'PO130 PERIOD_OVERTIME 30': 420 });
    // One entry per settlement (the trail's order is not the point here): the relation's approval, then staff's correction.
    expect(auditTrail.filter((a) => a.action === 'PERIOD_SETTLED').map((a) => a.actorId).sort()).toEqual([world.contactUserId, staffUserId].sort());

    // The export reverses what the first one paid of W46 and W48 and pays the new versions.
    const { payrollExport } = await createExport(t, payroll, unique('run-'));
    // W46: −2700 + 2520; W48: −(2400 + 600) + (2400 + 420).
    expect(payrollExport).toMatchObject({ declarationCount: 2, reversalCount: 2, totalMinutes: -2700 + 2520 - 3000 + 2820 });
    const second = await exportLines(t, payroll, payrollExport.id);
    expect(second.filter((l) => l.kind === 'PERIOD_OVERTIME').map((l) => [l.sign, l.hourCode, l.percentage, l.minutes, l.declarationNumber]).sort()).toEqual([
      [-1, 'PO130', 30, -480, 2],
      [-1, 'PO150', 50, -120, 2],
      [1, 'PO130', 30, 420, 3],
    ].sort());
    await settle(t, payroll, 'confirm', payrollExport.id);

    // Over both exports the worker is paid exactly the weeks as they stand now, the new settlement included.
    const nowBooked = (await Promise.all(WEEKS.map(current))).flatMap((d) => d.breakdown.days.flatMap((day) => day.lines.map((l) => ({ ...l, flexworkerId: d.flexworkerId }))));
    const booked = sumsOf([...firstExport, ...second]);
    expect(booked).toEqual(sumsOf(nowBooked));
    const periodSums = [...booked].filter(([key]) => / PO1\d0$/.test(key));
    expect(periodSums).toEqual([[`${world.worker.id} 2026-11-29 PO130`, 420]]);

    // The flag of the 13-hour shift went with it: the week now holds a 10-hour shift.
    const signals = await t.gql<{ timesheet: { workingTimeSignals: unknown[] } }>(`query ($id: ID!) { timesheet(id: $id) { workingTimeSignals { rule } } }`, { id: sheets['2026-W46'] }, { token: agency.staffToken });
    expect(dataOf(signals).timesheet.workingTimeSignals).toEqual([]);
  }, 120_000);

  it('makes no new settlement version for a correction that leaves the period as it was', async () => {
    const before = await current('2026-W47');
    const sheet = await readTimesheet(t, agency.staffToken, sheets['2026-W47']);
    const reason = 'An hour of Tuesday 17 November was worked on Monday 16';
    const corrected = dataOf(await correctDeclaration(t, agency.staffToken, { declarationId: before.id, expectedVersion: sheet.version, days: W47_MOVED, reason })).correctDeclaration;
    expect([corrected.number, corrected.origin]).toEqual([2, 'CORRECTION']);
    expect(totalsOf(corrected.breakdown)).toEqual({ 'U100 NORMAL 100': 2400 });
    const { timesheet, declarations, auditTrail } = await weekVersions(t, agency.staffToken, sheets['2026-W48']);
    expect(declarations.map((d) => [d.number, d.origin, d.status])).toEqual([[1, 'WORKER', 'SUPERSEDED'], [2, 'SETTLEMENT', 'SUPERSEDED'], [3, 'SETTLEMENT', 'APPROVED']]);
    expect(timesheet.currentDeclaration!.number).toBe(3);
    expect(auditTrail.filter((a) => a.action === 'PERIOD_SETTLED')).toHaveLength(2);
    // Payroll gets the moved hour of W47 and nothing of the period's settlement.
    const { payrollExport } = await createExport(t, payroll, unique('run-'));
    expect(payrollExport).toMatchObject({ declarationCount: 1, reversalCount: 1, totalMinutes: 0 });
    const lines = await exportLines(t, payroll, payrollExport.id);
    expect(lines.filter((l) => l.week !== '2026-W47' || l.kind === 'PERIOD_OVERTIME')).toEqual([]);
    await settle(t, payroll, 'cancel', payrollExport.id);
  }, 60_000);

  it('settles once when the relation approves all the weeks of a period in one request', async () => {
    // Another worker of the same relation, 8:15 a weekday: 4 × 41:15 = 165:00 counted, 5:00 (300) over, all PO130.
    const other = await weekWorld(t, agency, { relation: world.relation, placement: withSchedule((await createFourWeekSchedule(t, agency.staffToken)).id) });
    const approved: { timesheetId: string; declarationId: string }[] = [];
    for (const [week, monday] of [['2026-W45', '2026-11-02'], ['2026-W46', '2026-11-09'], ['2026-W47', '2026-11-16'], ['2026-W48', '2026-11-23']]) {
      approved.push(await workerApproves(t, other.workerToken, other.placement.id, week, weekdays(monday, '8:15')));
    }
    // Last week first in the request: the order of the ids must not matter.
    const answered = await relationApproves(t, other.contactToken, approved.map((a) => a.declarationId).reverse());
    expect(answered.map((d) => [d.week, d.status])).toEqual([['2026-W48', 'SUPERSEDED'], ['2026-W47', 'APPROVED'], ['2026-W46', 'APPROVED'], ['2026-W45', 'APPROVED']]);
    for (const { timesheetId } of approved.slice(0, 3)) {
      const { declarations } = await weekVersions(t, agency.staffToken, timesheetId);
      expect(declarations.map((d) => [d.number, d.origin, d.status, d.breakdown.settlement])).toEqual([[1, 'WORKER', 'APPROVED', null]]);
    }
    const { declarations, auditTrail } = await weekVersions(t, agency.staffToken, approved[3].timesheetId);
    expect(declarations.map((d) => [d.number, d.origin, d.status])).toEqual([[1, 'WORKER', 'SUPERSEDED'], [2, 'SETTLEMENT', 'APPROVED']]);
    expect(declarations[1].breakdown.settlement).toEqual(settlementOf([2475, 2475, 2475, 2475]));
    expect(periodLines(declarations[1].breakdown)).toEqual(['2026-11-29 PO130 30 300']);
    expect(auditTrail.filter((a) => a.action === 'PERIOD_SETTLED')).toHaveLength(1);
    // The first worker's weeks are untouched by the other worker's period.
    expect((await current('2026-W48')).number).toBe(3);
    expect((await timesheetForWeek(t, other.workerToken, other.placement.id, '2026-W48')).currentDeclaration).toMatchObject({ number: 2, origin: 'SETTLEMENT' });
  }, 120_000);
  it('settles where the relation enters the hours, at its own approval, and again when a week comes in after the last one', async () => {
    // The contact enters and approves W45, W46 and W48 at 8:00 a weekday, W48 with a Saturday of 6:00
    // too: the period counts 40:00 + 40:00 + 0 + 46:00 = 126:00, under 160:00: settled, nothing over.
    // Then W47 at 8:00 a weekday: 166:00 (9960), 6:00 (360) over, all PO130 at +30 %.
    const entering = await weekWorld(t, agency, {
      relation: world.relation,
      placement: withSchedule((await createFourWeekSchedule(t, agency.staffToken)).id, { hoursEnteredBy: 'RELATION', sendInvitations: false }),
    });
    const enter = async (week: string, days: DayInput[]) => {
      const sheet = await timesheetForWeek(t, entering.contactToken, entering.placement.id, week);
      return approveWeek(t, entering.contactToken, sheet, days);
    };
    await enter('2026-W45', weekdays('2026-11-02', '8:00'));
    await enter('2026-W46', weekdays('2026-11-09', '8:00'));
    const last = await enter('2026-W48', [...W48, { date: '2026-11-28', total: '6:00' }]);
    // The answer is the week as settled: its current declaration is the SETTLEMENT version.
    expect([last.status, last.currentDeclaration.number, last.currentDeclaration.origin, last.currentDeclaration.status]).toEqual(['APPROVED', 2, 'SETTLEMENT', 'APPROVED']);
    let versions = await weekVersions(t, agency.staffToken, last.id);
    expect(versions.declarations.map((d) => [d.number, d.origin, d.status])).toEqual([[1, 'RELATION', 'SUPERSEDED'], [2, 'SETTLEMENT', 'APPROVED']]);
    expect(versions.declarations[1].breakdown.settlement).toEqual(settlementOf([2400, 2400, 0, 2760]));
    expect(periodLines(versions.declarations[1].breakdown)).toEqual([]);
    expect(totalsOf(versions.declarations[1].breakdown)).toEqual({ 'U100 NORMAL 100': 2760 });

    await enter('2026-W47', weekdays('2026-11-16', '8:00'));
    versions = await weekVersions(t, agency.staffToken, last.id);
    expect(versions.declarations.map((d) => [d.number, d.origin, d.status])).toEqual([[1, 'RELATION', 'SUPERSEDED'], [2, 'SETTLEMENT', 'SUPERSEDED'], [3, 'SETTLEMENT', 'APPROVED']]);
    const settled = versions.declarations[2];
    expect(settled.breakdown.settlement).toEqual(settlementOf([2400, 2400, 2400, 2760]));
    expect(periodLines(settled.breakdown)).toEqual(['2026-11-29 PO130 30 360']);
    expect(settled.correctionReason).toContain('2026-W47');
    expect(settled.correctedById).toBe(entering.contactUserId);
  }, 120_000);
});
