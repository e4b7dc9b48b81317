import { createAgencyWithStaff, TestAgency, TestApp, TravelClock, unique } from '../support/test-app';
import { dataOf } from './e2e-helpers';
import { approveDeclarations, approveWeek, startWeekApp, timesheetForWeek, weekWorld, WeekWorld } from './week-helpers';

/*
 * Issue 16, items 3 and 4, over HTTP in Europe/Amsterdam: a deadline set in the hour the clocks
 * change is one instant (the one `approvalDeadline` reports; `late` and `expectedPayDate` follow
 * it), and the status tab's 28 days are calendar days. Each test makes its own agency and world
 * at the moment it starts, so that the sessions outlive its time travel.
 */
describe('deadlines and the status tab in the hours clocks change, over HTTP', () => {
  const clock = new TravelClock();
  let t: TestApp;

  beforeAll(async () => {
    t = await startWeekApp(clock);
  });
  afterAll(async () => {
    await t.stop();
  });

  /** An agency whose weeks must be approved before Sunday 02:30 (in the night the clocks change, on those Sundays). */
  async function agencyWithSundayDeadline(): Promise<TestAgency> {
    const agency = await createAgencyWithStaff(t, unique('Clock change agency '));
    const response = await t.gql<{ updateAgencySettings: { agency: { settings: { approvalDeadline: { weekday: string; time: string }; timeZone: string } } } }>(
      'mutation ($input: UpdateAgencySettingsInput!) { updateAgencySettings(input: $input) { agency { settings { approvalDeadline { weekday time } timeZone } } } }',
      { input: { approvalDeadline: { weekday: 'SUN', time: '02:30' } } },
      { token: agency.staffToken },
    );
    expect(dataOf(response).updateAgencySettings.agency.settings).toEqual({ approvalDeadline: { weekday: 'SUN', time: '02:30' }, timeZone: 'Europe/Amsterdam' });
    return agency;
  }

  /** A world of its own whose placement starts on `startDate`. */
  function worldFrom(agency: TestAgency, startDate: string): Promise<WeekWorld> {
    return weekWorld(t, agency, { placement: { startDate } });
  }

  /** The worker approves `week` (8:00 on `monday`) at `at`: the week as returned. */
  async function workerApproves(world: WeekWorld, week: string, monday: string, at: string) {
    clock.set(new Date(at));
    const timesheet = await timesheetForWeek(t, world.workerToken, world.placement.id, week);
    return approveWeek(t, world.workerToken, timesheet, [{ date: monday, hours: [{ hourCode: 'H100', hours: '8:00' }] }]);
  }

  it('reads a deadline of Sunday 29 March 2026 02:30 (skipped) as 01:30Z: approved at 01:10Z and 01:29Z in time, at 01:30Z late', async () => {
    clock.set(new Date('2026-03-16T09:00:00Z'));
    const agency = await agencyWithSundayDeadline();
    const outcomes: Record<string, unknown> = {};
    for (const at of ['2026-03-29T01:10:00Z', '2026-03-29T01:29:00Z', '2026-03-29T01:30:00Z']) {
      clock.set(new Date('2026-03-16T09:00:00Z'));
      const world = await worldFrom(agency, '2026-03-02');
      const approved = await workerApproves(world, '2026-W12', '2026-03-16', at);
      outcomes[at] = { approvalDeadline: approved.approvalDeadline, late: approved.late, expectedPayDate: approved.expectedPayDate };
    }
    expect(outcomes).toEqual({
      '2026-03-29T01:10:00Z': { approvalDeadline: '2026-03-29T01:30:00.000Z', late: false, expectedPayDate: '2026-04-01' },
      '2026-03-29T01:29:00Z': { approvalDeadline: '2026-03-29T01:30:00.000Z', late: false, expectedPayDate: '2026-04-01' },
      // The next deadline, Easter Sunday 5 April 02:30 summer time; paid Wednesday 8 April.
      '2026-03-29T01:30:00Z': { approvalDeadline: '2026-03-29T01:30:00.000Z', late: true, expectedPayDate: '2026-04-08' },
    });
  });

  it('reads a deadline of Sunday 25 October 2026 02:30 (doubled) as its first occurrence, 00:30Z: late from then on in either pass', async () => {
    clock.set(new Date('2026-10-12T09:00:00Z'));
    const agency = await agencyWithSundayDeadline();
    const outcomes: Record<string, unknown> = {};
    for (const at of ['2026-10-25T00:29:00Z', '2026-10-25T00:45:00Z', '2026-10-25T01:15:00Z']) {
      clock.set(new Date('2026-10-12T09:00:00Z'));
      const world = await worldFrom(agency, '2026-10-05');
      const approved = await workerApproves(world, '2026-W42', '2026-10-12', at);
      outcomes[at] = { approvalDeadline: approved.approvalDeadline, late: approved.late, expectedPayDate: approved.expectedPayDate };
    }
    expect(outcomes).toEqual({
      '2026-10-25T00:29:00Z': { approvalDeadline: '2026-10-25T00:30:00.000Z', late: false, expectedPayDate: '2026-10-28' },
      // 02:45 summer time, then 02:15 winter time: both after the deadline's instant.
      '2026-10-25T00:45:00Z': { approvalDeadline: '2026-10-25T00:30:00.000Z', late: true, expectedPayDate: '2026-11-04' },
      '2026-10-25T01:15:00Z': { approvalDeadline: '2026-10-25T00:30:00.000Z', late: true, expectedPayDate: '2026-11-04' },
    });
  });

  /** The weeks on the worker's declaration-status tab at `now`. */
  async function statusTabAt(world: WeekWorld, now: string): Promise<string[]> {
    clock.set(new Date(now));
    const response = await t.gql<{ declarationStatus: { nodes: { week: string }[] } }>(
      '{ declarationStatus(first: 100) { nodes { week } } }',
      {},
      { token: world.workerToken },
    );
    return dataOf(response).declarationStatus.nodes.map((node) => node.week);
  }

  /** `week` approved by the worker an hour before the relation approves it at `relationAt`. */
  async function relationApproves(world: WeekWorld, week: string, monday: string, relationAt: string): Promise<void> {
    const approved = await workerApproves(world, week, monday, new Date(Date.parse(relationAt) - 3600 * 1000).toISOString());
    clock.set(new Date(relationAt));
    dataOf(await approveDeclarations(t, world.contactToken, [approved.currentDeclaration.id]));
  }

  it('keeps a week the relation approved Monday 16 March 2026 13:00 on the status tab until Monday 13 April 13:00 summer time (11:00Z)', async () => {
    clock.set(new Date('2026-03-16T09:00:00Z'));
    const world = await worldFrom(await agencyWithSundayDeadline(), '2026-03-02');
    await relationApproves(world, '2026-W11', '2026-03-09', '2026-03-16T12:00:00Z');
    expect(await statusTabAt(world, '2026-04-13T11:00:00Z')).toContain('2026-W11');
    expect(await statusTabAt(world, '2026-04-13T11:01:00Z')).not.toContain('2026-W11');
    // 28 × 24 h would have kept it until 12:00Z.
    expect(await statusTabAt(world, '2026-04-13T11:30:00Z')).not.toContain('2026-W11');
  });

  it('keeps a week the relation approved Monday 5 October 2026 14:00 on the status tab until Monday 2 November 14:00 winter time (13:00Z)', async () => {
    clock.set(new Date('2026-10-05T09:00:00Z'));
    const world = await worldFrom(await agencyWithSundayDeadline(), '2026-09-21');
    await relationApproves(world, '2026-W40', '2026-09-28', '2026-10-05T12:00:00Z');
    // 28 × 24 h would have hidden it from 12:00Z.
    expect(await statusTabAt(world, '2026-11-02T12:30:00Z')).toContain('2026-W40');
    expect(await statusTabAt(world, '2026-11-02T13:00:00Z')).toContain('2026-W40');
    expect(await statusTabAt(world, '2026-11-02T13:01:00Z')).not.toContain('2026-W40');
  });
});
