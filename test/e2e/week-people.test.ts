import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { Actor } from '../../src/application/shared/actor';
import { createAgencyWithStaff, TestApp, TravelClock } from '../support/test-app';
import { dataOf, expectError } from './e2e-helpers';
import { peopleWorld, PeopleWorld } from './week-people-world';
import { startWeekApp, WED_W48_1000 } from './week-helpers';

/*
 * Issue 9, items 3 and 4: the person next to every `…ById` (through one loader per request, scoped
 * to the viewer), the audit trail's typed before and after, totals per kind, and labels in the
 * viewer's language.
 */

interface PersonNode {
  id: string;
  displayName: string;
  role: string;
}

const PERSON = 'id displayName role';

describe('persons, totals per kind and labels of a week', () => {
  const clock = new TravelClock(WED_W48_1000);
  let t: TestApp;
  let w: PeopleWorld;

  beforeAll(async () => {
    t = await startWeekApp(clock);
    w = await peopleWorld(t);
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
  });

  async function readW47(token: string) {
    const response = await t.gql<{
      timesheet: {
        rejection: null;
        declarations: {
          number: number;
          approvedByWorkerId: string;
          approvedByWorker: PersonNode | null;
          approvedByRelationId: string | null;
          approvedByRelation: PersonNode | null;
          rejectedById: string | null;
          rejectedBy: PersonNode | null;
          correctedById: string | null;
          correctedBy: PersonNode | null;
        }[];
      };
    }>(
      `query ($id: ID!) { timesheet(id: $id) { rejection { rejectedById rejectedBy { ${PERSON} } }
         declarations { number approvedByWorkerId approvedByWorker { ${PERSON} } approvedByRelationId approvedByRelation { ${PERSON} }
           rejectedById rejectedBy { ${PERSON} } correctedById correctedBy { ${PERSON} } } } }`,
      { id: w.weeks.w47 },
      { token },
    );
    return dataOf(response).timesheet;
  }

  it('names who approved, rejected and corrected, with their role, for the worker who sees the week', async () => {
    const week = await readW47(w.worker.token);
    const [rejected, approved, correction] = week.declarations;
    expect(rejected.rejectedById).toBe(w.contact.userId);
    expect(rejected.rejectedBy).toEqual({ id: w.contact.userId, displayName: 'Carla Kantoor', role: 'RELATION_CONTACT' });
    expect(rejected.approvedByWorker).toEqual({ id: w.worker.userId, displayName: 'Fatima Bakker', role: 'FLEXWORKER' });
    expect(approved.approvedByRelation).toEqual({ id: w.contact.userId, displayName: 'Carla Kantoor', role: 'RELATION_CONTACT' });
    expect(approved.rejectedBy).toBeNull();
    expect(correction.correctedById).toBe(w.staff.userId);
    expect(correction.correctedBy).toEqual({ id: w.staff.userId, displayName: 'Test Staff', role: 'AGENCY_STAFF' });
    expect(correction.approvedByRelation).toBeNull();
  });

  it('shows the rejecting contact on the reopened week to the worker', async () => {
    const s = t.app.services;
    const worker: Actor = { kind: 'USER', id: w.worker.userId, role: 'FLEXWORKER', agencyId: w.agency.agencyId, flexworkerId: w.flexworkerId };
    const contact: Actor = { kind: 'USER', id: w.dutchContact.userId, role: 'RELATION_CONTACT', agencyId: w.agency.agencyId, relationId: w.relationId };
    const week = await s.week.getTimesheetForWeek.execute(worker, { placementId: w.placementId, week: '2026-W45' });
    const approved = await s.week.approveTimesheet.execute(worker, { timesheetId: week.id, expectedVersion: week.version, days: [{ date: '2026-11-03', total: '6:00' }], confirm: true });
    await s.week.rejectDeclaration.execute(contact, { declarationId: approved.declaration!.id, reason: 'Not on Tuesday' });

    const response = await t.gql<{ timesheet: { status: string; rejection: { reason: string; rejectedById: string; rejectedBy: PersonNode | null } } }>(
      `query ($id: ID!) { timesheet(id: $id) { status rejection { reason rejectedById rejectedBy { ${PERSON} } } } }`,
      { id: week.id },
      { token: w.worker.token },
    );
    const { timesheet } = dataOf(response);
    expect(timesheet.status).toBe('OPEN');
    expect(timesheet.rejection).toEqual({
      reason: 'Not on Tuesday',
      rejectedById: w.dutchContact.userId,
      rejectedBy: { id: w.dutchContact.userId, displayName: 'Dirk Kantoor', role: 'RELATION_CONTACT' },
    });
  });

  it('gives the audit trail its actor and typed days, numbers and hours before and after', async () => {
    const response = await t.gql<{ timesheet: { auditTrail: Record<string, unknown>[] } }>(
      `query ($id: ID!) { timesheet(id: $id) { auditTrail { actorId actor { ${PERSON} } reason declarationIdBefore declarationIdAfter
         declarationNumberBefore declarationNumberAfter workedHoursBefore workedHoursAfter
         daysBefore { date mode total workedHours } daysAfter { date mode total workedHours } } declarations { id number } } }`,
      { id: w.weeks.w47 },
      { token: w.staff.token },
    );
    const { timesheet } = dataOf(response) as { timesheet: { auditTrail: Record<string, unknown>[]; declarations: { id: string; number: number }[] } };
    const [entry] = timesheet.auditTrail;
    const byNumber = new Map(timesheet.declarations.map((d) => [d.number, d.id]));
    expect(entry).toMatchObject({
      actorId: w.staff.userId,
      actor: { id: w.staff.userId, displayName: 'Test Staff', role: 'AGENCY_STAFF' },
      reason: 'Half an hour more on Wednesday',
      declarationNumberBefore: 2,
      declarationNumberAfter: 3,
      declarationIdBefore: byNumber.get(2),
      declarationIdAfter: byNumber.get(3),
      workedHoursBefore: '29:15',
      workedHoursAfter: '29:45',
    });
    const wednesday = (days: unknown) => (days as { date: string }[]).find((d) => d.date === '2026-11-18');
    expect(wednesday(entry.daysBefore)).toEqual({ date: '2026-11-18', mode: 'TOTAL', total: '8:30', workedHours: '8:30' });
    expect(wednesday(entry.daysAfter)).toEqual({ date: '2026-11-18', mode: 'TOTAL', total: '9:00', workedHours: '9:00' });
    expect((entry.daysAfter as unknown[]).length).toBe(4);
  });

  it('never names a person of another agency, whatever id is asked for', async () => {
    const other = await createAgencyWithStaff(t, 'Other agency');
    // The other agency's staff cannot reach the week, and so none of its persons …
    expectError(await t.gql(`query ($id: ID!) { timesheet(id: $id) { id } }`, { id: w.weeks.w47 }, { token: other.staffToken }), 'NOT_FOUND');
    // … and the loader behind every person field, asked directly for this agency's ids, finds nobody.
    const found = await t.app.services.identity.getPersonsByIds.execute(other.staff, { ids: [w.contact.userId, w.worker.userId, w.staff.userId] });
    expect(found).toEqual([null, null, null]);
    const own = await t.app.services.identity.getPersonsByIds.execute(w.agency.staff, { ids: [w.contact.userId, 'not-a-uuid'] });
    expect(own).toEqual([{ id: w.contact.userId, displayName: 'Carla Kantoor', role: 'RELATION_CONTACT' }, null]);
  });

  it('reads the persons of a list of weeks in as many statements for one week as for all of them', async () => {
    const document = `query ($filter: TimesheetFilterInput) { timesheets(first: 100, filter: $filter) { nodes { id
      declarations { approvedByWorker { ${PERSON} } approvedByRelation { ${PERSON} } rejectedBy { ${PERSON} } correctedBy { ${PERSON} } }
      auditTrail { actor { ${PERSON} } } } } }`;
    const count = async (filter: object) => {
      const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
      try {
        const response = await t.gql<{ timesheets: { nodes: { declarations: { approvedByWorker: PersonNode }[] }[] } }>(document, { filter }, { token: w.staff.token });
        const persons = new Set(dataOf(response).timesheets.nodes.flatMap((n) => n.declarations.map((d) => d.approvedByWorker.id)));
        const personReads = spy.mock.calls.filter(([sql]) => /FROM users WHERE agency_id = \$1 AND id = ANY/.test(String(sql))).length;
        return { weeks: dataOf(response).timesheets.nodes.length, persons: persons.size, personReads, statements: spy.mock.calls.length };
      } finally {
        spy.mockRestore();
      }
    };
    const one = await count({ week: '2026-W47' });
    const all = await count({});
    expect(one.weeks).toBe(2);
    expect(all.weeks).toBeGreaterThanOrEqual(4);
    expect(all.persons).toBeGreaterThan(0);
    // At most one read per loader whose objects hold persons (declarations, audit entries), never one per
    // week or per person. Whether the two loaders' persons fall into one batch or two depends on when their
    // own reads come back (on a real PostgreSQL pool they may arrive in the same tick), so the count is 1 or
    // 2 for any number of weeks; every other statement is the same for one week as for all of them.
    for (const run of [one, all]) {
      expect(run.personReads).toBeGreaterThanOrEqual(1);
      expect(run.personReads).toBeLessThanOrEqual(2);
    }
    expect(all.statements - all.personReads).toBe(one.statements - one.personReads);
  });

  it('adds the totals up per kind on a week with overtime and ORT', async () => {
    const response = await t.gql<{ timesheet: { declarations: { number: number; breakdown: Breakdown }[] } }>(
      `query ($id: ID!) { timesheet(id: $id) { declarations { number breakdown { workedMinutes totals { hourCode kind minutes } totalsByKind { kind minutes hours label } } } } }`,
      { id: w.weeks.w47 },
      { token: w.staff.token },
    );
    const second = dataOf(response).timesheet.declarations.find((d) => d.number === 2)!.breakdown;
    // By hand (docs/api.md's week): 29:15 worked; Wednesday 0:30 and Thursday 0:15 over 8:00 a day;
    // ORT Monday 22–24 and Thursday 20–21:30 (evening), Tuesday 00:00–05:30 (night), Sunday 5:00.
    expect(second.workedMinutes).toBe(1755);
    expect(second.totalsByKind).toEqual([
      { kind: 'NORMAL', minutes: 1710, hours: '28:30', label: 'Normal hours' },
      { kind: 'OVERTIME', minutes: 45, hours: '0:45', label: 'Overtime' },
      { kind: 'ORT', minutes: 840, hours: '14:00', label: 'Irregular hours' },
    ]);
    for (const kind of second.totalsByKind) {
      expect(kind.minutes).toBe(second.totals.filter((total) => total.kind === kind.kind).reduce((sum, total) => sum + total.minutes, 0));
    }
  });

  async function labelsAs(token: string, id: string) {
    const response = await t.gql<{ timesheet: { currentDeclaration: { breakdown: Breakdown } } }>(
      `query ($id: ID!) { timesheet(id: $id) { currentDeclaration { breakdown {
         totals { hourCode label } totalsByKind { kind label } days { lines { hourCode label } } } } } }`,
      { id },
      { token },
    );
    const breakdown = dataOf(response).timesheet.currentDeclaration.breakdown;
    const lines = Object.fromEntries(breakdown.days.flatMap((d) => d.lines).map((l) => [l.hourCode, l.label]));
    return { totals: Object.fromEntries(breakdown.totals.map((total) => [total.hourCode, total.label])), lines, kinds: breakdown.totalsByKind.map((k) => k.label) };
  }

  it('labels hour codes in the viewer\'s language from kind and percentage', async () => {
    const english = await labelsAs(w.contact.token, w.weeks.w47);
    const dutch = await labelsAs(w.dutchContact.token, w.weeks.w47);
    expect(english.totals).toEqual({
      'ORT-AVOND': 'Irregular hours 25%',
      'ORT-FEEST': 'Irregular hours 100%',
      'ORT-NACHT': 'Irregular hours 50%',
      OW125: 'Overtime 125%',
      U100: 'Normal hours 100%',
    });
    expect(dutch.totals).toEqual({
      'ORT-AVOND': 'Toeslag onregelmatige uren 25%',
      'ORT-FEEST': 'Toeslag onregelmatige uren 100%',
      'ORT-NACHT': 'Toeslag onregelmatige uren 50%',
      OW125: 'Overwerk 125%',
      U100: 'Normale uren 100%',
    });
    expect(dutch.lines).toEqual(dutch.totals);
    expect(dutch.kinds).toEqual(['Normale uren', 'Overwerk', 'Toeslag onregelmatige uren']);
  });

  it("uses the placement's own label of a manual hour code, and words for one without", async () => {
    const english = await labelsAs(w.contact.token, w.weeks.manual);
    const dutch = await labelsAs(w.dutchContact.token, w.weeks.manual);
    expect(english.totals).toEqual({ H100: 'Glazenwassen', OW150: 'Hours 150%' });
    expect(dutch.totals).toEqual({ H100: 'Glazenwassen', OW150: 'Uren 150%' });
    expect(dutch.kinds).toEqual(['Uren']);
  });
});

interface Breakdown {
  workedMinutes: number;
  totals: { hourCode: string; kind: string; minutes: number; label: string }[];
  totalsByKind: { kind: string; minutes: number; hours: string; label: string }[];
  days: { lines: { hourCode: string; label: string }[] }[];
}
