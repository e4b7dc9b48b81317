import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { createAgencyWithStaff, TestAgency, TestApp, TravelClock, unique } from '../support/test-app';
import { createPlacement, createRelation, dataOf, expectError } from './e2e-helpers';
import { createSchoonmaakSchedule, DayInput, saveAndApprove, saveTimesheet, startWeekApp, timesheetForWeek, WED_W48_1000, weekWorld, WeekWorld, withSchedule } from './week-helpers';

/*
 * Issue 13, rule 6 over HTTP: the Working Time Act signals of a worker with two placements, worked
 * out by hand for 2026-W47 (Europe/Amsterdam, no clock change that week):
 *   placement A  Mon 16 06:00–19:00            a shift of 13:00 > 12:00            SHIFT_HOURS (16)
 *                Tue 17 12:00–22:00            rest to Wed 07:00: 9:00, shortened once: allowed
 *   placement B  Wed 18 07:00–15:00
 *                Thu 19 14:00–23:00            rest to Fri 08:00: 9:00, shortened again within
 *                Fri 20 08:00–12:00            7 × 24 hours of the one after Tue 17: DAILY_REST (19, 20)
 * The rest between the two placements counts: one person's working time.
 */
const SIGNAL_FIELDS = 'rule days message messageKey limit actual limitHours actualHours windowFrom windowTo earlierShortRest rulesVersion';
const EXPECTED = [
  {
    rule: 'SHIFT_HOURS', days: ['2026-11-16'], messageKey: 'workingTime.SHIFT_HOURS', limit: 720, actual: 780, limitHours: '12:00', actualHours: '13:00',
    windowFrom: null, windowTo: null, earlierShortRest: null, rulesVersion: '2007-04-01',
  },
  {
    rule: 'DAILY_REST', days: ['2026-11-19', '2026-11-20'], messageKey: 'workingTime.DAILY_REST.shortenedTwice', limit: 660, actual: 540, limitHours: '11:00',
    actualHours: '9:00', windowFrom: null, windowTo: null, earlierShortRest: '2026-11-17', rulesVersion: '2007-04-01',
  },
];

interface SignalNode {
  rule: string;
  days: string[];
  message: string;
  messageKey: string;
}

const block = (date: string, start: string, end: string): DayInput => ({ date, blocks: [{ start, end }] });

describe('Working Time Act signals over GraphQL', () => {
  const clock = new TravelClock(WED_W48_1000);
  let t: TestApp;
  let agency: TestAgency;
  let world: WeekWorld;
  let placementB: string;

  beforeAll(async () => {
    t = await startWeekApp(clock);
    agency = await createAgencyWithStaff(t, unique('Working time agency '));
    const schedule = await createSchoonmaakSchedule(t, agency.staffToken);
    world = await weekWorld(t, agency, { placement: withSchedule(schedule.id) });
    const relationB = await createRelation(t, agency.staffToken, { name: unique('Second client ') });
    placementB = (await createPlacement(t, agency.staffToken, {
      flexworkerId: world.worker.id, relationId: relationB.id, startDate: '2026-11-02', functionName: 'Cleaner', ...withSchedule(schedule.id),
    })).id;
  });

  afterAll(async () => {
    await t.stop();
  });

  const strip = (signals: SignalNode[]) => signals.map(({ message: _message, ...rest }) => rest);
  const signalsOf = async (token: string, id: string) =>
    dataOf(await t.gql<{ timesheet: { workingTimeSignals: SignalNode[] } }>(`query ($id: ID!) { timesheet(id: $id) { workingTimeSignals { ${SIGNAL_FIELDS} } } }`, { id }, { token })).timesheet.workingTimeSignals;

  it('flags a 13-hour shift and a second short rest across placements, never refusing the save, for the worker and staff only', async () => {
    const weekA = await timesheetForWeek(t, world.workerToken, world.placement.id, '2026-W47');
    const savedA = await t.gql<{ saveTimesheet: { timesheet: { status: string; version: number; workingTimeSignals: SignalNode[] } } }>(
      `mutation ($input: SaveTimesheetInput!) { saveTimesheet(input: $input) { timesheet { status version workingTimeSignals { ${SIGNAL_FIELDS} } } } }`,
      { input: { timesheetId: weekA.id, expectedVersion: weekA.version, days: [block('2026-11-16', '06:00', '19:00'), block('2026-11-17', '12:00', '22:00')] } },
      { token: world.workerToken },
    );
    // The save that makes a signal succeeds, and its answer already holds the signal.
    const saved = dataOf(savedA).saveTimesheet.timesheet;
    expect([saved.status, saved.version]).toEqual(['OPEN', weekA.version + 1]);
    expect(strip(saved.workingTimeSignals)).toEqual([EXPECTED[0]]);

    // Saving and approving the other placement's week with the second short rest is not refused either.
    const weekB = await timesheetForWeek(t, world.workerToken, placementB, '2026-W47');
    const approved = dataOf(await saveAndApprove(t, world.workerToken, {
      timesheetId: weekB.id, expectedVersion: weekB.version, confirm: true,
      days: [block('2026-11-18', '07:00', '15:00'), block('2026-11-19', '14:00', '23:00'), block('2026-11-20', '08:00', '12:00')],
    })).saveAndApproveTimesheet;
    expect(approved.status).toBe('SUBMITTED');

    // The worker sees the signals of both weeks: they are about the person, not the placement.
    for (const id of [weekA.id, weekB.id]) {
      const signals = await signalsOf(world.workerToken, id);
      expect(strip(signals)).toEqual(EXPECTED);
      for (const s of signals) expect(s.message).toMatch(/\d+:\d\d/);
    }

    // Staff see them in their overview, in English for an English viewer.
    const overview = dataOf(await t.gql<{ timesheets: { nodes: { id: string; workingTimeSignals: SignalNode[] }[] } }>(
      `query ($filter: TimesheetFilterInput) { timesheets(filter: $filter, first: 50) { nodes { id workingTimeSignals { ${SIGNAL_FIELDS} } } } }`,
      { filter: { flexworkerId: world.worker.id, week: '2026-W47' } },
      { token: agency.staffToken },
    )).timesheets.nodes;
    expect(overview.map((n) => n.id).sort()).toEqual([weekA.id, weekB.id].sort());
    for (const node of overview) expect(strip(node.workingTimeSignals)).toEqual(EXPECTED);

    // The relation contact sees none: the worker's hours elsewhere are not the relation's business.
    expect(await signalsOf(world.contactToken, weekA.id)).toEqual([]);

    // Another agency sees nothing at all: not the week, not the worker's weeks in its overview.
    const other = await createAgencyWithStaff(t, unique('Other agency '));
    const foreign = await t.gql<{ timesheet: unknown }>(`query ($id: ID!) { timesheet(id: $id) { workingTimeSignals { rule } } }`, { id: weekA.id }, { token: other.staffToken });
    expectError(foreign, 'NOT_FOUND');
    const foreignList = dataOf(await t.gql<{ timesheets: { nodes: unknown[] } }>(
      `query ($filter: TimesheetFilterInput) { timesheets(filter: $filter, first: 50) { nodes { id workingTimeSignals { rule } } } }`,
      { filter: { flexworkerId: world.worker.id } },
      { token: other.staffToken },
    )).timesheets.nodes;
    expect(foreignList).toEqual([]);
  }, 60_000);

  it('reads the hours of every worker on a page in one statement', async () => {
    // Two more workers with a saved week each, so that the page holds several workers and weeks.
    for (let i = 0; i < 2; i++) {
      const more = await weekWorld(t, agency, { relation: world.relation, placement: { ...withSchedule((await createSchoonmaakSchedule(t, agency.staffToken)).id) } });
      const week = await timesheetForWeek(t, more.workerToken, more.placement.id, '2026-W47');
      dataOf(await saveTimesheet(t, more.workerToken, { timesheetId: week.id, expectedVersion: week.version, days: [block('2026-11-18', '06:00', '19:30')] }));
    }
    const count = async (fields: string) => {
      const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
      try {
        const nodes = dataOf(await t.gql<{ timesheets: { nodes: unknown[] } }>(
          `{ timesheets(filter: { week: "2026-W47" }, first: 100) { nodes { ${fields} } } }`, {}, { token: agency.staffToken },
        )).timesheets.nodes;
        expect(nodes.length).toBeGreaterThanOrEqual(4);
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    expect(await count('id workingTimeSignals { rule days message }')).toBe((await count('id')) + 1);
  }, 60_000);
});
