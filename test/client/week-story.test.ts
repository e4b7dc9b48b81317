import './apollo-dev-mode';
import { DocumentNode, FieldPolicy, OperationVariables } from '@apollo/client';
import { buildClientSchema, getIntrospectionQuery, getNamedType, IntrospectionQuery } from 'graphql';
import { dataOf } from '../e2e/e2e-helpers';
import { createSchoonmaakSchedule, startWeekApp, WED_W48_1000, weekWorld, WeekWorld, withSchedule } from '../e2e/week-helpers';
import { createAgencyWithStaff, TestApp, TravelClock, unique } from '../support/test-app';
import { dropFromConnection, typePolicies } from '../../web/src/app/cache-policies';
import {
  APPROVE,
  BLUE_BAR,
  CORRECT,
  HISTORY,
  INBOX,
  LANDING,
  OVERVIEW,
  PAYROLL_DECLARATIONS,
  REJECT,
  SAVE,
  SAVE_AND_APPROVE,
  STATUS_TAB,
  WEEK,
} from './documents';
import { ConsoleCapture, entitiesOf, expectCacheIsServer, fromCache, Person, personClient, rootFieldVariants } from './person-client';

/*
 * Issue 9, "Guard it with a real client": the week story of docs/api.md played by four front ends
 * (Apollo Client, HttpLink, InMemoryCache with the policies of docs/front-end.md, one cache per
 * person) against the real server. After each step the test reads what each screen would show
 * from the cache alone and compares it with what the server answers now, looks for weeks holding
 * another week's data, and fails on any warning Apollo writes.
 *
 * The clock stands on Wednesday 2026-11-25 10:00 (Europe/Amsterdam), in 2026-W48. Fatima's
 * placement with the schoonmaak schedule started on Monday 2 November (W45); the schedule gets a
 * second version from 23 November, so W47 and W48 are unravelled by different versions.
 */

interface WeekRow {
  id: string;
  week: string;
  status: string;
  version: number;
  rejection: { reason: string } | null;
}
interface DeclarationRow {
  id: string;
  number: number;
  week: string;
  status: string;
}
interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
interface WeekForm extends WeekRow {
  weekStart: string;
  weekEnd: string;
  days: { date: string }[];
  preview: { schedule: { versions: string[] } | null; days: { date: string; scheduleVersion: string | null }[] } | null;
  currentDeclaration: { id: string; number: number; status: string } | null;
}

const MONDAY_NIGHT = { date: '2026-11-16', blocks: [{ start: '22:00', end: '06:00' }], breakDuration: '0:30' };
const WEDNESDAY = { date: '2026-11-18', total: '8:00' };
const THURSDAY_SPLIT = { date: '2026-11-19', blocks: [{ start: '06:00', end: '10:00' }, { start: '17:00', end: '21:30' }], breaks: [{ start: '08:00', end: '08:15' }] };
const SUNDAY = { date: '2026-11-22', blocks: [{ start: '08:00', end: '14:00' }] };
const SUNDAY_CORRECTED = { date: '2026-11-22', blocks: [{ start: '08:00', end: '13:00' }] };
const W46_DAYS = ['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13'].map((date) => ({ date, total: '8:00' }));

describe('the week story through Apollo Client caches (worker, contact, staff, payroll)', () => {
  const clock = new TravelClock(WED_W48_1000);
  const capture = new ConsoleCapture();
  let t: TestApp;
  let world: WeekWorld;
  let worker: Person;
  let contact: Person;
  let staff: Person;
  let payroll: Person;
  /** The weeks by their ISO week, as the server named them. */
  const weekIds = new Map<string, string>();
  const id = (week: string) => weekIds.get(week)!;

  beforeAll(async () => {
    capture.start();
    t = await startWeekApp(clock);
    const agency = await createAgencyWithStaff(t, unique('Client cache agency '));
    const schedule = await createSchoonmaakSchedule(t, agency.staffToken);
    dataOf(
      await t.gql(
        'mutation ($input: AddCaoUnravelScheduleVersionInput!) { addCaoUnravelScheduleVersion(input: $input) { __typename } }',
        { input: { scheduleId: schedule.id, expectedVersion: schedule.version, version: { validFrom: '2026-11-23', hourCodes: { normal: 'U100' } } } },
        { token: agency.staffToken },
      ),
    );
    world = await weekWorld(t, agency, { placement: withSchedule(schedule.id) });
    const key = dataOf(
      await t.gql<{ createApiClient: { apiKey: string } }>(
        'mutation ($input: CreateApiClientInput!) { createApiClient(input: $input) { apiKey } }',
        { input: { name: 'Payroll export' } },
        { token: agency.staffToken },
      ),
    ).createApiClient.apiKey;
    worker = personClient(t, 'worker', world.workerToken);
    contact = personClient(t, 'contact', world.contactToken);
    staff = personClient(t, 'staff', agency.staffToken);
    payroll = personClient(t, 'payroll', key);
    capture.take(); // the set-up is not a front end
  });

  afterAll(async () => {
    for (const person of [worker, contact, staff, payroll]) person?.client.stop();
    await t?.stop();
    capture.stop();
  });

  /** Apollo said nothing, and no week in any cache holds another week's days, preview or declaration. */
  function expectCleanCaches(): void {
    expect(capture.take()).toEqual([]);
    for (const person of [worker, contact, staff, payroll]) {
      const declarations = entitiesOf(person, 'Declaration');
      for (const [timesheetId, stored] of entitiesOf(person, 'Timesheet')) {
        const week = stored.week as string;
        expect([person.name, timesheetId, week]).toEqual([person.name, timesheetId, [...weekIds].find(([, v]) => v === timesheetId)?.[0] ?? week]);
        const start = stored.weekStart as string | undefined;
        const end = stored.weekEnd as string | undefined;
        const dates = [
          ...((stored.days as { date: string }[] | undefined) ?? []).map((d) => d.date),
          ...(((stored.preview as WeekForm['preview']) ?? { days: [] }).days ?? []).map((d) => d.date),
        ];
        if (start && end) for (const date of dates) expect([person.name, week, date >= start && date <= end]).toEqual([person.name, week, true]);
        const current = stored.currentDeclaration as { __ref: string } | null | undefined;
        if (current) {
          const declaration = declarations.get(current.__ref.slice('Declaration:'.length));
          if (declaration?.week) expect([person.name, week, declaration.week]).toEqual([person.name, week, week]);
        }
      }
    }
  }

  /** Page 1 by a watched query, then every further page as a front end's "more" button: fetchMore. */
  async function loadAllPages<T>(person: Person, query: DocumentNode, field: string, variables: OperationVariables): Promise<T[]> {
    type Data = Record<string, Page<T> & { edges?: T[] }>;
    const observable = person.client.watchQuery<Data>({ query, variables, fetchPolicy: 'network-only' });
    let subscription: { unsubscribe(): void } | undefined;
    try {
      const first = await new Promise<Data>((resolve, reject) => {
        subscription = observable.subscribe({
          next: (result) => {
            if (result.error) reject(result.error);
            else if (!result.loading && result.data) resolve(result.data as Data);
          },
          error: reject,
        });
      });
      let pageInfo = first[field].pageInfo;
      while (pageInfo.hasNextPage) {
        const more = await observable.fetchMore({ variables: { ...variables, after: pageInfo.endCursor } });
        pageInfo = (more.data as Data)[field].pageInfo;
      }
      const all = fromCache<Data>(person, query, variables); // the merged pages, as the watched query shows them next
      return all[field].nodes ?? all[field].edges!;
    } finally {
      subscription?.unsubscribe();
    }
  }

  const barWeeks = () => fromCache<{ openTimesheets: Page<WeekRow> }>(worker, BLUE_BAR, { first: 2 }).openTimesheets.nodes.map((w) => w.week);
  const inboxIds = () => fromCache<{ declarationsAwaitingApproval: Page<DeclarationRow> }>(contact, INBOX, { first: 1 }).declarationsAwaitingApproval.nodes.map((d) => d.id);
  /** The week's form as the front end opens it: from the cache when it holds every field, else from the server. */
  const openWeek = async (person: Person, week: string) => (await person.client.query<{ timesheet: WeekForm }>({ query: WEEK, variables: { id: id(week) } })).data!.timesheet;
  const cachedWeek = (person: Person, week: string) => fromCache<{ timesheet: WeekForm }>(person, WEEK, { id: id(week) }).timesheet;

  it('every connection field of the running schema has a policy: keyArgs are its arguments except first/after, and a merge', async () => {
    const schema = buildClientSchema(dataOf(await t.gql<IntrospectionQuery>(getIntrospectionQuery(), {}, { token: world.agency.staffToken })));
    const fields = (typePolicies.Query as { fields: Record<string, FieldPolicy> }).fields;
    const connections = Object.values(schema.getQueryType()!.getFields()).filter((field) => /Connection$/.test(getNamedType(field.type).name));
    expect(connections.length).toBeGreaterThanOrEqual(9);
    for (const field of connections) {
      const expectedKeyArgs = field.args.map((arg) => arg.name).filter((name) => !['first', 'after', 'last', 'before'].includes(name)).sort();
      const policy = fields[field.name];
      expect([field.name, typeof policy?.merge]).toEqual([field.name, 'function']);
      expect([field.name, policy.keyArgs === false ? [] : [...(policy.keyArgs as string[])].sort()]).toEqual([field.name, expectedKeyArgs]);
    }
    // Every type the policies name exists, so that a renamed type cannot leave a policy behind.
    for (const typename of Object.keys(typePolicies).filter((name) => name !== 'Query')) expect([typename, schema.getType(typename) !== undefined]).toEqual([typename, true]);
    expectCleanCaches();
  });

  it('the worker lands on last week and pages through the blue bar: one list in the cache, oldest first', async () => {
    const landing = (await worker.client.query<{ defaultTimesheet: WeekForm }>({ query: LANDING })).data!.defaultTimesheet;
    expect(landing).toMatchObject({ week: '2026-W47', status: 'OPEN', editable: true, days: [] });

    const bar = await loadAllPages<WeekRow>(worker, BLUE_BAR, 'openTimesheets', { first: 2 });
    for (const row of bar) weekIds.set(row.week, row.id);
    expect(bar.map((w) => w.week)).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(barWeeks()).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(rootFieldVariants(worker, 'openTimesheets')).toHaveLength(1); // first/after are no part of the key
    // The landing week and the bar's W47 are one object in the cache.
    expect(landing.id).toBe(id('2026-W47'));
    expect(entitiesOf(worker, 'Timesheet').size).toBe(4);

    await worker.client.query({ query: STATUS_TAB });
    await expectCacheIsServer(t, worker, BLUE_BAR, { first: 2 }, { first: 100 });
    await expectCacheIsServer(t, worker, LANDING);
    await expectCacheIsServer(t, worker, STATUS_TAB);
    expectCleanCaches();
  });

  it('the worker saves W47, then clears Thursday, and saves W48 under the new schedule version: each week keeps its own days and preview', async () => {
    const first = await worker.client.mutate<{ saveTimesheet: { timesheet: WeekForm } }>({
      mutation: SAVE,
      variables: { input: { timesheetId: id('2026-W47'), expectedVersion: 1, days: [MONDAY_NIGHT, WEDNESDAY, THURSDAY_SPLIT, SUNDAY] } },
    });
    expect(first.data!.saveTimesheet.timesheet.days).toHaveLength(4);
    // The day is cleared by leaving it out: the cache replaces the days instead of warning about them.
    await worker.client.mutate({
      mutation: SAVE,
      variables: { input: { timesheetId: id('2026-W47'), expectedVersion: 2, days: [MONDAY_NIGHT, WEDNESDAY, SUNDAY] } },
    });
    expect(cachedWeek(worker, '2026-W47')).toMatchObject({ version: 3, days: [{ date: '2026-11-16' }, { date: '2026-11-18' }, { date: '2026-11-22' }] });

    const w48 = (await worker.client.query<{ timesheet: WeekForm }>({ query: WEEK, variables: { id: id('2026-W48') } })).data!.timesheet;
    await worker.client.mutate({
      mutation: SAVE,
      variables: { input: { timesheetId: w48.id, expectedVersion: w48.version, days: [{ date: '2026-11-23', total: '8:00' }] } },
    });
    const w47 = cachedWeek(worker, '2026-W47');
    const w48Saved = cachedWeek(worker, '2026-W48');
    expect(w47.preview!.schedule!.versions).toEqual(['2026-01-01']);
    expect(w47.preview!.days.map((d) => d.scheduleVersion)).toEqual(['2026-01-01', '2026-01-01', '2026-01-01']);
    expect(w48Saved.preview!.schedule!.versions).toEqual(['2026-11-23']);
    expect(w48Saved.days.map((d) => d.date)).toEqual(['2026-11-23']);

    await expectCacheIsServer(t, worker, WEEK, { id: id('2026-W47') });
    await expectCacheIsServer(t, worker, WEEK, { id: id('2026-W48') });
    await expectCacheIsServer(t, worker, LANDING);
    expectCleanCaches();
  });

  it('"Opslaan + Accorderen" of W46 and W47: removedFromOpenTimesheets takes them out of the cached blue bar, no refetch', async () => {
    const w46 = await openWeek(worker, '2026-W46');
    const approved46 = await worker.client.mutate<{ saveAndApproveTimesheet: { removedFromOpenTimesheets: string[] } }>({
      mutation: SAVE_AND_APPROVE,
      variables: { input: { timesheetId: w46.id, expectedVersion: w46.version, confirm: true, days: W46_DAYS } },
      update: (cache, { data }) => dropFromConnection(cache, 'openTimesheets', 'Timesheet', data!.saveAndApproveTimesheet.removedFromOpenTimesheets),
    });
    expect(approved46.data!.saveAndApproveTimesheet.removedFromOpenTimesheets).toEqual([w46.id]);
    expect(barWeeks()).toEqual(['2026-W45', '2026-W47', '2026-W48']);

    const w47 = await openWeek(worker, '2026-W47');
    await worker.client.mutate<{ saveAndApproveTimesheet: { removedFromOpenTimesheets: string[] } }>({
      mutation: SAVE_AND_APPROVE,
      variables: { input: { timesheetId: w47.id, expectedVersion: w47.version, confirm: true } },
      update: (cache, { data }) => dropFromConnection(cache, 'openTimesheets', 'Timesheet', data!.saveAndApproveTimesheet.removedFromOpenTimesheets),
    });
    expect(barWeeks()).toEqual(['2026-W45', '2026-W48']);
    expect(cachedWeek(worker, '2026-W47')).toMatchObject({ status: 'SUBMITTED', editable: false, currentDeclaration: { number: 1, status: 'AWAITING_RELATION' } });

    await expectCacheIsServer(t, worker, BLUE_BAR, { first: 2 }, { first: 100 });
    await expectCacheIsServer(t, worker, STATUS_TAB); // the tab's rows are the same objects: their status moved with them
    await expectCacheIsServer(t, worker, WEEK, { id: id('2026-W47') });
    expectCleanCaches();
  });

  it('the contact pages through the inbox, approves W46 and rejects W47: removedFromAwaitingApproval empties it', async () => {
    const inbox = await loadAllPages<DeclarationRow>(contact, INBOX, 'declarationsAwaitingApproval', { first: 1 });
    expect(inbox.map((d) => [d.week, d.number, d.status])).toEqual([
      ['2026-W46', 1, 'AWAITING_RELATION'],
      ['2026-W47', 1, 'AWAITING_RELATION'],
    ]);
    expect(inboxIds()).toEqual(inbox.map((d) => d.id));
    const [d46, d47] = inbox;

    const approved = await contact.client.mutate<{ approveDeclarations: { removedFromAwaitingApproval: string[]; removedFromOpenTimesheets: string[] } }>({
      mutation: APPROVE,
      variables: { input: { declarationIds: [d46.id] } },
      update: (cache, { data }) => {
        dropFromConnection(cache, 'declarationsAwaitingApproval', 'Declaration', data!.approveDeclarations.removedFromAwaitingApproval);
        dropFromConnection(cache, 'openTimesheets', 'Timesheet', data!.approveDeclarations.removedFromOpenTimesheets);
      },
    });
    expect(approved.data!.approveDeclarations).toMatchObject({ removedFromAwaitingApproval: [d46.id], removedFromOpenTimesheets: [] });
    expect(inboxIds()).toEqual([d47.id]);
    expect(entitiesOf(contact, 'Declaration').get(d46.id)).toMatchObject({ status: 'APPROVED' });
    await expectCacheIsServer(t, contact, INBOX, { first: 1 }, { first: 100 });

    await contact.client.mutate<{ rejectDeclaration: { removedFromAwaitingApproval: string[] } }>({
      mutation: REJECT,
      variables: { input: { declarationId: d47.id, reason: 'Zondag tot 13:00 gewerkt, niet tot 14:00.' } },
      update: (cache, { data }) => dropFromConnection(cache, 'declarationsAwaitingApproval', 'Declaration', data!.rejectDeclaration.removedFromAwaitingApproval),
    });
    expect(inboxIds()).toEqual([]);
    expect(entitiesOf(contact, 'Declaration').get(d47.id)).toMatchObject({ status: 'REJECTED' });
    expect(entitiesOf(contact, 'Timesheet').get(id('2026-W47'))).toMatchObject({ status: 'OPEN' });
    await expectCacheIsServer(t, contact, INBOX, { first: 1 }, { first: 100 });
    expectCleanCaches();
  });

  it("the worker's cache cannot know what the contact did: refetching the blue bar brings W47 back with the reason", async () => {
    // What the worker's screen shows until it asks again (docs/front-end.md: refetch on focus or a poll).
    expect(barWeeks()).toEqual(['2026-W45', '2026-W48']);
    expect(cachedWeek(worker, '2026-W47').status).toBe('SUBMITTED');

    const bar = await loadAllPages<WeekRow>(worker, BLUE_BAR, 'openTimesheets', { first: 2 });
    expect(bar.map((w) => w.week)).toEqual(['2026-W45', '2026-W47', '2026-W48']);
    expect(barWeeks()).toEqual(['2026-W45', '2026-W47', '2026-W48']);
    expect(cachedWeek(worker, '2026-W47')).toMatchObject({ status: 'OPEN', editable: true, rejection: { reason: 'Zondag tot 13:00 gewerkt, niet tot 14:00.' } });
    await worker.client.query({ query: STATUS_TAB, fetchPolicy: 'network-only' });
    await expectCacheIsServer(t, worker, BLUE_BAR, { first: 2 }, { first: 100 });
    await expectCacheIsServer(t, worker, STATUS_TAB);
    await expectCacheIsServer(t, worker, WEEK, { id: id('2026-W47') });
    expectCleanCaches();
  });

  it('the worker changes Sunday and approves again; the contact refetches the inbox and approves declaration 2', async () => {
    const w47 = cachedWeek(worker, '2026-W47');
    await worker.client.mutate<{ saveAndApproveTimesheet: { removedFromOpenTimesheets: string[] } }>({
      mutation: SAVE_AND_APPROVE,
      variables: { input: { timesheetId: w47.id, expectedVersion: w47.version, confirm: true, days: [MONDAY_NIGHT, WEDNESDAY, SUNDAY_CORRECTED] } },
      update: (cache, { data }) => dropFromConnection(cache, 'openTimesheets', 'Timesheet', data!.saveAndApproveTimesheet.removedFromOpenTimesheets),
    });
    expect(barWeeks()).toEqual(['2026-W45', '2026-W48']);
    expect(cachedWeek(worker, '2026-W47')).toMatchObject({ status: 'SUBMITTED', rejection: null, currentDeclaration: { number: 2 } });
    await expectCacheIsServer(t, worker, BLUE_BAR, { first: 2 }, { first: 100 });

    const inbox = await loadAllPages<DeclarationRow>(contact, INBOX, 'declarationsAwaitingApproval', { first: 1 });
    expect(inbox.map((d) => [d.week, d.number])).toEqual([['2026-W47', 2]]);
    await contact.client.mutate<{ approveDeclarations: { removedFromAwaitingApproval: string[] } }>({
      mutation: APPROVE,
      variables: { input: { declarationIds: [inbox[0].id] } },
      update: (cache, { data }) => dropFromConnection(cache, 'declarationsAwaitingApproval', 'Declaration', data!.approveDeclarations.removedFromAwaitingApproval),
    });
    expect(inboxIds()).toEqual([]);
    await expectCacheIsServer(t, contact, INBOX, { first: 1 }, { first: 100 });
    expectCleanCaches();
  });

  it('staff page through two filtered overviews (one cached list per filter) and correct W47: declaration 3 in force, 2 superseded, in every list', async () => {
    const mine = { filter: { flexworkerId: world.worker.id }, first: 2 };
    const approvedOnly = { filter: { flexworkerId: world.worker.id, statuses: ['APPROVED'] }, first: 2 };
    const firstPage = (await staff.client.query<{ timesheets: { edges: { node: WeekRow }[]; pageInfo: Page<unknown>['pageInfo'] } }>({ query: OVERVIEW, variables: mine })).data!.timesheets;
    expect(firstPage.edges.map((e) => e.node.week)).toEqual(['2026-W48', '2026-W47']);
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    await loadAllPages(staff, OVERVIEW, 'timesheets', mine);
    await loadAllPages(staff, OVERVIEW, 'timesheets', approvedOnly);
    const weeksOf = (variables: OperationVariables) =>
      fromCache<{ timesheets: { edges: { node: WeekRow }[] } }>(staff, OVERVIEW, variables).timesheets.edges.map((e) => e.node.week);
    expect(weeksOf(mine)).toEqual(['2026-W48', '2026-W47', '2026-W46', '2026-W45']);
    expect(weeksOf(approvedOnly)).toEqual(['2026-W47', '2026-W46']);
    expect(rootFieldVariants(staff, 'timesheets')).toHaveLength(2);

    const history = (await staff.client.query<{ timesheet: { version: number; currentDeclaration: { id: string } } }>({ query: HISTORY, variables: { id: id('2026-W47') } })).data!.timesheet;
    const corrected = await staff.client.mutate<{ correctDeclaration: { declaration: { id: string; number: number; previousDeclarationId: string } } }>({
      mutation: CORRECT,
      variables: {
        input: {
          declarationId: history.currentDeclaration.id,
          expectedVersion: history.version,
          reason: 'Relation reported half an hour more on Wednesday',
          days: [MONDAY_NIGHT, { date: '2026-11-18', total: '8:30' }, SUNDAY_CORRECTED],
        },
      },
    });
    const third = corrected.data!.correctDeclaration.declaration;
    expect(third).toMatchObject({ number: 3, previousDeclarationId: history.currentDeclaration.id });
    const cachedHistory = fromCache<{ timesheet: { currentDeclaration: { number: number }; declarations: { number: number; status: string }[] } }>(staff, HISTORY, { id: id('2026-W47') }).timesheet;
    expect(cachedHistory.currentDeclaration.number).toBe(3);
    expect(cachedHistory.declarations.map((d) => [d.number, d.status])).toEqual([
      [1, 'REJECTED'],
      [2, 'SUPERSEDED'],
      [3, 'APPROVED'],
    ]);
    await expectCacheIsServer(t, staff, HISTORY, { id: id('2026-W47') });
    await expectCacheIsServer(t, staff, OVERVIEW, mine, { ...mine, first: 100 });
    await expectCacheIsServer(t, staff, OVERVIEW, approvedOnly, { ...approvedOnly, first: 100 });
    expectCleanCaches();
  });

  it('payroll reads the approved declarations page by page and one week apart: each filter its own list', async () => {
    const approved = { filter: { statuses: ['APPROVED'] }, first: 1 };
    const w47Only = { filter: { week: '2026-W47', statuses: ['APPROVED'] }, first: 1 };
    const all = await loadAllPages<DeclarationRow>(payroll, PAYROLL_DECLARATIONS, 'declarations', approved);
    expect(all.map((d) => [d.week, d.number, d.status])).toEqual([
      ['2026-W46', 1, 'APPROVED'],
      ['2026-W47', 3, 'APPROVED'],
    ]);
    const week = await loadAllPages<DeclarationRow>(payroll, PAYROLL_DECLARATIONS, 'declarations', w47Only);
    expect(week.map((d) => [d.week, d.number])).toEqual([['2026-W47', 3]]);
    expect(rootFieldVariants(payroll, 'declarations')).toHaveLength(2);
    await expectCacheIsServer(t, payroll, PAYROLL_DECLARATIONS, approved, { ...approved, first: 500 });
    await expectCacheIsServer(t, payroll, PAYROLL_DECLARATIONS, w47Only, { ...w47Only, first: 500 });
    expectCleanCaches();
  });
});
