import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createAgencyWithStaff, GqlResponse, login, startTestApp, TestAgency, TestApp, TEST_PASSWORD, TravelClock, unique } from '../support/test-app';
import { createSchedule } from './cao-schedule-helpers';
import { createFlexworker, createPlacement, createRelation, createUser, dataOf, expectError } from './e2e-helpers';
import { formatJson, Json, loadSchema, mismatches, Placeholders, readApiDoc, validationErrors, withoutNoise } from './api-doc-examples-helpers';
import { makePdf } from './document-helpers';
import { httpMismatches, readHttpExamples, realIn, showResponse } from './http-doc-examples-helpers';
import { putBeforeWorker, uploadPdf } from './signing-helpers';

/*
 * docs/api.md, kept true: every example there is sent to the real server with its variables, in
 * the order of the story the doc tells, and the response shown there must match the response
 * given (see api-doc-examples-helpers.ts for how a shortened response matches). Every graphql
 * block of the doc must be valid against schema.graphql, and every example must be run here.
 *
 * To refresh the doc after a change, run with API_DOC_EXAMPLES_OUT=/tmp/api-doc: each example's
 * response is written there as the doc shows it (placeholders in place of ids).
 *
 * The clock stands on Wednesday 2026-11-25 10:00 in Amsterdam (2026-W48).
 */

const ROOT = path.resolve(__dirname, '..', '..');
const DOC = path.join(ROOT, 'docs', 'api.md');
const T0 = new Date('2026-11-25T09:00:00.000Z');
const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const at = (offset: number) => new Date(T0.getTime() + offset).toISOString();
const OUT = process.env.API_DOC_EXAMPLES_OUT;

type Data = Record<string, unknown>;
const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { token } }';
type Node = Record<string, unknown> & { id: string };

describe('docs/api.md: the examples, sent to the server', () => {
  const doc = readApiDoc(DOC);
  const schema = loadSchema(path.join(ROOT, 'schema.graphql'));
  const ids = new Placeholders();
  const ran = new Set<string>();
  const clock = new TravelClock(T0);
  let t: TestApp;
  let agency: TestAgency;
  const tokens: Record<'fatima' | 'mihai' | 'agnieszka' | 'contact' | 'staff' | 'payroll', string> = {
    fatima: '',
    mihai: '',
    agnieszka: '',
    contact: '',
    staff: '',
    payroll: '',
  };

  /** Sends the doc's example as `token`, lets `register` name new ids, and compares with the doc. */
  async function run(
    name: string,
    token: string | undefined,
    options: { register?: (data: Data) => void; normalise?: (shown: Json) => Json } = {},
  ): Promise<GqlResponse<Data>> {
    const example = doc.examples.get(name);
    if (!example) throw new Error(`docs/api.md has no example ${name}`);
    ran.add(name);
    const variables = example.variables ? (ids.toReal(example.variables) as Data) : undefined;
    const response = await t.gql<Data>(example.document, variables, { token });
    if (response.body.data) options.register?.(response.body.data);
    let shown = ids.toDoc(withoutNoise(response.body as Json));
    if (options.normalise) shown = options.normalise(shown);
    if (OUT) {
      mkdirSync(OUT, { recursive: true });
      writeFileSync(path.join(OUT, `${name}.json`), `${formatJson(shown)}\n`);
    }
    // Writing the doc (API_DOC_EXAMPLES_OUT set), an example may still wait for its response block.
    if (example.response === undefined && OUT) return response;
    expect({ example: name, line: example.line, hasResponse: example.response !== undefined }).toEqual({ example: name, line: example.line, hasResponse: true });
    expect({ example: name, mismatches: mismatches(example.response as Json, shown) }).toEqual({ example: name, mismatches: [] });
    return response;
  }

  /** The HTTP examples (POST /uploads): the placeholders that stand in their texts, the files sent by name. */
  const http = readHttpExamples(DOC);
  const httpPlaceholders: string[] = [];
  const files = new Map<string, Buffer>();

  /** Sends the doc's HTTP example (placeholders replaced, an upload's body from `files`) and compares the answer. */
  async function send(name: string, register?: (body: string) => void): Promise<{ status: number; body: string }> {
    const shown = http.examples.get(name);
    if (!shown) throw new Error(`docs/api.md has no http example ${name}`);
    ran.add(name);
    const { method, path: target, headers, body } = shown.request;
    const file = /^<([\w.-]+)>$/.exec(body.trim());
    const response = await fetch(`${t.baseUrl}${realIn(ids, target, httpPlaceholders)}`, {
      method,
      headers: Object.fromEntries(headers.map(([k, v]) => [k, realIn(ids, v, httpPlaceholders)])),
      body: file ? files.get(file[1]) : body || undefined,
    });
    const raw = await response.text();
    register?.(raw);
    const json = ids.toDoc(raw);
    const answer = { status: response.status, headers: response.headers, body: typeof json === 'string' ? json : raw };
    if (OUT) {
      mkdirSync(OUT, { recursive: true });
      writeFileSync(path.join(OUT, `${name}.http`), showResponse(shown.response, answer));
    }
    expect({ example: name, line: shown.line, mismatches: httpMismatches(shown.response, answer) }).toEqual({ example: name, line: shown.line, mismatches: [] });
    return { status: response.status, body: raw };
  }

  beforeAll(async () => {
    t = await startTestApp({ clock, env: { SESSION_TTL_MINUTES: String(90 * 24 * 60), LOGIN_MAX_FAILURES: '3' } });
    agency = await createAgencyWithStaff(t, 'U-Boss uitzendbureau');
    tokens.staff = agency.staffToken;
    ids.add(agency.staff.id, 'user-staff');
    ids.add(agency.agencyId, 'agency-uboss');
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('every graphql block of the doc is valid against schema.graphql', () => {
    expect(doc.graphqlBlocks.length).toBeGreaterThan(20);
    const invalid = doc.graphqlBlocks.map((b) => ({ line: b.line, errors: validationErrors(schema, b.text) })).filter((b) => b.errors.length > 0);
    expect(invalid).toEqual([]);
  });

  it('staff: a relation, three workers with their logins, a Dutch-speaking contact, the schoonmaak schedule', async () => {
    const staff = tokens.staff;
    const relation = await createRelation(t, staff, { name: 'Kantoorschoonmaak Noord B.V.' });
    ids.add(relation.id, 'relation-kantoor');
    const people = [
      { key: 'fatima', firstName: 'Fatima', lastName: 'El Amrani' },
      { key: 'mihai', firstName: 'Mihai', lastName: 'Popescu' },
      { key: 'agnieszka', firstName: 'Agnieszka', lastName: 'Kowalska' },
    ] as const;
    for (const person of people) {
      const email = `${unique(person.key)}@example.com`;
      ids.add(email, `${person.key}@example.com`);
      const worker = await createFlexworker(t, staff, { firstName: person.firstName, lastName: person.lastName, email, language: 'EN' });
      ids.add(worker.id, `flexworker-${person.key}`);
      const userId = await createUser(t, staff, { email, role: 'FLEXWORKER', flexworkerId: worker.id, password: TEST_PASSWORD, displayName: person.firstName, language: 'EN' });
      ids.add(userId, `user-${person.key}`);
      if (person.key !== 'fatima') tokens[person.key] = await login(t, email, TEST_PASSWORD);
    }
    const contactEmail = `${unique('sanne')}@kantoorschoonmaak.example`;
    ids.add(contactEmail, 'sanne@kantoorschoonmaak.example');
    const contactId = await createUser(t, staff, {
      email: contactEmail,
      role: 'RELATION_CONTACT',
      relationId: relation.id,
      password: TEST_PASSWORD,
      displayName: 'Sanne de Vries',
      language: 'NL',
    });
    ids.add(contactId, 'user-sanne');
    tokens.contact = await login(t, contactEmail, TEST_PASSWORD);

    const raw = JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'unravel', 'schoonmaak', 'schedule.json'), 'utf8')) as Record<string, Json>;
    const schedule = dataOf(await createSchedule(t, staff, raw)).createCaoUnravelSchedule;
    ids.add(schedule.id, 'schedule-schoonmaak');
  });

  it('staff place the three workers: with the schedule, with hour codes, and where the relation enters the hours', async () => {
    const placements = [
      ['create-placement', 'placement-fatima'],
      ['create-placement-hour-codes', 'placement-mihai'],
      ['create-placement-by-relation', 'placement-agnieszka'],
    ] as const;
    for (const [name, placeholder] of placements) {
      await run(name, tokens.staff, { register: (d) => ids.add((d.createPlacement as { placement: Node }).placement.id, placeholder) });
    }
    // A placement from 1900 is a typing error (it would give the worker 6,518 weeks): refused, nothing made.
    expectError(await run('placement-date-out-of-range', tokens.staff), 'BAD_USER_INPUT', 'DATE_OUT_OF_RANGE');
  });

  it('the worker logs in; a bad id is NOT_FOUND', async () => {
    const response = await run('login', undefined, {
      register: (d) => {
        const payload = d.login as { token: string };
        tokens.fatima = payload.token;
        ids.add(payload.token, '<token>');
      },
    });
    expect(dataOf(response).login).toMatchObject({ viewer: { role: 'FLEXWORKER', flexworkerId: ids.real('flexworker-fatima') } });
    expectError(await run('not-found', tokens.fatima), 'NOT_FOUND', 'NOT_FOUND');
  });

  it('the worker lands on last week, sees the blue bar, opens any week but not next week', async () => {
    const landed = await run('default-timesheet', tokens.fatima, { register: (d) => ids.add((d.defaultTimesheet as Node).id, 'timesheet-fatima-W47') });
    expect(dataOf(landed).defaultTimesheet).toMatchObject({ week: '2026-W47', status: 'OPEN', editable: true, late: true });

    const bar = await run('open-timesheets', tokens.fatima, {
      register: (d) => {
        for (const week of (d.openTimesheets as { nodes: Node[] }).nodes) if (week.week !== '2026-W47') ids.add(week.id, `timesheet-fatima-${String(week.week).slice(5)}`);
      },
    });
    expect((dataOf(bar).openTimesheets as { nodes: Node[] }).nodes.map((w) => w.week)).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);

    const week = await run('timesheet-for-week', tokens.fatima);
    expect(dataOf(week).timesheetForWeek).toMatchObject({ id: ids.real('timesheet-fatima-W46'), week: '2026-W46' });
    expectError(await run('week-in-future', tokens.fatima), 'BAD_USER_INPUT', 'WEEK_IN_FUTURE');
  });

  it('"Alleen opslaan" keeps the draft with its preview; bad input and a stale version change nothing', async () => {
    const saved = (dataOf(await run('save-timesheet', tokens.fatima)).saveTimesheet as { timesheet: Data & { preview: { totals: Data[] } } }).timesheet;
    expect(saved).toMatchObject({ status: 'OPEN', version: 2 });
    // Totals come sorted by hour code.
    expect(saved.preview.totals).toEqual([
      { hourCode: 'ORT-AVOND', kind: 'ORT', percentage: 25, hours: '3:30' },
      { hourCode: 'ORT-FEEST', kind: 'ORT', percentage: 100, hours: '6:00' },
      { hourCode: 'ORT-NACHT', kind: 'ORT', percentage: 50, hours: '5:30' },
      { hourCode: 'OW125', kind: 'OVERTIME', percentage: 125, hours: '0:15' },
      { hourCode: 'U100', kind: 'NORMAL', percentage: 100, hours: '29:30' },
    ]);

    const problems = expectError(await run('save-timesheet-problems', tokens.fatima), 'BAD_USER_INPUT');
    expect(problems.extensions.problems!.map((p) => [p.path, p.reason])).toEqual([
      ['days[0].breakDuration', 'BREAK_WITHOUT_TIMES'],
      ['days[1]', 'DAY_ENTRY_MODE'],
      ['days[2].date', 'DAY_OUTSIDE_WEEK'],
      ['days[3].breaks[0]', 'BREAK_OUTSIDE_BLOCKS'],
    ]);
    const formats = await run('save-timesheet-formats', tokens.fatima);
    expect(formats.status).toBe(400);
    expect(expectError(formats, 'BAD_USER_INPUT').extensions.problems!.map((p) => [p.path, p.reason])).toEqual([
      ['days[0].total', 'HOURS_MINUTES_FORMAT'],
      ['days[1].blocks[0].start', 'LOCAL_TIME_FORMAT'],
    ]);
    expectError(await run('stale-version', tokens.fatima), 'CONFLICT', 'STALE_VERSION');
    const unchanged = dataOf(await t.gql<Data>('query ($id: ID!) { timesheet(id: $id) { version days { date } } }', { id: ids.real('timesheet-fatima-W47') }, { token: tokens.fatima }));
    expect(unchanged.timesheet).toEqual({ version: 2, days: [{ date: '2026-11-16' }, { date: '2026-11-18' }, { date: '2026-11-19' }, { date: '2026-11-22' }] });
  });

  it('hours per hour code, where the placement has no schedule', async () => {
    const week = dataOf(
      await t.gql<{ timesheetForWeek: Node }>('query ($p: ID!) { timesheetForWeek(placementId: $p, week: "2026-W47") { id } }', { p: ids.real('placement-mihai') }, { token: tokens.mihai }),
    ).timesheetForWeek;
    ids.add(week.id, 'timesheet-mihai-W47');
    const saved = (dataOf(await run('save-hour-codes', tokens.mihai)).saveTimesheet as { timesheet: { preview: { totals: Data[]; schedule: unknown } } }).timesheet;
    expect(saved.preview.schedule).toBeNull();
    expect(saved.preview.totals.map((x) => [x.hourCode, x.kind, x.hours])).toEqual([
      ['H100', 'MANUAL', '8:00'],
      ['H125', 'MANUAL', '1:30'],
      ['H150', 'MANUAL', '4:00'],
    ]);
  });

  it('"Opslaan + Accorderen": the draft of week 47, and week 46 with its days in one go', async () => {
    const approved = dataOf(await run('save-and-approve', tokens.fatima, { register: (d) => ids.add(declarationOf(d).id, 'declaration-fatima-W47-1') }))
      .saveAndApproveTimesheet as { timesheet: Node; removedFromOpenTimesheets: string[] };
    expect(approved.removedFromOpenTimesheets).toEqual([approved.timesheet.id]);
    expect(approved.timesheet).toMatchObject({ status: 'SUBMITTED', editable: false, approvedByWorkerAt: at(0), currentDeclaration: { number: 1, status: 'AWAITING_RELATION' } });
    const w46 = weekOf(dataOf(await run('save-and-approve-days', tokens.fatima, { register: (d) => ids.add(declarationOf(d).id, 'declaration-fatima-W46-1') })));
    expect(w46).toMatchObject({ status: 'SUBMITTED', currentDeclaration: { number: 1, breakdown: { workedHours: '40:00' } } });
  });

  it('the contact sees both weeks waiting, rejects week 47 (a reason is required), and approves all or none', async () => {
    clock.set(new Date(T0.getTime() + HOUR));
    const inbox = dataOf(await run('awaiting-approval', tokens.contact)).declarationsAwaitingApproval as { nodes: Node[] };
    expect(inbox.nodes.map((d) => [d.week, d.number])).toEqual([
      ['2026-W46', 1],
      ['2026-W47', 1],
    ]);
    const refused = expectError(await run('reject-without-reason', tokens.contact), 'BAD_USER_INPUT', 'REASON_REQUIRED');
    expect(refused.message).toBe('Geef een reden op.');
    const rejected = (dataOf(await run('reject-declaration', tokens.contact)).rejectDeclaration as { declaration: Data }).declaration;
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectedAt: at(HOUR) });

    expectError(await run('approve-all-or-none', tokens.contact), 'CONFLICT', 'TIMESHEET_NOT_SUBMITTED');
    const still = dataOf(await t.gql<Data>('query ($id: ID!) { declaration(id: $id) { status } }', { id: ids.real('declaration-fatima-W46-1') }, { token: tokens.contact }));
    expect(still.declaration).toEqual({ status: 'AWAITING_RELATION' });
  });

  it('the worker sees the rejection, changes Sunday and approves again: declaration 2; the contact approves both weeks', async () => {
    clock.set(new Date(T0.getTime() + 2 * HOUR));
    const week = dataOf(await run('rejection-shown', tokens.fatima)).timesheet;
    expect(week).toMatchObject({ status: 'OPEN', editable: true, version: 4, rejection: { rejectedAt: at(HOUR) } });
    const again = weekOf(dataOf(await run('approve-again', tokens.fatima, { register: (d) => ids.add(declarationOf(d).id, 'declaration-fatima-W47-2') })));
    expect(again).toMatchObject({ status: 'SUBMITTED', currentDeclaration: { number: 2, origin: 'WORKER' } });

    clock.set(new Date(T0.getTime() + 3 * HOUR));
    const approved = (dataOf(await run('approve-declarations', tokens.contact)).approveDeclarations as { declarations: Node[] }).declarations;
    expect(approved.map((d) => [d.week, d.number, d.status, d.approvedByRelationAt])).toEqual([
      ['2026-W46', 1, 'APPROVED', at(3 * HOUR)],
      ['2026-W47', 2, 'APPROVED', at(3 * HOUR)],
    ]);
  });

  it("the worker's declaration-status tab; 28 days after the relation's approval the weeks are still there, a day later gone", async () => {
    const tab = dataOf(await run('declaration-status', tokens.fatima)).declarationStatus as { nodes: Data[] };
    expect(tab.nodes.map((w) => [w.week, w.status])).toEqual([
      ['2026-W48', 'OPEN'],
      ['2026-W47', 'APPROVED'],
      ['2026-W46', 'APPROVED'],
      ['2026-W45', 'OPEN'],
    ]);
    const weeksOnTab = async () =>
      (dataOf(await t.gql<{ declarationStatus: { nodes: Data[] } }>('{ declarationStatus(first: 100) { nodes { week } } }', {}, { token: tokens.fatima })).declarationStatus.nodes).map(
        (w) => w.week,
      );
    clock.set(new Date(T0.getTime() + 3 * HOUR + 28 * DAY - 1000));
    expect(await weeksOnTab()).toEqual(expect.arrayContaining(['2026-W47', '2026-W46']));
    clock.set(new Date(T0.getTime() + 3 * HOUR + 28 * DAY + 1000));
    expect(await weeksOnTab()).not.toEqual(expect.arrayContaining(['2026-W47']));
    clock.set(new Date(T0.getTime() + 3 * HOUR));
  });

  it('where the relation enters the hours, the contact fills in and approves the week at once', async () => {
    const bar = dataOf(
      await run('relation-open-timesheets', tokens.contact, {
        register: (d) => {
          for (const week of (d.openTimesheets as { nodes: Node[] }).nodes) ids.add(week.id, `timesheet-agnieszka-${String(week.week).slice(5)}`);
        },
      }),
    ).openTimesheets as { nodes: Node[] };
    expect(bar.nodes.map((w) => w.week)).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    const entered = weekOf(dataOf(await run('relation-enters', tokens.contact, { register: (d) => ids.add(declarationOf(d).id, 'declaration-agnieszka-W47-1') })));
    expect(entered).toMatchObject({ status: 'APPROVED', currentDeclaration: { number: 1, origin: 'RELATION', status: 'APPROVED' } });

    // The worker sees such a week but cannot change it.
    const week = ids.real('timesheet-agnieszka-W48');
    const seen = dataOf(await t.gql<Data>('query ($id: ID!) { timesheet(id: $id) { enteredBy editable version } }', { id: week }, { token: tokens.agnieszka }));
    expect(seen.timesheet).toEqual({ enteredBy: 'RELATION', editable: false, version: 1 });
    const save = 'mutation ($input: SaveTimesheetInput!) { saveTimesheet(input: $input) { timesheet { id } } }';
    const input = { timesheetId: week, expectedVersion: 1, days: [{ date: '2026-11-23', blocks: [{ start: '07:00', end: '15:00' }] }] };
    expectError(await t.gql(save, { input }, { token: tokens.agnieszka }), 'FORBIDDEN', 'HOURS_ENTERED_BY_OTHER_PARTY');
  });

  it('staff: the week overview page by page, the approved declarations, a correction with its audit trail', async () => {
    clock.set(new Date(T0.getTime() + 4 * HOUR));
    const first = dataOf(
      await run('staff-timesheets', tokens.staff, {
        register: (d) => (d.timesheets as { edges: { cursor: string }[] }).edges.forEach((e, i) => ids.add(e.cursor, `cursor-${i + 1}`)),
      }),
    ).timesheets as { edges: { node: Data }[]; pageInfo: Data };
    expect(first.edges.map((e) => e.node.week)).toEqual(['2026-W48', '2026-W47']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = dataOf(
      await run('staff-timesheets-page-2', tokens.staff, {
        register: (d) => (d.timesheets as { edges: { cursor: string }[] }).edges.forEach((e, i) => ids.add(e.cursor, `cursor-${i + 3}`)),
      }),
    ).timesheets as { edges: { node: Data }[]; pageInfo: Data };
    expect(second.edges.map((e) => e.node.week)).toEqual(['2026-W46', '2026-W45']);
    expect(second.pageInfo.hasNextPage).toBe(false);

    const approved = dataOf(await run('staff-declarations', tokens.staff, { normalise: sortNodes })).declarations as { nodes: Data[] };
    expect(approved.nodes).toHaveLength(3);

    const register = (d: Data) => ids.add((d.correctDeclaration as { declaration: Node }).declaration.id, 'declaration-fatima-W47-3');
    const correction = (dataOf(await run('correct-declaration', tokens.staff, { register })).correctDeclaration as { declaration: Node }).declaration;
    expect(correction).toMatchObject({ number: 3, origin: 'CORRECTION', status: 'APPROVED', correctedAt: at(4 * HOUR), approvedByRelationAt: null, approvedByAgency: true });
    const history = dataOf(await run('audit-trail', tokens.staff)).timesheet as { declarations: Data[]; auditTrail: Data[] };
    expect(history.declarations.map((d) => [d.number, d.status])).toEqual([
      [1, 'REJECTED'],
      [2, 'SUPERSEDED'],
      [3, 'APPROVED'],
    ]);
    expect(history.auditTrail).toHaveLength(1);
  });

  it('payroll: an API key, then the approved declarations of a week', async () => {
    await run('create-api-client', tokens.staff, {
      register: (d) => {
        const created = d.createApiClient as { apiKey: string; apiClient: { id: string; keyPrefix: string } };
        tokens.payroll = created.apiKey;
        ids.add(created.apiKey, '<api key>');
        ids.add(created.apiClient.id, 'api-client-payroll');
        ids.add(created.apiClient.keyPrefix, `${created.apiClient.keyPrefix.slice(0, 4)}…`);
      },
    });
    const week = dataOf(
      await run('payroll-declarations', tokens.payroll, {
        register: (d) => ids.add(String((d.declarations as { pageInfo: { endCursor: string } }).pageInfo.endCursor), 'cursor-of-the-last'),
        normalise: sortNodes,
      }),
    ).declarations as { nodes: Data[] };
    expect(week.nodes.map((d) => [d.flexworkerId, d.number, d.origin])).toEqual(
      expect.arrayContaining([
        [ids.real('flexworker-fatima'), 3, 'CORRECTION'],
        [ids.real('flexworker-agnieszka'), 1, 'RELATION'],
      ]),
    );
  });

  it("payroll reads, as the doc states (docs/api.md, \"What PAYROLL reads\"): weeks with who, where and when, and changes nothing", async () => {
    const key = tokens.payroll;
    const week = ids.real('timesheet-fatima-W47');
    const read = (fields: string) => t.gql<Data>(`query ($id: ID!) { timesheet(id: $id) { ${fields} } }`, { id: week }, { token: key });
    const shown = dataOf(
      await read('week status currentDeclarationId declarations { number } auditTrail { action } flexworker { id } placement { id } relation { id } enteredBy late preview { workedMinutes }'),
    ).timesheet as Data;
    expect(shown).toMatchObject({
      week: '2026-W47',
      status: 'APPROVED',
      currentDeclarationId: ids.real('declaration-fatima-W47-3'),
      declarations: [{ number: 1 }, { number: 2 }, { number: 3 }],
      auditTrail: [{ action: 'DECLARATION_CORRECTED' }],
      flexworker: { id: ids.real('flexworker-fatima') },
      enteredBy: 'FLEXWORKER',
    });
    expect((shown.placement as Data).id).toBe((shown.placement as Data).id);
    expect(shown.relation).not.toBeNull();
    for (const list of ['flexworkers', 'placements', 'relations']) {
      const listed = dataOf(await t.gql<Data>(`{ ${list}(first: 1) { nodes { id } } }`, {}, { token: key }))[list] as { nodes: unknown[] };
      expect(listed.nodes).toHaveLength(1);
    }
    const save = await t.gql(
      'mutation ($input: SaveTimesheetInput!) { saveTimesheet(input: $input) { timesheet { id } } }',
      { input: { timesheetId: week, expectedVersion: 1, days: [] } },
      { token: key },
    );
    expectError(save, 'FORBIDDEN', 'ROLE_NOT_ALLOWED');
    // timesheetForWeek reads a week that exists and opens none: a week nobody opened is NOT_FOUND for payroll.
    const forWeek = (w: string) =>
      t.gql<Data>('query ($p: ID!, $w: IsoWeek!) { timesheetForWeek(placementId: $p, week: $w) { id } }', { p: ids.real('placement-fatima'), w }, { token: key });
    expect(dataOf(await forWeek('2026-W47')).timesheetForWeek).toEqual({ id: week });
    const unopened = expectError(await forWeek('2026-W44'), 'NOT_FOUND', 'NOT_FOUND');
    expect(unopened.extensions.params).toEqual({ entity: 'Timesheet', id: `${ids.real('placement-fatima')}/2026-W44` });
  });

  it('staff: the moments of the reminders to enter hours', async () => {
    await run('reminder-moments', tokens.staff);
  });

  it('your information: the worker reads their data and asks for a change; staff approve it', async () => {
    dataOf(await run('agency-contact', tokens.staff));
    dataOf(await run('my-information', tokens.fatima));
    dataOf(await run('request-change', tokens.fatima, {
      register: (d) => ids.add((d.requestPersonalDataChange as { changeRequest: Node }).changeRequest.id, 'change-request-fatima-1'),
    }));
    expectError(await run('request-iban-without-password', tokens.fatima), 'BAD_USER_INPUT', 'PASSWORD_REQUIRED');
    dataOf(await run('open-change-requests', tokens.staff));
    dataOf(await run('approve-change-request', tokens.staff));
  });

  it('documents to sign: staff upload a PDF for the worker, who reads the consent and signs; the copy verifies; decline, withdraw', async () => {
    files.set('arbeidsovereenkomst.pdf', await makePdf('Arbeidsovereenkomst Fatima El Amrani'));
    ids.add(tokens.staff, '<staff token>');
    httpPlaceholders.push('<staff token>');
    const uploaded = await send('upload-contract', (body) => ids.add((JSON.parse(body) as { id: string }).id, 'upload-contract'));
    expect(uploaded.status).toBe(201);
    dataOf(await run('create-signing-request', tokens.staff, {
      register: (d) => ids.add((d.createSigningRequest as { signingRequest: Node }).signingRequest.id, 'signing-request-contract'),
    }));
    dataOf(await run('documents-to-sign', tokens.fatima));
    dataOf(await run('signing-consent', tokens.fatima));
    expectError(await run('sign-document-wrong-password', tokens.fatima), 'BAD_USER_INPUT', 'PASSWORD_INCORRECT');
    const signed = dataOf(await run('sign-document', tokens.fatima)).signDocument as { signingRequest: { signedCopyUrl: string } };
    // Staff check the copy they downloaded: an intact copy this server sealed, of this document.
    const copy = Buffer.from(await (await fetch(signed.signingRequest.signedCopyUrl)).arrayBuffer());
    ids.add((await uploadPdf(t, tokens.staff, copy, 'arbeidsovereenkomst-signed.pdf')).id, 'upload-signed-copy');
    dataOf(await run('verify-signed-document', tokens.staff));
    ids.add(await putBeforeWorker(t, tokens.staff, ids.real('flexworker-fatima'), 'Huisregels Kantoorschoonmaak Noord'), 'signing-request-house-rules');
    dataOf(await run('decline-signing-request', tokens.fatima));
    ids.add(await putBeforeWorker(t, tokens.staff, ids.real('flexworker-fatima'), 'Arbeidsovereenkomst (oude versie)'), 'signing-request-old');
    dataOf(await run('withdraw-signing-request', tokens.staff));
    expectError(await run('sign-withdrawn', tokens.fatima), 'CONFLICT', 'SIGNING_REQUEST_NOT_PENDING');
  });

  it('forgot password: a reset mail, its token used once; then too many failed logins', async () => {
    const email = `${unique('lena')}@example.com`;
    ids.add(email, 'lena@example.com');
    ids.add(await createUser(t, tokens.staff, { email, role: 'AGENCY_STAFF', password: TEST_PASSWORD, displayName: 'Lena', language: 'EN' }), 'user-lena');
    dataOf(await run('request-password-reset', undefined));
    const [mail] = await t.app.database.dataSource.query(`SELECT payload->>'link' AS link FROM mail_outbox WHERE recipient_email = $1 AND kind = 'PASSWORD_RESET'`, [email]);
    ids.add(decodeURIComponent(/#token=(.+)$/.exec(mail.link as string)![1]), '<reset-token>');
    dataOf(await run('reset-password', undefined, { register: (d) => ids.add((d.resetPassword as { token: string }).token, '<new-token>') }));
    expectError(await run('reset-password-again', undefined), 'BAD_USER_INPUT', 'RESET_TOKEN_USED');
    for (const password of ['seven purple lantern', 'Seven purple lanterns', 'seven purple lanterns!']) {
      expectError(await t.gql(LOGIN, { input: { email, password } }), 'UNAUTHENTICATED', 'INVALID_CREDENTIALS');
    }
    const refused = await run('login-too-many-attempts', undefined);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('900');
  });

  it('invitations: staff invite a worker, who accepts once and lands on the current week', async () => {
    clock.set(new Date(T0.getTime() + 4 * HOUR));
    const email = `${unique('olena')}@example.com`;
    ids.add(email, 'olena@example.com');
    const worker = await createFlexworker(t, tokens.staff, { firstName: 'Olena', email, language: 'PL' });
    ids.add(worker.id, 'flexworker-olena');
    const relation = await createRelation(t, tokens.staff, { name: unique('Uitnodiging') });
    const placement = await createPlacement(t, tokens.staff, { flexworkerId: worker.id, relationId: relation.id, sendInvitations: false });
    ids.add(placement.id, 'placement-olena');
    await run('invite-user', tokens.staff, {
      register: (d) => {
        const invited = d.inviteUser as { user: { id: string }; invitation: { id: string } };
        ids.add(invited.user.id, 'user-olena');
        ids.add(invited.invitation.id, 'invitation-olena');
      },
    });
    const [mail] = await t.app.database.dataSource.query(`SELECT payload->>'link' AS link FROM mail_outbox WHERE recipient_email = $1 AND kind = 'INVITATION'`, [email]);
    const link = mail.link as string;
    ids.add(decodeURIComponent(/#token=(.+)$/.exec(link)![1]), '<invitation-token>');
    ids.add(link.slice(0, link.indexOf('/invitation#')), '<portal>');
    dataOf(await run('accept-invitation', undefined, { register: (d) => ids.add((d.acceptInvitation as { token: string }).token, '<olena-token>') }));
    expectError(await run('accept-invitation-again', undefined), 'BAD_USER_INPUT', 'INVITATION_INVALID');
  });

  it('contact: the worker writes to the agency; staff answer; unread counts, marking read, closing', async () => {
    dataOf(await run('start-message-thread', tokens.fatima, {
      register: (d) => {
        const started = d.startMessageThread as { thread: Node; message: Node };
        ids.add(started.thread.id, 'thread-fatima-1');
        ids.add(started.message.id, 'message-fatima-1');
      },
    }));
    dataOf(await run('message-inbox', tokens.staff));
    dataOf(await run('reply-message', tokens.staff, { register: (d) => ids.add((d.writeMessage as { message: Node }).message.id, 'message-staff-1') }));
    dataOf(await run('read-message-thread', tokens.fatima));
    dataOf(await run('mark-message-thread-read', tokens.fatima));
    dataOf(await run('close-message-thread', tokens.staff));
    expectError(await run('write-to-closed-thread', tokens.fatima), 'CONFLICT', 'THREAD_CLOSED');
  });

  it('every example of the doc was sent', () => {
    expect([...doc.examples.keys()].filter((name) => !ran.has(name))).toEqual([]);
    expect([...http.examples.keys()].filter((name) => !ran.has(name))).toEqual([]);
  });
});

/** The week a saveAndApproveTimesheet example answered (its payload's `timesheet`). */
function weekOf(data: Data): Node {
  return (data.saveAndApproveTimesheet as { timesheet: Node }).timesheet;
}

function declarationOf(data: Data): Node {
  return (weekOf(data) as unknown as { currentDeclaration: Node }).currentDeclaration;
}

/** Declarations of one week come in the order of their ids: sorted by week, worker and number for the doc. */
function sortNodes(shown: Json): Json {
  const data = (shown as { data: { declarations: { nodes: Data[] } } }).data;
  const key = (d: Data) => `${d.week} ${String(d.flexworkerId ?? (d.flexworker as Data | null)?.fullName ?? '')} ${String(d.number).padStart(3, '0')}`;
  data.declarations.nodes.sort((a, b) => key(a).localeCompare(key(b)));
  return shown;
}
