import { ApolloCache, FieldPolicy, InMemoryCache, Reference, TypePolicies } from '@apollo/client';

/*
 * The InMemoryCache policies a Flexportal front end uses (docs/front-end.md quotes this file, and
 * test/client/ runs its story and the web portal runs with exactly these). Copy it into your front end as it is.
 */

/** A page of a Flexportal connection as the cache stores it: `edges`, `nodes`, or both. */
interface StoredConnection {
  edges?: readonly { cursor?: string; node?: Reference }[];
  nodes?: readonly Reference[];
  pageInfo?: { hasNextPage?: boolean; endCursor?: string | null };
  /** Where each loaded page ended: its endCursor and the number of items up to there. */
  pageEnds?: readonly { cursor: string; count: number }[];
  [field: string]: unknown;
}

/**
 * The field policy of a Flexportal connection (`{ edges { cursor node } nodes pageInfo }` with
 * `first`/`after`): one list per value of `keyArgs` (the filter; never `first` or `after`), pages
 * appended in the order they are loaded, a request without `after` (the first page, or a refetch)
 * replacing the list. Apollo's own `relayStylePagination` concatenates `edges` only: a page asked
 * for with `nodes` replaces the pages before it (test/client/cache-policies.test.ts shows it).
 */
export function connectionPagination(keyArgs: string[] | false): FieldPolicy<StoredConnection> {
  return {
    keyArgs,
    merge(existing, incoming, { args }) {
      const after = typeof args?.after === 'string' ? args.after : null;
      if (!existing || after === null) return withPageEnd(incoming, { ...incoming, pageEnds: [] }, 0);
      const kept = keptCount(existing, after);
      const merged: StoredConnection = {
        ...existing,
        ...incoming,
        pageInfo: { ...existing.pageInfo, ...incoming.pageInfo },
        pageEnds: (existing.pageEnds ?? []).filter((end) => end.count <= kept),
      };
      if (incoming.edges) merged.edges = [...(existing.edges ?? []).slice(0, kept), ...incoming.edges];
      if (incoming.nodes) merged.nodes = [...(existing.nodes ?? []).slice(0, kept), ...incoming.nodes];
      return withPageEnd(incoming, merged, kept);
    },
  };
}

/** How many stored items come before the page that starts after `after`. */
function keptCount(existing: StoredConnection, after: string): number {
  const pageEnd = existing.pageEnds?.find((end) => end.cursor === after);
  if (pageEnd) return pageEnd.count;
  const edgeIndex = existing.edges?.findIndex((edge) => edge.cursor === after) ?? -1;
  if (edgeIndex >= 0) return edgeIndex + 1;
  return itemCount(existing); // an unknown cursor: the page goes at the end, as relayStylePagination does
}

function itemCount(connection: StoredConnection): number {
  return Math.max(connection.edges?.length ?? 0, connection.nodes?.length ?? 0);
}

function withPageEnd(incoming: StoredConnection, merged: StoredConnection, kept: number): StoredConnection {
  const cursor = incoming.pageInfo?.endCursor;
  if (!cursor) return merged;
  return { ...merged, pageEnds: [...(merged.pageEnds ?? []), { cursor, count: kept + itemCount(incoming) }] };
}

/** Replace the stored value with the incoming one, without Apollo's data-loss warning. */
const REPLACE: FieldPolicy = { merge: false };
/** Merge the fields of both: for values that never change once made (a declaration's hours). */
const MERGE: FieldPolicy = { merge: true };
/**
 * The same for a list of values without ids that never changes once made (a declaration's days):
 * merged element by element, so screens that ask for different fields of each day share them.
 * Apollo cannot merge lists by itself (`merge: true` on a list throws "Cannot automatically merge arrays").
 */
const MERGE_BY_POSITION: FieldPolicy<unknown[]> = {
  merge(existing, incoming, { mergeObjects }) {
    if (!existing || existing.length !== incoming.length) return incoming;
    return incoming.map((item, index) => mergeObjects(existing[index] as Reference, item as Reference));
  },
};

export const typePolicies: TypePolicies = {
  Query: {
    fields: {
      // Every connection: keyArgs are its arguments except first/after.
      openTimesheets: connectionPagination(['placementId']),
      declarationStatus: connectionPagination(false),
      timesheets: connectionPagination(['filter']),
      declarations: connectionPagination(['filter']),
      declarationsAwaitingApproval: connectionPagination(false),
      relations: connectionPagination(['filter']),
      flexworkers: connectionPagination(['filter']),
      placements: connectionPagination(['filter']),
      caoUnravelSchedules: connectionPagination(false),
      // One list per question: the schedule, the draft (the whole input) and the weeks.
      caoScheduleChangeImpact: connectionPagination(['scheduleId', 'draft', 'weeks']),
      payslips: connectionPagination(['flexworkerId']),
      annualStatements: connectionPagination(['flexworkerId']),
      payrollExports: connectionPagination(['filter']),
      mailMessages: connectionPagination(['status', 'kind']),
      changeRequests: connectionPagination(['status', 'flexworkerId']),
      messageThreads: connectionPagination(['status']),
      signingRequests: connectionPagination(['status', 'flexworkerId']),
      // A week or declaration already in the cache (from a list) is read without a request.
      timesheet: { read: (_, { args, toReference }) => toReference({ __typename: 'Timesheet', id: args?.id }) },
      declaration: { read: (_, { args, toReference }) => toReference({ __typename: 'Declaration', id: args?.id }) },
    },
  },
  Timesheet: {
    fields: {
      // The week as entered and its preview change with each save: the server sends them whole.
      days: REPLACE,
      preview: REPLACE,
      rejection: REPLACE,
      declarations: REPLACE,
      auditTrail: REPLACE,
    },
  },
  Declaration: {
    fields: {
      // A declaration's hours and lines never change after it was made.
      days: MERGE_BY_POSITION,
      breakdown: MERGE,
    },
  },
  MessageThread: {
    fields: {
      // A thread's messages, paged oldest first: one list per thread (a refetch without `after` starts it again).
      messages: connectionPagination(false),
    },
  },
  // Not entities: their `id` names a schedule or one of its rules, while the fields differ by the
  // week or version they were reached from (issue 9, item 1). Stored inside their parent.
  BreakdownSchedule: { keyFields: false },
  OrtWindow: { keyFields: false },
  DailyOvertime: { keyFields: false },
  WeekdayOvertime: { keyFields: false },
  WeeklyOvertime: { keyFields: false },
  ShiftSurcharge: { keyFields: false },
};

/**
 * Takes the objects with these ids out of every cached variant of a connection field (each
 * filter's list), for the `removedFrom…` ids of a mutation payload:
 * `dropFromConnection(cache, 'openTimesheets', 'Timesheet', payload.removedFromOpenTimesheets)`.
 */
export function dropFromConnection(cache: ApolloCache, fieldName: string, typename: string, ids: readonly string[]): void {
  if (ids.length === 0) return;
  const gone = new Set(ids.map((id) => cache.identify({ __typename: typename, id })));
  cache.modify({
    id: 'ROOT_QUERY',
    fields: {
      [fieldName]: (stored) => {
        const value = stored as StoredConnection;
        const keep = (ref: Reference | undefined) => !ref || !gone.has(ref.__ref);
        const removedBefore = (count: number) => {
          const items = value.nodes ?? value.edges?.map((edge) => edge.node);
          return (items ?? []).slice(0, count).filter((ref) => !keep(ref)).length;
        };
        const next: StoredConnection = {
          ...value,
          ...(value.edges ? { edges: value.edges.filter((edge) => keep(edge.node)) } : {}),
          ...(value.nodes ? { nodes: value.nodes.filter(keep) } : {}),
          ...(value.pageEnds ? { pageEnds: value.pageEnds.map((end) => ({ ...end, count: end.count - removedBefore(end.count) })) } : {}),
        };
        // An emptied list has no end cursor, as the server would answer; otherwise the old end
        // cursor stays valid for the next page (the cursors are keys, not positions).
        if (itemCount(next) === 0 && next.pageInfo) next.pageInfo = { ...next.pageInfo, endCursor: null };
        return next;
      },
    },
  });
}

/** The cache of one person's front end. */
export function createCache(): InMemoryCache {
  return new InMemoryCache({ typePolicies });
}
