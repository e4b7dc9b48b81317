import { createAgencyWithStaff, login, TestAgency, TestApp, TEST_PASSWORD, TravelClock, unique } from '../support/test-app';
import { createFlexworker, createPlacement, createRelation, createUser, dataOf, expectError, FlexworkerNode, PlacementNode, RelationNode } from './e2e-helpers';
import {
  allLines,
  approveDeclarations,
  approveWeek,
  awaitingApproval,
  correctDeclaration,
  createSchoonmaakSchedule,
  DAY,
  DayInput,
  DECLARATION_FIELDS,
  DeclarationNode,
  declarationsOf,
  defaultTimesheet,
  HOUR,
  lineTexts,
  openTimesheets,
  readTimesheet,
  rejectDeclaration,
  saveTimesheet,
  ScheduleNode,
  startWeekApp,
  TIMESHEET_FIELDS,
  TimesheetNode,
  timesheetForWeek,
  timesheetRequest,
  timesheetsOf,
  totalsOf,
  userIdOf,
  WED_W48_1000,
} from './week-helpers';

/*
 * Issue 4, the story of one week over HTTP, as each role. The clock stands on Wednesday
 * 2026-11-25 10:00 (Europe/Amsterdam): the worker fills in last week, 2026-W47 (16–22 November),
 * on a placement with the schoonmaak CAO schedule.
 *
 * The week, worked out by hand with test/fixtures/unravel/schoonmaak/schedule.json (break at the
 * END of the gross time, overlapping ORT windows add up, overtime after 8:00 a day at 125 %):
 *   Mon 16 22:00–06:00, break 0:30 → worked 22:00–05:30 = 450 min.
 *     Monday's part 22:00–24:00: 120 U100, and the evening window (Mon–Fri 20–24) +25 %: 120 ORT-AVOND.
 *     Tuesday's part 00:00–05:30 counts on Tuesday: 330 U100, and the night window (00–06) with
 *     Tuesday's percentage, 50 (Monday's would be 60): 330 ORT-NACHT.
 *   Wed 18 total 8:00 → 480 U100, no overtime (exactly 8:00); the partial windows cannot apply to a total.
 *   Sun 22 08:00–14:00 → 360 U100, and Sunday +100 %: 360 ORT-FEEST.
 *   Totals: U100 120+330+480+360 = 1290; ORT-AVOND 25 % 120; ORT-NACHT 50 % 330; ORT-FEEST 100 % 360.
 */
const WEEK = '2026-W47';
const T0 = WED_W48_1000;
const iso = (offsetMs: number) => new Date(T0.getTime() + offsetMs).toISOString();

const MONDAY_NIGHT: DayInput = { date: '2026-11-16', blocks: [{ start: '22:00', end: '06:00' }], breakDuration: '0:30' };
const WEDNESDAY: DayInput = { date: '2026-11-18', total: '8:00' };
const SUNDAY: DayInput = { date: '2026-11-22', blocks: [{ start: '08:00', end: '14:00' }] };
const SUNDAY_CORRECTED: DayInput = { date: '2026-11-22', blocks: [{ start: '08:00', end: '13:00' }] };

describe('a week from entry to payroll, over HTTP', () => {
  const clock = new TravelClock(T0);
  let t: TestApp;
  let agency: TestAgency;
  let relation: RelationNode;
  let worker: FlexworkerNode;
  let schedule: ScheduleNode;
  let placement: PlacementNode;
  let workerToken: string;
  let workerUserId: string;
  let contactToken: string;
  let contactUserId: string;
  let timesheet: TimesheetNode;
  let first: DeclarationNode;
  let second: DeclarationNode;
  let relationApprovedAt: string;

  beforeAll(async () => {
    t = await startWeekApp(clock);
    agency = await createAgencyWithStaff(t, unique('Week flow agency '));
  });
  afterAll(async () => {
    await t.stop();
  });

  it('staff set up a relation, a worker and a contact with logins, the schoonmaak schedule and a placement on it', async () => {
    const token = agency.staffToken;
    relation = await createRelation(t, token, { name: unique('Kantoorschoonmaak ') });
    const workerEmail = `${unique('fatima')}@example.com`;
    worker = await createFlexworker(t, token, { firstName: 'Fatima', lastName: 'El Amrani', email: workerEmail });
    await createUser(t, token, { email: workerEmail, role: 'FLEXWORKER', flexworkerId: worker.id, password: TEST_PASSWORD, displayName: 'Fatima' });
    const contactEmail = `${unique('planner')}@kantoor.example`;
    await createUser(t, token, { email: contactEmail, role: 'RELATION_CONTACT', relationId: relation.id, password: TEST_PASSWORD, displayName: 'Planner' });

    schedule = await createSchoonmaakSchedule(t, token);
    expect(schedule.versions.map((v) => v.validFrom)).toEqual(['2026-01-01']);

    placement = await createPlacement(t, token, {
      flexworkerId: worker.id,
      relationId: relation.id,
      startDate: '2026-11-02',
      functionName: 'Cleaner',
      caoScheduleId: schedule.id,
      hourCodes: undefined,
    });
    expect(placement).toMatchObject({ caoScheduleId: schedule.id, hoursEnteredBy: 'FLEXWORKER', hourCodes: [] });
    expect([...placement.allowedEntryModes].sort()).toEqual(['DAY_TOTAL', 'TIMES']);

    workerToken = await login(t, workerEmail, TEST_PASSWORD);
    contactToken = await login(t, contactEmail, TEST_PASSWORD);
    workerUserId = await userIdOf(t, workerToken);
    contactUserId = await userIdOf(t, contactToken);
  });

  it('the worker lands on last week: open, editable, empty, already past its deadline', async () => {
    const landed = await defaultTimesheet(t, workerToken);
    expect(landed).not.toBeNull();
    timesheet = landed!;
    expect(timesheet).toMatchObject({
      week: WEEK,
      weekStart: '2026-11-16',
      weekEnd: '2026-11-22',
      status: 'OPEN',
      placementId: placement.id,
      flexworkerId: worker.id,
      relationId: relation.id,
      enteredBy: 'FLEXWORKER',
      editable: true,
      days: [],
      rejection: null,
      approvedByWorkerAt: null,
      approvedByRelationAt: null,
      currentDeclaration: null,
      // Monday 23 November 12:00 in Amsterdam; it has passed, so the hours can make next week's pay run.
      approvalDeadline: '2026-11-23T11:00:00.000Z',
      late: true,
      expectedPayDate: '2026-12-02',
    });
    expect(timesheet.preview).toMatchObject({ workedMinutes: 0, totals: [], days: [] });

    // The same week by placement and week, and the blue bar with every week since the start, oldest first.
    expect((await timesheetForWeek(t, workerToken, placement.id, WEEK)).id).toBe(timesheet.id);
    const open = await openTimesheets(t, workerToken);
    expect(open.map((w) => w.week)).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(open.every((w) => w.placementId === placement.id && w.status === 'OPEN')).toBe(true);
  });

  it('"Alleen opslaan" stores the draft and returns the unravelled preview with the ORT lines', async () => {
    const saved = dataOf(await saveTimesheet(t, workerToken, { timesheetId: timesheet.id, expectedVersion: timesheet.version, days: [MONDAY_NIGHT, WEDNESDAY, SUNDAY] }))
      .saveTimesheet;
    expect(saved).toMatchObject({ id: timesheet.id, status: 'OPEN', editable: true, version: timesheet.version + 1, currentDeclaration: null });
    expect(saved.days.map((d) => [d.date, d.weekday, d.mode, d.workedHours])).toEqual([
      ['2026-11-16', 'MON', 'TIMES', '7:30'],
      ['2026-11-18', 'WED', 'TOTAL', '8:00'],
      ['2026-11-22', 'SUN', 'TIMES', '6:00'],
    ]);
    expect(saved.days[0]).toMatchObject({ blocks: [{ start: '22:00', end: '06:00' }], breakDuration: '0:30', total: null });
    expect(saved.days[1]).toMatchObject({ total: '8:00', blocks: [] });

    const preview = saved.preview!;
    expect(lineTexts(preview)).toEqual(
      [
        '2026-11-16 U100 NORMAL 100 120 22:00-24:00',
        '2026-11-16 ORT-AVOND ORT 25 120 22:00-24:00',
        '2026-11-17 U100 NORMAL 100 330 00:00-05:30',
        '2026-11-17 ORT-NACHT ORT 50 330 00:00-05:30',
        '2026-11-18 U100 NORMAL 100 480',
        '2026-11-22 U100 NORMAL 100 360 08:00-14:00',
        '2026-11-22 ORT-FEEST ORT 100 360 08:00-14:00',
      ].sort(),
    );
    expect(totalsOf(preview)).toEqual({ 'U100 NORMAL 100': 1290, 'ORT-AVOND ORT 25': 120, 'ORT-NACHT ORT 50': 330, 'ORT-FEEST ORT 100': 360 });
    expect(preview).toMatchObject({ workedMinutes: 1290, workedHours: '21:30', schedule: { scheduleId: schedule.id, name: schedule.name, versions: ['2026-01-01'] } });
    // Days of the work, each with the version used; the night belongs to the Monday it started on.
    expect(preview.days.map((d) => [d.date, d.workedMinutes, d.scheduleVersion])).toEqual([
      ['2026-11-16', 450, '2026-01-01'],
      ['2026-11-18', 480, '2026-01-01'],
      ['2026-11-22', 360, '2026-01-01'],
    ]);
    // A total has no time of day: the evening and night windows are listed as not applied.
    expect(preview.days[1].notApplied.map((n) => n.rule.rule).sort()).toEqual(['avond', 'nacht']);
    expect(preview.days[1].notApplied.every((n) => n.explanation.key === 'note.needsTimeOfDay' && n.explanation.text.length > 0)).toBe(true);

    // Every line is explained in the viewer's language, by the rule that made it.
    for (const line of allLines(preview)) {
      expect(line.explanation.text.length).toBeGreaterThan(0);
      expect(line.explanation.text).not.toBe(line.explanation.key);
      expect(line.rule?.scheduleVersion).toBe('2026-01-01');
    }
    const ort = allLines(preview).filter((l) => l.kind === 'ORT');
    expect(ort.map((l) => [l.hourCode, l.rule!.rule, l.explanation.key]).sort()).toEqual([
      ['ORT-AVOND', 'avond', 'line.ort'],
      ['ORT-FEEST', 'zon-feestdag', 'line.ort'],
      ['ORT-NACHT', 'nacht', 'line.ort'],
    ]);
    for (const line of ort) {
      expect(line.explanation.text).toContain('Irregular-hours allowance');
      expect(line.explanation.text).toContain(`+${line.percentage}%`);
    }
    expect(allLines(preview).find((l) => l.kind === 'NORMAL')!.explanation).toMatchObject({ key: 'line.normal', text: 'Normal hours' });

    // The preview is computed, not stored: reading the week again gives the same.
    const reread = await readTimesheet(t, workerToken, timesheet.id);
    expect(reread.version).toBe(saved.version);
    expect(totalsOf(reread.preview!)).toEqual(totalsOf(preview));
    expect(lineTexts(reread.preview!)).toEqual(lineTexts(preview));
    timesheet = saved;
  });

  it('"Opslaan + Accorderen" (confirmed) makes declaration 1 and the week SUBMITTED, read-only for the worker', async () => {
    const approved = await approveWeek(t, workerToken, timesheet);
    expect(approved).toMatchObject({
      id: timesheet.id,
      status: 'SUBMITTED',
      editable: false,
      version: timesheet.version + 1,
      approvedByWorkerAt: iso(0),
      approvedByRelationAt: null,
      late: true,
      expectedPayDate: '2026-12-02',
    });
    first = approved.currentDeclaration;
    expect(first).toMatchObject({
      number: 1,
      origin: 'WORKER',
      status: 'AWAITING_RELATION',
      week: WEEK,
      weekStart: '2026-11-16',
      timesheetId: timesheet.id,
      placementId: placement.id,
      flexworkerId: worker.id,
      relationId: relation.id,
      approvedByWorkerAt: iso(0),
      approvedByWorkerId: workerUserId,
      approvedByRelationAt: null,
      rejectionReason: null,
    });
    expect(approved.currentDeclarationId).toBe(first.id);
    expect(first.days.map((d) => d.date)).toEqual(['2026-11-16', '2026-11-18', '2026-11-22']);
    expect(totalsOf(first.breakdown)).toEqual({ 'U100 NORMAL 100': 1290, 'ORT-AVOND ORT 25': 120, 'ORT-NACHT ORT 50': 330, 'ORT-FEEST ORT 100': 360 });
    expect(first.breakdown.schedule).toEqual({ scheduleId: schedule.id, name: schedule.name, versions: ['2026-01-01'] });

    // Read-only now: a save is refused and changes nothing.
    const refused = await saveTimesheet(t, workerToken, { timesheetId: timesheet.id, expectedVersion: approved.version, days: [WEDNESDAY] });
    expectError(refused, 'CONFLICT', 'TIMESHEET_NOT_EDITABLE');
    const after = await readTimesheet(t, workerToken, timesheet.id);
    expect(after).toMatchObject({ status: 'SUBMITTED', version: approved.version });
    expect(after.days).toHaveLength(3);
    // Out of the blue bar.
    expect((await openTimesheets(t, workerToken)).map((w) => w.week)).toEqual(['2026-W45', '2026-W46', '2026-W48']);
    timesheet = approved;
  });

  it('the contact sees it waiting and rejects it with a reason (a reason is required)', async () => {
    clock.set(new Date(T0.getTime() + HOUR));
    const waiting = await awaitingApproval(t, contactToken);
    expect(waiting.map((d) => d.id)).toEqual([first.id]);
    expect(waiting[0]).toMatchObject({ number: 1, week: WEEK, status: 'AWAITING_RELATION' });
    expect(totalsOf(waiting[0].breakdown)['ORT-FEEST ORT 100']).toBe(360);

    expectError(await rejectDeclaration(t, contactToken, first.id, '   '), 'BAD_USER_INPUT', 'REASON_REQUIRED');
    expect((await readTimesheet(t, workerToken, timesheet.id)).status).toBe('SUBMITTED');

    const rejected = dataOf(await rejectDeclaration(t, contactToken, first.id, 'Sunday ended at 13:00, not 14:00')).rejectDeclaration;
    expect(rejected).toMatchObject({ id: first.id, status: 'REJECTED', rejectionReason: 'Sunday ended at 13:00, not 14:00', rejectedAt: iso(HOUR), approvedByRelationAt: null });
    expect(await awaitingApproval(t, contactToken)).toEqual([]);
  });

  it('the worker sees the week OPEN again with the reason, corrects it and approves: declaration 2', async () => {
    clock.set(new Date(T0.getTime() + 2 * HOUR));
    const reopened = await readTimesheet(t, workerToken, timesheet.id);
    expect(reopened).toMatchObject({
      status: 'OPEN',
      editable: true,
      rejection: { reason: 'Sunday ended at 13:00, not 14:00', rejectedAt: iso(HOUR), rejectedById: contactUserId },
      approvedByWorkerAt: null,
      currentDeclaration: { id: first.id, number: 1, status: 'REJECTED' },
    });
    expect((await openTimesheets(t, workerToken)).map((w) => w.week)).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);

    const approved = await approveWeek(t, workerToken, reopened, [MONDAY_NIGHT, WEDNESDAY, SUNDAY_CORRECTED]);
    second = approved.currentDeclaration;
    expect(approved).toMatchObject({ status: 'SUBMITTED', rejection: null, approvedByWorkerAt: iso(2 * HOUR), currentDeclarationId: second.id });
    expect(second).toMatchObject({ number: 2, origin: 'WORKER', status: 'AWAITING_RELATION', approvedByWorkerAt: iso(2 * HOUR) });
    expect(second.id).not.toBe(first.id);
    expect(totalsOf(second.breakdown)).toEqual({ 'U100 NORMAL 100': 1230, 'ORT-AVOND ORT 25': 120, 'ORT-NACHT ORT 50': 330, 'ORT-FEEST ORT 100': 300 });
    expect(second.days[2]).toMatchObject({ date: '2026-11-22', blocks: [{ start: '08:00', end: '13:00' }], workedHours: '5:00' });

    // Version 1 is kept as it was rejected.
    const versions = dataOf(await timesheetRequest(t, workerToken, timesheet.id, `declarations { ${DECLARATION_FIELDS} }`)).timesheet as TimesheetNode & {
      declarations: DeclarationNode[];
    };
    expect(versions.declarations.map((d) => [d.number, d.status])).toEqual([
      [1, 'REJECTED'],
      [2, 'AWAITING_RELATION'],
    ]);
    expect(totalsOf(versions.declarations[0].breakdown)['ORT-FEEST ORT 100']).toBe(360);
    timesheet = approved;
  });

  it('the contact approves declaration 2: the week is APPROVED', async () => {
    clock.set(new Date(T0.getTime() + 3 * HOUR));
    relationApprovedAt = iso(3 * HOUR);
    expect((await awaitingApproval(t, contactToken)).map((d) => [d.id, d.number])).toEqual([[second.id, 2]]);
    const approved = dataOf(await approveDeclarations(t, contactToken, [second.id])).approveDeclarations;
    expect(approved).toHaveLength(1);
    expect(approved[0]).toMatchObject({ id: second.id, number: 2, status: 'APPROVED', approvedByRelationAt: relationApprovedAt, approvedByRelationId: contactUserId });
    expect(await awaitingApproval(t, contactToken)).toEqual([]);

    const week = await readTimesheet(t, workerToken, timesheet.id);
    expect(week).toMatchObject({ status: 'APPROVED', editable: false, approvedByWorkerAt: iso(2 * HOUR), approvedByRelationAt: relationApprovedAt });
    // Approved by the relation on Wednesday, after Monday's deadline: paid a week later.
    expect(week).toMatchObject({ late: true, approvalDeadline: '2026-11-23T11:00:00.000Z', expectedPayDate: '2026-12-02' });
    timesheet = week;
  });

  it("the worker's declaration-status tab shows the week with both approval dates", async () => {
    const tab = await declarationStatus(t, workerToken);
    const row = tab.find((w) => w.id === timesheet.id);
    expect(row).toMatchObject({
      week: WEEK,
      status: 'APPROVED',
      approvedByWorkerAt: iso(2 * HOUR),
      approvedByRelationAt: relationApprovedAt,
      currentDeclaration: { number: 2, status: 'APPROVED' },
    });
  });

  it('staff correct the approved hours: a new version with the reason, the old one superseded, an audit entry', async () => {
    clock.set(new Date(T0.getTime() + 4 * HOUR));
    const reason = 'The client reported half an hour more on Wednesday';
    const wednesday: DayInput = { date: '2026-11-18', total: '8:30' };

    // The worker and the contact may not; the request changes nothing.
    expectError(await correctDeclaration(t, workerToken, { declarationId: second.id, expectedVersion: timesheet.version, days: [MONDAY_NIGHT, wednesday, SUNDAY_CORRECTED], reason }), 'FORBIDDEN', 'ROLE_NOT_ALLOWED');
    expectError(await correctDeclaration(t, contactToken, { declarationId: second.id, expectedVersion: timesheet.version, days: [MONDAY_NIGHT, wednesday, SUNDAY_CORRECTED], reason }), 'FORBIDDEN', 'ROLE_NOT_ALLOWED');
    // A correction needs a reason.
    expectError(await correctDeclaration(t, agency.staffToken, { declarationId: second.id, expectedVersion: timesheet.version, days: [MONDAY_NIGHT, wednesday, SUNDAY_CORRECTED], reason: '' }), 'BAD_USER_INPUT', 'REASON_REQUIRED');

    const third = dataOf(await correctDeclaration(t, agency.staffToken, { declarationId: second.id, expectedVersion: timesheet.version, days: [MONDAY_NIGHT, wednesday, SUNDAY_CORRECTED], reason }))
      .correctDeclaration;
    expect(third).toMatchObject({
      number: 3,
      origin: 'CORRECTION',
      // The relation approved the week's hours; the agency approves its correction of them (payroll takes the difference).
      // The relation's approval stays on version 2: it never saw these hours.
      status: 'APPROVED',
      correctionReason: reason,
      correctedById: agency.staff.id,
      correctedAt: iso(4 * HOUR),
      previousDeclarationId: second.id,
      approvedByRelationAt: null,
      approvedByAgency: true,
    });
    // Wednesday 8:30: 8:00 normal and 0:30 overtime at 125 % after the daily threshold.
    expect(totalsOf(third.breakdown)).toEqual({
      'U100 NORMAL 100': 1230,
      'OW125 OVERTIME 125': 30,
      'ORT-AVOND ORT 25': 120,
      'ORT-NACHT ORT 50': 330,
      'ORT-FEEST ORT 100': 300,
    });
    expect(third.breakdown.workedMinutes).toBe(1260);

    const staffView = dataOf(
      await timesheetRequest(t, agency.staffToken, timesheet.id, `declarations { ${DECLARATION_FIELDS} } auditTrail { id action actorId actorRole at reason before after }`),
    ).timesheet as TimesheetNode & { declarations: DeclarationNode[]; auditTrail: AuditNode[] };
    expect(staffView).toMatchObject({ status: 'APPROVED', currentDeclarationId: third.id, currentDeclaration: { number: 3, origin: 'CORRECTION' } });
    expect(staffView.days.find((d) => d.date === '2026-11-18')).toMatchObject({ total: '8:30' });
    expect(staffView.declarations.map((d) => [d.number, d.origin, d.status])).toEqual([
      [1, 'WORKER', 'REJECTED'],
      [2, 'WORKER', 'SUPERSEDED'],
      [3, 'CORRECTION', 'APPROVED'],
    ]);
    expect(staffView.declarations[1]).toMatchObject({ supersededAt: iso(4 * HOUR), supersededById: third.id, approvedByRelationAt: relationApprovedAt });
    // Version 2 keeps its own hours.
    expect(totalsOf(staffView.declarations[1].breakdown)).toEqual(totalsOf(second.breakdown));

    expect(staffView.auditTrail).toHaveLength(1);
    const entry = staffView.auditTrail[0];
    expect(entry).toMatchObject({ action: 'DECLARATION_CORRECTED', actorId: agency.staff.id, actorRole: 'AGENCY_STAFF', at: iso(4 * HOUR), reason });
    const before = JSON.parse(entry.before) as AuditSnapshot;
    const after = JSON.parse(entry.after) as AuditSnapshot;
    expect(before).toMatchObject({ declarationId: second.id, number: 2, workedMinutes: 1230 });
    expect(after).toMatchObject({ declarationId: third.id, number: 3, workedMinutes: 1260 });
    expect(before.days.find((d) => d.date === '2026-11-18')).toEqual({ date: '2026-11-18', total: '8:00' });
    expect(after.days.find((d) => d.date === '2026-11-18')).toEqual({ date: '2026-11-18', total: '8:30' });

    // The worker and the contact see the new version, but no audit trail.
    for (const token of [workerToken, contactToken]) {
      const view = dataOf(await timesheetRequest(t, token, timesheet.id, 'auditTrail { id }')).timesheet as TimesheetNode & { auditTrail: unknown[] };
      expect(view.auditTrail).toEqual([]);
      expect(view.currentDeclaration).toMatchObject({ id: third.id, number: 3 });
    }
  });

  it('27 days after the relation approved, the week is still on the tab; 29 days after, it is gone there but kept for staff', async () => {
    const approvedAt = new Date(relationApprovedAt).getTime();
    clock.set(new Date(approvedAt + 27 * DAY));
    expect((await declarationStatus(t, workerToken)).map((w) => w.id)).toContain(timesheet.id);

    clock.set(new Date(approvedAt + 29 * DAY));
    expect((await declarationStatus(t, workerToken)).map((w) => w.id)).not.toContain(timesheet.id);

    const staffWeek = await timesheetsOf(t, agency.staffToken, { week: WEEK });
    const row = staffWeek.find((w) => w.id === timesheet.id);
    expect(row).toMatchObject({ status: 'APPROVED', approvedByRelationAt: relationApprovedAt, currentDeclaration: { number: 3, status: 'APPROVED' } });
    const declarations = await declarationsOf(t, agency.staffToken, { week: WEEK });
    expect(declarations.filter((d) => d.timesheetId === timesheet.id).map((d) => [d.number, d.status]).sort()).toEqual([
      [1, 'REJECTED'],
      [2, 'SUPERSEDED'],
      [3, 'APPROVED'],
    ]);
    // Never deleted: the worker can still open the week itself.
    expect((await readTimesheet(t, workerToken, timesheet.id)).status).toBe('APPROVED');
  });
});

interface AuditNode {
  id: string;
  action: string;
  actorId: string;
  actorRole: string;
  at: string;
  reason: string | null;
  before: string;
  after: string;
}

interface AuditSnapshot {
  declarationId: string;
  number: number;
  workedMinutes: number;
  days: { date: string; total?: string }[];
}

async function declarationStatus(t: TestApp, token: string): Promise<TimesheetNode[]> {
  const response = await t.gql<{ declarationStatus: { nodes: TimesheetNode[] } }>(
    `{ declarationStatus(first: 100) { nodes { ${TIMESHEET_FIELDS} } } }`,
    {},
    { token },
  );
  return dataOf(response).declarationStatus.nodes;
}
