import { createAgencyWithStaff, GqlResponse, TestAgency, TestApp, TravelClock, unique } from '../support/test-app';
import { dataOf, expectError } from './e2e-helpers';
import {
  approveDeclarations,
  approveWeek,
  awaitingApproval,
  correctDeclaration,
  DayInput,
  DECLARATION_FIELDS,
  DeclarationNode,
  declarationsOf,
  readTimesheet,
  rejectDeclaration,
  saveAndApprove,
  saveTimesheet,
  staffSnapshot,
  startWeekApp,
  timesheetForWeek,
  timesheetRequest,
  TimesheetNode,
  totalsOf,
  WED_W48_1000,
  weekWorld,
  WeekWorld,
} from './week-helpers';

/*
 * Issue 4, item 10: every write of a week carries the version the client read; a stale one is a
 * CONFLICT that changes nothing, and writes that race each other leave exactly one result.
 * Placements take manual hour codes (H100, OW125); the clock stands on Wednesday 2026-11-25.
 */
const T0 = WED_W48_1000;
const W47 = '2026-W47';
/**
 * Only a real PostgreSQL runs two transactions at once (the embedded one runs them one after
 * another), so CI's run on PostgreSQL (DATABASE_URL) sends the relation's racing decisions in many
 * rounds; the embedded run a few, to keep the behaviour checked there.
 */
const REAL_POSTGRES = process.env.DATABASE_URL !== undefined;
const ROUNDS = REAL_POSTGRES ? 12 : 2;
const CODES = {
  hourCodes: [
    { code: 'H100', percentage: 100 },
    { code: 'OW125', percentage: 125 },
  ],
};
const hours = (date: string, h100: string): DayInput => ({ date, hours: [{ hourCode: 'H100', hours: h100 }] });

/** The one response of a race that went through, and the ones that did not (each refused with CONFLICT). */
function winnerOf<T>(responses: GqlResponse<T>[]): { winner: GqlResponse<T>; losers: GqlResponse<T>[]; index: number } {
  // Compared as codes first, so that a failure shows what each request got.
  const codes = responses.map((r) => r.body.errors?.[0]?.extensions.code ?? 'ok');
  expect([...codes].sort()).toEqual(['ok', ...responses.slice(1).map(() => 'CONFLICT')].sort());
  const index = codes.indexOf('ok');
  return { winner: responses[index], losers: responses.filter((_, i) => i !== index), index };
}

describe('concurrent writes of a week', () => {
  const clock = new TravelClock(T0);
  let t: TestApp;
  let agency: TestAgency;

  beforeAll(async () => {
    t = await startWeekApp(clock);
    agency = await createAgencyWithStaff(t, unique('Week concurrency agency '));
  });
  afterAll(async () => {
    await t.stop();
  });

  async function declarationsOfWeek(w: WeekWorld, week: string): Promise<DeclarationNode[]> {
    return declarationsOf(t, agency.staffToken, { week, flexworkerId: w.worker.id });
  }

  it('a save with an older version gets CONFLICT STALE_VERSION with the current state, and changes nothing', async () => {
    const w = await weekWorld(t, agency, { placement: CODES });
    const read = await timesheetForWeek(t, w.workerToken, w.placement.id, W47);
    // Someone else (another tab, another phone) saves first.
    const saved = dataOf(await saveTimesheet(t, w.workerToken, { timesheetId: read.id, expectedVersion: read.version, days: [hours('2026-11-16', '8:00')] }))
      .saveTimesheet;
    expect(saved.version).toBe(read.version + 1);
    const before = await staffSnapshot(t, agency.staffToken, read.id);

    const stale = expectError(
      await saveTimesheet(t, w.workerToken, { timesheetId: read.id, expectedVersion: read.version, days: [hours('2026-11-17', '6:00')] }),
      'CONFLICT',
      'STALE_VERSION',
    );
    expect(stale.extensions.params).toMatchObject({ expected: read.version, actual: saved.version, status: 'OPEN' });
    expectError(
      await saveAndApprove(t, w.workerToken, { timesheetId: read.id, expectedVersion: read.version, days: [hours('2026-11-17', '6:00')], confirm: true }),
      'CONFLICT',
      'STALE_VERSION',
    );
    // A version from the future is just as stale.
    expectError(await saveTimesheet(t, w.workerToken, { timesheetId: read.id, expectedVersion: saved.version + 5, days: [] }), 'CONFLICT', 'STALE_VERSION');

    expect(await staffSnapshot(t, agency.staffToken, read.id)).toEqual(before);
    const now = await readTimesheet(t, w.workerToken, read.id);
    expect(now).toMatchObject({ version: saved.version, status: 'OPEN', currentDeclaration: null });
    expect(now.days.map((d) => [d.date, d.workedHours])).toEqual([['2026-11-16', '8:00']]);
    expect(await declarationsOfWeek(w, W47)).toEqual([]);
  });

  it('two "Opslaan + Accorderen" sent at once: one wins, the other gets CONFLICT, and exactly one declaration exists', async () => {
    const w = await weekWorld(t, agency, { placement: CODES });
    // Three rounds, on three weeks, to give the race a fair chance to interleave.
    for (const [week, monday] of [
      ['2026-W45', '2026-11-02'],
      ['2026-W46', '2026-11-09'],
      ['2026-W47', '2026-11-16'],
    ]) {
      const read = await timesheetForWeek(t, w.workerToken, w.placement.id, week);
      const entries = [[hours(monday, '8:00')], [hours(monday, '6:00')]];
      const responses = await Promise.all(
        entries.map((days) => saveAndApprove(t, w.workerToken, { timesheetId: read.id, expectedVersion: read.version, days, confirm: true })),
      );
      const { winner, losers, index } = winnerOf(responses);
      for (const loser of losers) {
        const error = expectError(loser, 'CONFLICT');
        expect(['STALE_VERSION', 'TIMESHEET_NOT_EDITABLE', 'TIMESHEET_ALREADY_SUBMITTED']).toContain(error.extensions.reason);
      }
      const won = dataOf(winner).saveAndApproveTimesheet;
      expect(won).toMatchObject({ status: 'SUBMITTED', version: read.version + 1, currentDeclaration: { number: 1 } });

      // Exactly one declaration, with the winner's hours; the week holds the same hours (no lost update).
      const declarations = await declarationsOfWeek(w, week);
      expect(declarations.map((d) => [d.number, d.status, d.timesheetId])).toEqual([[1, 'AWAITING_RELATION', read.id]]);
      const winnerHours = entries[index][0].hours![0].hours;
      expect(declarations[0].days.map((d) => d.workedHours)).toEqual([winnerHours]);
      const stored = dataOf(await timesheetRequest(t, agency.staffToken, read.id, 'declarations { id number }')).timesheet as TimesheetNode & {
        declarations: { id: string; number: number }[];
      };
      expect(stored).toMatchObject({ status: 'SUBMITTED', version: read.version + 1, currentDeclarationId: declarations[0].id });
      expect(stored.declarations).toEqual([{ id: declarations[0].id, number: 1 }]);
      expect(stored.days.map((d) => d.workedHours)).toEqual([winnerHours]);
    }
  });

  it('a relation approving a declaration that staff just corrected gets CONFLICT DECLARATION_SUPERSEDED, and nothing changes', async () => {
    const w = await weekWorld(t, agency, { placement: CODES });
    const read = await timesheetForWeek(t, w.workerToken, w.placement.id, W47);
    const submitted = await approveWeek(t, w.workerToken, read, [hours('2026-11-16', '8:00')]);
    const first = submitted.currentDeclaration;

    // While it waits for the relation, staff correct it: version 2 waits instead.
    const second = dataOf(
      await correctDeclaration(t, agency.staffToken, {
        declarationId: first.id,
        expectedVersion: submitted.version,
        days: [{ date: '2026-11-16', hours: [{ hourCode: 'H100', hours: '8:00' }, { hourCode: 'OW125', hours: '1:00' }] }],
        reason: 'Overtime agreed with the client',
      }),
    ).correctDeclaration;
    expect(second).toMatchObject({ number: 2, origin: 'CORRECTION', status: 'AWAITING_RELATION', previousDeclarationId: first.id, approvedByRelationAt: null });
    expect(totalsOf(second.breakdown)).toEqual({ 'H100 MANUAL 100': 480, 'OW125 MANUAL 125': 60 });
    expect(await readTimesheet(t, agency.staffToken, read.id)).toMatchObject({ status: 'SUBMITTED', currentDeclarationId: second.id });

    const before = await staffSnapshot(t, agency.staffToken, read.id);
    const approving = expectError(await approveDeclarations(t, w.contactToken, [first.id]), 'CONFLICT', 'DECLARATION_SUPERSEDED');
    expect(approving.extensions.params).toMatchObject({ declarationId: first.id });
    expectError(await rejectDeclaration(t, w.contactToken, first.id, 'Too many hours'), 'CONFLICT', 'DECLARATION_SUPERSEDED');
    // In a batch, all or none: the current version is not approved either.
    const batch = expectError(await approveDeclarations(t, w.contactToken, [second.id, first.id]), 'CONFLICT', 'DECLARATION_SUPERSEDED');
    expect(batch.extensions.params).toMatchObject({ declarationId: first.id });
    expect(await staffSnapshot(t, agency.staffToken, read.id)).toEqual(before);

    // What waits is the correction; approving that works.
    expect((await awaitingApproval(t, w.contactToken)).map((d) => d.id)).toEqual([second.id]);
    const approved = dataOf(await approveDeclarations(t, w.contactToken, [second.id])).approveDeclarations;
    expect(approved.map((d) => [d.id, d.status])).toEqual([[second.id, 'APPROVED']]);
    expect(await readTimesheet(t, w.workerToken, read.id)).toMatchObject({ status: 'APPROVED', approvedByRelationAt: T0.toISOString() });
  });

  it('staff correcting a week the relation approved after staff read it get CONFLICT STALE_VERSION, and nothing changes', async () => {
    const w = await weekWorld(t, agency, { placement: CODES });
    const submitted = await approveWeek(t, w.workerToken, await timesheetForWeek(t, w.workerToken, w.placement.id, W47), [hours('2026-11-16', '8:00')]);
    // Staff read the week while it waits for the relation.
    const readByStaff = await readTimesheet(t, agency.staffToken, submitted.id);
    expect(readByStaff).toMatchObject({ status: 'SUBMITTED', currentDeclarationId: submitted.currentDeclaration.id });

    // The relation approves it before staff send their correction.
    const approved = dataOf(await approveDeclarations(t, w.contactToken, [submitted.currentDeclaration.id])).approveDeclarations;
    expect(approved.map((d) => d.status)).toEqual(['APPROVED']);
    const before = await staffSnapshot(t, agency.staffToken, submitted.id);

    const stale = expectError(
      await correctDeclaration(t, agency.staffToken, {
        declarationId: readByStaff.currentDeclarationId!,
        expectedVersion: readByStaff.version,
        days: [{ date: '2026-11-16', hours: [{ hourCode: 'H100', hours: '8:00' }, { hourCode: 'OW125', hours: '1:00' }] }],
        reason: 'Overtime agreed with the client',
      }),
      'CONFLICT',
      'STALE_VERSION',
    );
    expect(stale.extensions.params).toMatchObject({ expected: readByStaff.version, actual: readByStaff.version + 1, status: 'APPROVED' });

    expect(await staffSnapshot(t, agency.staffToken, submitted.id)).toEqual(before);
    expect(await readTimesheet(t, agency.staffToken, submitted.id)).toMatchObject({
      status: 'APPROVED',
      version: readByStaff.version + 1,
      currentDeclarationId: submitted.currentDeclaration.id,
    });
    expect((await declarationsOfWeek(w, W47)).map((d) => [d.number, d.status])).toEqual([[1, 'APPROVED']]);
  });

  it(`two approvals of one declaration at once: one wins, the other gets CONFLICT DECLARATION_ALREADY_APPROVED (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const w = await weekWorld(t, agency, { placement: CODES });
      const read = await timesheetForWeek(t, w.workerToken, w.placement.id, W47);
      const submitted = await approveWeek(t, w.workerToken, read, [hours('2026-11-16', '8:00')]);
      const declaration = submitted.currentDeclaration;

      const responses = await Promise.all([approveDeclarations(t, w.contactToken, [declaration.id]), approveDeclarations(t, w.contactToken, [declaration.id])]);
      const { winner, losers } = winnerOf(responses);
      // The documented reason, naming the declaration: the loser waited for the winner's lock and read what it left.
      const error = expectError(losers[0], 'CONFLICT', 'DECLARATION_ALREADY_APPROVED');
      expect(error.extensions.params).toEqual({ status: 'APPROVED', declarationId: declaration.id });
      expect(dataOf(winner).approveDeclarations.map((d) => [d.id, d.status])).toEqual([[declaration.id, 'APPROVED']]);

      // Approved once: one stamp, one step of the week's version.
      const week = await readTimesheet(t, agency.staffToken, read.id);
      expect(week).toMatchObject({ status: 'APPROVED', version: submitted.version + 1, approvedByRelationAt: T0.toISOString() });
      const stored = dataOf(
        await t.gql<{ declaration: DeclarationNode }>(`query ($id: ID!) { declaration(id: $id) { ${DECLARATION_FIELDS} } }`, { id: declaration.id }, { token: agency.staffToken }),
      ).declaration;
      expect(stored).toMatchObject({ status: 'APPROVED', approvedByRelationAt: T0.toISOString(), approvedByRelationId: w.contactUserId });
      expect(await declarationsOfWeek(w, W47)).toHaveLength(1);
    }
  });

  it(`an approval and a rejection at once: exactly one of them happens, the other gets the documented reason (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const w = await weekWorld(t, agency, { placement: CODES });
      const read = await timesheetForWeek(t, w.workerToken, w.placement.id, W47);
      const submitted = await approveWeek(t, w.workerToken, read, [hours('2026-11-16', '8:00')]);
      const declaration = submitted.currentDeclaration;

      const responses: GqlResponse<unknown>[] = await Promise.all([
        approveDeclarations(t, w.contactToken, [declaration.id]),
        rejectDeclaration(t, w.contactToken, declaration.id, 'Wrong day'),
      ]);
      const { losers, index } = winnerOf(responses);

      const week = await readTimesheet(t, w.workerToken, read.id);
      const [stored] = await declarationsOfWeek(w, W47);
      expect(week.version).toBe(submitted.version + 1);
      if (index === 0) {
        // The rejection came second: the hours were approved already.
        const error = expectError(losers[0], 'CONFLICT', 'DECLARATION_ALREADY_APPROVED');
        expect(error.extensions.params).toEqual({ status: 'APPROVED', declarationId: declaration.id });
        expect(week).toMatchObject({ status: 'APPROVED', rejection: null });
        expect(stored).toMatchObject({ status: 'APPROVED', rejectionReason: null });
      } else {
        // The approval came second: the week is open again, not waiting for the relation.
        const error = expectError(losers[0], 'CONFLICT', 'TIMESHEET_NOT_SUBMITTED');
        expect(error.extensions.params).toEqual({ status: 'OPEN', declarationId: declaration.id });
        expect(week).toMatchObject({ status: 'OPEN', rejection: { reason: 'Wrong day' }, approvedByRelationAt: null });
        expect(stored).toMatchObject({ status: 'REJECTED', approvedByRelationAt: null });
      }
    }
  });
});
