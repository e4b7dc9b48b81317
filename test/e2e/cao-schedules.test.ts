import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CaoUnravelSchedule } from '../../src/domain/unravel/cao-unravel-schedule';
import { goldenSchedule, GoldenSchedule } from '../support/mothers/cao-schedule.mother';
import { createAgencyWithStaff, login, startTestApp, TestAgency, TestApp, TEST_PASSWORD, unique } from '../support/test-app';
import {
  ADD_SCHEDULE_VERSION,
  aStoredSchedule,
  createSchedule,
  engineData,
  SCHEDULE_FIELDS,
  ScheduleNode,
  versionInput,
} from './cao-schedule-helpers';
import {
  createFlexworker,
  createPlacement,
  createRelation,
  createUser,
  dataOf,
  expectError,
  expectMessageIn,
  FlexworkerNode,
  PLACEMENT_FIELDS,
  PlacementNode,
  RelationNode,
} from './e2e-helpers';

const GOLDEN: GoldenSchedule[] = [
  'schoonmaak', 'beroepsgoederenvervoer', 'industriele-reiniging', 'metaal-36-uur', 'arbeidstijdenwet-pauzes', 'oproepkrachten', 'nachtdiensten',
  'beroepsgoederenvervoer-periode', 'vergoedingen-per-keer',
];
const LIST = `query ($first: Int, $after: String) {
  caoUnravelSchedules(first: $first, after: $after) { nodes { id name version } pageInfo { endCursor hasNextPage } } }`;
const READ = `query ($id: ID!) { caoUnravelSchedule(id: $id) { ${SCHEDULE_FIELDS} } }`;
const UPDATE_PLACEMENT = `mutation ($input: UpdatePlacementInput!) { updatePlacement(input: $input) { placement { ${PLACEMENT_FIELDS} } } }`;
const CREATE_PLACEMENT = 'mutation ($input: CreatePlacementInput!) { createPlacement(input: $input) { placement { id } } }';

const dutchUnravel = JSON.parse(
  readFileSync(path.resolve(__dirname, '..', '..', 'src', 'infrastructure', 'i18n', 'locales', 'nl', 'unravel.json'), 'utf8'),
) as Record<string, string>;

function problemsOf(error: { extensions: { problems?: { path: string; reason: string }[] } }): string[] {
  return (error.extensions.problems ?? []).map((p) => `${p.path} ${p.reason}`);
}

describe('CAO unravel schedules over HTTP', () => {
  let t: TestApp;
  let agency: TestAgency;
  let other: TestAgency;
  let relation: RelationNode;
  let worker: FlexworkerNode;
  let placement: PlacementNode;
  let workerToken: string;
  let dutchStaffToken: string;
  let cleaning: ScheduleNode;

  beforeAll(async () => {
    t = await startTestApp();
    agency = await createAgencyWithStaff(t, unique('Schedule agency '));
    other = await createAgencyWithStaff(t, unique('Other schedule agency '));
    relation = await createRelation(t, agency.staffToken);
    const email = `${unique('worker')}@example.com`;
    worker = await createFlexworker(t, agency.staffToken, { email });
    placement = await createPlacement(t, agency.staffToken, { flexworkerId: worker.id, relationId: relation.id });
    await createUser(t, agency.staffToken, { email, role: 'FLEXWORKER', flexworkerId: worker.id, password: TEST_PASSWORD });
    workerToken = await login(t, email, TEST_PASSWORD);
    const dutchEmail = `${unique('nl')}@agency.example`;
    await createUser(t, agency.staffToken, { email: dutchEmail, role: 'AGENCY_STAFF', password: TEST_PASSWORD, language: 'NL' });
    dutchStaffToken = await login(t, dutchEmail, TEST_PASSWORD);
  });
  afterAll(async () => {
    await t.stop();
  });

  it('staff create the golden schedules from GraphQL variables; every field comes back as the engine normalised it', async () => {
    for (const name of GOLDEN) {
      const raw = goldenSchedule(name);
      const created = dataOf(await createSchedule(t, agency.staffToken, raw)).createCaoUnravelSchedule;
      expect(created.version).toBe(1);
      expect(engineData(created)).toEqual(CaoUnravelSchedule.parse(raw).data);
      const read = dataOf(await t.gql<{ caoUnravelSchedule: ScheduleNode }>(READ, { id: created.id }, { token: agency.staffToken })).caoUnravelSchedule;
      expect(read).toEqual(created);
      if (name === 'schoonmaak') cleaning = created;
    }
    const night = cleaning.versions[0].ortWindows as { id: string; percentage: number | null; percentageByDay: unknown }[];
    expect(night[0]).toMatchObject({ id: 'nacht', percentage: null, percentageByDay: [{ day: 'MON', percentage: 60 }, { day: 'TUE', percentage: 50 }, { day: 'WED', percentage: 50 }, { day: 'THU', percentage: 50 }, { day: 'FRI', percentage: 50 }] });
    expect(night[1]).toMatchObject({ id: 'avond', percentage: 25, percentageByDay: null });
  });

  it('lists a broken schedule\'s problems by the paths of the input, and stores nothing', async () => {
    const broken = {
      name: unique('Broken '),
      versions: [
        {
          validFrom: '2026-01-01',
          hourCodes: { normal: 'U 100' },
          breakPlacement: { mode: 'AFTER_WORKED' },
          ortWindows: [
            { id: 'nacht', from: '00:00', to: '06:00', percentage: { MON: 60, TUE: 501 }, hourCode: 'ORT-NACHT' },
            { id: 'avond', days: ['MON', 'MON'], from: '20:00', to: '20:00', percentage: 25, hourCode: 'ORT-AVOND' },
          ],
          dailyOvertime: [{ tiers: [{ after: '8:00', percentage: 90, hourCode: 'OW' }] }],
        },
        { validFrom: '2025-12-01', hourCodes: { normal: 'U100' } },
      ],
    };
    const error = expectError(await createSchedule(t, agency.staffToken, broken), 'BAD_USER_INPUT');
    expect(problemsOf(error)).toEqual([
      'versions[0].hourCodes.normal HOUR_CODE_FORMAT',
      'versions[0].breakPlacement.after VALUE_REQUIRED',
      'versions[0].ortWindows[0].percentageByDay[1].percentage PERCENTAGE_RANGE',
      'versions[0].ortWindows[1].days[1] DAYS_DUPLICATE',
      'versions[0].ortWindows[1].to WINDOW_EMPTY',
      'versions[0].dailyOvertime[0].tiers[0].percentage OVERTIME_PERCENTAGE_BELOW_100',
      'versions[1].validFrom VERSIONS_OUT_OF_ORDER',
    ]);
    // A time in the wrong form is the LocalTime scalar's refusal, at the same path, before the engine reads anything.
    const malformed = { ...broken, versions: [{ ...broken.versions[0], ortWindows: [broken.versions[0].ortWindows![0], { ...broken.versions[0].ortWindows![1], to: '25:00' }] }] };
    expect(problemsOf(expectError(await createSchedule(t, agency.staffToken, malformed), 'BAD_USER_INPUT'))).toEqual(['versions[0].ortWindows[1].to LOCAL_TIME_FORMAT']);

    // The engine's problems in the viewer's language, from the unravel namespace.
    const dutch = expectError(await createSchedule(t, dutchStaffToken, broken), 'BAD_USER_INPUT');
    const messages = new Map((dutch.extensions.problems ?? []).map((p) => [p.path, p.message]));
    expect(messages.get('versions[0].hourCodes.normal')).toBe(dutchUnravel.HOUR_CODE_FORMAT);
    expect(messages.get('versions[0].ortWindows[1].days[1]')).toBe(dutchUnravel.DAYS_DUPLICATE.replace('{{value}}', 'MON'));
    expect(messages.get('versions[0].ortWindows[0].percentageByDay[1].percentage')).toMatch(/0.*500/);
    expect(dutch.message).toContain(dutchUnravel.HOUR_CODE_FORMAT);

    const window = { from: '20:00', to: '24:00', hourCode: 'ORT' };
    const either = expectError(
      await t.gql(`mutation ($input: CreateCaoUnravelScheduleInput!) { createCaoUnravelSchedule(input: $input) { caoUnravelSchedule { id } } }`, {
        input: {
          name: unique('Either '),
          versions: [{ validFrom: '2026-01-01', hourCodes: { normal: 'U' }, ortWindows: [{ ...window, days: ['MON'] }, { ...window, percentage: 10, percentageByDay: [{ day: 'TUE', percentage: 10 }, { day: 'TUE', percentage: 20 }] }] }],
        },
      }, { token: agency.staffToken }),
      'BAD_USER_INPUT',
    );
    expect(problemsOf(either)).toEqual([
      'versions[0].ortWindows[0].percentage PERCENTAGE_EITHER',
      'versions[0].ortWindows[1].percentage PERCENTAGE_EITHER',
      'versions[0].ortWindows[1].percentageByDay[1].day PERCENTAGE_DAY_DUPLICATE',
    ]);
    expectMessageIn(either, 'en');

    // A night-shift threshold that no shift can pass (issue 13, rule 5), and `over` where the kind has none.
    const night = { days: ['MON'], from: '00:00', to: '06:00', percentage: 20, hourCode: 'N20' };
    const conditions = { name: unique('Night '), versions: [{ validFrom: '2026-01-01', hourCodes: { normal: 'U' }, shiftSurcharges: [
      { ...night, id: 'a', condition: { kind: 'MINUTES_INSIDE', over: '6:00' } }, { ...night, id: 'b', condition: { kind: 'STARTS_INSIDE', over: '1:00' } },
    ] }] };
    const conditionError = expectError(await createSchedule(t, dutchStaffToken, conditions), 'BAD_USER_INPUT');
    expect(problemsOf(conditionError)).toEqual(['versions[0].shiftSurcharges[0].condition.over SHIFT_MINUTES_INSIDE_RANGE', 'versions[0].shiftSurcharges[1].condition.over FIELD_UNKNOWN']);
    expect(new Map((conditionError.extensions.problems ?? []).map((p) => [p.path, p.message])).get('versions[0].shiftSurcharges[0].condition.over'))
      .toBe(dutchUnravel.SHIFT_MINUTES_INSIDE_RANGE.replace(/\{\{over\}\}/g, '6:00').replace('{{from}}', '00:00').replace('{{to}}', '06:00').replace('{{length}}', '6:00'));

    // Allowances (issue 13, rule 4): each problem at its path, in the viewer's language.
    const meal = { hourCode: 'MAALTIJD', kind: 'OVERTIME_ON_DAY', atLeast: '2:00' };
    const allowances = { name: unique('Allowances '), versions: [{ validFrom: '2026-01-01', hourCodes: { normal: 'U' }, allowances: [
      { ...meal, atLeast: '0:00' }, { ...meal, id: 'zondag', kind: 'DAY_WORKED', atLeast: undefined, days: [], gapOver: '1:00' }, { hourCode: 'U', kind: 'SPLIT_SHIFT', gapOver: '24:00' },
    ] }] };
    const allowanceError = expectError(await createSchedule(t, dutchStaffToken, allowances), 'BAD_USER_INPUT');
    expect(problemsOf(allowanceError)).toEqual([
      'versions[0].allowances[0].atLeast ALLOWANCE_THRESHOLD_RANGE',
      'versions[0].allowances[1].gapOver FIELD_UNKNOWN',
      'versions[0].allowances[1].days ALLOWANCE_DAYS_EMPTY',
      'versions[0].allowances[2].gapOver ALLOWANCE_THRESHOLD_RANGE',
      'versions[0].allowances[1].hourCode ALLOWANCE_HOUR_CODE_DUPLICATE',
    ]);
    const allowanceMessages = new Map((allowanceError.extensions.problems ?? []).map((p) => [p.path, p.message]));
    expect(allowanceMessages.get('versions[0].allowances[1].days')).toBe(dutchUnravel.ALLOWANCE_DAYS_EMPTY);
    expect(allowanceMessages.get('versions[0].allowances[1].hourCode')).toBe(dutchUnravel.ALLOWANCE_HOUR_CODE_DUPLICATE.replace('{{value}}', 'MAALTIJD').replace('{{other}}', '0'));
    expect(allowanceMessages.get('versions[0].allowances[0].atLeast')).toBe(dutchUnravel.ALLOWANCE_THRESHOLD_RANGE.replace('{{min}}', '0:01').replace('{{max}}', '24:00').replace('{{value}}', '0:00'));

    const badDate = expectError(await createSchedule(t, agency.staffToken, { name: 'x', versions: [{ validFrom: '2026-02-30', hourCodes: { normal: 'U' } }] }), 'BAD_USER_INPUT');
    expect(badDate.extensions.field).toBe('versions[0].validFrom');

    const names = dataOf(await t.gql<{ caoUnravelSchedules: { nodes: { name: string }[] } }>(LIST, { first: 100 }, { token: agency.staffToken }));
    expect(names.caoUnravelSchedules.nodes.map((n) => n.name)).not.toContain(broken.name);
  });

  it('refuses a second schedule of the same name in the agency (any case), not in another agency', async () => {
    const name = unique('Bouw ');
    await aStoredSchedule(t, agency.staffToken, name);
    const error = expectError(
      await createSchedule(t, agency.staffToken, { name: name.toUpperCase(), versions: [{ validFrom: '2026-01-01', hourCodes: { normal: 'U' } }] }),
      'CONFLICT',
      'CAO_SCHEDULE_NAME_TAKEN',
    );
    expect(error.extensions.field).toBe('name');
    expectMessageIn(error, 'en');
    await aStoredSchedule(t, other.staffToken, name);
  });

  it('pages staff through the schedules by name', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { caoUnravelSchedules: { nodes: { name: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } } = dataOf(
        await t.gql(LIST, { first: 2, after }, { token: agency.staffToken }),
      );
      seen.push(...page.caoUnravelSchedules.nodes.map((n) => n.name));
      after = page.caoUnravelSchedules.pageInfo.hasNextPage ? page.caoUnravelSchedules.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual([...seen].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    for (const name of ['Schoonmaak- en glazenwassersbedrijf (model)', 'Metaal en elektrotechniek, 36-urige werkweek (model)']) expect(seen).toContain(name);
    expect(seen).toHaveLength(new Set(seen).size);
  });

  it('appends a version after the latest one at the version read; a stale version is a CONFLICT', async () => {
    const schedule = await aStoredSchedule(t, agency.staffToken, unique('Versioned '));
    const next = versionInput({ validFrom: '2026-07-01', hourCodes: { normal: 'U100' }, ortWindows: [{ id: 'nacht', from: '00:00', to: '06:00', percentage: { SAT: 40, SUN: 60 }, hourCode: 'ORT' }] });
    const added = dataOf(
      await t.gql<{ addCaoUnravelScheduleVersion: { caoUnravelSchedule: ScheduleNode } }>(ADD_SCHEDULE_VERSION, { input: { scheduleId: schedule.id, expectedVersion: 1, version: next } }, { token: agency.staffToken }),
    ).addCaoUnravelScheduleVersion.caoUnravelSchedule;
    expect(added.version).toBe(2);
    expect(added.versions.map((v) => v.validFrom)).toEqual(['2026-01-01', '2026-07-01']);
    expect(added.versions[0]).toEqual(schedule.versions[0]);

    const later = versionInput({ validFrom: '2027-01-01', hourCodes: { normal: 'U100' } });
    const stale = expectError(
      await t.gql(ADD_SCHEDULE_VERSION, { input: { scheduleId: schedule.id, expectedVersion: 1, version: later } }, { token: agency.staffToken }),
      'CONFLICT',
      'STALE_VERSION',
    );
    expect(stale.extensions.params).toMatchObject({ expected: 1, actual: 2 });

    const early = expectError(
      await t.gql(ADD_SCHEDULE_VERSION, { input: { scheduleId: schedule.id, expectedVersion: 2, version: versionInput({ validFrom: '2026-07-01', hourCodes: { normal: 'U100' } }) } }, { token: agency.staffToken }),
      'BAD_USER_INPUT',
      'SCHEDULE_VERSION_NOT_AFTER_LATEST',
    );
    expect(problemsOf(early)).toEqual(['version.validFrom SCHEDULE_VERSION_NOT_AFTER_LATEST']);
    expect(early.extensions.params).toEqual({ validFrom: '2026-07-01', latest: '2026-07-01' });
    expectMessageIn(early, 'en');

    const badTable = versionInput({ validFrom: '2027-01-01', hourCodes: { normal: 'U100' }, ortWindows: [{ from: '00:00', to: '06:00', percentage: { SAT: 40, SUN: 600 }, hourCode: 'ORT' }] });
    const bad = expectError(
      await t.gql(ADD_SCHEDULE_VERSION, { input: { scheduleId: schedule.id, expectedVersion: 2, version: badTable } }, { token: agency.staffToken }),
      'BAD_USER_INPUT',
    );
    expect(problemsOf(bad)).toEqual(['version.ortWindows[0].percentageByDay[1].percentage PERCENTAGE_RANGE']);

    const read = dataOf(await t.gql<{ caoUnravelSchedule: ScheduleNode }>(READ, { id: schedule.id }, { token: agency.staffToken })).caoUnravelSchedule;
    expect(read).toEqual(added);
    expectError(
      await t.gql(ADD_SCHEDULE_VERSION, { input: { scheduleId: schedule.id, expectedVersion: 2, version: later } }, { token: other.staffToken }),
      'NOT_FOUND',
    );
  });

  it('assigns a schedule to a placement; the placement shows it, also to its worker', async () => {
    const updated = dataOf(
      await t.gql<{ updatePlacement: { placement: PlacementNode } }>(UPDATE_PLACEMENT, { input: { id: placement.id, caoScheduleId: cleaning.id, hourCodes: null } }, { token: agency.staffToken }),
    ).updatePlacement.placement;
    expect(updated).toMatchObject({ caoScheduleId: cleaning.id, hourCodes: [] });

    const query = '{ placements(first: 10) { nodes { id caoScheduleId caoSchedule { id name versions { validFrom hourCodes { normal } } } } } }';
    for (const token of [agency.staffToken, workerToken]) {
      const nodes = dataOf(await t.gql<{ placements: { nodes: { id: string; caoSchedule: { id: string; name: string } | null }[] } }>(query, {}, { token })).placements.nodes;
      const mine = nodes.find((n) => n.id === placement.id)!;
      expect(mine.caoSchedule).toEqual({ id: cleaning.id, name: cleaning.name, versions: [{ validFrom: '2026-01-01', hourCodes: { normal: 'U100' } }] });
    }
  });

  it('refuses another agency\'s schedule (or none at all) on a placement as bad input at caoScheduleId', async () => {
    const foreign = await aStoredSchedule(t, other.staffToken, unique('Foreign '));
    for (const caoScheduleId of [foreign.id, 'abu-2026']) {
      const update = expectError(
        await t.gql(UPDATE_PLACEMENT, { input: { id: placement.id, caoScheduleId, hourCodes: null } }, { token: agency.staffToken }),
        'BAD_USER_INPUT',
        'CAO_SCHEDULE_NOT_FOUND',
      );
      expect(problemsOf(update)).toEqual(['caoScheduleId CAO_SCHEDULE_NOT_FOUND']);
      expectMessageIn(update, 'en');
      const create = expectError(
        await t.gql(CREATE_PLACEMENT, {
          input: { flexworkerId: worker.id, relationId: relation.id, startDate: '2026-01-05', functionName: 'x', caoScheduleId },
        }, { token: agency.staffToken }),
        'BAD_USER_INPUT',
        'CAO_SCHEDULE_NOT_FOUND',
      );
      expect(create.extensions.field).toBe('caoScheduleId');
    }
    expectError(await t.gql(READ, { id: foreign.id }, { token: agency.staffToken }), 'NOT_FOUND');
  });

  it('is for staff: a flexworker may not create, change, list or read schedules', async () => {
    expectError(
      await createSchedule(t, workerToken, { name: unique('Worker-made '), versions: [{ validFrom: '2026-01-01', hourCodes: { normal: 'U' } }] }),
      'FORBIDDEN',
    );
    expectError(
      await t.gql(ADD_SCHEDULE_VERSION, { input: { scheduleId: cleaning.id, expectedVersion: 1, version: versionInput({ validFrom: '2027-01-01', hourCodes: { normal: 'U' } }) } }, { token: workerToken }),
      'FORBIDDEN',
    );
    expectError(await t.gql(LIST, {}, { token: workerToken }), 'FORBIDDEN');
    expectError(await t.gql(READ, { id: cleaning.id }, { token: workerToken }), 'FORBIDDEN');
    expectError(await t.gql(LIST, {}), 'UNAUTHENTICATED');
  });
});
