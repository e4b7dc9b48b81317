import './apollo-dev-mode';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gql, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { createCache, dropFromConnection } from '../../web/src/app/cache-policies';
import { ConsoleCapture } from './person-client';

/*
 * The cache policies of docs/front-end.md on their own, without a server: what each one is for,
 * shown against Apollo's defaults (which lose or mix data the same way a front end saw in issue 9).
 */

const BAR = gql`
  query Bar($first: Int, $after: String, $placementId: ID) {
    openTimesheets(first: $first, after: $after, placementId: $placementId) {
      nodes { id week }
      pageInfo { hasNextPage endCursor }
    }
  }
`;
const BAR_EDGES = gql`
  query BarEdges($first: Int, $after: String) {
    openTimesheets(first: $first, after: $after) {
      edges { cursor node { id week } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

const week = (n: number) => ({ __typename: 'Timesheet', id: `t${n}`, week: `2026-W${n}` });
function page(weeks: number[], hasNextPage: boolean) {
  return {
    openTimesheets: {
      __typename: 'TimesheetConnection',
      nodes: weeks.map(week),
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: `c${weeks[weeks.length - 1]}` },
    },
  };
}
function edgePage(weeks: number[], hasNextPage: boolean) {
  return {
    openTimesheets: {
      __typename: 'TimesheetConnection',
      edges: weeks.map((n) => ({ __typename: 'TimesheetEdge', cursor: `c${n}`, node: week(n) })),
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: `c${weeks[weeks.length - 1]}` },
    },
  };
}
function weeksIn(cache: InMemoryCache, variables: object = { first: 2 }): string[] {
  const data = cache.readQuery<{ openTimesheets: { nodes: { week: string }[] } }>({ query: BAR, variables });
  return data!.openTimesheets.nodes.map((n) => n.week);
}

describe('connectionPagination: the policy of every Flexportal connection', () => {
  it('appends page 2 to page 1 under one list, and a request without `after` (a refetch) starts it again', () => {
    const cache = createCache();
    cache.writeQuery({ query: BAR, variables: { first: 2 }, data: page([45, 46], true) });
    cache.writeQuery({ query: BAR, variables: { first: 2, after: 'c46' }, data: page([47, 48], false) });
    expect(weeksIn(cache)).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    // The same page loaded twice (a fetchMore repeated) replaces that page, it does not add it again.
    cache.writeQuery({ query: BAR, variables: { first: 2, after: 'c46' }, data: page([47, 48], false) });
    expect(weeksIn(cache)).toEqual(['2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    // A refetch of the first page replaces the list: W46 left it on the server.
    cache.writeQuery({ query: BAR, variables: { first: 2 }, data: page([45, 47], true) });
    expect(weeksIn(cache)).toEqual(['2026-W45', '2026-W47']);
    const stored = Object.keys((cache.extract() as Record<string, object>).ROOT_QUERY).filter((k) => k.startsWith('openTimesheets'));
    expect(stored).toHaveLength(1); // first/after are not part of the key
  });

  it('keeps one list per keyArgs value (the placement), never mixing them', () => {
    const cache = createCache();
    cache.writeQuery({ query: BAR, variables: { first: 2, placementId: 'p1' }, data: page([45, 46], false) });
    cache.writeQuery({ query: BAR, variables: { first: 2, placementId: 'p2' }, data: page([47], false) });
    expect(weeksIn(cache, { first: 2, placementId: 'p1' })).toEqual(['2026-W45', '2026-W46']);
    expect(weeksIn(cache, { first: 2, placementId: 'p2' })).toEqual(['2026-W47']);
  });

  it('pages with edges as well as with nodes', () => {
    const cache = createCache();
    cache.writeQuery({ query: BAR_EDGES, variables: { first: 2 }, data: edgePage([45, 46], true) });
    cache.writeQuery({ query: BAR_EDGES, variables: { first: 2, after: 'c46' }, data: edgePage([47, 48], false) });
    const data = cache.readQuery<{ openTimesheets: { edges: { cursor: string }[]; pageInfo: { hasNextPage: boolean } } }>({ query: BAR_EDGES, variables: { first: 2 } });
    expect(data!.openTimesheets.edges.map((e) => e.cursor)).toEqual(['c45', 'c46', 'c47', 'c48']);
    expect(data!.openTimesheets.pageInfo.hasNextPage).toBe(false);
  });

  it("Apollo's relayStylePagination does not page `nodes`: page 2 replaces page 1", () => {
    const cache = new InMemoryCache({ typePolicies: { Query: { fields: { openTimesheets: relayStylePagination(['placementId']) } } } });
    cache.writeQuery({ query: BAR, variables: { first: 2 }, data: page([45, 46], true) });
    cache.writeQuery({ query: BAR, variables: { first: 2, after: 'c46' }, data: page([47, 48], false) });
    expect(weeksIn(cache)).toEqual(['2026-W47', '2026-W48']);
  });

  it('dropFromConnection takes ids out of every cached list, and page 2 still lands after page 1', () => {
    const cache = createCache();
    cache.writeQuery({ query: BAR, variables: { first: 2 }, data: page([45, 46], true) });
    cache.writeQuery({ query: BAR, variables: { first: 2, placementId: 'p1' }, data: page([46], false) });
    dropFromConnection(cache, 'openTimesheets', 'Timesheet', ['t46']);
    expect(weeksIn(cache)).toEqual(['2026-W45']);
    expect(weeksIn(cache, { first: 2, placementId: 'p1' })).toEqual([]);
    cache.writeQuery({ query: BAR, variables: { first: 2, after: 'c46' }, data: page([47, 48], false) });
    expect(weeksIn(cache)).toEqual(['2026-W45', '2026-W47', '2026-W48']);
  });
});

describe('the type policies against Apollo defaults', () => {
  const capture = new ConsoleCapture();
  beforeEach(() => capture.start());
  afterEach(() => capture.stop());

  const DAYS = gql`
    query Days($id: ID!) {
      timesheet(id: $id) { id version days { date total } }
    }
  `;
  const withDays = (version: number, dates: string[]) => ({
    timesheet: { __typename: 'Timesheet', id: 't47', version, days: dates.map((date) => ({ __typename: 'WorkDay', date, total: '8:00' })) },
  });

  it('a week saved with a day fewer: the default cache warns "Cache data may be lost", the policies replace the days', () => {
    const plain = new InMemoryCache();
    plain.writeQuery({ query: DAYS, variables: { id: 't47' }, data: withDays(2, ['2026-11-16', '2026-11-18']) });
    plain.writeQuery({ query: DAYS, variables: { id: 't47' }, data: withDays(3, ['2026-11-18']) });
    expect(capture.take().join('\n')).toMatch(/Cache data may be lost when replacing the days field of a Timesheet object/);

    const cache = createCache();
    cache.writeQuery({ query: DAYS, variables: { id: 't47' }, data: withDays(2, ['2026-11-16', '2026-11-18']) });
    cache.writeQuery({ query: DAYS, variables: { id: 't47' }, data: withDays(3, ['2026-11-18']) });
    expect(capture.take()).toEqual([]);
    expect(cache.readQuery<ReturnType<typeof withDays>>({ query: DAYS, variables: { id: 't47' } })!.timesheet.days.map((d) => d.date)).toEqual(['2026-11-18']);
  });

  it("a breakdown's schedule is no entity: week B's schedule versions never show in week A", () => {
    const PREVIEW = gql`
      query Preview($id: ID!) {
        timesheet(id: $id) { id preview { schedule { id name versions } } }
      }
    `;
    const weekWith = (id: string, versions: string[]) => ({
      timesheet: { __typename: 'Timesheet', id, preview: { __typename: 'HoursBreakdown', schedule: { __typename: 'BreakdownSchedule', id: 'schedule-1', name: 'Schoonmaak', versions } } },
    });
    type Read = ReturnType<typeof weekWith>;
    const versionsOfA = (cache: InMemoryCache) => cache.readQuery<Read>({ query: PREVIEW, variables: { id: 'A' } })!.timesheet.preview.schedule.versions;

    const plain = new InMemoryCache();
    plain.writeQuery({ query: PREVIEW, variables: { id: 'A' }, data: weekWith('A', ['2026-01-01']) });
    plain.writeQuery({ query: PREVIEW, variables: { id: 'B' }, data: weekWith('B', ['2026-11-23']) });
    expect(versionsOfA(plain)).toEqual(['2026-11-23']); // the leak of issue 9, item 1

    const cache = createCache();
    cache.writeQuery({ query: PREVIEW, variables: { id: 'A' }, data: weekWith('A', ['2026-01-01']) });
    cache.writeQuery({ query: PREVIEW, variables: { id: 'B' }, data: weekWith('B', ['2026-11-23']) });
    expect(versionsOfA(cache)).toEqual(['2026-01-01']);
  });

  it('a week or declaration already cached is read by id without a request', () => {
    const cache = createCache();
    const ROW = gql`
      query Row { openTimesheets { nodes { id week } } }
    `;
    cache.writeQuery({ query: ROW, data: { openTimesheets: { __typename: 'TimesheetConnection', nodes: [week(47)] } } });
    const WEEK = gql`
      query Week($id: ID!) { timesheet(id: $id) { id week } }
    `;
    expect(cache.readQuery({ query: WEEK, variables: { id: 't47' } })).toEqual({ timesheet: week(47) });
  });
});

describe("a declaration's days, fetched by two screens", () => {
  const DAYS_TOTALS = gql`
    query DaysTotals($id: ID!) {
      declaration(id: $id) { id days { date workedHours } }
    }
  `;
  const DAYS_BLOCKS = gql`
    query DaysBlocks($id: ID!) {
      declaration(id: $id) { id days { date blocks { start end } } }
    }
  `;
  const day = (date: string, extra: object) => ({ __typename: 'DeclarationDay', date, ...extra });

  it('merges them day by day (Apollo cannot merge lists by itself), and takes a list of another length as it comes', () => {
    const cache = createCache();
    const id = 'd1';
    const declaration = (days: object[]) => ({ declaration: { __typename: 'Declaration', id, days } });
    cache.writeQuery({ query: DAYS_TOTALS, variables: { id }, data: declaration([day('2026-11-16', { workedHours: '7:30' }), day('2026-11-17', { workedHours: '8:00' })]) });
    cache.writeQuery({
      query: DAYS_BLOCKS,
      variables: { id },
      data: declaration([day('2026-11-16', { blocks: [{ __typename: 'TimeBlock', start: '22:00', end: '06:00' }] }), day('2026-11-17', { blocks: [] })]),
    });
    // Written again (a refetch): no "Cannot automatically merge arrays".
    cache.writeQuery({ query: DAYS_TOTALS, variables: { id }, data: declaration([day('2026-11-16', { workedHours: '7:30' }), day('2026-11-17', { workedHours: '8:00' })]) });
    expect(cache.readQuery<{ declaration: { days: { workedHours: string }[] } }>({ query: DAYS_TOTALS, variables: { id } })!.declaration.days.map((d) => d.workedHours)).toEqual(['7:30', '8:00']);
    expect(cache.readQuery<{ declaration: { days: { blocks: unknown[] }[] } }>({ query: DAYS_BLOCKS, variables: { id } })!.declaration.days.map((d) => d.blocks.length)).toEqual([1, 0]);
    cache.writeQuery({ query: DAYS_TOTALS, variables: { id }, data: declaration([day('2026-11-18', { workedHours: '6:00' })]) });
    expect(cache.readQuery<{ declaration: { days: { date: string }[] } }>({ query: DAYS_TOTALS, variables: { id } })!.declaration.days.map((d) => d.date)).toEqual(['2026-11-18']);
  });
});

describe('docs/front-end.md', () => {
  it('quotes web/src/app/cache-policies.ts (the portal and the test use it) exactly', () => {
    const doc = readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'front-end.md'), 'utf8');
    const quoted = /<!-- quote: web\/src\/app\/cache-policies\.ts -->\n```ts\n([\s\S]*?)```/.exec(doc);
    expect(quoted).not.toBeNull();
    expect(quoted![1]).toBe(readFileSync(path.resolve(__dirname, '..', '..', 'web', 'src', 'app', 'cache-policies.ts'), 'utf8'));
  });
});
