import { createAgencyWithStaff, login, TestApp, TravelClock, unique } from '../support/test-app';
import { dataOf, expectError } from './e2e-helpers';
import { allLines, createExport, createExportRequest, EXPORT_FIELDS, ExportNode, settle, settleRequest, sumsOf } from './payroll-helpers';
import { PayrollClient, payrollWorld, PayrollWorld } from './payroll-world';
import { DAY, startWeekApp, WED_W48_1000 } from './week-helpers';

/*
 * Issue 10: payroll takes the approved hours exactly once, over HTTP. Each test works in an
 * agency of its own, so what one export takes never depends on another test.
 */

const MONDAY = (week: number) => ({ 45: '2026-11-02', 46: '2026-11-09', 47: '2026-11-16' })[week as 45 | 46 | 47];

describe('payroll exports: approved hours exactly once', () => {
  const clock = new TravelClock(WED_W48_1000);
  let t: TestApp;

  beforeAll(async () => {
    t = await startWeekApp(clock);
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
  });

  beforeEach(() => clock.set(WED_W48_1000));

  async function world(workers = 2): Promise<{ w: PayrollWorld; payroll: PayrollClient }> {
    const w = await payrollWorld(t, workers);
    return { w, payroll: await w.payrollClient() };
  }

  it('takes every approved week once, confirms it into PROCESSED, and takes nothing the second time', async () => {
    const { w, payroll } = await world();
    const [ana, ben] = w.workers;
    const d1 = await w.approveWeek(ana, '2026-W46', [{ date: MONDAY(46)!, h100: '8:00', ow150: '1:30' }]);
    const d2 = await w.approveWeek(ben, '2026-W46', [{ date: MONDAY(46)!, h100: '7:15' }]);
    // Approved by the worker only: not for payroll yet.
    const sheet = await t.app.services.week.getTimesheetForWeek.execute(ana.actor, { placementId: ana.placementId, week: '2026-W47' });
    await t.app.services.week.approveTimesheet.execute(ana.actor, {
      timesheetId: sheet.id, expectedVersion: sheet.version, confirm: true,
      days: [{ date: MONDAY(47)!, hours: [{ hourCode: 'H100', hours: '4:00' }] }] as never,
    });

    const { payrollExport, created } = await createExport(t, payroll.apiKey, unique('run-'));
    expect(created).toBe(true);
    expect(payrollExport).toMatchObject({ number: 1, status: 'PENDING', declarationCount: 2, reversalCount: 0, lineCount: 3, totalMinutes: 8 * 60 + 90 + 7 * 60 + 15, createdById: payroll.actor.id });
    expect(new Date(payrollExport.expiresAt).getTime() - new Date(payrollExport.createdAt).getTime()).toBe(DAY);
    const lines = await allLines(t, payroll.apiKey, payrollExport.id);
    expect(lines.map((l) => [l.declarationId, l.date, l.hourCode, l.minutes, l.sign]).sort()).toEqual(
      [[d1.id, MONDAY(46), 'H100', 480, 1], [d1.id, MONDAY(46), 'OW150', 90, 1], [d2.id, MONDAY(46), 'H100', 435, 1]].sort(),
    );
    expect(lines[0]).toMatchObject({ relationId: w.relationId, week: '2026-W46', kind: 'MANUAL', scheduleVersion: null, declarationNumber: 1, correctsExportId: null, bsn: null });
    expect(lines.find((l) => l.hourCode === 'OW150')!.percentage).toBe(150);

    const confirmed = await settle(t, payroll.apiKey, 'confirm', payrollExport.id);
    expect(confirmed).toMatchObject({ status: 'CONFIRMED', confirmedAt: WED_W48_1000.toISOString() });
    // Confirming again (a retry after a lost answer) changes nothing.
    expect(await settle(t, payroll.apiKey, 'confirm', payrollExport.id)).toEqual(confirmed);

    const weeks = await t.gql<{ timesheet: { status: string; currentDeclaration: { processedAt: string | null; paidInExport: { id: string } | null } } }>(
      `query ($id: ID!) { timesheet(id: $id) { status currentDeclaration { processedAt paidInExport { id } } } }`,
      { id: d1.timesheetId },
      { token: w.agency.staffToken },
    );
    expect(dataOf(weeks).timesheet).toEqual({ status: 'PROCESSED', currentDeclaration: { processedAt: WED_W48_1000.toISOString(), paidInExport: { id: payrollExport.id } } });
    // The worker's status tab shows the week as processed ("verwerkt") with its pay date.
    const workerToken = await login(t, ana.email, 'correct horse battery');
    const tab = await t.gql<{ declarationStatus: { nodes: { id: string; status: string; expectedPayDate: string; currentDeclaration: { processedAt: string; paidInExport: null } }[] } }>(
      `{ declarationStatus { nodes { id status expectedPayDate currentDeclaration { processedAt paidInExport { id } } } } }`,
      {},
      { token: workerToken },
    );
    expect(dataOf(tab).declarationStatus.nodes.find((n) => n.id === d1.timesheetId)).toEqual({
      id: d1.timesheetId,
      status: 'PROCESSED',
      // Approved by the relation on Wednesday, after Monday's deadline: paid the Wednesday after.
      expectedPayDate: '2026-12-02',
      currentDeclaration: { processedAt: WED_W48_1000.toISOString(), paidInExport: null },
    });

    const again = await createExport(t, payroll.apiKey, unique('run-'));
    expect(again.payrollExport).toMatchObject({ number: 2, declarationCount: 0, reversalCount: 0, lineCount: 0, totalMinutes: 0 });
  });

  it('answers a retry with the same key with the same export, and refuses the key for another moment', async () => {
    const { w, payroll } = await world(1);
    await w.approveWeek(w.workers[0], '2026-W46', [{ date: MONDAY(46)!, h100: '8:00' }]);
    const key = unique('retry-');
    const answers = await Promise.all(Array.from({ length: 6 }, () => createExportRequest(t, payroll.apiKey, { idempotencyKey: key })));
    const made = answers.map((a) => dataOf(a).createPayrollExport);
    expect(new Set(made.map((m) => m.payrollExport.id)).size).toBe(1);
    expect(made.filter((m) => m.created)).toHaveLength(1);
    expect(made.every((m) => m.payrollExport.lineCount === 1)).toBe(true);
    // Later, after more hours were approved: still the same export, the same lines.
    clock.advance(60_000);
    await w.approveWeek(w.workers[0], '2026-W47', [{ date: MONDAY(47)!, h100: '6:00' }]);
    const later = await createExport(t, payroll.apiKey, key);
    expect(later).toEqual({ created: false, payrollExport: made[0].payrollExport });
    expectError(await createExportRequest(t, payroll.apiKey, { idempotencyKey: key, upTo: WED_W48_1000.toISOString() }), 'CONFLICT', 'IDEMPOTENCY_KEY_REUSED');
    // Another client's same key is its own.
    const other = await w.payrollClient();
    expect((await createExport(t, other.apiKey, key)).payrollExport.id).not.toBe(made[0].payrollExport.id);
  });

  it('never gives one declaration to two exports made at the same moment by two payroll clients', async () => {
    const { w, payroll } = await world(4);
    const second = await w.payrollClient();
    const declarations: string[] = [];
    for (const worker of w.workers) {
      for (const week of [45, 46, 47]) declarations.push((await w.approveWeek(worker, `2026-W${week}`, [{ date: MONDAY(week)!, h100: '8:00' }])).id);
    }
    const runs = await Promise.all([payroll, second, payroll, second].map((c, i) => createExport(t, c.apiKey, `race-${i}`)));
    const taken = (await Promise.all(runs.map((r) => allLines(t, payroll.apiKey, r.payrollExport.id)))).flat().map((l) => l.declarationId);
    expect(taken.sort()).toEqual([...declarations].sort());
    expect(runs.filter((r) => r.payrollExport.lineCount > 0)).toHaveLength(1);
    expect(runs.map((r) => r.payrollExport.number).sort()).toEqual([1, 2, 3, 4]);
  });

  it('gives the hours of a cancelled or expired export to the next one, and refuses to confirm either', async () => {
    const { w, payroll } = await world(1);
    const d = await w.approveWeek(w.workers[0], '2026-W46', [{ date: MONDAY(46)!, h100: '8:00' }]);
    const first = (await createExport(t, payroll.apiKey, unique('k'))).payrollExport;
    const cancelled = await settle(t, payroll.apiKey, 'cancel', first.id);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelledAt: WED_W48_1000.toISOString() });
    expect(await settle(t, payroll.apiKey, 'cancel', first.id)).toEqual(cancelled);
    expectError(await settleRequest(t, payroll.apiKey, 'confirm', first.id), 'CONFLICT', 'PAYROLL_EXPORT_CANCELLED');

    const second = (await createExport(t, payroll.apiKey, unique('k'))).payrollExport;
    expect((await allLines(t, payroll.apiKey, second.id)).map((l) => l.declarationId)).toEqual([d.id]);
    clock.advance(DAY);
    const expired = await t.gql<{ payrollExport: ExportNode }>(`query ($id: ID!) { payrollExport(id: $id) { ${EXPORT_FIELDS} } }`, { id: second.id }, { token: payroll.apiKey });
    expect(dataOf(expired).payrollExport.status).toBe('EXPIRED');
    expectError(await settleRequest(t, payroll.apiKey, 'confirm', second.id), 'CONFLICT', 'PAYROLL_EXPORT_EXPIRED');

    const third = (await createExport(t, payroll.apiKey, unique('k'))).payrollExport;
    expect((await allLines(t, payroll.apiKey, third.id)).map((l) => l.declarationId)).toEqual([d.id]);
    await settle(t, payroll.apiKey, 'confirm', third.id);
    expectError(await settleRequest(t, payroll.apiKey, 'cancel', third.id), 'CONFLICT', 'PAYROLL_EXPORT_ALREADY_CONFIRMED');
    const list = await t.gql<{ payrollExports: { nodes: { id: string; status: string }[] } }>(
      `{ payrollExports { nodes { id status } } }`, {}, { token: w.agency.staffToken });
    expect(dataOf(list).payrollExports.nodes).toEqual([
      { id: third.id, status: 'CONFIRMED' },
      { id: second.id, status: 'EXPIRED' },
      { id: first.id, status: 'CANCELLED' },
    ]);
    const expiredOnly = await t.gql<{ payrollExports: { nodes: { id: string }[] } }>(
      `{ payrollExports(filter: { status: EXPIRED }) { nodes { id } } }`, {}, { token: payroll.apiKey });
    expect(dataOf(expiredOnly).payrollExports.nodes).toEqual([{ id: second.id }]);
  });

  it('pays a correction of booked hours as the difference: the booked lines reversed and the new ones, each pointing at what it corrects', async () => {
    const { w, payroll } = await world(1);
    const d1 = await w.approveWeek(w.workers[0], '2026-W46', [{ date: MONDAY(46)!, h100: '8:00', ow150: '1:00' }, { date: '2026-11-10', h100: '8:00' }]);
    const e1 = (await createExport(t, payroll.apiKey, unique('k'))).payrollExport;
    await settle(t, payroll.apiKey, 'confirm', e1.id);

    const d2 = await w.correctWeek(d1.timesheetId, [{ date: MONDAY(46)!, h100: '8:00' }, { date: '2026-11-10', h100: '8:30' }]);
    const e2 = (await createExport(t, payroll.apiKey, unique('k'))).payrollExport;
    expect(e2).toMatchObject({ declarationCount: 1, reversalCount: 1, lineCount: 5, totalMinutes: -60 + 30 });
    const lines = await allLines(t, payroll.apiKey, e2.id);
    expect(lines.map((l) => [l.sign, l.declarationId, l.date, l.hourCode, l.minutes, l.correctsExportId, l.correctsDeclarationId])).toEqual([
      [-1, d1.id, MONDAY(46), 'H100', -480, e1.id, d1.id],
      [-1, d1.id, MONDAY(46), 'OW150', -60, e1.id, d1.id],
      [-1, d1.id, '2026-11-10', 'H100', -480, e1.id, d1.id],
      [1, d2.id, MONDAY(46), 'H100', 480, e1.id, d1.id],
      [1, d2.id, '2026-11-10', 'H100', 510, e1.id, d1.id],
    ]);
    await settle(t, payroll.apiKey, 'confirm', e2.id);
    const booked = [...(await allLines(t, payroll.apiKey, e1.id)), ...lines];
    expect(sumsOf(booked)).toEqual(sumsOf(d2.breakdown.days.flatMap((day) => day.lines.map((l) => ({ ...l, flexworkerId: d2.flexworkerId })))));
    const staffView = await t.gql<{ declaration: { paidInExport: { id: string }; reversedInExport: { id: string } } }>(
      `query ($id: ID!) { declaration(id: $id) { paidInExport { id } reversedInExport { id } } }`, { id: d1.id }, { token: w.agency.staffToken });
    expect(dataOf(staffView).declaration).toEqual({ paidInExport: { id: e1.id }, reversedInExport: { id: e2.id } });
  });

  it('keeps the difference of a week corrected while an export holds it until that export is confirmed or cancelled', async () => {
    const { w, payroll } = await world(1);
    const d1 = await w.approveWeek(w.workers[0], '2026-W46', [{ date: MONDAY(46)!, h100: '8:00' }]);
    const e1 = (await createExport(t, payroll.apiKey, unique('k'))).payrollExport;
    const d2 = await w.correctWeek(d1.timesheetId, [{ date: MONDAY(46)!, h100: '9:00' }]);
    const waiting = (await createExport(t, payroll.apiKey, unique('k'))).payrollExport;
    expect(waiting.lineCount).toBe(0);
    await settle(t, payroll.apiKey, 'confirm', e1.id);
    // The week was corrected before the confirmation: its current version is not the booked one, so it stays APPROVED.
    const week = await t.gql<{ timesheet: { status: string } }>(`query ($id: ID!) { timesheet(id: $id) { status } }`, { id: d1.timesheetId }, { token: w.agency.staffToken });
    expect(dataOf(week).timesheet.status).toBe('APPROVED');
    const e3 = (await createExport(t, payroll.apiKey, unique('k'))).payrollExport;
    const lines = await allLines(t, payroll.apiKey, e3.id);
    expect(lines.map((l) => [l.declarationId, l.minutes])).toEqual([[d1.id, -480], [d2.id, 540]]);

    // Corrected again while e3 is pending, then e3 cancelled: the next export reverses d1 and pays d3 (d2 was never booked).
    const d3 = await w.correctWeek(d1.timesheetId, [{ date: MONDAY(46)!, h100: '9:30' }]);
    await settle(t, payroll.apiKey, 'cancel', e3.id);
    const e4 = (await createExport(t, payroll.apiKey, unique('k'))).payrollExport;
    expect((await allLines(t, payroll.apiKey, e4.id)).map((l) => [l.declarationId, l.minutes, l.correctsExportId])).toEqual([[d1.id, -480, e1.id], [d3.id, 570, e1.id]]);
  });

  it('lets only payroll make and confirm exports, staff read and cancel them, and nobody of another agency see them', async () => {
    const { w, payroll } = await world(1);
    await w.approveWeek(w.workers[0], '2026-W46', [{ date: MONDAY(46)!, h100: '8:00' }]);
    expectError(await createExportRequest(t, w.agency.staffToken, { idempotencyKey: 'k' }), 'FORBIDDEN', 'ROLE_NOT_ALLOWED');
    const workerToken = await login(t, w.workers[0].email, 'correct horse battery');
    expectError(await createExportRequest(t, workerToken, { idempotencyKey: 'k' }), 'FORBIDDEN', 'ROLE_NOT_ALLOWED');
    const made = (await createExport(t, payroll.apiKey, unique('k'))).payrollExport;
    expectError(await settleRequest(t, w.agency.staffToken, 'confirm', made.id), 'FORBIDDEN', 'ROLE_NOT_ALLOWED');
    expectError(await t.gql(`query ($id: ID!) { payrollExport(id: $id) { id } }`, { id: made.id }, { token: workerToken }), 'FORBIDDEN', 'ROLE_NOT_ALLOWED');

    const other = await createAgencyWithStaff(t, unique('Other '));
    const otherKey = (await t.app.services.identity.createApiClient.execute(other.staff, { name: 'Other payroll' })).apiKey;
    expectError(await t.gql(`query ($id: ID!) { payrollExport(id: $id) { id } }`, { id: made.id }, { token: otherKey }), 'NOT_FOUND');
    expectError(await settleRequest(t, otherKey, 'confirm', made.id), 'NOT_FOUND');
    expectError(await settleRequest(t, other.staffToken, 'cancel', made.id), 'NOT_FOUND');
    const theirs = (await createExport(t, otherKey, unique('k'))).payrollExport;
    expect(theirs).toMatchObject({ number: 1, lineCount: 0 });
    expect((await settle(t, w.agency.staffToken, 'cancel', made.id)).status).toBe('CANCELLED');
  });

  it("carries the worker's payroll number, the placement's cost centre and PO reference, and the BSN only to payroll where the agency allows it", async () => {
    const { w, payroll } = await world(1);
    const s = t.app.services;
    const [ana] = w.workers;
    await s.organisation.updateFlexworker.execute(w.agency.staff, { id: ana.flexworkerId, payrollNumber: 'P-0042', bsn: '111222333' });
    await s.organisation.updatePlacement.execute(w.agency.staff, { id: ana.placementId, costCentre: 'KP-300', purchaseOrderReference: 'PO 2026/118' });
    await w.approveWeek(ana, '2026-W46', [{ date: MONDAY(46)!, h100: '8:00' }]);
    const made = (await createExport(t, payroll.apiKey, unique('k'))).payrollExport;
    const fields = (l: { payrollNumber: string | null; costCentre: string | null; purchaseOrderReference: string | null; bsn: string | null }) =>
      [l.payrollNumber, l.costCentre, l.purchaseOrderReference, l.bsn];
    expect((await allLines(t, payroll.apiKey, made.id)).map(fields)).toEqual([['P-0042', 'KP-300', 'PO 2026/118', null]]);

    await s.organisation.updateAgencySettings.execute(w.agency.staff, { payrollReadsBsn: true });
    expect((await allLines(t, payroll.apiKey, made.id)).map(fields)).toEqual([['P-0042', 'KP-300', 'PO 2026/118', '111222333']]);
    // Staff read the lines without the BSN, also in the download.
    expect((await allLines(t, w.agency.staffToken, made.id)).map(fields)).toEqual([['P-0042', 'KP-300', 'PO 2026/118', null]]);
    const download = async (token: string) =>
      (await (await fetch(`${t.baseUrl}${made.ndjsonPath}`, { headers: { authorization: `Bearer ${token}` } })).text()).trimEnd().split('\n').map((l) => JSON.parse(l).bsn);
    expect(await download(payroll.apiKey)).toEqual(['111222333']);
    expect(await download(w.agency.staffToken)).toEqual([null]);
  });

  it('refuses a bad idempotency key or a moment to come, and stores nothing', async () => {
    const { payroll } = await world(1);
    expectError(await createExportRequest(t, payroll.apiKey, { idempotencyKey: 'has space' }), 'BAD_USER_INPUT', 'IDEMPOTENCY_KEY_INVALID');
    expectError(await createExportRequest(t, payroll.apiKey, { idempotencyKey: '' }), 'BAD_USER_INPUT', 'IDEMPOTENCY_KEY_INVALID');
    expectError(await createExportRequest(t, payroll.apiKey, { idempotencyKey: 'k', upTo: new Date(WED_W48_1000.getTime() + DAY).toISOString() }), 'BAD_USER_INPUT', 'PAYROLL_UP_TO_IN_FUTURE');
    const list = await t.gql<{ payrollExports: { nodes: unknown[] } }>(`{ payrollExports { nodes { id } } }`, {}, { token: payroll.apiKey });
    expect(dataOf(list).payrollExports.nodes).toEqual([]);
  });
});
