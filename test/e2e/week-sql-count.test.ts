import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { Actor } from '../../src/application/shared/actor';
import { createAgencyWithStaff, startTestApp, TestAgency, TestApp, TravelClock } from '../support/test-app';
import { dataOf } from './e2e-helpers';

/**
 * Issue 4, item 11: the agency's week overview costs the same number of SQL statements for 10
 * timesheets as for 200. Placements, workers, relations, schedules, declarations and the audit
 * trail behind the list all come through per-request DataLoaders. The statements are counted
 * where every one of them passes: TypeORM's PostgreSQL query runner.
 */
const WEEK = '2026-W47';
const NOW = new Date('2026-11-25T09:00:00Z'); // Wednesday of W48, Europe/Amsterdam 10:00
const SCHEDULE = JSON.parse(readFileSync(path.join(__dirname, '../fixtures/unravel/schoonmaak/schedule.json'), 'utf8'));

const OVERVIEW = `query ($week: IsoWeek!) {
  timesheets(filter: { week: $week }, first: 500) {
    pageInfo { hasNextPage }
    nodes {
      id week status version enteredBy editable approvalDeadline expectedPayDate late
      days { date mode workedHours }
      placement { id functionName caoSchedule { id name } hourCodes { code } }
      flexworker { firstName lastName }
      relation { name }
      preview { workedHours totals { hourCode kind percentage hours } }
      currentDeclaration { number status breakdown { workedHours } }
      declarations { number status }
      auditTrail { action reason }
    }
  }
}`;

describe('the week overview of an agency', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ clock: new TravelClock(NOW) });
  });

  afterAll(async () => {
    await t.stop();
  });

  async function countStatements(agency: TestAgency): Promise<{ statements: number; rows: number }> {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const response = await t.gql<{ timesheets: { nodes: unknown[] } }>(OVERVIEW, { week: WEEK }, { token: agency.staffToken });
      const rows = dataOf(response).timesheets.nodes.length;
      return { statements: spy.mock.calls.length, rows };
    } finally {
      spy.mockRestore();
    }
  }

  it('costs the same number of SQL statements for 10 timesheets as for 200', async () => {
    const small = await seedWeek(t, 10);
    const large = await seedWeek(t, 200);

    const ten = await countStatements(small);
    const twoHundred = await countStatements(large);

    expect(ten.rows).toBe(10);
    expect(twoHundred.rows).toBe(200);
    expect(twoHundred.statements).toBe(ten.statements);
    // Sanity: the count is of real work (authentication, the page and each loader), not of nothing.
    expect(ten.statements).toBeGreaterThanOrEqual(8);
    // Seeding 210 weeks through the use cases (about 1,000 transactions) takes some 25 s on the embedded
    // database alone; in the full run the one embedded database serves every test file at once, one
    // transaction at a time, and it took over 120 s there. The test counts statements, it does not time them.
  }, 600_000);
});

/**
 * An agency with `count` placements at three relations, half with the schoonmaak schedule and half
 * with manual hour codes, and the week in every status: open, submitted, approved, corrected.
 */
async function seedWeek(t: TestApp, count: number): Promise<TestAgency> {
  const agency = await createAgencyWithStaff(t, `Agency of ${count}`);
  const s = t.app.services;
  const staff = agency.staff;
  const schedule = await s.caoSchedules.createCaoSchedule.execute(staff, SCHEDULE);
  const relations = await Promise.all(
    ['Alfa', 'Beta', 'Gamma'].map((name) => s.organisation.createRelation.execute(staff, { name: `${name} ${count}` })),
  );
  for (let i = 0; i < count; i++) {
    const worker = await s.organisation.createFlexworker.execute(staff, {
      firstName: `Worker${i}`,
      lastName: `Of${count}`,
      email: `w${i}-of-${count}-${agency.agencyId.slice(0, 8)}@example.test`,
    });
    const relation = relations[i % relations.length];
    const withSchedule = i % 2 === 0;
    const placement = await s.organisation.createPlacement.execute(staff, {
      flexworkerId: worker.id,
      relationId: relation.id,
      startDate: '2026-11-02',
      functionName: 'Cleaner',
      ...(withSchedule
        ? { caoScheduleId: schedule.id }
        : { hourCodes: [{ code: 'H100', percentage: 100 }, { code: 'OW125', percentage: 125 }] }),
    });
    const timesheet = await s.week.getTimesheetForWeek.execute(staff, { placementId: placement.id, week: WEEK });
    if (i % 4 === 0) continue; // stays OPEN, empty
    const workerActor: Actor = { kind: 'USER', id: s.ids.next(), role: 'FLEXWORKER', agencyId: agency.agencyId, flexworkerId: worker.id };
    const days = withSchedule
      ? [
          { date: '2026-11-16', blocks: [{ start: '22:00', end: '06:00' }], breakDuration: '0:30' },
          { date: '2026-11-22', total: '6:00' },
        ]
      : [{ date: '2026-11-16', hours: [{ hourCode: 'H100', hours: '8:00' }, { hourCode: 'OW125', hours: '1:30' }] }];
    const approved = await s.week.approveTimesheet.execute(workerActor, { timesheetId: timesheet.id, expectedVersion: timesheet.version, days, confirm: true });
    if (i % 4 === 1) continue; // SUBMITTED
    const contact: Actor = { kind: 'USER', id: s.ids.next(), role: 'RELATION_CONTACT', agencyId: agency.agencyId, relationId: relation.id };
    await s.week.approveDeclarations.execute(contact, { declarationIds: [approved.declaration!.id] });
    if (i % 4 === 2) continue; // APPROVED
    const corrected = withSchedule ? [{ date: '2026-11-16', total: '9:00' }] : [{ date: '2026-11-16', hours: [{ hourCode: 'H100', hours: '9:00' }] }];
    const { version } = await s.week.getTimesheet.execute(staff, { id: timesheet.id });
    await s.week.correctDeclaration.execute(staff, { declarationId: approved.declaration!.id, expectedVersion: version, days: corrected, reason: 'Forgot an hour' });
  }
  return agency;
}
