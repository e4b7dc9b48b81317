import { Field, ObjectType } from 'type-graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Page } from '../../application/shared/pagination';

@ObjectType('PageInfo', { description: 'Forward paging: pass `endCursor` (or any edge cursor) as `after` for what follows.' })
export class PageInfo {
  @Field({ description: 'Whether more items follow this page: ask again with `after: endCursor`.' }) hasNextPage: boolean;
  @Field(() => String, { nullable: true, description: 'The cursor of the last item of this page, to pass as `after`; null on an empty page.' })
  endCursor: string | null;
}

/*
 * The descriptions every connection shares, so that all lists read alike in the schema. A
 * connection's own type description names what it pages ("A page of relations").
 */
export const EDGES_DESCRIPTION = 'The items of this page, each with its cursor.';
export const NODES_DESCRIPTION = 'The items of this page without cursors (the same as edges.node).';
export const PAGE_INFO_DESCRIPTION = 'Whether more follows, and the cursor to ask for it.';
export const EDGE_DESCRIPTION = 'One item of a page with its cursor.';
export const CURSOR_DESCRIPTION = 'Opaque; pass it as `after` for the items behind this one. Valid only for the list that gave it.';

/** The options of a list field's `first` argument, with the most items the list gives per page. */
export function firstArg(max: number = MAX_PAGE_SIZE): { nullable: true; description: string } {
  return {
    nullable: true,
    description: `How many items to return: 1 to ${max}, ${Math.min(DEFAULT_PAGE_SIZE, max)} when left out; outside that range PAGE_SIZE_RANGE.`,
  };
}

/** The options of a list field's `after` argument. */
export const AFTER_ARG = {
  nullable: true,
  description: 'Return the items after this cursor (PageInfo.endCursor or an edge cursor of the same list); from the start when left out.',
} as const;

interface Edge<N> {
  cursor: string;
  node: N;
}

/**
 * A Relay connection from a page: `edges` with a cursor per node, the same `nodes` without
 * cursors for clients that do not need them, and the page info.
 */
export function toConnection<T, N, E extends Edge<N>, C extends { edges: E[]; nodes: N[]; pageInfo: PageInfo }>(
  Connection: new () => C,
  Edge: new () => E,
  page: Page<T>,
  toNode: (item: T) => N,
): C {
  const nodes = page.items.map(toNode);
  const edges = nodes.map((node, i) => Object.assign(new Edge(), { cursor: page.cursors[i], node }));
  const pageInfo = Object.assign(new PageInfo(), { hasNextPage: page.hasNextPage, endCursor: page.endCursor });
  return Object.assign(new Connection(), { edges, nodes, pageInfo });
}
