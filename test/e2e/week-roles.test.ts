import { randomUUID } from 'node:crypto';
import { createAgencyWithStaff, GqlResponse, TestAgency, TestApp, TravelClock, unique } from '../support/test-app';
import { dataOf, expectError } from './e2e-helpers';
import {
  approveDeclarations,
  approveWeek,
  awaitingApproval,
  correctDeclaration,
  DayInput,
  DeclarationNode,
  declarationsOf,
  rejectDeclaration,
  saveAndApprove,
  saveTimesheet,
  staffSnapshot,
  startWeekApp,
  timesheetForWeek,
  timesheetForWeekRequest,
  timesheetRequest,
  TimesheetNode,
  timesheetsOf,
  WED_W48_1000,
  weekWorld,
  WeekWorld,
} from './week-helpers';

/*
 * Issue 4: each role trying what it may not do with a week. Every refusal changes nothing (the
 * agency's staff read the weeks before and after), and what an actor may not see does not exist
 * for them: NOT_FOUND, exactly as for an id nobody has.
 *
 * Agency A: relation R with contact and worker Jan (week submitted, waiting for R), a colleague at
 * R (week saved as a draft), relation S with its own contact. Agency B: a worker, a contact, staff.
 */
const W47 = '2026-W47';
const DAYS: DayInput[] = [{ date: '2026-11-17', hours: [{ hourCode: 'H100', hours: '4:00' }] }];

describe('the roles of a week: refused, and nothing changed', () => {
  const clock = new TravelClock(WED_W48_1000);
  let t: TestApp;
  let a: TestAgency;
  let b: TestAgency;
  let jan: WeekWorld;
  let colleague: WeekWorld;
  let other: WeekWorld;
  let foreign: WeekWorld;
  let otherContactToken: string;
  let submitted: TimesheetNode;
  let declaration: DeclarationNode;
  let draft: TimesheetNode;

  beforeAll(async () => {
    t = await startWeekApp(clock);
    a = await createAgencyWithStaff(t, unique('Week roles agency A '));
    b = await createAgencyWithStaff(t, unique('Week roles agency B '));
    jan = await weekWorld(t, a);
    colleague = await weekWorld(t, a, { relation: jan.relation });
    other = await weekWorld(t, a);
    foreign = await weekWorld(t, b);
    otherContactToken = other.contactToken;

    const janWeek = await timesheetForWeek(t, jan.workerToken, jan.placement.id, W47);
    submitted = await approveWeek(t, jan.workerToken, janWeek, [{ date: '2026-11-16', hours: [{ hourCode: 'H100', hours: '8:00' }] }]);
    declaration = (submitted as TimesheetNode & { currentDeclaration: DeclarationNode }).currentDeclaration;
    const colleagueWeek = await timesheetForWeek(t, colleague.workerToken, colleague.placement.id, W47);
    draft = dataOf(
      await saveTimesheet(t, colleague.workerToken, {
        timesheetId: colleagueWeek.id,
        expectedVersion: colleagueWeek.version,
        days: [{ date: '2026-11-16', hours: [{ hourCode: 'H100', hours: '7:00' }] }],
      }),
    ).saveTimesheet;
  });
  afterAll(async () => {
    await t.stop();
  });

  /** Both weeks of agency A as its staff read them. */
  async function snapshot() {
    return {
      jan: await staffSnapshot(t, a.staffToken, submitted.id),
      colleague: await staffSnapshot(t, a.staffToken, draft.id),
      week: (await timesheetsOf(t, a.staffToken, { week: W47 })).map((w) => [w.id, w.status, w.version]).sort(),
    };
  }

  function expectRefused(response: GqlResponse<unknown>, code: string, reason?: string): void {
    expectError(response, code, reason);
    expect(response.body.data ?? null).toBeNull();
  }

  it('the state the refusals start from', () => {
    expect(submitted).toMatchObject({ status: 'SUBMITTED', currentDeclaration: { number: 1, status: 'AWAITING_RELATION' } });
    expect(draft).toMatchObject({ status: 'OPEN', version: 2 });
  });

  it('a worker may not approve or reject as the relation (FORBIDDEN ROLE_NOT_ALLOWED), not even their own week', async () => {
    const before = await snapshot();
    expectRefused(await approveDeclarations(t, jan.workerToken, [declaration.id]), 'FORBIDDEN', 'ROLE_NOT_ALLOWED');
    expectRefused(await rejectDeclaration(t, jan.workerToken, declaration.id, 'I changed my mind'), 'FORBIDDEN', 'ROLE_NOT_ALLOWED');
    expectRefused(await approveDeclarations(t, colleague.workerToken, [declaration.id]), 'FORBIDDEN', 'ROLE_NOT_ALLOWED');
    expectRefused(
      await correctDeclaration(t, jan.workerToken, { declarationId: declaration.id, expectedVersion: submitted.version, days: DAYS, reason: 'More hours' }),
      'FORBIDDEN',
      'ROLE_NOT_ALLOWED',
    );
    expect(await snapshot()).toEqual(before);
  });

  it("a contact of another relation cannot see, approve or reject the week (NOT_FOUND, as for an unknown id)", async () => {
    const before = await snapshot();
    const token = otherContactToken;
    const attempts = async (declarationId: string, timesheetId: string) => [
      await approveDeclarations(t, token, [declarationId]),
      await rejectDeclaration(t, token, declarationId, 'Not ours'),
      await t.gql(`query ($id: ID!) { declaration(id: $id) { id } }`, { id: declarationId }, { token }),
      await timesheetRequest(t, token, timesheetId),
    ];
    const refused = await attempts(declaration.id, submitted.id);
    for (const response of refused) expectRefused(response, 'NOT_FOUND', 'NOT_FOUND');
    const unknown = await attempts(randomUUID(), randomUUID());
    expect(refused.map((r) => r.body.errors![0].message)).toEqual(unknown.map((r) => r.body.errors![0].message));
    expect(await awaitingApproval(t, token)).toEqual([]);
    expect(await declarationsOf(t, token, { relationId: jan.relation.id })).toEqual([]);
    expect(await snapshot()).toEqual(before);
    // Jan's own contact does see it waiting.
    expect((await awaitingApproval(t, jan.contactToken)).map((d) => d.id)).toEqual([declaration.id]);
  });

  it('another agency sees none of it: its worker, contact and staff get NOT_FOUND', async () => {
    const before = await snapshot();
    const calls = [
      await timesheetRequest(t, foreign.workerToken, submitted.id),
      await saveTimesheet(t, foreign.workerToken, { timesheetId: draft.id, expectedVersion: draft.version, days: DAYS }),
      await saveAndApprove(t, foreign.workerToken, { timesheetId: draft.id, expectedVersion: draft.version, days: DAYS, confirm: true }),
      await timesheetForWeekRequest(t, foreign.workerToken, jan.placement.id, W47),
      await approveDeclarations(t, foreign.contactToken, [declaration.id]),
      await rejectDeclaration(t, foreign.contactToken, declaration.id, 'Not ours'),
      await correctDeclaration(t, b.staffToken, { declarationId: declaration.id, expectedVersion: submitted.version, days: DAYS, reason: 'Taking over' }),
      await timesheetRequest(t, b.staffToken, submitted.id),
      await t.gql(`query ($id: ID!) { declaration(id: $id) { id } }`, { id: declaration.id }, { token: b.staffToken }),
    ];
    for (const response of calls) expectRefused(response, 'NOT_FOUND', 'NOT_FOUND');
    // B's lists hold nothing of A.
    const lists = JSON.stringify([
      await timesheetsOf(t, b.staffToken, { week: W47 }),
      await declarationsOf(t, b.staffToken, { week: W47 }),
      await declarationsOf(t, b.staffToken, { flexworkerId: jan.worker.id }),
      await awaitingApproval(t, foreign.contactToken),
    ]);
    for (const id of [submitted.id, draft.id, declaration.id]) expect(lists).not.toContain(id);
    expect(await snapshot()).toEqual(before);
  });

  it("a worker cannot read or save a colleague's week (NOT_FOUND)", async () => {
    const before = await snapshot();
    expectRefused(await timesheetRequest(t, jan.workerToken, draft.id), 'NOT_FOUND', 'NOT_FOUND');
    expectRefused(await saveTimesheet(t, jan.workerToken, { timesheetId: draft.id, expectedVersion: draft.version, days: DAYS }), 'NOT_FOUND', 'NOT_FOUND');
    expectRefused(
      await saveAndApprove(t, jan.workerToken, { timesheetId: draft.id, expectedVersion: draft.version, days: DAYS, confirm: true }),
      'NOT_FOUND',
      'NOT_FOUND',
    );
    expectRefused(await timesheetForWeekRequest(t, jan.workerToken, colleague.placement.id, W47), 'NOT_FOUND', 'NOT_FOUND');
    expectRefused(await t.gql(`query ($id: ID!) { declaration(id: $id) { id } }`, { id: declaration.id }, { token: colleague.workerToken }), 'NOT_FOUND', 'NOT_FOUND');
    // Their lists hold only their own weeks, whatever the filter asks.
    expect(await timesheetsOf(t, jan.workerToken, { flexworkerId: colleague.worker.id })).toEqual([]);
    expect(await declarationsOf(t, colleague.workerToken, { flexworkerId: jan.worker.id })).toEqual([]);
    expect((await timesheetsOf(t, jan.workerToken, { week: W47 })).map((w) => w.id)).toEqual([submitted.id]);
    expect(await snapshot()).toEqual(before);
  });

  it('staff may not enter or approve hours for the worker (FORBIDDEN)', async () => {
    const before = await snapshot();
    expectRefused(await saveTimesheet(t, a.staffToken, { timesheetId: draft.id, expectedVersion: draft.version, days: DAYS }), 'FORBIDDEN', 'ROLE_NOT_ALLOWED');
    expectRefused(
      await saveAndApprove(t, a.staffToken, { timesheetId: draft.id, expectedVersion: draft.version, days: DAYS, confirm: true }),
      'FORBIDDEN',
      'ROLE_NOT_ALLOWED',
    );
    expectRefused(await approveDeclarations(t, a.staffToken, [declaration.id]), 'FORBIDDEN', 'ROLE_NOT_ALLOWED');
    expectRefused(await rejectDeclaration(t, a.staffToken, declaration.id, 'Staff say no'), 'FORBIDDEN', 'ROLE_NOT_ALLOWED');
    expect(await snapshot()).toEqual(before);
  });

  it('a contact may not correct hours, nor enter them where the worker does (FORBIDDEN)', async () => {
    const before = await snapshot();
    expectRefused(
      await correctDeclaration(t, jan.contactToken, { declarationId: declaration.id, expectedVersion: submitted.version, days: DAYS, reason: 'We think it was 4 hours' }),
      'FORBIDDEN',
      'ROLE_NOT_ALLOWED',
    );
    expectRefused(
      await saveTimesheet(t, jan.contactToken, { timesheetId: draft.id, expectedVersion: draft.version, days: DAYS }),
      'FORBIDDEN',
      'HOURS_ENTERED_BY_OTHER_PARTY',
    );
    expectRefused(
      await saveAndApprove(t, jan.contactToken, { timesheetId: draft.id, expectedVersion: draft.version, days: DAYS, confirm: true }),
      'FORBIDDEN',
      'HOURS_ENTERED_BY_OTHER_PARTY',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('after every refusal, the week is as the worker left it and the relation can still decide', async () => {
    const view = dataOf(await timesheetRequest(t, a.staffToken, submitted.id, 'declarations { number status approvedByRelationAt rejectionReason }')).timesheet as TimesheetNode & {
      declarations: { number: number; status: string; approvedByRelationAt: string | null; rejectionReason: string | null }[];
    };
    expect(view).toMatchObject({ status: 'SUBMITTED', version: submitted.version, approvedByRelationAt: null, rejection: null });
    expect(view.declarations).toEqual([{ number: 1, status: 'AWAITING_RELATION', approvedByRelationAt: null, rejectionReason: null }]);
    expect(view.days.map((d) => [d.date, d.workedHours])).toEqual([['2026-11-16', '8:00']]);
    const approved = dataOf(await approveDeclarations(t, jan.contactToken, [declaration.id])).approveDeclarations;
    expect(approved.map((d) => [d.number, d.status, d.approvedByRelationId])).toEqual([[1, 'APPROVED', jan.contactUserId]]);
  });

  it("shows the relation no hours of a worker's draft: the draft is the worker's until they approve it", async () => {
    const asContact = dataOf(await timesheetRequest(t, jan.contactToken, draft.id)).timesheet;
    expect(asContact).toMatchObject({ id: draft.id, status: 'OPEN', days: [], preview: null });
    // The worker and the agency's staff see the draft as it was saved.
    for (const token of [colleague.workerToken, a.staffToken]) {
      const seen = dataOf(await timesheetRequest(t, token, draft.id)).timesheet;
      expect(seen.days.map((d) => [d.date, d.workedHours])).toEqual([['2026-11-16', '7:00']]);
      expect(seen.preview?.workedHours).toBe('7:00');
    }
  });
});
