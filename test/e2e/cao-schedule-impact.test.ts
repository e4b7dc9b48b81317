import { createAgencyWithStaff, TestAgency, TestApp, TravelClock, unique } from '../support/test-app';
import { payrollKey } from './document-helpers';
import { dataOf, expectError } from './e2e-helpers';
import {
  approveDeclarations,
  approveWeek,
  correctDeclaration,
  declarationsOf,
  problemsOf,
  ScheduleNode,
  startWeekApp,
  timesheetForWeek,
  WED_W48_1000,
  weekWorld,
  WeekWorld,
  withSchedule,
} from './week-helpers';

/*
 * Issue 13, rule 7 over HTTP: staff ask what a draft schedule version would pay differently.
 * Wednesday 2026-11-25 (W48); the placement starts Monday 2026-11-02 (W45). Each week Monday is
 * 9:30 (1:30 over 8:00 at 125 %) and Tuesday 8:00. W45 and W46 are approved by the relation, W47
 * waits for it (not an approved week); staff then correct W45 (Monday 10:00).
 */
const IMPACT = `query ($id: ID!, $draft: CaoUnravelScheduleVersionInput!, $weeks: Int, $first: Int, $after: String) {
  caoScheduleChangeImpact(scheduleId: $id, draft: $draft, weeks: $weeks, first: $first, after: $after) {
    scheduleId draftValidFrom weekFrom weekUpTo placementsLookedAt approvedWeeks weeksReunravelled totalCount payDifferenceMinutes
    totals { hourCode kind percentage beforeMinutes afterMinutes differenceMinutes }
    nodes { declarationId placementId flexworkerId relationId week payDifferenceMinutes differences { hourCode kind percentage beforeMinutes afterMinutes differenceMinutes } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const SCHEDULE_STATE = 'query ($id: ID!) { caoUnravelSchedule(id: $id) { id version versions { validFrom dailyOvertime { tiers { after percentage hourCode } } } } }';

const overtime = (percentage: number) => [{ per: 'DAY', tiers: [{ after: '8:00', percentage, hourCode: 'OW' }] }];
const version = (validFrom: string, percentage = 125) => ({ validFrom, hourCodes: { normal: 'U100' }, dailyOvertime: overtime(percentage) });

interface Impact {
  scheduleId: string;
  draftValidFrom: string;
  weekFrom: string;
  weekUpTo: string;
  placementsLookedAt: number;
  approvedWeeks: number;
  weeksReunravelled: number;
  totalCount: number;
  payDifferenceMinutes: number;
  totals: Record<string, unknown>[];
  nodes: { declarationId: string; week: string; payDifferenceMinutes: number; differences: Record<string, unknown>[] }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

describe('caoScheduleChangeImpact over HTTP', () => {
  const clock = new TravelClock(WED_W48_1000);
  let t: TestApp;
  let agency: TestAgency;
  let other: TestAgency;
  let world: WeekWorld;
  let schedule: ScheduleNode;
  let otherSchedule: ScheduleNode;
  const approved: Record<string, string> = {};

  const ask = (token: string, variables: Record<string, unknown>) => t.gql<{ caoScheduleChangeImpact: Impact }>(IMPACT, { id: schedule.id, ...variables }, { token });

  async function createSchedule(a: TestAgency): Promise<ScheduleNode> {
    const created = await t.gql<{ createCaoUnravelSchedule: { caoUnravelSchedule: ScheduleNode } }>(
      'mutation ($input: CreateCaoUnravelScheduleInput!) { createCaoUnravelSchedule(input: $input) { caoUnravelSchedule { id name version versions { validFrom } } } }',
      { input: { name: unique('Impact '), versions: [version('2026-01-01')] } },
      { token: a.staffToken },
    );
    return dataOf(created).createCaoUnravelSchedule.caoUnravelSchedule;
  }

  beforeAll(async () => {
    t = await startWeekApp(clock);
    agency = await createAgencyWithStaff(t, unique('Impact agency '));
    other = await createAgencyWithStaff(t, unique('Other impact agency '));
    schedule = await createSchedule(agency);
    otherSchedule = await createSchedule(other);
    world = await weekWorld(t, agency, { placement: withSchedule(schedule.id) });
    for (const [week, monday, tuesday] of [['2026-W45', '2026-11-02', '2026-11-03'], ['2026-W46', '2026-11-09', '2026-11-10'], ['2026-W47', '2026-11-16', '2026-11-17']]) {
      const sheet = await timesheetForWeek(t, world.workerToken, world.placement.id, week);
      const days = [{ date: monday, total: '9:30' }, { date: tuesday, total: '8:00' }];
      approved[week] = (await approveWeek(t, world.workerToken, sheet, days)).currentDeclaration.id;
    }
    dataOf(await approveDeclarations(t, world.contactToken, [approved['2026-W45'], approved['2026-W46']]));
    // Staff correct W45 after the approval: Monday was 10:00. Its latest version (number 2) is compared.
    const { timesheet } = dataOf(
      await t.gql<{ declaration: { timesheet: { version: number } } }>('query ($id: ID!) { declaration(id: $id) { timesheet { version } } }', { id: approved['2026-W45'] }, { token: agency.staffToken }),
    ).declaration;
    const corrected = await correctDeclaration(t, agency.staffToken, {
      declarationId: approved['2026-W45'],
      expectedVersion: timesheet.version,
      days: [{ date: '2026-11-02', total: '10:00' }, { date: '2026-11-03', total: '8:00' }],
      reason: 'Monday was 10:00',
    });
    approved['2026-W45'] = dataOf(corrected).correctDeclaration.id;
  });
  afterAll(async () => {
    await t.stop();
  });

  it('finds no difference for a draft with the rules in force, and counts what it looked at', async () => {
    const impact = dataOf(await ask(agency.staffToken, { draft: version('2026-11-09') })).caoScheduleChangeImpact;
    expect(impact).toMatchObject({
      scheduleId: schedule.id,
      draftValidFrom: '2026-11-09',
      weekFrom: '2026-W36',
      weekUpTo: '2026-W48',
      placementsLookedAt: 1,
      approvedWeeks: 2,
      weeksReunravelled: 1,
      totalCount: 0,
      totals: [],
      nodes: [],
      payDifferenceMinutes: 0,
    });
  });

  it('lists the approved weeks from validFrom whose minutes a raised overtime percentage changes', async () => {
    const impact = dataOf(await ask(agency.staffToken, { draft: version('2026-11-09', 150) })).caoScheduleChangeImpact;
    expect(impact.totalCount).toBe(1);
    expect(impact.nodes).toEqual([
      {
        declarationId: approved['2026-W46'],
        placementId: world.placement.id,
        flexworkerId: world.worker.id,
        relationId: world.relation.id,
        week: '2026-W46',
        payDifferenceMinutes: 22.5, // 90 minutes from 125 % to 150 %
        differences: [
          { hourCode: 'OW', kind: 'OVERTIME', percentage: 125, beforeMinutes: 90, afterMinutes: 0, differenceMinutes: -90 },
          { hourCode: 'OW', kind: 'OVERTIME', percentage: 150, beforeMinutes: 0, afterMinutes: 90, differenceMinutes: 90 },
        ],
      },
    ]);
    expect(impact.totals).toEqual(impact.nodes[0].differences);
    // From W45 on, both approved weeks change; with weeks: 1 only W48 is looked at (nothing approved).
    const earlier = dataOf(await ask(agency.staffToken, { draft: version('2026-11-02', 150), first: 1 })).caoScheduleChangeImpact;
    expect([earlier.totalCount, earlier.nodes.map((n) => n.week), earlier.pageInfo.hasNextPage]).toEqual([2, ['2026-W45'], true]);
    // W45 as corrected: 2:00 of overtime, in its correction (the latest version), not the superseded one.
    expect([earlier.nodes[0].declarationId, earlier.nodes[0].differences.map((d) => d.differenceMinutes)]).toEqual([approved['2026-W45'], [-120, 120]]);
    const next = dataOf(await ask(agency.staffToken, { draft: version('2026-11-02', 150), first: 1, after: earlier.pageInfo.endCursor })).caoScheduleChangeImpact;
    expect([next.nodes.map((n) => n.week), next.pageInfo.hasNextPage]).toEqual([['2026-W46'], false]);
    const one = dataOf(await ask(agency.staffToken, { draft: version('2026-11-02', 150), weeks: 1 })).caoScheduleChangeImpact;
    expect([one.weekFrom, one.approvedWeeks, one.totalCount]).toEqual(['2026-W48', 0, 0]);
  });

  it('changes nothing: the schedule, its versions and every declaration are as before', async () => {
    const state = async () => ({
      schedule: dataOf(await t.gql(SCHEDULE_STATE, { id: schedule.id }, { token: agency.staffToken })),
      declarations: await declarationsOf(t, agency.staffToken, {}),
      rows: await t.app.database.dataSource.query('SELECT * FROM declarations WHERE agency_id = $1 ORDER BY id', [agency.agencyId]),
    });
    const before = await state();
    dataOf(await ask(agency.staffToken, { draft: version('2026-11-02', 150) }));
    expect(await state()).toEqual(before);
  });

  it('is for staff only: the worker, the contact and payroll are refused', async () => {
    const key = await payrollKey(t, agency.staffToken);
    for (const token of [world.workerToken, world.contactToken, key]) {
      expectError(await ask(token, { draft: version('2026-11-09', 150) }), 'FORBIDDEN', 'ROLE_NOT_ALLOWED');
    }
  });

  it("answers NOT_FOUND for another agency's schedule, and for an id that is not one", async () => {
    expectError(await ask(agency.staffToken, { id: otherSchedule.id, draft: version('2026-11-09') }), 'NOT_FOUND');
    expectError(await ask(agency.staffToken, { id: 'not-a-schedule', draft: version('2026-11-09') }), 'NOT_FOUND');
  });

  it('refuses a bad draft with every problem at its path, as addCaoUnravelScheduleVersion does', async () => {
    const draft = {
      ...version('2025-06-01'),
      ortWindows: [{ from: '22:00', to: '06:00', hourCode: 'ORT' }],
    };
    // The form of the input is checked first (a window needs a percentage), the engine's rules after.
    const error = expectError(await ask(agency.staffToken, { draft }), 'BAD_USER_INPUT');
    expect(problemsOf(error).map(([path]) => path).sort()).toEqual(['draft.ortWindows[0].percentage']);
    const late = expectError(await ask(agency.staffToken, { draft: { ...version('2025-06-01'), dailyOvertime: overtime(90) } }), 'BAD_USER_INPUT');
    expect(problemsOf(late).sort()).toEqual([
      ['draft.dailyOvertime[0].tiers[0].percentage', 'OVERTIME_PERCENTAGE_BELOW_100'],
      ['draft.validFrom', 'SCHEDULE_VERSION_NOT_AFTER_LATEST'],
    ]);
    expectError(await ask(agency.staffToken, { draft: version('2026-11-09'), weeks: 54 }), 'BAD_USER_INPUT', 'WEEKS_RANGE');
  });
});
