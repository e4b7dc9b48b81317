import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GqlError, GqlResponse, login, startTestApp, TestAgency, TestApp, TEST_PASSWORD, TravelClock, unique } from '../support/test-app';
import { createFlexworker, createPlacement, createRelation, createUser, dataOf, FlexworkerNode, PlacementNode, RelationNode, unwrapPayload } from './e2e-helpers';

/*
 * Helpers of the week's end-to-end suites (issue 4): the GraphQL documents of a week, the
 * schoonmaak golden schedule as a mutation input, a small world of relation, contact, worker and
 * placement, and ways to read lines and totals so that tests compare them with sums worked out by
 * hand.
 */

/** Wednesday 2026-11-25 10:00 in Europe/Amsterdam (CET, UTC+1): inside 2026-W48. */
export const WED_W48_1000 = new Date('2026-11-25T09:00:00.000Z');
export const HOUR = 3600 * 1000;
export const DAY = 24 * HOUR;

/** The app on a travel clock; sessions last 90 days, so that tokens outlive the time travel (default 12 hours). */
export function startWeekApp(clock: TravelClock): Promise<TestApp> {
  return startTestApp({ clock, env: { SESSION_TTL_MINUTES: String(90 * 24 * 60) } });
}

/** The problems of a refusal as `[path, reason]`, in order. */
export function problemsOf(error: GqlError): [string, string][] {
  return (error.extensions.problems ?? []).map((p) => [p.path, p.reason]);
}

// ---------------------------------------------------------------------------------------------
// Documents

export const LINE_FIELDS = 'date hourCode kind percentage minutes hours from to rule { scheduleVersion rule } explanation { key text params { name value } }';
export const BREAKDOWN_FIELDS = `workedMinutes workedHours
  totals { hourCode kind percentage minutes hours }
  days { date workedMinutes workedHours scheduleVersion lines { ${LINE_FIELDS} } notApplied { rule { rule } explanation { key text } } }
  schedule { id name versions }`;
export const DAY_FIELDS = 'date weekday mode total blocks { start end } breakDuration breaks { start end } hours { hourCode hours } workedHours';
export const DECLARATION_FIELDS = `id timesheetId number origin status week weekStart placementId flexworkerId relationId
  days { ${DAY_FIELDS} } breakdown { ${BREAKDOWN_FIELDS} }
  approvedByWorkerAt approvedByWorkerId approvedByRelationAt approvedByRelationId approvedByAgency rejectedAt rejectionReason
  correctedAt correctedById correctionReason previousDeclarationId supersededAt supersededById`;
export const TIMESHEET_FIELDS = `id week weekStart weekEnd status placementId flexworkerId relationId version enteredBy editable
  approvalDeadline expectedPayDate late approvedByWorkerAt approvedByRelationAt currentDeclarationId
  rejection { reason rejectedAt rejectedById }
  days { ${DAY_FIELDS} }
  currentDeclaration { id number origin status }`;
export const TIMESHEET_WITH_PREVIEW = `${TIMESHEET_FIELDS} preview { ${BREAKDOWN_FIELDS} }`;

export interface LineNode {
  date: string;
  hourCode: string;
  kind: string;
  percentage: number;
  minutes: number;
  hours: string;
  from: string | null;
  to: string | null;
  rule: { scheduleVersion: string; rule: string } | null;
  explanation: { key: string; text: string; params: { name: string; value: string }[] };
}

export interface BreakdownNode {
  workedMinutes: number;
  workedHours: string;
  totals: { hourCode: string; kind: string; percentage: number; minutes: number; hours: string }[];
  days: {
    date: string;
    workedMinutes: number;
    workedHours: string;
    scheduleVersion: string | null;
    lines: LineNode[];
    notApplied: { rule: { rule: string }; explanation: { key: string; text: string } }[];
  }[];
  schedule: { id: string; name: string; versions: string[] } | null;
}

export interface DayNode {
  date: string;
  weekday: string;
  mode: string;
  total: string | null;
  blocks: { start: string; end: string }[];
  breakDuration: string | null;
  breaks: { start: string; end: string }[];
  hours: { hourCode: string; hours: string }[];
  workedHours: string;
}

export interface DeclarationNode {
  id: string;
  timesheetId: string;
  number: number;
  origin: string;
  status: string;
  week: string;
  weekStart: string;
  placementId: string;
  flexworkerId: string;
  relationId: string;
  days: DayNode[];
  breakdown: BreakdownNode;
  approvedByWorkerAt: string;
  approvedByWorkerId: string;
  approvedByRelationAt: string | null;
  approvedByRelationId: string | null;
  rejectedAt: string | null;
  rejectionReason: string | null;
  correctedAt: string | null;
  correctedById: string | null;
  correctionReason: string | null;
  previousDeclarationId: string | null;
  supersededAt: string | null;
  supersededById: string | null;
}

export interface TimesheetNode {
  id: string;
  week: string;
  weekStart: string;
  weekEnd: string;
  status: string;
  placementId: string;
  flexworkerId: string;
  relationId: string;
  version: number;
  enteredBy: string;
  editable: boolean;
  approvalDeadline: string;
  expectedPayDate: string;
  late: boolean;
  approvedByWorkerAt: string | null;
  approvedByRelationAt: string | null;
  currentDeclarationId: string | null;
  rejection: { reason: string; rejectedAt: string; rejectedById: string } | null;
  days: DayNode[];
  currentDeclaration: { id: string; number: number; origin: string; status: string } | null;
  preview?: BreakdownNode;
}

/** A day as the API takes it. */
export interface DayInput {
  date: string;
  total?: string;
  blocks?: { start: string; end: string }[];
  breakDuration?: string;
  breaks?: { start: string; end: string }[];
  hours?: { hourCode: string; hours: string }[];
}

// ---------------------------------------------------------------------------------------------
// Operations (the raw response, so that a test can look at a refusal as well)

export function timesheetForWeekRequest(t: TestApp, token: string, placementId: string, week: string): Promise<GqlResponse<{ timesheetForWeek: TimesheetNode }>> {
  return t.gql(`query ($placementId: ID!, $week: String!) { timesheetForWeek(placementId: $placementId, week: $week) { ${TIMESHEET_WITH_PREVIEW} } }`, { placementId, week }, { token });
}

export async function timesheetForWeek(t: TestApp, token: string, placementId: string, week: string): Promise<TimesheetNode> {
  return dataOf(await timesheetForWeekRequest(t, token, placementId, week)).timesheetForWeek;
}

export function timesheetRequest(t: TestApp, token: string, id: string, extra = ''): Promise<GqlResponse<{ timesheet: TimesheetNode }>> {
  return t.gql(`query ($id: ID!) { timesheet(id: $id) { ${TIMESHEET_WITH_PREVIEW} ${extra} } }`, { id }, { token });
}

export async function readTimesheet(t: TestApp, token: string, id: string): Promise<TimesheetNode> {
  return dataOf(await timesheetRequest(t, token, id)).timesheet;
}

export function saveTimesheet(
  t: TestApp,
  token: string,
  input: { timesheetId: string; expectedVersion: number; days: DayInput[] },
): Promise<GqlResponse<{ saveTimesheet: TimesheetNode }>> {
  const sent = t.gql(`mutation ($input: SaveTimesheetInput!) { saveTimesheet(input: $input) { timesheet { ${TIMESHEET_WITH_PREVIEW} } } }`, { input }, { token });
  return unwrapPayload(sent, 'saveTimesheet', 'timesheet');
}

export function saveAndApprove(
  t: TestApp,
  token: string,
  input: { timesheetId: string; expectedVersion: number; days?: DayInput[]; confirm: boolean },
): Promise<GqlResponse<{ saveAndApproveTimesheet: TimesheetNode & { currentDeclaration: DeclarationNode | null } }>> {
  const sent = t.gql(
    `mutation ($input: SaveAndApproveTimesheetInput!) { saveAndApproveTimesheet(input: $input) { timesheet { ${TIMESHEET_WITH_PREVIEW} currentDeclaration { ${DECLARATION_FIELDS} } } } }`,
    { input },
    { token },
  );
  return unwrapPayload(sent, 'saveAndApproveTimesheet', 'timesheet');
}

/** Save + approve that must succeed: the week as returned. */
export async function approveWeek(t: TestApp, token: string, timesheet: { id: string; version: number }, days?: DayInput[]): Promise<TimesheetNode & { currentDeclaration: DeclarationNode }> {
  const response = await saveAndApprove(t, token, { timesheetId: timesheet.id, expectedVersion: timesheet.version, days, confirm: true });
  return dataOf(response).saveAndApproveTimesheet as TimesheetNode & { currentDeclaration: DeclarationNode };
}

export function approveDeclarations(t: TestApp, token: string, declarationIds: string[]): Promise<GqlResponse<{ approveDeclarations: DeclarationNode[] }>> {
  const sent = t.gql(
    `mutation ($input: ApproveDeclarationsInput!) { approveDeclarations(input: $input) { declarations { ${DECLARATION_FIELDS} } } }`,
    { input: { declarationIds } },
    { token },
  );
  return unwrapPayload(sent, 'approveDeclarations', 'declarations');
}

export function rejectDeclaration(t: TestApp, token: string, declarationId: string, reason: string): Promise<GqlResponse<{ rejectDeclaration: DeclarationNode }>> {
  const sent = t.gql(
    `mutation ($input: RejectDeclarationInput!) { rejectDeclaration(input: $input) { declaration { ${DECLARATION_FIELDS} } } }`,
    { input: { declarationId, reason } },
    { token },
  );
  return unwrapPayload(sent, 'rejectDeclaration', 'declaration');
}

export function correctDeclaration(
  t: TestApp,
  token: string,
  input: { declarationId: string; expectedVersion: number; days: DayInput[]; reason: string },
): Promise<GqlResponse<{ correctDeclaration: DeclarationNode }>> {
  const sent = t.gql(`mutation ($input: CorrectDeclarationInput!) { correctDeclaration(input: $input) { declaration { ${DECLARATION_FIELDS} } } }`, { input }, { token });
  return unwrapPayload(sent, 'correctDeclaration', 'declaration');
}

/** The blue bar's first page (up to 100 weeks: the whole bar in these tests), as a list. */
export async function openTimesheets(t: TestApp, token: string, placementId?: string): Promise<TimesheetNode[]> {
  const response = await t.gql<{ openTimesheets: { nodes: TimesheetNode[]; pageInfo: { hasNextPage: boolean } } }>(
    `query ($placementId: ID) { openTimesheets(placementId: $placementId, first: 100) { nodes { ${TIMESHEET_FIELDS} } pageInfo { hasNextPage } } }`,
    { placementId },
    { token },
  );
  const bar = dataOf(response).openTimesheets;
  expect(bar.pageInfo.hasNextPage).toBe(false);
  return bar.nodes;
}

export async function defaultTimesheet(t: TestApp, token: string, placementId?: string): Promise<TimesheetNode | null> {
  const response = await t.gql<{ defaultTimesheet: TimesheetNode | null }>(
    `query ($placementId: ID) { defaultTimesheet(placementId: $placementId) { ${TIMESHEET_WITH_PREVIEW} } }`,
    { placementId },
    { token },
  );
  return dataOf(response).defaultTimesheet;
}

export async function declarationsOf(t: TestApp, token: string, filter: Record<string, unknown>): Promise<DeclarationNode[]> {
  const response = await t.gql<{ declarations: { nodes: DeclarationNode[] } }>(
    `query ($filter: DeclarationFilterInput) { declarations(filter: $filter, first: 100) { nodes { ${DECLARATION_FIELDS} } } }`,
    { filter },
    { token },
  );
  return dataOf(response).declarations.nodes;
}

export async function timesheetsOf(t: TestApp, token: string, filter: Record<string, unknown>): Promise<TimesheetNode[]> {
  const response = await t.gql<{ timesheets: { nodes: TimesheetNode[] } }>(
    `query ($filter: TimesheetFilterInput) { timesheets(filter: $filter, first: 100) { nodes { ${TIMESHEET_FIELDS} } } }`,
    { filter },
    { token },
  );
  return dataOf(response).timesheets.nodes;
}

export async function awaitingApproval(t: TestApp, token: string): Promise<DeclarationNode[]> {
  const response = await t.gql<{ declarationsAwaitingApproval: { nodes: DeclarationNode[] } }>(
    `{ declarationsAwaitingApproval(first: 100) { nodes { ${DECLARATION_FIELDS} } } }`,
    {},
    { token },
  );
  return dataOf(response).declarationsAwaitingApproval.nodes;
}

/**
 * What the agency's staff read of a week: the timesheet with every declaration version and the
 * audit trail, and the week's declarations of the worker. A refused request must leave it equal.
 */
export async function staffSnapshot(t: TestApp, staffToken: string, timesheetId: string): Promise<unknown> {
  const response = await t.gql<{ timesheet: TimesheetNode & { flexworkerId: string } }>(
    `query ($id: ID!) { timesheet(id: $id) { ${TIMESHEET_WITH_PREVIEW}
       declarations { ${DECLARATION_FIELDS} } auditTrail { id action actorId at reason before after } } }`,
    { id: timesheetId },
    { token: staffToken },
  );
  const timesheet = dataOf(response).timesheet;
  const declarations = await declarationsOf(t, staffToken, { week: timesheet.week, flexworkerId: timesheet.flexworkerId });
  return { timesheet, declarations };
}

// ---------------------------------------------------------------------------------------------
// Lines and totals, in the notation of the golden fixtures

/** `2026-11-24 ORT-NACHT ORT 50 360 00:00-06:00` (times only where the line has them), sorted. */
export function lineTexts(breakdown: BreakdownNode): string[] {
  return breakdown.days
    .flatMap((d) => d.lines)
    .map((l) => `${l.date} ${l.hourCode} ${l.kind} ${l.percentage} ${l.minutes}${l.from !== null ? ` ${l.from}-${l.to}` : ''}`)
    .sort();
}

/** `{ 'U100 NORMAL 100': 840, … }` */
export function totalsOf(breakdown: BreakdownNode): Record<string, number> {
  return Object.fromEntries(breakdown.totals.map((total) => [`${total.hourCode} ${total.kind} ${total.percentage}`, total.minutes]));
}

export function allLines(breakdown: BreakdownNode): LineNode[] {
  return breakdown.days.flatMap((d) => d.lines);
}

// ---------------------------------------------------------------------------------------------
// The schoonmaak schedule as the createCaoUnravelSchedule input

const SCHOONMAAK = path.resolve(__dirname, '..', 'fixtures', 'unravel', 'schoonmaak', 'schedule.json');

interface RawOrtWindow {
  percentage: number | Record<string, number>;
  [field: string]: unknown;
}
interface RawVersion {
  ortWindows?: RawOrtWindow[];
  [field: string]: unknown;
}

/** The engine's JSON as the GraphQL input: an ORT window's table per day becomes `percentageByDay`. */
export function scheduleInput(raw: { source?: string; versions: RawVersion[] }, name: string): Record<string, unknown> {
  return {
    name,
    source: raw.source,
    versions: raw.versions.map((version) => ({
      ...version,
      ortWindows: version.ortWindows?.map(({ percentage, ...window }) =>
        typeof percentage === 'number'
          ? { ...window, percentage }
          : { ...window, percentageByDay: Object.entries(percentage).map(([day, value]) => ({ day, percentage: value })) },
      ),
    })),
  };
}

export interface ScheduleNode {
  id: string;
  name: string;
  version: number;
  versions: { validFrom: string }[];
}

export async function createSchoonmaakSchedule(t: TestApp, staffToken: string): Promise<ScheduleNode> {
  const raw = JSON.parse(readFileSync(SCHOONMAAK, 'utf8')) as { source?: string; versions: RawVersion[] };
  const response = await t.gql<{ createCaoUnravelSchedule: { caoUnravelSchedule: ScheduleNode } }>(
    'mutation ($input: CreateCaoUnravelScheduleInput!) { createCaoUnravelSchedule(input: $input) { caoUnravelSchedule { id name version versions { validFrom } } } }',
    { input: scheduleInput(raw, unique('Schoonmaak ')) },
    { token: staffToken },
  );
  return dataOf(response).createCaoUnravelSchedule.caoUnravelSchedule;
}

// ---------------------------------------------------------------------------------------------
// A world: a relation with a contact, a worker with a login, a placement

export interface WeekWorld {
  readonly agency: TestAgency;
  readonly relation: RelationNode;
  readonly worker: FlexworkerNode;
  readonly placement: PlacementNode;
  readonly workerToken: string;
  readonly workerUserId: string;
  readonly contactToken: string;
  readonly contactUserId: string;
}

export async function userIdOf(t: TestApp, token: string): Promise<string> {
  return dataOf(await t.gql<{ viewer: { id: string } }>('{ viewer { id } }', {}, { token })).viewer.id;
}

/**
 * A relation (or the one given, with a new contact), a worker with a login, and a placement with
 * `placement` as its settings (default: manual hour codes H100, from 2026-11-02).
 */
export async function weekWorld(
  t: TestApp,
  agency: TestAgency,
  options: { relation?: RelationNode; placement?: Record<string, unknown> } = {},
): Promise<WeekWorld> {
  const token = agency.staffToken;
  const relation = options.relation ?? (await createRelation(t, token, { name: unique('Cleaning client ') }));
  const workerEmail = `${unique('worker')}@example.com`;
  const worker = await createFlexworker(t, token, { firstName: 'Fatima', lastName: unique('Bakker'), email: workerEmail });
  await createUser(t, token, { email: workerEmail, role: 'FLEXWORKER', flexworkerId: worker.id, password: TEST_PASSWORD, displayName: worker.firstName });
  const contactEmail = `${unique('contact')}@client.example`;
  await createUser(t, token, { email: contactEmail, role: 'RELATION_CONTACT', relationId: relation.id, password: TEST_PASSWORD, displayName: 'Contact' });
  const placement = await createPlacement(t, token, {
    flexworkerId: worker.id,
    relationId: relation.id,
    startDate: '2026-11-02',
    functionName: 'Cleaner',
    ...options.placement,
  });
  const workerToken = await login(t, workerEmail, TEST_PASSWORD);
  const contactToken = await login(t, contactEmail, TEST_PASSWORD);
  return {
    agency,
    relation,
    worker,
    placement,
    workerToken,
    workerUserId: await userIdOf(t, workerToken),
    contactToken,
    contactUserId: await userIdOf(t, contactToken),
  };
}

/** The placement settings of one with the given schedule (and no manual hour codes). */
export function withSchedule(scheduleId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { caoScheduleId: scheduleId, hourCodes: undefined, ...extra };
}
