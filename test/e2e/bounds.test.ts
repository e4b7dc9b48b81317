import { createAgencyWithStaff, login, TestAgency, TestApp, TEST_PASSWORD, TravelClock, unique } from '../support/test-app';
import { ADD_SCHEDULE_VERSION, aStoredSchedule } from './cao-schedule-helpers';
import { createFlexworker, createPlacement, createRelation, createUser, dataOf, expectError, expectMessageIn } from './e2e-helpers';
import { startWeekApp, WED_W48_1000 } from './week-helpers';

/*
 * Issue 8, items 8 and 9, over HTTP as a front end meets them: dates outside the server's window
 * are refused (a placement from 1900 gave a worker 6,518 weeks, a schedule version from
 * 9999-12-31 blocked every later one); the blue bar of a placement from 2000 holds the last 26
 * weeks, a page at a time; a common password is refused in the viewer's language.
 * The clock stands on Wednesday 25 November 2026 (2026-W48).
 */
interface Week {
  id: string;
  week: string;
}
interface Bar {
  openTimesheets: { nodes: Week[]; edges: { cursor: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}
const BAR = `query ($first: Int, $after: String) {
  openTimesheets(first: $first, after: $after) { nodes { id week } edges { cursor } pageInfo { hasNextPage endCursor } }
}`;

describe('bounds on dates, weeks and passwords', () => {
  const clock = new TravelClock(WED_W48_1000);
  let t: TestApp;
  let agency: TestAgency;

  beforeAll(async () => {
    t = await startWeekApp(clock);
    agency = await createAgencyWithStaff(t, unique('Bounds agency '));
  });
  afterAll(async () => {
    await t.stop();
  });

  /** A worker with a login, placed at a new relation from `startDate` (manual hour codes). */
  async function placedSince(startDate: string) {
    const relation = await createRelation(t, agency.staffToken);
    const email = `${unique('worker')}@example.com`;
    const worker = await createFlexworker(t, agency.staffToken, { email });
    await createUser(t, agency.staffToken, { email, role: 'FLEXWORKER', flexworkerId: worker.id, password: TEST_PASSWORD });
    const placement = await createPlacement(t, agency.staffToken, { flexworkerId: worker.id, relationId: relation.id, startDate });
    return { worker, placement, token: await login(t, email, TEST_PASSWORD) };
  }

  it('refuses a placement from 1900, and an end in 9999, with DATE_OUT_OF_RANGE and the window', async () => {
    const relation = await createRelation(t, agency.staffToken);
    const worker = await createFlexworker(t, agency.staffToken);
    const create = (startDate: string, endDate?: string) =>
      t.gql(
        'mutation ($input: CreatePlacementInput!) { createPlacement(input: $input) { placement { id } } }',
        { input: { flexworkerId: worker.id, relationId: relation.id, startDate, endDate, functionName: 'Cleaner', hourCodes: [{ code: 'H100', percentage: 100 }] } },
        { token: agency.staffToken },
      );
    const early = expectError(await create('1900-01-01'), 'BAD_USER_INPUT', 'DATE_OUT_OF_RANGE');
    expect(early.extensions.field).toBe('startDate');
    expect(early.extensions.params).toEqual({ value: '1900-01-01', min: '2000-01-01', max: '2036-12-31' });
    expectMessageIn(early, 'en');
    const late = expectError(await create('2026-11-02', '9999-12-31'), 'BAD_USER_INPUT', 'DATE_OUT_OF_RANGE');
    expect(late.extensions.field).toBe('endDate');
    const placements = dataOf(await t.gql<{ placements: { nodes: unknown[] } }>('query ($f: PlacementFilterInput) { placements(filter: $f) { nodes { id } } }', { f: { flexworkerId: worker.id } }, { token: agency.staffToken }));
    expect(placements.placements.nodes).toEqual([]);
  });

  it('refuses a schedule version valid from 9999-12-31, so that the next real version still goes in', async () => {
    const schedule = await aStoredSchedule(t, agency.staffToken, unique('Bouw '));
    const add = (validFrom: string, expectedVersion: number) =>
      t.gql<{ addCaoUnravelScheduleVersion: { caoUnravelSchedule: { version: number; versions: { validFrom: string }[] } } }>(
        ADD_SCHEDULE_VERSION,
        { input: { scheduleId: schedule.id, expectedVersion, version: { validFrom, hourCodes: { normal: 'U100' } } } },
        { token: agency.staffToken },
      );
    const refused = expectError(await add('9999-12-31', 1), 'BAD_USER_INPUT', 'DATE_OUT_OF_RANGE');
    expect(refused.extensions.field).toBe('version.validFrom');
    expect(refused.extensions.params).toEqual({ value: '9999-12-31', min: '2000-01-01', max: '2036-12-31' });
    const added = dataOf(await add('2027-01-01', 1)).addCaoUnravelScheduleVersion.caoUnravelSchedule;
    expect(added.versions.map((v) => v.validFrom)).toEqual(['2026-01-01', '2027-01-01']);
  });

  it('gives a worker placed since 2000 the last 26 weeks in the blue bar, 20 a page, and lands on last week', async () => {
    const { worker, token } = await placedSince('2000-01-03');
    const first = dataOf(await t.gql<Bar>(BAR, { first: 20 }, { token })).openTimesheets;
    expect(first.nodes).toHaveLength(20);
    expect(first.nodes[0].week).toBe('2026-W22');
    expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: first.edges[19].cursor });
    const rest = dataOf(await t.gql<Bar>(BAR, { first: 20, after: first.pageInfo.endCursor }, { token })).openTimesheets;
    expect(rest.nodes.map((w) => w.week)).toEqual(['2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const landing = dataOf(await t.gql<{ defaultTimesheet: Week }>('{ defaultTimesheet { id week } }', {}, { token })).defaultTimesheet;
    expect(landing.week).toBe('2026-W47');

    // 27 weeks exist, not 1,400: the staff overview of the worker counts them.
    const all = dataOf(
      await t.gql<{ timesheets: { nodes: unknown[] } }>('query ($f: TimesheetFilterInput) { timesheets(filter: $f, first: 500) { nodes { id } } }', { f: { flexworkerId: worker.id } }, { token: agency.staffToken }),
    ).timesheets.nodes;
    expect(all).toHaveLength(27);
    // A default page is 20 weeks; more than 100 at once is refused.
    expect(dataOf(await t.gql<Bar>(BAR, {}, { token })).openTimesheets.nodes).toHaveLength(20);
    expectError(await t.gql(BAR, { first: 101 }, { token }), 'BAD_USER_INPUT', 'PAGE_SIZE_RANGE');
  });

  it('keeps an old week the worker saved hours in; one opened and left empty stays out of the bar', async () => {
    const { placement, token } = await placedSince('2020-01-06');
    const forWeek = (week: string) =>
      t.gql<{ timesheetForWeek: { id: string; version: number } }>('query ($p: ID!, $w: String!) { timesheetForWeek(placementId: $p, week: $w) { id version } }', { p: placement.id, w: week }, { token });
    const saved = dataOf(await forWeek('2021-W10')).timesheetForWeek;
    const save = await t.gql(
      'mutation ($input: SaveTimesheetInput!) { saveTimesheet(input: $input) { timesheet { id } } }',
      { input: { timesheetId: saved.id, expectedVersion: saved.version, days: [{ date: '2021-03-08', hours: [{ hourCode: 'H100', hours: '8:00' }] }] } },
      { token },
    );
    dataOf(save);
    dataOf(await forWeek('2021-W11'));
    const bar = dataOf(await t.gql<Bar>(BAR, { first: 2 }, { token })).openTimesheets;
    expect(bar.nodes.map((w) => w.week)).toEqual(['2021-W10', '2026-W22']);
  });

  it('refuses a common password when staff create a login and when a user changes theirs, in their language', async () => {
    const email = `jan.${unique('devries')}@example.com`;
    const refused = expectError(
      await t.gql('mutation ($input: CreateUserInput!) { createUser(input: $input) { user { id } } }', { input: { email, displayName: 'Jan', role: 'AGENCY_STAFF', language: 'NL', password: 'Password2026!' } }, { token: agency.staffToken }),
      'BAD_USER_INPUT',
      'PASSWORD_TOO_COMMON',
    );
    expect(refused.extensions.field).toBe('password');
    expectMessageIn(refused, 'en');

    await createUser(t, agency.staffToken, { email, role: 'AGENCY_STAFF', language: 'NL', password: TEST_PASSWORD });
    const token = await login(t, email, TEST_PASSWORD);
    const change = (newPassword: string) =>
      t.gql('mutation ($input: ChangeMyPasswordInput!) { changeMyPassword(input: $input) { token } }', { input: { currentPassword: TEST_PASSWORD, newPassword } }, { token });
    for (const common of ['qwertyuiop', 'FLEXPORTAL-2026', `${email.split('@')[0]}1990`]) {
      const error = expectError(await change(common), 'BAD_USER_INPUT', 'PASSWORD_TOO_COMMON');
      expect(error.extensions.field).toBe('newPassword');
      expectMessageIn(error, 'nl');
    }
    // The old password still works; a passphrase is fine.
    expect(await login(t, email, TEST_PASSWORD)).toBeTruthy();
    dataOf(await change('fietsen langs de Amstel'));
  });
});
