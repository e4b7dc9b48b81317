import { DocumentNode, Kind, parse, print, ValueNode, visit } from 'graphql';
import { createAgencyWithStaff, GqlError, GqlResponse, TestAgency, TestApp, TravelClock, unique } from '../support/test-app';
import { expectMessageIn, localeMessage } from './e2e-helpers';
import { createSchoonmaakSchedule, startWeekApp, timesheetForWeek, TimesheetNode, WED_W48_1000, weekWorld, WeekWorld, withSchedule } from './week-helpers';

/*
 * Issue 9, item 2: inputs take the scalars of the outputs (LocalDate, LocalTime, HoursMinutes,
 * IsoWeek). A value in the wrong form is refused by the scalar, and whether it was written inline
 * (graphql-js: a validation error) or sent as a variable (a coercion error), the client gets the
 * same error: code, reason, message in the viewer's language, params and path. Whether a value in
 * the right form fits (a date of the week, 24:00 as a start, week 54) stays the domain's answer.
 */

const SAVE = 'mutation ($input: SaveTimesheetInput!) { saveTimesheet(input: $input) { __typename } }';
const FOR_WEEK = 'query ($p: ID!, $w: IsoWeek!) { timesheetForWeek(placementId: $p, week: $w) { id } }';
const TIMESHEETS = 'query ($filter: TimesheetFilterInput) { timesheets(filter: $filter) { nodes { id } } }';
const CREATE_SCHEDULE = 'mutation ($input: CreateCaoUnravelScheduleInput!) { createCaoUnravelSchedule(input: $input) { __typename } }';

/** An enum value: a string in JSON, a bare name written inline. */
class EnumValue {
  constructor(readonly name: string) {}
  toJSON(): string {
    return this.name;
  }
}

/** The JSON value as a GraphQL literal. */
function literalOf(value: unknown): ValueNode {
  if (value === null) return { kind: Kind.NULL };
  if (value instanceof EnumValue) return { kind: Kind.ENUM, value: value.name };
  if (typeof value === 'string') return { kind: Kind.STRING, value };
  if (typeof value === 'boolean') return { kind: Kind.BOOLEAN, value };
  if (typeof value === 'number') return { kind: Number.isInteger(value) ? Kind.INT : Kind.FLOAT, value: String(value) };
  if (Array.isArray(value)) return { kind: Kind.LIST, values: value.map(literalOf) };
  return {
    kind: Kind.OBJECT,
    fields: Object.entries(value as object).map(([name, v]) => ({ kind: Kind.OBJECT_FIELD, name: { kind: Kind.NAME, value: name }, value: literalOf(v) })),
  };
}

/** The same operation with every variable written inline, and no variable definitions. */
function inlined(query: string, variables: Record<string, unknown>): string {
  const document = visit(parse(query), {
    OperationDefinition: (node) => ({ ...node, variableDefinitions: [] }),
    Variable: (node) => literalOf(variables[node.name.value]),
  }) as DocumentNode;
  return print(document);
}

interface Seen {
  status: number;
  data: unknown;
  errors: { message: string; code: string; reason?: string; field?: string; params?: unknown; problems?: unknown }[];
}

function seen(response: GqlResponse<unknown>): Seen {
  const errors = (response.body.errors ?? []).map((e: GqlError) => {
    const { code, reason, field, params, problems } = e.extensions;
    return { message: e.message, code, reason, field, params, problems };
  });
  return { status: response.status, data: response.body.data ?? null, errors };
}

describe('the same scalars in and out: a bad value inline or in a variable is the same error', () => {
  const clock = new TravelClock(WED_W48_1000);
  let t: TestApp;
  let agency: TestAgency;
  let world: WeekWorld;
  let week: TimesheetNode;
  let workerLanguage: string;

  beforeAll(async () => {
    t = await startWeekApp(clock);
    agency = await createAgencyWithStaff(t, unique('Scalar agency '));
    const schedule = await createSchoonmaakSchedule(t, agency.staffToken);
    world = await weekWorld(t, agency, { placement: withSchedule(schedule.id) });
    week = await timesheetForWeek(t, world.workerToken, world.placement.id, '2026-W47');
    const viewer = await t.gql<{ viewer: { language: string } }>('{ viewer { language } }', {}, { token: world.workerToken });
    workerLanguage = viewer.body.data!.viewer.language.toLowerCase();
  }, 60_000);
  afterAll(async () => {
    await t.stop();
  });

  const save = (days: unknown[]) => ({ input: { timesheetId: week.id, expectedVersion: week.version, days } });
  const ortWindow = (to: string) => ({
    input: {
      name: unique('Bad window '),
      versions: [{ validFrom: '2026-01-01', hourCodes: { normal: 'U100' }, ortWindows: [{ days: [new EnumValue('MON')], from: '20:00', to, percentage: 25, hourCode: 'ORT' }] }],
    },
  });

  /** [what, query, variables, staff?, [path, reason, value][]] */
  type Case = [string, string, () => Record<string, unknown>, boolean, [string, string, string][]];
  const cases: Case[] = [
    ['a duration with a decimal point (HoursMinutes)', SAVE, () => save([{ date: '2026-11-16', total: '8:00' }, { date: '2026-11-17', total: '7.5' }]), false, [['days[1].total', 'HOURS_MINUTES_FORMAT', '7.5']]],
    ['a duration sent as a number', SAVE, () => save([{ date: '2026-11-16', total: 7.5 }]), false, [['days[0].total', 'HOURS_MINUTES_FORMAT', '7.5']]],
    ['a break as a duration without minutes', SAVE, () => save([{ date: '2026-11-16', blocks: [{ start: '08:00', end: '16:00' }], breakDuration: '30' }]), false, [['days[0].breakDuration', 'HOURS_MINUTES_FORMAT', '30']]],
    ['hours per code written as 8', SAVE, () => save([{ date: '2026-11-16', hours: [{ hourCode: 'U100', hours: '8' }] }]), false, [['days[0].hours[0].hours', 'HOURS_MINUTES_FORMAT', '8']]],
    ['a date without its leading zero (LocalDate)', SAVE, () => save([{ date: '2026-11-3', total: '8:00' }]), false, [['days[0].date', 'LOCAL_DATE_FORMAT', '2026-11-3']]],
    ['a start time with one digit for the hour (LocalTime)', SAVE, () => save([{ date: '2026-11-16', blocks: [{ start: '7:30', end: '16:00' }] }]), false, [['days[0].blocks[0].start', 'LOCAL_TIME_FORMAT', '7:30']]],
    ['an end time past 24:00', SAVE, () => save([{ date: '2026-11-16', blocks: [{ start: '22:00', end: '24:30' }] }]), false, [['days[0].blocks[0].end', 'LOCAL_TIME_FORMAT', '24:30']]],
    ['a week without its W (IsoWeek), in a variable named otherwise', FOR_WEEK, () => ({ p: world.placement.id, w: '2026-47' }), false, [['week', 'ISO_WEEK_FORMAT', '2026-47']]],
    ['a week in a list filter', TIMESHEETS, () => ({ filter: { week: '47' } }), false, [['week', 'ISO_WEEK_FORMAT', '47']]],
    ['an ORT window ending at 25:00 (a schedule)', CREATE_SCHEDULE, () => ortWindow('25:00'), true, [['versions[0].ortWindows[0].to', 'LOCAL_TIME_FORMAT', '25:00']]],
    [
      'three bad values at once: one error listing every problem',
      SAVE,
      () => save([{ date: '2026-11-16', total: '7,5' }, { date: '2026-11-17', blocks: [{ start: '08.00', end: '16:00' }], breakDuration: '0:30' }, { date: '17-11-2026', total: '8:00' }]),
      false,
      [
        ['days[0].total', 'HOURS_MINUTES_FORMAT', '7,5'],
        ['days[1].blocks[0].start', 'LOCAL_TIME_FORMAT', '08.00'],
        ['days[2].date', 'LOCAL_DATE_FORMAT', '17-11-2026'],
      ],
    ],
  ];

  const viewers: [string, (staff: boolean) => { token?: string; headers: Record<string, string> }, () => string][] = [
    ['the viewer (their own language)', (staff) => ({ token: staff ? agency.staffToken : world.workerToken, headers: { 'accept-language': 'de' } }), () => workerLanguage],
    ['an anonymous caller asking for Dutch', () => ({ headers: { 'accept-language': 'nl' } }), () => 'nl'],
    ['an anonymous caller asking for Polish', () => ({ headers: { 'accept-language': 'pl' } }), () => 'pl'],
  ];

  describe.each(viewers)('as %s', (_, optionsFor, languageOf) => {
    it.each(cases)('%s', async (__, query, variablesOf, staff, expected) => {
      const variables = variablesOf();
      const options = optionsFor(staff);
      const asVariable = seen(await t.gql(query, variables, options));
      const inline = seen(await t.gql(inlined(query, variables), {}, options));

      expect(inline).toEqual(asVariable);
      expect(asVariable.status).toBe(400);
      expect(asVariable.data).toBeNull();
      expect(asVariable.errors).toHaveLength(1);
      const [error] = asVariable.errors;
      expect(error.code).toBe('BAD_USER_INPUT');
      const language = languageOf();
      const problems = expected.map(([path, reason, value]) => ({ path, reason, params: { value }, message: localeMessage(reason, { value }, language) }));
      expect(error.problems).toEqual(problems);
      expect({ reason: error.reason, field: error.field, params: error.params, message: error.message }).toEqual({
        reason: problems[0].reason,
        field: problems[0].path,
        params: problems[0].params,
        message: problems[0].message,
      });
      expectMessageIn({ message: error.message, extensions: error as GqlError['extensions'] }, language);
    });
  });

  it('the messages are really in the language asked for', () => {
    const [en, nl] = ['en', 'nl'].map((language) => localeMessage('LOCAL_TIME_FORMAT', { value: '7:30' }, language));
    expect(en).toContain('"7:30"');
    expect(nl).toContain('"7:30"');
    expect(nl).not.toBe(en);
  });

  describe('a value in the right form is for the domain to judge, with its own reason and path', () => {
    const domainCases: [string, string, () => Record<string, unknown>, string, string][] = [
      ['a date of another week', SAVE, () => save([{ date: '2026-11-16', total: '8:00' }, { date: '2026-11-30', total: '8:00' }]), 'days[1].date', 'DAY_OUTSIDE_WEEK'],
      ['a date the calendar does not have', SAVE, () => save([{ date: '2026-02-30', total: '8:00' }]), 'days[0].date', 'LOCAL_DATE_INVALID'],
      ['24:00 as a start', SAVE, () => save([{ date: '2026-11-16', blocks: [{ start: '24:00', end: '06:00' }] }]), 'days[0].blocks[0].start', 'TIME_OF_DAY_END_ONLY'],
      ['a day total over 24:00', SAVE, () => save([{ date: '2026-11-16', total: '24:30' }]), 'days[0].total', 'HOURS_MINUTES_RANGE'],
      ['a week the year does not have', FOR_WEEK, () => ({ p: world.placement.id, w: '2026-W54' }), 'week', 'ISO_WEEK_INVALID'],
    ];

    it.each(domainCases)('%s', async (_, query, variablesOf, path, reason) => {
      const variables = variablesOf();
      const options = { token: world.workerToken };
      const asVariable = seen(await t.gql(query, variables, options));
      const inline = seen(await t.gql(inlined(query, variables), {}, options));
      expect(inline).toEqual(asVariable);
      expect(asVariable.errors).toHaveLength(1);
      const [error] = asVariable.errors;
      expect([error.code, error.reason, error.field]).toEqual(['BAD_USER_INPUT', reason, path]);
      expectMessageIn({ message: error.message, extensions: error as GqlError['extensions'] }, workerLanguage);
    });

    it('24:00 as an end, and values in the right form, are taken', async () => {
      const response = await t.gql<{ saveTimesheet: unknown }>(
        inlined(SAVE.replace('__typename', 'timesheet { id }'), save([{ date: '2026-11-16', blocks: [{ start: '18:00', end: '24:00' }], breakDuration: '0:30' }])),
        {},
        { token: world.workerToken },
      );
      expect(response.body.errors).toBeUndefined();
    });
  });
});
